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


class UnclosedQuoteError(ImportFileError):
    """A CSV quote opened in row ``row`` is never closed: the rest of the
    file (``lines`` lines) would be one cell. Reading again with quotes as
    ordinary characters from that row (``literal_quotes_from``) fixes it."""

    def __init__(self, row: int, lines: int) -> None:
        self.row, self.lines = row, lines
        super().__init__(
            f'row {row}: a quote (") opened in this row is never closed, so the rest of the '
            f"file ({lines:,} lines) would be read as one cell"
        )
