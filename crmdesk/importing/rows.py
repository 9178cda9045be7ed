"""One spreadsheet row -> cleaned contact fields, an account name, and the
reasons it can't be imported (errors) or should be looked at (warnings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from crmdesk.core.normalise import email_address
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance
from crmdesk.importing import values as vals
from crmdesk.importing.mapping import KEEP
from crmdesk.importing.readers import Cell

MAX_LEN = {
    "first_name": 100,
    "last_name": 100,
    "job_title": 150,
    "department": 100,
    "email": 254,
    "email_secondary": 254,
    "phone": 40,
    "mobile": 40,
    "relationship_holder": 100,
}
LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "job_title": "Job title",
    "department": "Department",
    "email": "E-mail",
    "email_secondary": "Second e-mail",
    "phone": "Phone",
    "mobile": "Mobile",
    "relationship_holder": "Relationship holder",
    "notes": "Notes",
    "buying_role": "Buying role",
    "stance": "Stance",
    "level": "Level",
}
_ENUMS = {"buying_role": BuyingRole, "stance": Stance, "level": ContactLevel}
_TEXT = ("job_title", "department", "relationship_holder")
_MOBILE_WORDS = ("mobile", "cell", "mobil", "handy", "portable", "móvil", "movil")


@dataclass
class RowValues:
    fields: dict[str, str] = field(default_factory=dict)  # contact fields, cleaned
    company: str = ""
    account_extra: dict[str, str] = field(default_factory=dict)  # city, country, website
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ColumnInfo:
    """What the planner decided about the columns once, for every row."""

    headers: list[str]
    targets: list[str]
    date_orders: dict[int, str] = field(default_factory=dict)  # KEEP columns holding dates
    phone_labels: dict[int, int] = field(default_factory=dict)  # Google's per-row phone type

    @cached_property
    def mapped(self) -> list[tuple[int, str, str, str]]:
        """(index, kind, target, header) of each column that goes somewhere."""
        return [
            (index, _KINDS.get(target, ""), target, self.headers[index])
            for index, target in enumerate(self.targets)
            if target and target in _KINDS
        ]


_KINDS = {
    **dict.fromkeys(("first_name", "middle_name", "last_name", "full_name"), "name"),
    **dict.fromkeys(_TEXT, "text"),
    **dict.fromkeys(("email", "email_secondary"), "email"),
    **dict.fromkeys(("phone", "mobile"), "phone"),
    **dict.fromkeys(("city", "website"), "extra"),
    **dict.fromkeys(_ENUMS, "enum"),
    "company": "company",
    "country": "country",
    "notes": "notes",
    KEEP: "keep",
}
_SHORTEST_LIMIT = min(MAX_LEN.values())


def normalise_row(cells: list[Cell], columns: ColumnInfo, region: str) -> RowValues:
    out = RowValues()
    fields = out.fields
    notes: list[str] = []
    names: dict[str, str] = {}
    emails: list[str] = []
    secondary: list[str] = []
    phones: dict[str, list[tuple[str, bool, str]]] = {"phone": [], "mobile": []}
    country = ""
    size = len(cells)
    for index, kind, target, header in columns.mapped:
        cell = cells[index] if index < size else None
        if type(cell) is str:
            text = " ".join(cell.split())  # vals.clean, inlined: it runs for every cell
        else:
            text = vals.clean(vals.cell_to_text(cell))
        if not text:
            continue
        if kind == "name":
            if target in names:
                notes.append(f"{header}: {text}")
            else:
                names[target] = vals.name_case(text)
        elif kind == "text":
            if target in fields:
                notes.append(f"{header}: {text}")
            else:
                fields[target] = text
        elif kind == "email":
            (emails if target == "email" else secondary).extend(vals.split_multi(text))
        elif kind == "phone":
            if target == "phone" and index in columns.phone_labels:
                label = vals.cell_to_text(cells[columns.phone_labels[index]]).lower()
                if any(word in label for word in _MOBILE_WORDS):
                    target = "mobile"
            if ":::" in text:
                for part in vals.MULTI_SPLIT.split(text):
                    phones[target].append((vals.clean(part), True, header))
            else:
                phones[target].append((text, isinstance(cell, str), header))
        elif kind == "company":
            out.company = text
        elif kind == "extra":
            out.account_extra[target] = text
        elif kind == "country":
            country = text
            out.account_extra["country"] = text
        elif kind == "enum":
            try:
                fields[target] = _ENUMS[target].parse(text).value
            except ValueError:
                choices = ", ".join(m.value for m in _ENUMS[target])
                out.errors.append(f"{LABELS[target]} '{text}' is not one of: {choices}")
        elif kind == "notes":
            notes.insert(0, vals.cell_to_text(cell).strip())  # keeps its line breaks
        else:  # kept in the notes
            order = columns.date_orders.get(index)
            if order is not None:
                parsed = vals.parse_date(cell, order)
                text = parsed.isoformat() if parsed else text
            notes.append(f"{header}: {text}")
    _names(names, out)
    _emails(emails + secondary, out, notes)
    row_region = country.upper() if len(country) == 2 and country.isalpha() else region
    _phones(phones, row_region, out, notes)
    if notes:
        fields["notes"] = "\n".join(notes)
    if max(map(len, fields.values()), default=0) > _SHORTEST_LIMIT:
        for name, limit in MAX_LEN.items():
            value = fields.get(name)
            if value and len(value) > limit:
                out.errors.append(
                    f"{LABELS[name]} is too long ({len(value)} characters, at most {limit})"
                )
    return out


def _names(names: dict[str, str], out: RowValues) -> None:
    first = names.get("first_name", "")
    last = names.get("last_name", "")
    if "full_name" in names and not (first and last):
        split_first, split_last = vals.split_full_name(names["full_name"])
        first, last = first or split_first, last or split_last
    if names.get("middle_name"):
        first = f"{first} {names['middle_name']}".strip()
    if first:
        out.fields["first_name"] = first
    if last:
        out.fields["last_name"] = last
    else:
        out.errors.append("no last name" + (f" (first name '{first}')" if first else ""))


def _emails(emails: list[str], out: RowValues, notes: list[str]) -> None:
    valid: list[str] = []
    for text in emails:
        try:
            address = email_address(text)
        except ValueError as exc:
            out.errors.append(f"e-mail '{text}' is not valid: {exc}")
            continue
        if address.lower() not in {v.lower() for v in valid}:
            valid.append(address)
    if valid:
        out.fields["email"] = valid[0]
    if len(valid) > 1:
        out.fields["email_secondary"] = valid[1]
    for extra in valid[2:]:
        notes.append(f"Other e-mail: {extra}")


def _phones(
    phones: dict[str, list[tuple[str, bool, str]]], region: str, out: RowValues, notes: list[str]
) -> None:
    for target, entries in phones.items():
        for text, typed, header in entries:
            number, ok = vals.phone_from_text(text, typed, region)
            if not number:
                continue
            if not ok:
                out.warnings.append(f"{header} '{number}' is not a phone number; kept as written")
            if target not in out.fields:
                out.fields[target] = number
            else:
                notes.append(f"{header}: {number}")
