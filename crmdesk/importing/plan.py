"""The dry run: what an import would do to every row, before it does it.

``build_plan`` normalises each row, links it to an account by company name
(its identity key: case, accents, punctuation and legal forms ignored, see
:mod:`crmdesk.core.identity`), and finds duplicates: the same e-mail is the
same person (in the database or earlier in the file); otherwise a close
name at the same company (:func:`~crmdesk.core.identity.similar_name`) is a
probable duplicate. Each row gets an action (create, update, skip, reject) the user
can change one by one or in bulk; :mod:`crmdesk.importing.service` commits it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crmdesk.core.identity import CompanyIndex, email_key, fold, person_key, similar_name
from crmdesk.db.enums import AcquisitionSource
from crmdesk.importing import values as vals
from crmdesk.importing.errors import ImportCancelled, ImportFileError
from crmdesk.importing.headers import Sheet
from crmdesk.importing.mapping import KEEP, TARGETS, check_mapping, phone_labels
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.rows import ColumnInfo, RowValues, normalise_row
from crmdesk.importing.snapshot import Snapshot

ACTIONS = ("create", "update", "skip")
MATCH_KINDS = {
    "email": "same e-mail as an existing contact",
    "probable": "probably an existing contact (similar name, same company)",
    "file": "same e-mail as an earlier row",
    "file-probable": "probably the same person as an earlier row",
}
_FUZZY_BLOCK = 400  # larger blocks compare exact names only (keeps it linear)

Progress = Callable[[int, int], None]


@dataclass
class ImportOptions:
    targets: list[str]
    region: str = field(default_factory=vals.default_region)
    acquisition_source: AcquisitionSource = AcquisitionSource.ENQUIRY
    update_mode: str = "fill"  # "fill" empty fields or "overwrite"
    default_account: str = ""  # for rows without a company; empty: reject them
    date_orders: dict[int, str] = field(default_factory=dict)  # user's choice per column


@dataclass
class RowPlan:
    index: int  # into sheet.rows
    row_number: int  # in the file, for people
    values: RowValues
    account_key: str = ""  # "#<id>" for an existing account, else a key of Plan.new_accounts
    account_id: int | None = None  # None: a new account (see Plan.new_accounts)
    action: str = "create"  # create | update | skip | reject
    match_id: int | None = None  # the existing contact it matches
    match_kind: str | None = None
    match_label: str = ""
    changes: dict[str, Any] = field(default_factory=dict)  # for updates

    @property
    def reasons(self) -> list[str]:
        return self.values.errors

    @property
    def problem(self) -> str:
        """One line for the preview: errors, then duplicate, then warnings."""
        parts = list(self.values.errors)
        if self.match_kind:
            parts.append(f"{MATCH_KINDS[self.match_kind]}: {self.match_label}")
        parts.extend(self.values.warnings)
        return "; ".join(parts)


@dataclass
class Plan:
    sheet: Sheet
    options: ImportOptions
    rows: list[RowPlan]
    new_accounts: dict[str, dict[str, str]]  # key -> {"name", "city", "country", "website"}
    date_orders: dict[int, str]
    overrides: dict[int, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("create", "update", "unchanged", "skip", "reject"), 0)
        out["duplicates"] = 0
        for row in self.rows:
            key = "unchanged" if row.action == "update" and not row.changes else row.action
            out[key] += 1
            out["duplicates"] += row.match_kind is not None
        used = {r.account_key for r in self.rows if r.action == "create" and r.account_id is None}
        out["accounts_new"] = len(used)
        return out

    def problems(self) -> list[RowPlan]:
        return [r for r in self.rows if r.values.errors or r.match_kind or r.values.warnings]

    def set_action(self, index: int, action: str) -> None:
        row = self.rows[index]
        _apply(row, action, self.options)
        self.overrides[index] = action

    def set_bulk(self, match_kind: str, action: str) -> int:
        """Set ``action`` on every row with this duplicate kind; returns how many."""
        changed = 0
        for row in self.rows:
            if row.match_kind == match_kind and row.action != "reject":
                self.set_action(row.index, action)
                changed += 1
        return changed


def _apply(row: RowPlan, action: str, options: ImportOptions) -> None:
    if action not in ACTIONS:
        raise ImportFileError(f"'{action}' is not an action (create, update or skip)")
    if row.action == "reject":
        raise ImportFileError(
            f"row {row.row_number} cannot be imported: {'; '.join(row.values.errors)}"
        )
    if action == "update" and row.match_id is None:
        raise ImportFileError(f"row {row.row_number} matches no existing contact to update")
    row.action = action


def _name_key(fields: dict[str, str]) -> str:
    return person_key(fields.get("first_name"), fields.get("last_name"))


def _decide_dates(sheet: Sheet, targets: list[str], options: ImportOptions) -> dict[int, str]:
    orders: dict[int, str] = {}
    fallback = "mdy" if options.region.upper() in ("US", "CA", "PH") else "dmy"
    for col, target in enumerate(targets):
        if target != KEEP:
            continue
        cells = [r[col] for r in sheet.rows[:5000] if vals.cell_to_text(r[col]).strip()]
        texts = [vals.cell_to_text(c) for c in cells if isinstance(c, str)]
        dated = sum(1 for t in texts if vals.looks_like_date(t))
        typed = sum(1 for c in cells if hasattr(c, "isoformat") and not isinstance(c, str))
        if cells and (dated + typed) >= 0.6 * len(cells):
            orders[col] = options.date_orders.get(col) or vals.date_order(texts) or fallback
    return orders


def build_plan(
    sheet: Sheet,
    options: ImportOptions,
    snapshot: Snapshot,
    *,
    overrides: dict[int, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    with gc_paused():
        return _build_plan(sheet, options, snapshot, overrides, progress, cancelled)


def _build_plan(
    sheet: Sheet,
    options: ImportOptions,
    snapshot: Snapshot,
    overrides: dict[int, str] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Plan:
    problems = check_mapping(options.targets)
    if problems:
        raise ImportFileError("the column mapping is incomplete: " + "; ".join(problems))
    if len(options.targets) != len(sheet.headers):
        raise ImportFileError("the mapping does not fit this file's columns")
    date_orders = _decide_dates(sheet, options.targets, options)
    columns = ColumnInfo(sheet.headers, options.targets, date_orders, phone_labels(sheet.headers))
    rows: list[RowPlan] = []
    total = len(sheet.rows)
    default_account = vals.clean(options.default_account)
    for index, cells in enumerate(sheet.rows):
        if index % 2000 == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(index, total)
        row_values = normalise_row(cells, columns, options.region.upper())
        if sheet.suspect_rows and sheet.row_numbers[index] in sheet.suspect_rows:
            row_values.warnings.append(sheet.suspect_rows[sheet.row_numbers[index]])
        if not row_values.company:
            if default_account:
                row_values.company = default_account
            else:
                row_values.errors.append("no company: every contact belongs to an account")
        rows.append(
            RowPlan(
                index=index,
                row_number=sheet.row_numbers[index],
                values=row_values,
                action="reject" if row_values.errors else "create",
            )
        )
    plan = Plan(sheet, options, rows, {}, date_orders)
    _link_accounts(plan, snapshot)
    _find_duplicates(plan, snapshot)
    snapshot.load_details({r.match_id for r in rows if r.match_id is not None})
    for row in rows:
        if row.match_id is not None:
            row.changes = snapshot.diff(row.match_id, row.values.fields, options.update_mode)
    for index, action in (overrides or {}).items():
        if index < len(rows) and rows[index].action != "reject":
            try:
                plan.set_action(index, action)
            except ImportFileError:
                continue
    if progress is not None:
        progress(total, total)
    return plan


def _link_accounts(plan: Plan, snapshot: Snapshot) -> None:
    """Each row's account: an existing one by the rule of
    :class:`~crmdesk.core.identity.CompanyIndex`, else a new one, shared by
    the rows that the same rule links to it."""
    new: CompanyIndex[str] = CompanyIndex()
    for row in plan.rows:
        company = row.values.company
        existing = snapshot.companies.find(company) if company else None
        if existing is not None:
            row.account_id, row.account_key = existing, f"#{existing}"
            continue
        key = new.find(company) if company else None
        if key is None:
            key = fold(company)
            if not key or row.action == "reject":
                row.account_key = key
                continue
            new.add(key, company)
        row.account_key = key
        if row.action != "reject":
            info = plan.new_accounts.setdefault(key, {"name": company})
            for name, value in row.values.account_extra.items():
                info.setdefault(name, value)


_EMAILS = ("email", "email_secondary")


def _find_duplicates(plan: Plan, snapshot: Snapshot) -> None:
    seen_email: dict[str, RowPlan] = {}
    seen_names: dict[str, dict[str, RowPlan]] = {}
    for row in plan.rows:
        if row.action == "reject":
            continue
        fields = row.values.fields
        emails = [email_key(fields[k]) for k in _EMAILS if fields.get(k)]
        earlier = next((seen_email[e] for e in emails if e in seen_email), None) if emails else None
        name = _name_key(fields)
        block = seen_names.setdefault(row.account_key, {})
        if earlier is not None:
            _mark(row, "file", None, f"row {earlier.row_number}", "skip")
        else:
            known = snapshot.emails
            contact_id = next((known[e] for e in emails if e in known), None) if emails else None
            if contact_id is not None:
                _mark(row, "email", contact_id, snapshot.label(contact_id), "update")
            elif row.account_id is not None and (hit := snapshot.similar(row.account_id, name)):
                _mark(row, "probable", hit, snapshot.label(hit), "skip")
            elif (twin := _similar_in_file(block, name)) is not None:
                _mark(row, "file-probable", None, f"row {twin.row_number}", "skip")
        for email in emails:
            seen_email.setdefault(email, row)
        block.setdefault(name, row)


def _similar_in_file(block: dict[str, RowPlan], name: str) -> RowPlan | None:
    if name in block:
        return block[name]
    if len(block) > _FUZZY_BLOCK:
        return None
    hit = similar_name(name, block)
    return block[hit] if hit is not None else None


def _mark(row: RowPlan, kind: str, contact_id: int | None, label: str, action: str) -> None:
    row.match_kind, row.match_id, row.match_label, row.action = kind, contact_id, label, action


def target_label(target: str) -> str:
    return TARGETS.get(target, target)
