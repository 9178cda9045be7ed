"""The importer's own error types: everything it raises for a bad file or a
bad choice is one of these, so callers catch one thing."""

from __future__ import annotations

from crmdesk.errors import CrmError


class ImportFileError(CrmError):
    """The file cannot be imported; the message says why in plain words."""


class ImportCancelled(ImportFileError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "the import was cancelled; nothing was changed") -> None:
        super().__init__(message)
