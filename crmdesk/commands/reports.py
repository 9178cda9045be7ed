"""``plan`` and ``pack``: account plans and review packs as PDF."""

from __future__ import annotations

import argparse
import sys

from crmdesk.commands.base import command, enum_arg, open_db
from crmdesk.db.enums import AccountStatus, Tier


def _page_size(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--page-size",
        choices=("a4", "letter"),
        default="a4",
        type=str.lower,
        help="paper size (default a4)",
    )


@command
def _plan(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "plan",
        help="write an account's plan as PDF",
        description="Write the plan of ACCOUNT (a name, a unique part of one, or a UUID) "
        "for the current period as a PDF. An account without a plan still gets a plan "
        "built from its data: contacts, activity, defection signals.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write")
    _page_size(p)
    p.set_defaults(func=run_plan)


def run_plan(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.plan_document import build_plan_document
    from crmdesk.reports.plan_pdf import write_plan_pdf

    db = open_db(args, write=False)
    account = find_account(db, args.account)
    document = build_plan_document(db, account.id)
    path = write_plan_pdf(document, args.output, size=args.page_size)
    print(f"wrote the plan of {account.name} to {path}", file=sys.stderr)
    return 0


@command
def _pack(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "pack",
        help="write a review pack of many accounts as one PDF",
        description="Write a review pack: cover, contents, portfolio summary, then each "
        "chosen account's plan, last 90 days and open follow-ups. Choose accounts by tier, "
        "owner, status and/or by name; with no choice, every account.",
    )
    p.add_argument(
        "--tier", type=enum_arg(Tier), action="append", help="transactional, partner or "
        "strategic (repeatable)",
    )  # fmt: skip
    p.add_argument("--owner", help="our account manager")
    p.add_argument(
        "--status", type=enum_arg(AccountStatus), action="append",
        help="active, at_risk or lost (repeatable)",
    )  # fmt: skip
    p.add_argument(
        "--account", action="append", metavar="A", help="an account by name or UUID (repeatable)"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write")
    _page_size(p)
    p.set_defaults(func=run_pack)


def run_pack(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.plan_document import build_pack
    from crmdesk.core.portfolio import AccountFilter
    from crmdesk.reports.pack_pdf import write_pack_pdf

    db = open_db(args, write=False)
    chosen = [find_account(db, name) for name in args.account or ()]
    flt = AccountFilter(
        tiers=frozenset(args.tier or ()),
        statuses=frozenset(args.status or ()),
        owner=args.owner,
        ids=frozenset(a.id for a in chosen) if chosen else None,
    )
    pack = build_pack(db, flt, names=[a.name for a in chosen])
    path = write_pack_pdf(pack, args.output, size=args.page_size)
    print(f"wrote a review pack of {len(pack.plans)} accounts to {path}", file=sys.stderr)
    return 0


@command
def _plan_new(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "plan-new",
        help="start a new account plan for a period",
        description="Create a draft plan for ACCOUNT: copied forward from the latest earlier "
        "plan (changes are marked when it is edited), or from the tier's template.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="period start (default: 1 January)")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="period end (default: 31 December)")
    p.add_argument("--no-copy", action="store_true", help="start from the tier's template")
    p.set_defaults(func=run_plan_new)


def run_plan_new(args: argparse.Namespace) -> int:
    from datetime import date

    from crmdesk.core.accounts import find_account
    from crmdesk.core.plans import create_plan

    db = open_db(args)
    account = find_account(db, args.account)
    year = date.today().year
    plan = create_plan(
        db,
        account.id,
        args.start or date(year, 1, 1),
        args.end or date(year, 12, 31),
        copy_forward=not args.no_copy,
    )
    source = "copied from the previous plan" if plan.previous_plan_id else "from the template"
    print(
        f"created a draft plan for {account.name}, {plan.period_start} – {plan.period_end} "
        f"({source}, {len(plan.items)} entries)",
        file=sys.stderr,
    )
    return 0


@command
def _plans(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("plans", help="list an account's plans")
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_plans)


def run_plans(args: argparse.Namespace) -> int:
    from crmdesk.commands.base import print_json
    from crmdesk.core.accounts import find_account
    from crmdesk.core.plans import plans_for_account

    db = open_db(args, write=False)
    account = find_account(db, args.account)
    rows = [
        {
            "uuid": str(p.uuid),
            "period_start": p.period_start.isoformat(),
            "period_end": p.period_end.isoformat(),
            "status": p.status.value,
            "entries": len(p.items),
            "changed_since_previous": sum(1 for i in p.items if i.changed_since_previous),
        }
        for p in plans_for_account(db, account.id)
    ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['period_start']}\t{r['period_end']}\t{r['status']}\t{r['entries']} entries")
    return 0
