"""``health``, ``week``, ``remind`` and ``cadence``: relationship health,
this week's worklist and reminders from the command line (cron, Task
Scheduler, launchd) — the same services the window uses."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crmdesk.commands.base import command, open_db, print_json
from crmdesk.commands.portfolio import _enum_arg
from crmdesk.db.enums import Tier
from crmdesk.errors import InvalidValueError

BAND_MARK = {"green": "●", "yellow": "◐", "red": "○"}


def _owner(value: str | None, *, default_me: bool) -> str | None:
    """``me`` / a name / ``all``; with no value, the user's own accounts when
    crmdesk knows their name (everyone's otherwise)."""
    from crmdesk.preferences import load_preferences, resolve_owner

    if value is None:
        return load_preferences().me if default_me else None
    return resolve_owner(value)


@command
def _health(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "health",
        help="relationship health: score, band and why, per account",
        description="Score every live account 0-100 from named components (last touch against "
        "cadence, key contacts, complaints, coverage, satisfaction, activity trend, overdue "
        "follow-ups, plan), worst first; or explain one ACCOUNT. --snapshot records this "
        "week's scores for the trend.",
    )
    p.add_argument("account", metavar="ACCOUNT", nargs="?", help="name, unique part or UUID")
    p.add_argument("--tier", type=_enum_arg(Tier), action="append", help="repeatable")
    p.add_argument("--owner", help="me, a name, or all (default: all)")
    p.add_argument("--needs-attention", action="store_true", help="only red accounts")
    p.add_argument("--snapshot", action="store_true", help="record this week's snapshot")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_health)


def run_health(args: argparse.Namespace) -> int:
    from crmdesk.core import health, health_store
    from crmdesk.core.accounts import find_account

    db = open_db(args)
    if args.snapshot:
        if args.account or args.tier or args.owner or args.needs_attention:
            raise InvalidValueError("--snapshot records every account; give no other option")
        result = health_store.take_snapshots(db)
        if args.json:
            print_json({"week": result.week, "added": result.added, "replaced": result.replaced})
        else:
            print(f"health snapshot for {result.week}: {result.added} added, "
                  f"{result.replaced} replaced", file=sys.stderr)  # fmt: skip
        return 0
    if args.account:
        account = find_account(db, args.account)
        one = health.account_health(db, account.id)
        history = health_store.history(db, account.id, weeks=12)
        if args.json:
            print_json({**one.to_json(), "history": [
                {"week": h.week, "score": h.score, "band": h.band} for h in history]})  # fmt: skip
        else:
            _explain(one, history)
        return 0
    rows = health.portfolio_health(
        db,
        tiers=args.tier or (),
        owner=_owner(args.owner, default_me=False),
        needs_attention=args.needs_attention,
    )
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        touch = f"{r.days_since_touch}d" if r.days_since_touch is not None else "never"
        problems = "; ".join(c.title.lower() for c in r.problems()) or "—"
        print(f"{r.score:3d} {r.band.value:<6} {r.name}\t{r.tier.value}\t{r.owner or ''}\t"
              f"last touch {touch} (every {r.cadence.ideal_days}d)\t{problems}")  # fmt: skip
    return 0


def _explain(h: Any, history: list[Any]) -> None:
    print(f"{h.name}: {h.score}/100, {h.band.value}"
          + (" — needs attention" if h.needs_attention else ""))  # fmt: skip
    print(f"  cadence {h.cadence.describe()} ({h.cadence.source.value})")
    for c in h.components:
        print(f"  {BAND_MARK[c.band.value]} {c.title:<22} {c.points:>2}/{c.weight:<2} {c.text}")
        for line in c.details:
            if line != c.text:
                print(f"      - {line}")
    if history:
        print("  weekly: " + ", ".join(f"{p.week} {p.score}" for p in history))


@command
def _week(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "week",
        help="this week's worklist: follow-ups, touches due, complaints, plan reviews",
        description="What to do this week, overdue first. --owner me (the default when "
        "crmdesk knows your name), a name, or all.",
    )
    p.add_argument("--owner", help="me, a name, or all")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_week)


def run_week(args: argparse.Namespace) -> int:
    from crmdesk.core.worklist import worklist

    db = open_db(args)
    week = worklist(db, owner=_owner(args.owner, default_me=True))
    if args.json:
        print_json(week.to_json())
        return 0
    whose = week.owner or "everyone"
    print(f"{week.week} ({week.start.isoformat()} – {week.end.isoformat()}), {whose}: "
          f"{len(week.items)} to do, {week.overdue} overdue")  # fmt: skip
    for item in week.items:
        print(_item_line(item))
    return 0


def _item_line(item: Any) -> str:
    when = (f"{item.overdue_days}d late" if item.overdue_days > 0 else
            "today" if item.overdue_days == 0 else item.due.strftime("%a"))  # fmt: skip
    return f"{when:>9}  {item.kind.value:<15} {item.account_name}: {item.title} — {item.detail}"


@command
def _remind(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "remind",
        help="print what is due now (for cron, Task Scheduler or launchd); quiet when nothing is",
        description="Print the overdue and due-today items of this week's worklist (your own "
        "accounts when crmdesk knows your name). Prints nothing when nothing is due. Exit 0.",
    )
    p.add_argument("--owner", help="me, a name, or all")
    p.set_defaults(func=run_remind)


def run_remind(args: argparse.Namespace) -> int:
    from crmdesk.core.worklist import worklist

    db = open_db(args)
    week = worklist(db, owner=_owner(args.owner, default_me=True))
    due = [i for i in week.items if i.overdue_days >= 0]
    if due:
        late = sum(1 for i in due if i.is_overdue)
        print(f"crmdesk: {len(due)} due ({late} overdue)")
        for item in due:
            print(_item_line(item))
    return 0


@command
def _cadence(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "cadence",
        help="set how often an account or a contact must be touched",
        description="Set ACCOUNT's ideal days between touches (the maximum is that plus half), "
        'or with --contact ID "stay in touch every N days" with one of its people. '
        "--reset goes back to the default.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("days", metavar="DAYS", nargs="?", type=int)
    p.add_argument("--contact", type=int, metavar="ID", help="a contact id of that account")
    p.add_argument("--reset", action="store_true", help="back to the tier / key-role default")
    p.set_defaults(func=run_cadence)


def run_cadence(args: argparse.Namespace) -> int:
    from crmdesk.core import cadence
    from crmdesk.core.accounts import find_account
    from crmdesk.core.contacts import get_contact

    if (args.days is None) == (not args.reset):
        raise InvalidValueError("give DAYS or --reset (not both)")
    db = open_db(args)
    account = find_account(db, args.account)
    days = None if args.reset else args.days
    if args.contact is not None:
        person = get_contact(db, args.contact)
        if person.account_id != account.id:
            raise InvalidValueError(f"contact {args.contact} is not one of {account.name}'s")
        result = cadence.set_contact_cadence(db, args.contact, days)
        what = f"{person.full_name} ({account.name})"
        print(f"{what}: " + (f"stay in touch {result.describe()}" if result else
                             "not watched (no key role)"), file=sys.stderr)  # fmt: skip
        return 0
    result_a = cadence.set_account_cadence(db, account.id, days)
    print(f"{account.name}: touch {result_a.describe()} ({result_a.source.value})",
          file=sys.stderr)  # fmt: skip
    return 0
