"""Importing contacts from CSV, XLSX, XLS and ODS files (no Qt here).

The flow, shared by the window's wizard and ``crmdesk import``:

1. :func:`crmdesk.importing.sandbox.read_file` parses the file in a separate,
   resource-limited process (a crafted spreadsheet can abort the reader).
2. :mod:`~crmdesk.importing.headers` finds the header row and the data rows.
3. :mod:`~crmdesk.importing.mapping` maps columns to contact fields.
4. :func:`crmdesk.importing.plan.build_plan` normalises values, links rows to
   accounts and finds duplicates: a dry run the user can inspect and change.
5. :func:`crmdesk.importing.service.commit` writes it in one transaction as an
   import batch that :func:`~crmdesk.importing.service.undo` can take back.
"""

from __future__ import annotations

from crmdesk.importing.errors import ImportCancelled, ImportFileError

__all__ = ["ImportCancelled", "ImportFileError"]
