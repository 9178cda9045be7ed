"""The ``crmdesk`` command line's entry point: assemble the parser from the
command modules (:mod:`crmdesk.commands`) and run one command.

User mistakes print one line on stderr and exit 1 (2 for usage errors);
never a traceback. Environment errors (disk full, permission, read-only,
a lock held elsewhere, an undecodable file name) are turned into one line
here, at the one place every command passes through (see
:mod:`crmdesk.environment`). With no command, the window opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from crmdesk import __version__
from crmdesk.commands.base import REGISTRARS, Parser, suggest
from crmdesk.environment import environment_message
from crmdesk.errors import CrmError


def build_parser() -> argparse.ArgumentParser:
    from crmdesk.commands import load

    load()
    parser = Parser(
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
    subparsers = parser.add_subparsers(title="commands", dest="command", parser_class=Parser)
    for register in REGISTRARS:
        register(subparsers)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _looks_like_file(token: str) -> bool:
    path = Path(token)
    return bool(path.suffix) or path.exists() or os.sep in token


def _first_word(argv: list[str]) -> int | None:
    """Where the command word is in ``argv`` (after ``--db PATH``), if any."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--db":
            index += 2
            continue
        if token.startswith("--db="):
            index += 1
            continue
        if token.startswith("-"):
            return None
        return index
    return None


def _route(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``crmdesk contacts.xlsx`` (as a desktop file manager calls it) means
    ``crmdesk open contacts.xlsx``: the window with the import wizard. A
    word that is neither a command nor a file is a typo: say which command
    was probably meant (exit 2)."""
    index = _first_word(argv)
    if index is None:
        return argv
    token, known = argv[index], _commands(parser)
    if token in known:
        return argv
    if _looks_like_file(token):
        return [*argv[:index], "open", *argv[index:]]
    hint = suggest(token, known) or f" (commands: {', '.join(sorted(known))})"
    parser.print_usage(sys.stderr)
    print(f"crmdesk: error: '{token}' is not a command{hint}", file=sys.stderr)
    raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_route(argv, parser))
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
    except Exception as exc:
        message = environment_message(exc)
        if message is None:
            raise  # a bug: the traceback is what a report needs
        print(f"crmdesk: {message}", file=sys.stderr)
        return 1
    finally:
        from crmdesk.db.lifecycle import close_command_databases

        close_command_databases()


def __getattr__(name: str) -> object:
    """Modules written before the helpers moved (``from crmdesk.cli import
    command``) keep working until they import ``crmdesk.commands.base``
    (tests/test_cli.py names any that still don't)."""
    if name in ("command", "open_db", "print_json", "warn_storage", "enum_arg"):
        from crmdesk.commands import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    raise SystemExit(main())
