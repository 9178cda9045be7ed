"""``account``, ``contact`` (also ``people``/``person``), ``tier`` and ``me``:
the window's record editing from the command line, over the same services.

Every value goes through the service that the window uses, so a bad one is
refused with the same message and nothing is written. ``account add`` and
``contact add`` refuse a record that matches an existing one by identity
key (:mod:`crmdesk.core.identity`) unless ``--yes`` is given. Deletes are soft
(the tombstone the window's Undo lifts): ``restore`` brings a record back.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crmdesk.commands.base import command, open_db, print_json
from crmdesk.commands.record_json import account_json, contact_json, tier_change_json
from crmdesk.errors import CrmError, InvalidValueError

# flag -> (service field, help); every field of the account form
ACCOUNT_FLAGS: dict[str, tuple[str, str]] = {
    "--industry": ("industry", "industry"),
    "--employees": ("employee_band", "employee band: 1-9, 10-49, 50-249, 250-999, 1000+"),
    "--website": ("website", "web address (example.com)"),
    "--address": ("address", "postal address"),
    "--country": ("country", "two-letter country code (DE)"),
    "--stage": ("lifecycle_stage", "life-cycle stage (identification … advocacy)"),
    "--source": ("acquisition_source", "acquisition source (enquiry, referral, …)"),
    "--status": ("status", "active, at_risk or lost"),
    "--defection-type": ("defection_type", "why a lost account left (price, service, …)"),
    "--defection-reason": ("defection_reason", "the story of a lost account"),
    "--owner": ("owner", "our account manager ('me': you)"),
    "--currency": ("currency", "three-letter currency code (default EUR)"),
    "--annual-value": ("annual_value", "annual value (a number)"),
    "--potential": ("potential_value", "potential value (a number)"),
    "--notes": ("notes", "notes"),
}
# flag -> (service field, help); every field of the contact dialog
CONTACT_FLAGS: dict[str, tuple[str, str]] = {
    "--first-name": ("first_name", "first name"),
    "--last-name": ("last_name", "last name"),
    "--job-title": ("job_title", "job title"),
    "--department": ("department", "department"),
    "--level": ("level", "level in their organisation (executive, senior, …)"),
    "--email": ("email", "e-mail address"),
    "--email2": ("email_secondary", "second e-mail address"),
    "--phone": ("phone", "phone (stored as +E.164)"),
    "--mobile": ("mobile", "mobile phone (stored as +E.164)"),
    "--buying-role": ("buying_role", "decision_maker, influencer, champion, user, …"),
    "--stance": ("stance", "knower, preferer, indifferent or rejecter"),
    "--holder": ("relationship_holder", "who on our side holds the relationship"),
    "--notes": ("notes", "notes"),
}
_EMPTY = "(give '' to clear a field)"


def _flags(p: argparse.ArgumentParser, flags: dict[str, tuple[str, str]]) -> None:
    for flag, (field, help_text) in flags.items():
        p.add_argument(flag, dest=field, metavar="TEXT", default=argparse.SUPPRESS, help=help_text)


def _given(args: argparse.Namespace, flags: dict[str, tuple[str, str]]) -> dict[str, Any]:
    return {field: getattr(args, field) for field, _h in flags.values() if hasattr(args, field)}


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the record as JSON")


def _me() -> str | None:
    from crmdesk.preferences import load_preferences

    return load_preferences().me


def _owner(values: dict[str, Any]) -> None:
    """``--owner me`` is the user's own name."""
    from crmdesk.preferences import resolve_owner

    owner = values.get("owner")
    if isinstance(owner, str) and owner.strip().lower() in ("me", "all"):
        if owner.strip().lower() == "all":
            raise InvalidValueError("an account has one owner: 'all' is not a name")
        values["owner"] = resolve_owner(owner)


def _refuse_duplicates(what: str, kind: str, matches: list[str], yes: bool) -> None:
    """Issue 17's prevention: a record that is an existing one is refused."""
    if not matches or yes:
        return
    shown = "; ".join(matches[:5]) + (" and more" if len(matches) > 5 else "")
    if len(matches) == 1:
        text = f"{what} is the existing {kind} {shown}: use it"
    else:
        text = f"{what} matches existing {kind}s: {shown}: use one"
    raise CrmError(f"{text}, or give --yes to add another")


