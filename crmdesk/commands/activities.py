"""``log``, ``follow-ups`` and ``done``: the activity pane and My follow-ups
from the command line, over the same services.

A logged activity with ``--follow-up DATE`` is one service call and one
transaction (:func:`crmdesk.core.activities.log_with_follow_up`), as in the
window. Follow-ups belong to their account's owner; ``--owner`` matches it
in any case, ``me`` is you (``crmdesk me``) and is the default once set.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crmdesk.commands.base import command, open_db, print_json
from crmdesk.commands.record_json import activity_json, follow_up_json
from crmdesk.errors import InvalidValueError


@command
def _log(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "log",
        help="log a call, e-mail, meeting or note (optionally with a follow-up)",
        description="Log an activity at ACCOUNT. With --follow-up DATE a follow-up task "
        "(due 09:00 that day) is logged with it, in one step.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("--kind", default="call", help="call (default), email, meeting, note, …")
    p.add_argument("--subject", required=True, help="what it was about")
    p.add_argument("--notes", help="notes")
    p.add_argument(
        "--with",
        dest="people",
        action="append",
        metavar="PERSON",
        help="a person at the account who took part (repeatable)",
    )
    p.add_argument("--when", metavar="DATETIME", help="when it happened (default now)")
    p.add_argument("--direction", help="inbound or outbound")
    p.add_argument("--outcome", help="how it went")
    p.add_argument("--follow-up", metavar="DATE", help="log a follow-up due on DATE (YYYY-MM-DD)")
    p.add_argument("--follow-up-subject", metavar="TEXT", help='default "Follow up: SUBJECT"')
    p.add_argument("--json", action="store_true", help="print what was logged as JSON")
    p.set_defaults(func=run_log)


def run_log(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.activities import log_with_follow_up
    from crmdesk.core.contacts import find_contact

    db = open_db(args)
    account = find_account(db, args.account)
    people = [find_contact(db, p, account_id=account.id).id for p in args.people or ()]
    fields: dict[str, Any] = {"kind": args.kind, "subject": args.subject, "notes": args.notes}
    for name in ("direction", "outcome"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.when is not None:
        fields["occurred_at"] = args.when
    logged = log_with_follow_up(
        db,
        account.id,
        contact_ids=people,
        follow_up_due=args.follow_up,
        follow_up_subject=args.follow_up_subject,
        **fields,
    )
    records = [_activity(db, a.id) for a in logged]
    if args.json:
        print_json({"activity": records[0], "follow_up": records[1] if len(records) > 1 else None})
        return 0
    for record in records:
        due = f", due {record['due_at'][:10]}" if record["due_at"] else ""
        print(
            f"logged {record['kind']} '{record['subject']}' at {account.name}{due} "
            f"(id {record['id']})",
            file=sys.stderr,
        )
    return 0


def _activity(db: Any, activity_id: int) -> dict[str, Any]:
    from crmdesk.core.activities import find_activity

    activity = find_activity(db, activity_id)
    return activity_json(activity, activity.account)


@command
def _follow_ups(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "follow-ups",
        help="open follow-ups, overdue first",
        description="Open follow-ups across accounts (or one), overdue first. By default "
        "yours once crmdesk knows your name (crmdesk me), else everyone's.",
    )
    p.add_argument(
        "--owner", metavar="me|NAME|all", help="whose (the account owner, any case; default me)"
    )
    p.add_argument("--overdue", action="store_true", help="only those due before today")
    p.add_argument("--account", metavar="ACCOUNT", help="at one account only")
    p.add_argument("--within", type=int, metavar="DAYS", help="due within DAYS (default: all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run_follow_ups)


def run_follow_ups(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.activities import follow_ups
    from crmdesk.db.types import utcnow
    from crmdesk.preferences import load_preferences, resolve_owner

    if args.within is not None and args.within < 0:
        raise InvalidValueError("--within must be 0 or more days")
    prefs = load_preferences()
    owner_filter = args.owner if args.owner is not None else ("me" if prefs.me else "all")
    owner = resolve_owner(owner_filter, prefs)
    db = open_db(args, write=False)
    account_id = find_account(db, args.account).id if args.account else None
    now = utcnow()
    rows = follow_ups(
        db,
        account_id=account_id,
        owner=owner,
        overdue_only=args.overdue,
        horizon_days=args.within,
        now=now,
        limit=None,
    )
    if args.json:
        print_json([follow_up_json(item, now) for item in rows])
        return 0
    for item in rows:
        activity = item.activity
        assert activity.due_at is not None
        due = activity.due_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"{activity.id}\t{due}\t{item.state(now)}\t{item.account_name}\t"
            f"{item.owner or ''}\t{activity.subject}"
        )
    return 0


@command
def _done(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "done",
        help="mark a follow-up done",
        description="Mark the follow-up ID (its id or UUID, as 'follow-ups' lists them) done.",
    )
    p.add_argument("activity", metavar="ID")
    p.add_argument("--outcome", help="how it went (kept with the follow-up)")
    p.add_argument("--undo", action="store_true", help="open it again (not done)")
    p.add_argument("--json", action="store_true", help="print the follow-up as JSON")
    p.set_defaults(func=run_done)


def run_done(args: argparse.Namespace) -> int:
    from crmdesk.core.activities import find_activity, set_done

    db = open_db(args)
    activity = find_activity(db, args.activity)
    set_done(db, activity.id, not args.undo, outcome=args.outcome)
    record = _activity(db, activity.id)
    if args.json:
        print_json(record)
    else:
        state = "open again" if args.undo else "done"
        print(f"'{record['subject']}' at {record['account']} is {state}", file=sys.stderr)
    return 0


@command
def _reschedule(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "reschedule",
        aliases=["snooze"],
        help="move a follow-up to another day",
        description="Move the open follow-up ID to DATE (YYYY-MM-DD, due 09:00 that day) "
        "or snooze it by +Nd / +Nw (days / weeks, never before tomorrow), as My follow-ups does.",
    )
    p.add_argument("activity", metavar="ID")
    p.add_argument("when", metavar="DATE|+Nd|+Nw")
    p.add_argument("--json", action="store_true", help="print the follow-up as JSON")
    p.set_defaults(func=run_reschedule)


def run_reschedule(args: argparse.Namespace) -> int:
    from crmdesk.core.activities import find_activity, reschedule, snoozed_due

    db = open_db(args)
    activity = find_activity(db, args.activity)
    when: Any = args.when.strip()
    if when.startswith("+"):
        unit = {"d": 1, "w": 7}.get(when[-1:].lower())
        count = when[1:-1]
        if unit is None or not count.isdigit() or activity.due_at is None:
            raise InvalidValueError(f"'{args.when}' is not a date (YYYY-MM-DD), +Nd or +Nw")
        when = snoozed_due(activity.due_at, int(count) * unit)
    reschedule(db, activity.id, when)
    record = _activity(db, activity.id)
    if args.json:
        print_json(record)
    else:
        print(
            f"'{record['subject']}' at {record['account']} is due {record['due_at']}",
            file=sys.stderr,
        )
    return 0
