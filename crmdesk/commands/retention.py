"""``complaints``, ``complaint``, ``satisfaction``, ``status``, ``reference``,
``referral``, ``winback``, ``analyse`` and ``questionnaire``: retention
from the command line, over the same services as the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crmdesk.commands.base import command, open_db, print_json
from crmdesk.commands.base import enum_arg as _enum_arg
from crmdesk.db.enums import (
    AccountStatus,
    ComplaintCategory,
    ComplaintSeverity,
    DefectionType,
    SatisfactionKind,
    Tier,
)
from crmdesk.errors import InvalidValueError


def _owner(value: str | None) -> str | None:
    from crmdesk.preferences import resolve_owner

    return resolve_owner(value)


@command
def _complaints(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "complaints",
        help="the complaints register: due dates, overdue, awaiting confirmation",
        description="Every complaint with its account, tier, owner, category, severity, age, "
        "due date (the tier's response target in working days) and state, most urgent first. "
        "--open keeps those that still need action (open, in progress, or resolved and "
        "awaiting the customer's confirmation).",
    )
    p.add_argument("--open", action="store_true", help="only those that need action")
    p.add_argument("--tier", type=_enum_arg(Tier), action="append", help="repeatable")
    p.add_argument("--owner", help="me, a name, or all (default: all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_complaints)


def run_complaints(args: argparse.Namespace) -> int:
    from crmdesk.core import complaints

    rows = complaints.register(
        open_db(args, write=False),
        open_only=args.open,
        tiers=args.tier or (),
        owner=_owner(args.owner),
    )
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.id}\t{r.signal.label}\t{r.account}\t{r.tier.value}\t{r.owner or ''}\t"
            f"{r.category.value if r.category else ''}\t"
            f"{r.severity.value if r.severity else ''}\t{r.age_days}d\tdue {r.due.isoformat()}"
            f"\t{r.subject}"
        )
    if not rows:
        print("no complaints", file=sys.stderr)
    return 0


@command
def _complaint(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "complaint",
        help="resolve, reject, confirm or classify one complaint",
        description="crmdesk complaint resolve ID --action TEXT [--confirmed]; "
        "crmdesk complaint reject ID --action REASON; crmdesk complaint confirm ID; "
        "crmdesk complaint classify ID [--category C] [--severity S] [--in-progress].",
    )
    p.add_argument("verb", choices=("resolve", "reject", "confirm", "classify"))
    p.add_argument("id", type=int, metavar="ID", help="the complaint's id (crmdesk complaints)")
    p.add_argument("--action", help="the recovery action taken (or why it was rejected)")
    p.add_argument("--confirmed", action="store_true", help="the customer confirmed it closed")
    p.add_argument("--category", type=_enum_arg(ComplaintCategory))
    p.add_argument("--severity", type=_enum_arg(ComplaintSeverity))
    p.add_argument("--in-progress", action="store_true", help="mark it in progress")
    p.add_argument("--json", action="store_true", help="print the complaint as JSON")
    p.set_defaults(func=run_complaint)


def run_complaint(args: argparse.Namespace) -> int:
    from crmdesk.core import complaints

    db = open_db(args)
    if args.verb in ("resolve", "reject"):
        complaints.resolve(
            db, args.id, action=args.action, confirmed=args.confirmed,
            rejected=args.verb == "reject",
        )  # fmt: skip
    elif args.verb == "confirm":
        complaints.confirm(db, args.id)
    else:
        if not (args.category or args.severity or args.in_progress):
            raise InvalidValueError("classify needs --category, --severity or --in-progress")
        complaints.classify(
            db, args.id, category=args.category, severity=args.severity,
            in_progress=args.in_progress,
        )  # fmt: skip
    row = next(r for r in complaints.register(db) if r.id == args.id)
    if args.json:
        print_json(row.to_json())
    else:
        print(f"complaint {row.id} ({row.account}): {row.signal.label}", file=sys.stderr)
    return 0


@command
def _satisfaction(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "satisfaction",
        help="the satisfaction index per account, tier and owner; key in an answer",
        description="Latest value and 12-month trend on a common 0-10 scale (CSAT 1-5 counts "
        "as (s-1)x2.5), NPS classes. With ACCOUNT: that account and its people. "
        "--record KIND SCORE keys in one answer (kind: csat, nps or score).",
    )
    p.add_argument("account", metavar="ACCOUNT", nargs="?", help="name, unique part or UUID")
    p.add_argument("--record", nargs=2, metavar=("KIND", "SCORE"), help="add one answer")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_satisfaction)


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def run_satisfaction(args: argparse.Namespace) -> int:
    from crmdesk.core import satisfaction
    from crmdesk.core.accounts import find_account

    db = open_db(args, write=bool(args.record))
    if args.record:
        if not args.account:
            raise InvalidValueError("--record needs the ACCOUNT that answered")
        kind = _enum_arg(SatisfactionKind)(args.record[0])
        account = find_account(db, args.account)
        satisfaction.record(db, account.id, kind, args.record[1])
    if args.account:
        account = find_account(db, args.account)
        idx = satisfaction.index(db, account_ids=[account.id])
        people = satisfaction.by_contact(db, account.id)
        if args.json:
            print_json(
                {
                    "account": idx.accounts[0].to_json() if idx.accounts else None,
                    "contacts": [c.to_json() for c in people],
                }
            )
            return 0
        if not idx.accounts:
            print(f"{account.name}: no satisfaction check in the last two years")
            return 0
        a = idx.accounts[0]
        print(
            f"{a.name}: latest {_num(a.latest)} ({a.latest_score} "
            f"{a.latest_kind.label if a.latest_kind else ''}), 12 months {_num(a.mean_12m)}, "
            f"before {_num(a.mean_before)}, trend {_num(a.trend)}, NPS class "
            f"{a.nps_class.value if a.nps_class else '–'}"
        )
        for c in people:
            print(f"  {c.name}\t{c.latest_kind.value} {c.latest_score}\t{c.latest_at.date()}")
        return 0
    idx = satisfaction.index(db)
    if args.json:
        print_json(idx.to_json())
        return 0
    for title, groups in (("tier", idx.by_tier), ("owner", idx.by_owner)):
        for g in groups:
            nps = "–" if g.nps is None else str(g.nps)
            print(
                f"{title} {g.key or '(none)'}\t{g.accounts} accounts\tlatest "
                f"{_num(g.latest_mean)}\t12m {_num(g.mean_12m)}\ttrend {_num(g.trend)}\tNPS {nps}"
            )
    return 0


@command
def _status(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "status",
        help="change an account's status (lost/reduced need a defection type and reason)",
        description="Record a status change in the account's history. Lost and reduced need "
        "--defection-type and --reason; reduced also --value-lost (lost defaults to the "
        "account's annual value).",
    )
    p.add_argument("account", metavar="ACCOUNT", help="name, unique part or UUID")
    p.add_argument("status", type=_enum_arg(AccountStatus), metavar="STATUS",
                   help=", ".join(s.value for s in AccountStatus))  # fmt: skip
    p.add_argument("--reason", help="why")
    p.add_argument("--defection-type", type=_enum_arg(DefectionType),
                   help=", ".join(t.value for t in DefectionType))  # fmt: skip
    p.add_argument("--value-lost", metavar="AMOUNT", help="annual value lost")
    p.add_argument("--history", action="store_true", help="print the status history after")
    p.add_argument("--json", action="store_true", help="print the change as JSON")
    p.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    from crmdesk.core import retention
    from crmdesk.core.accounts import find_account

    db = open_db(args)
    account = find_account(db, args.account)
    change = retention.change_status(
        db, account.id, args.status, reason=args.reason, defection_type=args.defection_type,
        value_lost=args.value_lost,
    )  # fmt: skip
    if args.json:
        print_json(
            {
                "account": account.name,
                "from": change.from_status.value if change.from_status else None,
                "to": change.to_status.value,
                "changed_at": change.changed_at.isoformat(),
                "reason": change.reason,
                "defection_type": change.defection_type.value if change.defection_type else None,
                "value_lost": str(change.value_lost) if change.value_lost is not None else None,
            }
        )
    else:
        print(f"{account.name}: {change.to_status.label.lower()}", file=sys.stderr)
    if args.history and not args.json:
        for h in retention.status_history(db, account.id):
            when = h.changed_at.date().isoformat() if h.date_known else "date unknown"
            print(f"{when}\t{h.from_status or ''}\t{h.to_status}\t{h.reason}")
    return 0


@command
def _winback(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "winback",
        help="lost and reduced customers: when and why they left, what was tried since",
    )
    p.add_argument("--owner", help="me, a name, or all (default: all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_winback)


def run_winback(args: argparse.Namespace) -> int:
    from crmdesk.core import retention

    rows = retention.win_back(open_db(args, write=False), owner=_owner(args.owner))
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        when = r.left_at.date().isoformat() if r.left_at and r.date_known else "date unknown"
        print(
            f"{r.name}\t{r.status.value}\t{when}\t"
            f"{r.defection_type.value if r.defection_type else ''}\t"
            f"{r.value_lost if r.value_lost is not None else ''}\t"
            f"{r.tried_since} tried since\t{r.last_tried or ''}"
        )
    return 0


@command
def _advocacy(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("reference", help="mark an account as a reference (or not)")
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("--limits", help="what they agreed to (calls only, case study, …)")
    p.add_argument("--withdraw", action="store_true", help="no longer a reference")
    p.set_defaults(func=run_reference)
    q = sub.add_parser("referral", help="record who referred a new account")
    q.add_argument("account", metavar="ACCOUNT", help="the new account")
    q.add_argument("--by", required=True, metavar="ACCOUNT", help="the account that referred it")
    q.set_defaults(func=run_referral)


def run_reference(args: argparse.Namespace) -> int:
    from crmdesk.core import retention
    from crmdesk.core.accounts import find_account

    db = open_db(args)
    account = find_account(db, args.account)
    retention.set_reference(db, account.id, agreed=not args.withdraw, limits=args.limits)
    state = "no longer a reference" if args.withdraw else "a reference"
    print(f"{account.name}: {state}", file=sys.stderr)
    return 0


def run_referral(args: argparse.Namespace) -> int:
    from crmdesk.core import retention
    from crmdesk.core.accounts import find_account

    db = open_db(args)
    account, by = find_account(db, args.account), find_account(db, args.by)
    retention.set_referral(db, account.id, by_account_id=by.id)
    print(f"{account.name}: referred by {by.name}", file=sys.stderr)
    return 0


@command
def _analyse(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "analyse",
        aliases=["analyze"],
        help="portfolio analysis: defection, value lost, retention by source, complaints, …",
    )
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    from crmdesk.core.analysis import analyse

    result = analyse(open_db(args, write=False))
    if args.json:
        print_json(result.to_json())
        return 0
    last = result.quarters[-2]  # the last full quarter
    print(f"portfolio analysis as of {result.as_of}")
    for d in (d for d in result.defection if d.quarter == last):
        rate = "–" if d.rate is None else f"{d.rate:.1f} %"
        print(f"defection {d.quarter} {d.tier.value}: {d.lost} of {d.at_start} ({rate})")
    for v in result.value_lost:
        if v.lost or v.reduced:
            print(
                f"{v.defection_type.value}: {v.lost} lost ({v.lost_value}), "
                f"{v.reduced} reduced ({v.reduced_value})"
            )
    for s in result.by_source:
        name = s.source.value if s.source else "unknown"
        print(f"source {name}: {s.retained} of {s.accounts} kept ({s.rate} %)")
    for f in result.funnel:
        print(f"stage {f.stage.value}: {f.at_stage} (reached {f.reached})")
    for r in result.resolution:
        if r.resolved:
            print(f"complaints {r.category.value}: median {r.median_days} days ({r.resolved})")
    ref = result.referrals
    print(f"referrals: {ref.given} given, {ref.won} won; {ref.references} references")
    return 0


@command
def _questionnaire(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "questionnaire",
        help='print the one-page "ask them" questionnaire for a visit (PDF)',
        description="A page to take to a visit: CSAT, NPS and open questions, with the "
        "account's last answers; key the answers in with crmdesk satisfaction ACCOUNT "
        "--record KIND SCORE.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.set_defaults(func=run_questionnaire)


def run_questionnaire(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.questionnaire import gather_questionnaire
    from crmdesk.reports.questionnaire_pdf import render_questionnaire

    db = open_db(args)
    account = find_account(db, args.account)
    data = gather_questionnaire(db, account.id)
    out = Path(args.output)
    render_questionnaire(data, out)
    print(f"wrote {out}", file=sys.stderr)
    return 0
