"""``crmdesk import FILE`` and ``crmdesk import --undo BATCH``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crmdesk.commands.base import command, open_db, print_json
from crmdesk.db.enums import AcquisitionSource
from crmdesk.importing.errors import ImportFileError, UnclosedQuoteError


@command
def _import(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="import contacts from a CSV, XLSX, XLS or ODS file",
        description="Import contacts from a spreadsheet. Columns are mapped from their "
        "headers (Outlook, Google, LinkedIn and other exports, several languages); rows are "
        "linked to accounts by company name; duplicates (same e-mail, or a similar name at "
        "the same company) update or are skipped. Shows what it will do and asks first; "
        "the whole import is one transaction and can be undone with --undo.",
    )
    p.add_argument("file", nargs="?", help="the spreadsheet (.csv, .xlsx, .xls, .ods)")
    p.add_argument("--sheet", metavar="NAME", help="which sheet (default: the first)")
    p.add_argument("--encoding", metavar="ENC", help="text encoding of a CSV (default: detected)")
    p.add_argument(
        "--literal-quotes-from",
        type=int,
        metavar="ROW",
        help="read a CSV's quotes as ordinary characters from file row ROW on "
        "(for a quote that is never closed)",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    p.add_argument("--yes", "-y", action="store_true", help="import without asking")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column to a field, e.g. 'Handy=mobile' or 'Fax=ignore' (repeatable)",
    )
    p.add_argument("--region", metavar="CC", help="country for phone numbers without +, e.g. DE")
    p.add_argument(
        "--source",
        default="enquiry",
        help="acquisition source of new accounts (default enquiry)",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="duplicates overwrite existing values (default: only fill empty fields)",
    )
    p.add_argument(
        "--duplicates",
        choices=("update", "skip", "create"),
        help="what to do with rows matching an existing contact by e-mail (default update)",
    )
    p.add_argument("--default-account", metavar="NAME", help="account for rows without a company")
    p.add_argument("--rejected", metavar="CSV", help="save rejected rows here, with a reason")
    p.add_argument("--undo", metavar="BATCH", help="undo the import with this batch id")
    p.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    if args.undo:
        return _undo(args)
    if not args.file:
        raise ImportFileError("name the file to import (or use --undo BATCH)")
    from crmdesk.importing import plan as planning
    from crmdesk.importing import service
    from crmdesk.importing.mapping import TARGETS, parse_target
    from crmdesk.importing.values import default_region
    from crmdesk.importing.workflow import load_with_snapshot

    try:
        source = AcquisitionSource.parse(args.source)
    except ValueError:
        choices = ", ".join(m.value for m in AcquisitionSource)
        raise ImportFileError(f"--source '{args.source}' is not one of: {choices}") from None
    db = open_db(args)
    try:
        loaded, snapshot = load_with_snapshot(
            db,
            args.file,
            sheet=args.sheet,
            encoding=args.encoding,
            literal_quotes_from=args.literal_quotes_from,
        )
    except UnclosedQuoteError as exc:
        raise ImportFileError(
            f"{exc}; to read quotes as ordinary characters from that row on, "
            f"add --literal-quotes-from {exc.row}"
        ) from None
    targets = list(loaded.targets)
    keys = {h.casefold(): i for i, h in enumerate(loaded.sheet.headers)}
    for item in args.map:
        column, sep, field = item.partition("=")
        if not sep or column.strip().casefold() not in keys:
            raise ImportFileError(
                f"--map '{item}': no column '{column}' (columns: {', '.join(loaded.sheet.headers)})"
            )
        try:
            targets[keys[column.strip().casefold()]] = parse_target(field)
        except ValueError:
            raise ImportFileError(
                f"--map '{item}': '{field}' is not a field ({', '.join(t for t in TARGETS if t)})"
            ) from None
    options = planning.ImportOptions(
        targets=targets,
        region=(args.region or default_region()).upper(),
        acquisition_source=source,
        update_mode="overwrite" if args.overwrite else "fill",
        default_account=args.default_account or "",
    )
    plan = planning.build_plan(loaded.sheet, options, snapshot)
    if args.duplicates and args.duplicates != "update":
        plan.set_bulk("email", args.duplicates)
    if args.rejected:
        service.save_rejected(plan, args.rejected)
    counts = plan.counts()
    if not args.json:
        _print_preview(loaded, plan, counts)
    if args.dry_run:
        if args.json:
            print_json({**_json_counts(counts), "batch": None, "dry_run": True,
                        "problems": _problems(plan)})  # fmt: skip
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise ImportFileError("add --yes to import without asking, or --dry-run to preview")
        answer = input("Import? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("nothing imported", file=sys.stderr)
            return 1
    result = service.commit(
        db, plan, file_path=loaded.path, sheet=loaded.raw.sheet, encoding=loaded.raw.encoding
    )
    if args.json:
        print_json(result.as_json())
    else:
        print(
            f"imported: {result.created} created, {result.updated} updated, {result.skipped} "
            f"skipped, {result.rejected} rejected, {result.accounts_created} new accounts. "
            f"Undo with: crmdesk import --undo {result.batch[:8]}",
            file=sys.stderr,
        )
    return 0


def _json_counts(counts: dict[str, int]) -> dict[str, int]:
    return {
        "created": counts["create"],
        "updated": counts["update"],
        "skipped": counts["skip"] + counts["unchanged"],
        "rejected": counts["reject"],
        "accounts_created": counts["accounts_new"],
    }


def _problems(plan: Any) -> list[dict[str, Any]]:
    return [
        {"row": r.row_number, "action": r.action, "problem": r.problem} for r in plan.problems()
    ]


def _print_preview(loaded: Any, plan: Any, counts: dict[str, int]) -> None:
    from crmdesk.importing.mapping import TARGETS

    out = sys.stderr
    raw = loaded.raw
    how = [f"{len(plan.rows)} rows", f"header on row {loaded.sheet.header_row_number}"]
    if raw.sheet:
        how.append(f"sheet '{raw.sheet}'")
    if raw.encoding:
        how.append(f"encoding {raw.encoding}, delimiter {raw.delimiter!r}")
    print(f"{loaded.path.name}: " + ", ".join(how), file=out)
    for note in loaded.sheet.notes:
        print(f"  note: {note}", file=out)
    print("columns:", file=out)
    for header, target in zip(loaded.sheet.headers, plan.options.targets, strict=True):
        print(f"  {header!r:32} -> {TARGETS[target]}", file=out)
    for col, order in plan.date_orders.items():
        print(f"  dates in {plan.sheet.headers[col]!r} read as {order[0]}/{order[1]}/{order[2]}",
              file=out)  # fmt: skip
    print(
        f"would create {counts['create']}, update {counts['update']}, leave {counts['unchanged']} "
        f"unchanged, skip {counts['skip']}, reject {counts['reject']}; "
        f"{counts['duplicates']} duplicates; {counts['accounts_new']} new accounts",
        file=out,
    )
    problems = plan.problems()
    for row in problems[:50]:
        print(f"  row {row.row_number}: {row.action}: {row.problem}", file=out)
    if len(problems) > 50:
        print(f"  … and {len(problems) - 50} more (see --json or --rejected)", file=out)


def _undo(args: argparse.Namespace) -> int:
    from crmdesk.importing import service

    db = open_db(args)
    result = service.undo(db, args.undo)
    if args.json:
        print_json(
            {
                "batch": result.batch,
                "removed_contacts": result.removed_contacts,
                "restored_contacts": result.restored_contacts,
                "removed_accounts": result.removed_accounts,
                "kept": result.kept,
            }
        )
    else:
        print(
            f"undid import {result.batch[:8]}: removed {result.removed_contacts} contacts and "
            f"{result.removed_accounts} accounts, restored {result.restored_contacts} contacts",
            file=sys.stderr,
        )
        for line in result.kept:
            print(f"  {line}", file=sys.stderr)
    return 0