# --- account -----------------------------------------------------------------


@command
def _account(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "account",
        help="add, edit, delete or restore an account",
        description="Add, edit, delete (soft: restorable) or show one account. "
        "ACCOUNT is a name, a unique part of one, or a UUID.",
    )
    verbs = p.add_subparsers(title="actions", dest="verb", required=True, metavar="ACTION")
    add = verbs.add_parser("add", help="add an account", description="Add an account. " + _EMPTY)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--tier", default="transactional", help="default transactional")
    _flags(add, ACCOUNT_FLAGS)
    add.add_argument("--yes", action="store_true", help="add it even if it matches an account")
    _json_flag(add)
    add.set_defaults(func=run_account_add)
    edit = verbs.add_parser(
        "edit", help="change an account's fields", description="Change fields. " + _EMPTY
    )
    edit.add_argument("account", metavar="ACCOUNT")
    edit.add_argument("--name", dest="name", default=argparse.SUPPRESS, help="rename it")
    _flags(edit, ACCOUNT_FLAGS)
    edit.add_argument("--yes", action="store_true", help="rename even onto a matching name")
    _json_flag(edit)
    edit.set_defaults(func=run_account_edit)
    for verb, text, func in (
        ("delete", "delete an account (restorable)", run_account_delete),
        ("restore", "bring a deleted account back", run_account_restore),
        ("show", "show one account", run_account_show),
    ):
        q = verbs.add_parser(verb, help=text, description=text[0].upper() + text[1:] + ".")
        q.add_argument("account", metavar="ACCOUNT")
        _json_flag(q)
        q.set_defaults(func=func)


def _show_account(args: argparse.Namespace, db: Any, account_id: int, verb: str) -> int:
    from crmdesk.core.accounts import load

    with db.session() as session:
        account = load(session, account_id, include_deleted=True)
        record = account_json(account)
    if args.json:
        print_json(record)
    elif verb == "show":
        for key, value in record.items():
            if value is not None:
                print(f"{key}\t{value}")
    else:
        print(f"{verb} account {record['name']} ({record['uuid']})", file=sys.stderr)
    return 0


