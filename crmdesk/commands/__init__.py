"""Subcommands of ``crmdesk``, one module per area. Each module registers
its subparsers with :func:`crmdesk.cli.command` when imported; the list is
explicit so frozen builds find every module."""

from crmdesk.commands import portfolio  # noqa: F401
from crmdesk.commands import importing  # noqa: F401
from crmdesk.commands import safety  # noqa: F401
from crmdesk.commands import reports  # noqa: F401
from crmdesk.commands import health  # noqa: F401
from crmdesk.commands import retention  # noqa: F401
