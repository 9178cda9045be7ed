"""Errors a user can cause, with messages a person understands.

The window shows them in a dialog; the command line prints them on one line
of stderr and exits 1. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations


class CrmError(Exception):
    """Base class of every error the user can cause or fix."""

    exit_code = 1


class NotFoundError(CrmError):
    """A record the user named does not exist (or was deleted)."""


class AmbiguousError(CrmError):
    """A name matched several records; the message lists the candidates."""


class InvalidValueError(CrmError):
    """A value the user typed or imported is not acceptable."""


class DatabaseError(CrmError):
    """The database cannot be opened or used (newer schema, damaged file, locked)."""
