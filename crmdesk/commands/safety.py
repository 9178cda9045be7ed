"""``backup``, ``backups``, ``restore``, ``check`` and ``export``.

Backups, restore and check work on the file itself, without opening it
through the migrations: a damaged or newer database must still be
checkable, and restoring must work when the file was moved aside.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crmdesk.commands.base import command, open_db, print_json, word_arg
from crmdesk.errors import DatabaseError, InvalidValueError, NotFoundError


def db_file(args: argparse.Namespace) -> Path:
    """The SQLite file behind ``--db`` / ``CRMDESK_DB`` / the default."""
    from crmdesk.paths import resolve_db_file

    path = resolve_db_file(args.db)
    if path is None:
        raise DatabaseError("backups, restore and check work on a SQLite database file only")
    return path


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise NotFoundError(f"there is no database at {path}")
    return path


@command
def _backup(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "backup",
        help="take a verified backup of the database now",
        description="Copy the database into the backups folder beside it (SQLite's "
        "backup API, checked with quick_check), then thin old backups.",
    )
    p.add_argument("--reason", default="manual", help="a word kept in the file name")
    p.set_defaults(func=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    from crmdesk.db.backup import take_backup

    dest = take_backup(_existing(db_file(args)), args.reason)
    print(dest)
    return 0


@command
def _backups(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backups", help="list the backups of the database, newest first")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_backups)


def run_backups(args: argparse.Namespace) -> int:
    from crmdesk.db.backup import backup_dir_for, list_backups

    path = db_file(args)
    found = list_backups(path)
    if args.json:
        print_json(
            [
                {
                    "name": b.name,
                    "path": str(b.path),
                    "taken_at": b.taken_at.isoformat(),
                    "reason": b.reason,
                    "size": b.size,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print(f"no backups yet in {backup_dir_for(path)}", file=sys.stderr)
        return 0
    for b in found:
        when = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{b.name}\t{when}\t{b.reason}\t{b.size // 1024} KiB")
    return 0


@command
def _restore(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (the current state is backed up first)",
        description="Restore BACKUP (a name from `crmdesk backups` or a path). "
        "The current database is backed up first, so a restore can be undone.",
    )
    p.add_argument("backup", metavar="BACKUP")
    p.set_defaults(func=run_restore)


def run_restore(args: argparse.Namespace) -> int:
    from crmdesk.db.backup import resolve_backup
    from crmdesk.db.lock import InstanceRunningError, acquire
    from crmdesk.db.restore import restore_backup

    path = db_file(args)
    source = resolve_backup(path, args.backup)
    try:
        lock = acquire(path, "crmdesk restore (command line)")
    except InstanceRunningError as exc:
        raise InstanceRunningError(
            f"{exc} Or restore from File > Backups… in that window."
        ) from None
    with lock:
        safety = restore_backup(path, source)
    print(f"restored {source.name} into {path}", file=sys.stderr)
    if safety:
        print(f"the previous state was saved as {safety.name}", file=sys.stderr)
    return 0


@command
def _check(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help="check the database for damage (exit 0 healthy, 1 damaged)",
        description="Run SQLite's integrity_check and foreign_key_check, read-only.",
    )
    p.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from crmdesk.db.backup import newest_good_backup
    from crmdesk.db.health import check_database

    path = _existing(db_file(args))
    report = check_database(path)
    print(report.summary())
    if report.ok:
        return 0
    good = newest_good_backup(path)
    if good:
        print(f"newest good backup: {good.name} (crmdesk restore {good.name})")
    return 1


@command
def _export(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="write accounts, contacts or activities to a CSV or XLSX file",
        description="Export every (not deleted) record of one kind. Cells that a "
        "spreadsheet would run as a formula are written as text.",
    )
    p.add_argument(
        "kind",
        type=word_arg(("accounts", "contacts", "activities")),
        metavar="{accounts,contacts,activities}",
        help='what to export ("people" is accepted for contacts)',
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from crmdesk.core.export import FORMATS, export

    dest = Path(args.output).expanduser()
    if dest.suffix.lower() not in FORMATS:
        raise InvalidValueError(f"cannot export to '{dest.name}': use a .csv or .xlsx file name")
    count = export(open_db(args, write=False), args.kind, dest)
    print(f"wrote {count} {args.kind} to {dest}", file=sys.stderr)
    return 0
