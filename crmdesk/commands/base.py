"""What every subcommand module uses: registration, the parser class, opening
the database, printing JSON, parsing enum and word arguments.

A command module registers itself with the :func:`command` decorator and
is listed once in :func:`crmdesk.commands.load`; ``crmdesk.cli`` only
assembles the parser from :data:`REGISTRARS` and runs the handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from crmdesk.db.engine import Database

SubParsers = argparse._SubParsersAction  # type: ignore[type-arg]
Registrar = Callable[[SubParsers], None]
REGISTRARS: list[Registrar] = []

R = TypeVar("R", bound=Registrar)


def command(register: R) -> R:
    """Decorator for a function that adds a subcommand to the parser; the
    subparser must set ``func`` to its handler via ``set_defaults``."""
    if register not in REGISTRARS:
        REGISTRARS.append(register)
    return register


class Parser(argparse.ArgumentParser):
    """Usage errors: the usage, one line, exit 2 (never argparse's exit 2
    with a traceback-looking wall of text)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"crmdesk: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def open_db(args: argparse.Namespace, *, write: bool = True) -> Database:
    """The database for a command, migrated; ``write=False`` for commands that
    only read (they open a read-only file read-only and never create one)."""
    from crmdesk.db.lifecycle import open_for_command

    db = open_for_command(args.db, write=write, program=f"crmdesk {args.command}")
    warn_storage(db.path)
    return db


def warn_storage(path: str | None) -> None:
    """Data safety: say so when the file sits on a network share or in a
    cloud-sync folder, where SQLite's locking cannot be trusted."""
    from crmdesk.db.location import storage_warning

    warning = storage_warning(path) if path else None
    if warning:
        print(f"crmdesk: warning: {warning}", file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


E = TypeVar("E", bound=Enum)


def enum_arg(enum_cls: type[E]) -> Callable[[str], E]:
    """An argparse ``type`` for one of our enums (``Tier.parse`` and friends
    accept labels and values); a bad value lists the choices."""

    def parse(text: str) -> E:
        try:
            return enum_cls.parse(text)  # type: ignore[attr-defined,no-any-return]
        except ValueError:
            choices = ", ".join(str(m.value) for m in enum_cls)
            raise argparse.ArgumentTypeError(f"'{text}' is not one of: {choices}") from None

    parse.__name__ = enum_cls.__name__  # argparse names the type in its messages
    return parse


# The words a person may use for a kind of record; "people" is what the
# window calls contacts.
WORD_ALIASES: Mapping[str, str] = {"people": "contacts", "persons": "contacts"}


def word_arg(
    choices: Iterable[str], aliases: Mapping[str, str] = WORD_ALIASES
) -> Callable[[str], str]:
    """An argparse ``type`` for a word from ``choices`` (case-insensitive),
    accepting ``aliases`` ("people" for "contacts"); a bad word lists the
    choices and suggests the nearest one."""
    words = tuple(choices)

    def parse(text: str) -> str:
        word = text.strip().casefold()
        word = aliases.get(word, word)
        if word in words:
            return word
        raise argparse.ArgumentTypeError(
            f"'{text}' is not one of: {', '.join(words)}{suggest(text, words)}"
        )

    parse.__name__ = "word"
    return parse


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or ``""``."""
    import difflib

    close = difflib.get_close_matches(word.casefold(), list(choices), n=2, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"