def run_account_add(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import create_account, matching_accounts

    values = _given(args, ACCOUNT_FLAGS)
    _owner(values)
    db = open_db(args)
    matches = [f"{a.name} ({a.uuid})" for a in matching_accounts(db, args.name)]
    _refuse_duplicates(f"'{args.name.strip()}'", "account", matches, args.yes)
    account = create_account(db, tier=args.tier, name=args.name, **values)
    return _show_account(args, db, account.id, "added")


def run_account_edit(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account, matching_accounts, update_account

    values = _given(args, ACCOUNT_FLAGS)
    if hasattr(args, "name"):
        values["name"] = args.name
    _owner(values)
    if not values:
        raise InvalidValueError("nothing to change: give at least one field (see --help)")
    db = open_db(args)
    account = find_account(db, args.account)
    if "name" in values:
        others = [a for a in matching_accounts(db, values["name"]) if a.id != account.id]
        matches = [f"{a.name} ({a.uuid})" for a in others]
        _refuse_duplicates(f"'{str(values['name']).strip()}'", "account", matches, args.yes)
    update_account(db, account.id, **values)
    return _show_account(args, db, account.id, "changed")


def run_account_delete(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import delete_account, find_account

    db = open_db(args)
    account = find_account(db, args.account)
    delete_account(db, account.id)
    if not args.json:
        print(
            f"deleted account {account.name}; bring it back with: "
            f"crmdesk account restore {account.uuid}",
            file=sys.stderr,
        )
        return 0
    return _show_account(args, db, account.id, "deleted")


def run_account_restore(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account, restore_account

    db = open_db(args)
    account = find_account(db, args.account, deleted=True)
    restore_account(db, account.id)
    return _show_account(args, db, account.id, "restored")


def run_account_show(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account

    db = open_db(args, write=False)
    return _show_account(args, db, find_account(db, args.account).id, "show")


# --- contact -----------------------------------------------------------------


@command
def _contact(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "contact",
        aliases=["contacts", "people", "person"],
        help="add, edit, delete, restore or list the people at an account",
        description="The people at an account. PERSON is a name, an e-mail address, "
        "an id or a UUID (with --account to look at one account only).",
    )
    verbs = p.add_subparsers(title="actions", dest="verb", required=True, metavar="ACTION")
    add = verbs.add_parser(
        "add", help="add a person to an account", description="Add a person. " + _EMPTY
    )
    add.add_argument("account", metavar="ACCOUNT")
    add.add_argument("name", metavar="NAME", nargs="?", help='full name: "Anna Schmidt"')
    _flags(add, CONTACT_FLAGS)
    add.add_argument("--reports-to", metavar="PERSON", help="their manager at the account")
    add.add_argument("--yes", action="store_true", help="add even if it matches a person")
    _json_flag(add)
    add.set_defaults(func=run_contact_add)
    edit = verbs.add_parser(
        "edit", help="change a person's fields", description="Change fields. " + _EMPTY
    )
    edit.add_argument("person", metavar="PERSON")
    edit.add_argument("--account", metavar="ACCOUNT", help="where to look for PERSON")
    _flags(edit, CONTACT_FLAGS)
    edit.add_argument(
        "--reports-to", metavar="PERSON", default=argparse.SUPPRESS, help="their manager"
    )
    _json_flag(edit)
    edit.set_defaults(func=run_contact_edit)
    for verb, text, func in (
        ("delete", "delete a person (restorable)", run_contact_delete),
        ("restore", "bring a deleted person back", run_contact_restore),
    ):
        q = verbs.add_parser(verb, help=text, description=text[0].upper() + text[1:] + ".")
        q.add_argument("person", metavar="PERSON")
        q.add_argument("--account", metavar="ACCOUNT", help="where to look for PERSON")
        _json_flag(q)
        q.set_defaults(func=func)
    listing = verbs.add_parser("list", help="the people at an account")
    listing.add_argument("account", metavar="ACCOUNT")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(func=run_contact_list)


def _show_contact(args: argparse.Namespace, db: Any, contact_id: int, verb: str) -> int:
    from sqlalchemy.orm import joinedload

    from crmdesk.db.models import Contact

    with db.session() as session:
        contact = session.get(
            Contact,
            contact_id,
            options=[joinedload(Contact.account), joinedload(Contact.reports_to)],
        )
        assert contact is not None
        record = contact_json(contact)
    if args.json:
        print_json(record)
    else:
        print(f"{verb} {record['name']} at {record['account']} ({record['uuid']})", file=sys.stderr)
    return 0


def _account_id(db: Any, text: str | None) -> int | None:
    from crmdesk.core.accounts import find_account

    return find_account(db, text).id if text else None


def _boss_id(db: Any, text: str | None, account_id: int) -> int | None:
    from crmdesk.core.contacts import find_contact

    if text is None or not text.strip():
        return None
    return find_contact(db, text, account_id=account_id).id


def run_contact_add(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import find_account
    from crmdesk.core.contacts import clean_contact_fields, create_contact, matching_people
    from crmdesk.importing.values import split_full_name

    values = _given(args, CONTACT_FLAGS)
    if args.name:
        first, last = split_full_name(args.name)
        values.setdefault("first_name", first or None)
        values.setdefault("last_name", last)
    if not (values.get("last_name") or "").strip():
        raise InvalidValueError(
            'a person needs a last name: give NAME ("Anna Schmidt") or --last-name'
        )
    db = open_db(args)
    account = find_account(db, args.account)
    cleaned = clean_contact_fields(values, account.country)  # bad values first
    values["reports_to_id"] = _boss_id(db, args.reports_to, account.id)
    matches = matching_people(
        db,
        account.id,
        cleaned.get("first_name"),
        cleaned.get("last_name"),
        [cleaned.get("email"), cleaned.get("email_secondary")],
    )
    described = [f"{c.full_name} at {c.account.name} ({c.email or c.uuid})" for c in matches]
    name = " ".join(filter(None, (values.get("first_name"), values.get("last_name"))))
    _refuse_duplicates(f"'{name}'", "person", described, args.yes)
    contact = create_contact(db, account.id, **values)
    return _show_contact(args, db, contact.id, "added")


def run_contact_edit(args: argparse.Namespace) -> int:
    from crmdesk.core.contacts import find_contact, update_contact

    values = _given(args, CONTACT_FLAGS)
    db = open_db(args)
    contact = find_contact(db, args.person, account_id=_account_id(db, args.account))
    if hasattr(args, "reports_to"):
        values["reports_to_id"] = _boss_id(db, args.reports_to, contact.account_id)
    if not values:
        raise InvalidValueError("nothing to change: give at least one field (see --help)")
    update_contact(db, contact.id, **values)
    return _show_contact(args, db, contact.id, "changed")


def run_contact_delete(args: argparse.Namespace) -> int:
    from crmdesk.core.contacts import delete_contact, find_contact

    db = open_db(args)
    contact = find_contact(db, args.person, account_id=_account_id(db, args.account))
    delete_contact(db, contact.id)
    if not args.json:
        print(
            f"deleted {contact.full_name} at {contact.account.name}; bring them back with: "
            f"crmdesk contact restore {contact.uuid}",
            file=sys.stderr,
        )
        return 0
    return _show_contact(args, db, contact.id, "deleted")


def run_contact_restore(args: argparse.Namespace) -> int:
    from crmdesk.core.contacts import find_contact, restore_contact

    db = open_db(args)
    contact = find_contact(db, args.person, account_id=_account_id(db, args.account), deleted=True)
    restore_contact(db, contact.id)
    return _show_contact(args, db, contact.id, "restored")


def run_contact_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload

    from crmdesk.core.accounts import find_account
    from crmdesk.db.models import Contact

    db = open_db(args, write=False)
    account = find_account(db, args.account)
    with db.session() as session:
        people = session.scalars(
            select(Contact)
            .options(joinedload(Contact.account), joinedload(Contact.reports_to))
            .where(Contact.account_id == account.id, Contact.deleted_at.is_(None))
            .order_by(Contact.last_name, Contact.first_name, Contact.id)
        )
        records = [contact_json(c) for c in people]
    if args.json:
        print_json(records)
        return 0
    for r in records:
        print(f"{r['name']}\t{r['job_title'] or ''}\t{r['email'] or ''}\t{r['uuid']}")
    return 0


# --- tier and me -------------------------------------------------------------


@command
def _tier(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "tier",
        help="move an account to another tier, saying why",
        description="Move ACCOUNT to TIER (transactional, partner or strategic). The reason "
        "is kept in the tier history, with you (crmdesk me) as who changed it.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("tier", metavar="TIER")
    p.add_argument("--reason", required=True, help="why it moves (kept in the history)")
    _json_flag(p)
    p.set_defaults(func=run_tier)


def run_tier(args: argparse.Namespace) -> int:
    from crmdesk.core.accounts import change_tier, find_account, get_account

    db = open_db(args)
    account = find_account(db, args.account)
    change = change_tier(db, account.id, args.tier, args.reason, changed_by=_me())
    record = {"account": account_json(get_account(db, account.id)), **tier_change_json(change)}
    if args.json:
        print_json(record)
    else:
        print(
            f"{account.name}: {record['from_tier']} -> {record['to_tier']} ({record['reason']})",
            file=sys.stderr,
        )
    return 0


@command
def _me_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "me",
        help="show or set your name (the owner 'me' stands for)",
        description="With NAME, remember it as your name: new accounts are yours, "
        "'--owner me' and 'follow-ups' mean you. Without NAME, show it.",
    )
    p.add_argument("name", metavar="NAME", nargs="?")
    p.add_argument("--clear", action="store_true", help="forget your name")
    p.add_argument("--json", action="store_true", help='print {"me": NAME or null}')
    p.set_defaults(func=run_me)


def run_me(args: argparse.Namespace) -> int:
    from crmdesk.preferences import PreferencesError, load_preferences, save_preferences

    prefs = load_preferences()
    if args.clear and args.name is not None:
        raise InvalidValueError("give NAME or --clear, not both")
    if args.clear or args.name is not None:
        if args.name is not None and not args.name.strip():
            raise PreferencesError("your name cannot be empty (use --clear to forget it)")
        prefs = prefs.with_changes(me=None if args.clear else args.name)
        save_preferences(prefs)
    if args.json:
        print_json({"me": prefs.me})
    elif prefs.me:
        print(prefs.me)
    else:
        print('crmdesk does not know your name yet: crmdesk me "Your Name"', file=sys.stderr)
    return 0
