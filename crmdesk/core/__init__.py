"""Services: the operations a user performs, shared by the window, the
command line, the importer, the reports and the tests. No Qt here.

Each service function is one unit of work (one transaction) and takes the
:class:`~crmdesk.db.engine.Database` it works on.
"""
