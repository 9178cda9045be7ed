"""The ``crmdesk`` command line: the same services as the window.

User mistakes print one line on stderr and exit 1 (2 for usage errors);
never a traceback. With no command, the window opens.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from crmdesk import __version__
from crmdesk.errors import CrmError

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}
_REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def command(register: Callable[[argparse._SubParsersAction], None]):  # type: ignore[no-untyped-def,type-arg]
    """Decorator for a function that adds a subcommand to the parser; the
    subparser must set ``func`` to its handler via ``set_defaults``."""
    _REGISTRARS.append(register)
    return register


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"crmdesk: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from crmdesk import commands  # noqa: F401  (registers the subcommands)

    parser = _Parser(
        prog="crmdesk",
        description="crmdesk: a desktop CRM for key-account managers. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file or SQLAlchemy URL (default: $CRMDESK_DB, "
        "else crmdesk.sqlite3 in your user data folder)",
    )
    subparsers = parser.add_subparsers(title="commands", dest="command", parser_class=_Parser)
    for register in _REGISTRARS:
        register(subparsers)
    return parser


def _looks_like_file(token: str) -> bool:
    path = Path(token)
    return bool(path.suffix) or path.exists() or os.sep in token


def _route_file_argument(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``crmdesk contacts.xlsx`` (as a desktop file manager calls it) means
    ``crmdesk open contacts.xlsx``: the window with the import wizard."""
    known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--db":
            index += 2
            continue
        if token.startswith("-"):
            return argv
        if token not in known and _looks_like_file(token):
            return [*argv[:index], "open", *argv[index:]]
        return argv
    return argv


def open_db(args: argparse.Namespace, *, write: bool = True):  # type: ignore[no-untyped-def]
    """The database for a command; ``write=False`` for commands that only
    read (they open a read-only file read-only and never create one)."""
    from crmdesk.db.lifecycle import open_for_command

    db = open_for_command(args.db, write=write, program=f"crmdesk {args.command}")
    warn_storage(db.path)
    return db


def warn_storage(path: str | None) -> None:
    """Data safety: say so when the file sits on a network share or in a
    cloud-sync folder, where SQLite's locking cannot be trusted."""
    from crmdesk.db.health import storage_warning

    warning = storage_warning(path) if path else None
    if warning:
        print(f"crmdesk: warning: {warning}", file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_route_file_argument(argv, parser))
    try:
        if args.command is None:
            from crmdesk.app import run_gui

            return run_gui(args.db)
        return int(args.func(args))
    except CrmError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("crmdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        from crmdesk.db.lifecycle import close_command_databases

        close_command_databases()


if __name__ == "__main__":
    raise SystemExit(main())
