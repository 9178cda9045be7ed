"""The import feature: File ▸ Import…, dropped files and Finder's "Open
With" open the wizard (``feature``); the wizard's pages, models and preview
call :mod:`crmdesk.importing` (not to be confused with this package)."""
