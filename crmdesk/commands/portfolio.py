"""``demo``, ``accounts``, ``stats`` and ``open``."""

from __future__ import annotations

import argparse
import sys

from crmdesk.commands.base import command, enum_arg, open_db, print_json
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.errors import InvalidValueError

# ``accounts --sort``: (portfolio SortKey value, descending); value sort
# comes with revenue entries
SORTS = {
    "name": ("name", False),
    "health": ("health", False),
    "last-contact": ("last_interaction", True),
}


_enum_arg = enum_arg  # its old name here, for command modules written before the move


@command
def _demo(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "demo",
        help="fill the database with realistic sample data",
        description="Add N sample accounts (about 80%% transactional, 15%% partner, "
        "5%% strategic) with contacts at several levels and a year of activities. "
        "The same seed gives the same data.",
    )
    p.add_argument("--accounts", type=int, default=500, metavar="N", help="how many (default 500)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from crmdesk.core.demo import generate_demo

    if args.accounts < 1:
        raise InvalidValueError("--accounts must be at least 1")
    db = open_db(args)
    result = generate_demo(db, accounts=args.accounts, seed=args.seed)
    print(
        f"added {result.accounts} accounts, {result.contacts} contacts, "
        f"{result.activities} activities",
        file=sys.stderr,
    )
    return 0


@command
def _accounts(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("accounts", help="list accounts", description="List accounts by name.")
    p.add_argument(
        "--tier",
        type=enum_arg(Tier),
        action="append",
        help="transactional, partner or strategic (repeatable)",
    )
    p.add_argument(
        "--status",
        type=enum_arg(AccountStatus),
        action="append",
        help="active, at_risk or lost (repeatable)",
    )
    p.add_argument("--owner", help="our account manager")
    p.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="full-text search: names, contacts, e-mails, notes",
    )
    p.add_argument("--limit", type=int, default=None, help="at most this many")
    p.add_argument(
        "--sort",
        choices=tuple(SORTS),
        default="name",
        help="name (default), health (worst first) or last-contact (most recent first)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_accounts)


def run_accounts(args: argparse.Namespace) -> int:
    from crmdesk.core.portfolio import AccountFilter, SortKey, list_accounts

    db = open_db(args, write=False)
    flt = AccountFilter(
        text=args.search,
        tiers=frozenset(args.tier or ()),
        statuses=frozenset(args.status or ()),
        owner=args.owner,
    )
    sort, descending = SORTS[args.sort]
    rows = list_accounts(db, flt, sort=SortKey(sort), descending=descending, limit=args.limit)
    scores = _scores(db) if args.sort == "health" else {}
    if args.json:
        print_json(
            [
                {
                    "name": r.name,
                    "uuid": str(r.uuid),
                    "tier": r.tier.value,
                    "status": r.status.value,
                    "owner": r.owner,
                    **({"health": scores.get(r.id)} if scores else {}),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        health = f"\t{scores.get(r.id, '')}" if scores else ""
        print(f"{r.name}\t{r.uuid}\t{r.tier.value}\t{r.status.value}\t{r.owner or ''}{health}")
    return 0


def _scores(db):  # type: ignore[no-untyped-def]
    from crmdesk.core.health_store import current_scores

    return {i: h.score for i, h in current_scores(db).items()}


@command
def _stats(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stats", help="counts of accounts, contacts, activities, overdue follow-ups")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    from crmdesk.core.stats import stats

    result = stats(open_db(args, write=False))
    if args.json:
        print_json(result.to_json())
        return 0
    tiers = ", ".join(f"{n} {t}" for t, n in result.accounts_by_tier.items())
    print(f"accounts: {result.accounts} ({tiers})")
    print(f"contacts: {result.contacts}")
    print(f"activities: {result.activities}")
    print(f"overdue follow-ups: {result.overdue_follow_ups}")
    return 0


@command
def _open(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "open",
        help="open the window with the import wizard on a spreadsheet",
        description="Open the window and start importing FILE (also: crmdesk FILE).",
    )
    p.add_argument("path", metavar="FILE")
    p.set_defaults(func=run_open)


def run_open(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crmdesk.app import run_gui

    if not Path(args.path).is_file():
        raise InvalidValueError(f"no such file: {args.path}")
    return run_gui(args.db, open_file=args.path)
