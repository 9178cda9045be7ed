"""Subcommands of ``crmdesk``, one module per area, plus :mod:`.base` (what
they share). Each module registers its subparsers with
:func:`crmdesk.commands.base.command` when imported; :func:`load` imports
them by name so frozen builds find every module. A new module joins with
one line in :func:`load`."""

from __future__ import annotations


def load() -> None:
    """Import every command module (each registers its subcommands)."""
    # In the order of ``crmdesk --help``.
    from crmdesk.commands import portfolio  # noqa: F401
    from crmdesk.commands import importing  # noqa: F401
    from crmdesk.commands import safety  # noqa: F401
    from crmdesk.commands import reports  # noqa: F401
    from crmdesk.commands import records  # noqa: F401
    from crmdesk.commands import activities  # noqa: F401
    from crmdesk.commands import health  # noqa: F401
    from crmdesk.commands import retention  # noqa: F401
