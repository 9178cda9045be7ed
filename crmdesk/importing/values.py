"""The documented normalisations an import applies to values, nothing else:

- text: surrounding whitespace trimmed, runs of spaces collapsed;
- names: title-cased only when written all in capitals or all in lower case;
- e-mails and phones: as every writer stores them (:mod:`crmdesk.core.normalise`:
  e-mail checked offline, phones to E.164); several e-mails in one cell
  (Google's ``" ::: "``, ``;`` or ``,``) are split;
- numbers a spreadsheet stored for phones lose the spurious ``.0``;
- dates: ISO ``YYYY-MM-DD``; day-first or month-first decided per column.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from crmdesk.core.normalise import default_region as default_region
from crmdesk.core.phones import phone_from_text as phone_from_text
from crmdesk.importing.readers import Cell

MULTI_SPLIT = re.compile(r"\s*:::\s*|\s*[;,]\s*")
_SPACES = re.compile(r"\s+")
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "ter", "zu"}
_EXCEL_EPOCH = date(1899, 12, 30)


def cell_to_text(cell: Cell) -> str:
    """A cell as text without losing what it showed: 4930123456.0 -> "4930123456"."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e16:
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, datetime):
        if cell.time() == time(0):
            return cell.date().isoformat()
        return cell.isoformat(sep=" ", timespec="minutes")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


def clean(text: str) -> str:
    return " ".join(text.split())


def clean_name(text: str) -> str:
    """Trim; title-case only ALL-CAPS or all-lower names ("o'brien" -> "O'Brien")."""
    return name_case(clean(text))


def name_case(text: str) -> str:
    """``clean_name`` for text that is clean already."""
    if text.upper() != text and text.lower() != text:
        return text  # mixed case: as written
    if not any(ch.isalpha() for ch in text):
        return text
    words = _WORD if text.isascii() else _word_pattern(text)
    out: list[str] = []
    end = 0
    for match in words.finditer(text):
        out.append(text[end : match.start()].lower())
        out.append(match.group(0).capitalize())
        end = match.end()
    out.append(text[end:].lower())
    return "".join(out)


_WORD = re.compile(r"[^\W\d_]+")


def _word_pattern(text: str) -> re.Pattern[str]:
    """Words are letters, with the combining marks in ``text`` between them
    (an "é" written as e + U+0301 does not end its word)."""
    marks = "".join(sorted({ch for ch in text if unicodedata.category(ch).startswith("M")}))
    return _words_with(marks) if marks else _WORD


@lru_cache(maxsize=256)
def _words_with(marks: str) -> re.Pattern[str]:
    return re.compile(rf"[^\W\d_](?:[^\W\d_]|[{re.escape(marks)}])*")


def split_full_name(text: str) -> tuple[str, str]:
    """("Anna Maria", "Schmidt") from "Anna Maria Schmidt" or "Schmidt, Anna Maria";
    particles stay with the last name ("Ludwig van Beethoven")."""
    text = clean(text)
    if "," in text:
        last, _, first = text.partition(",")
        return clean(first), clean(last)
    parts = text.split(" ")
    if len(parts) == 1:
        return "", parts[0]
    cut = len(parts) - 1
    while cut > 1 and parts[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(parts[:cut]), " ".join(parts[cut:])


def split_multi(text: str) -> list[str]:
    text = text.strip()
    if "," not in text and ";" not in text and ":::" not in text:
        return [text] if text else []  # nothing MULTI_SPLIT could split on
    return [part for part in MULTI_SPLIT.split(text) if part]


def normalise_phone(cell: Cell, region: str) -> tuple[str, bool]:
    """(E.164 text, True) or (the original text, False) when it isn't a number
    phonenumbers accepts. A number stored as a number may have lost its "+":
    it is tried with one when the national reading is not valid."""
    return phone_from_text(clean(cell_to_text(cell)), isinstance(cell, str), region)


# --- dates -------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            "jan january januar janvier enero",
            "feb february februar fevrier febrero",
            "mar march marz märz maerz mars marzo",
            "apr april avril abril",
            "may mai mayo",
            "jun june juni juin junio",
            "jul july juli juillet julio",
            "aug august aout agosto",
            "sep sept september septembre septiembre",
            "oct october okt oktober octobre octubre",
            "nov november novembre noviembre",
            "dec december dez dezember decembre diciembre",
        ),
        start=1,
    )
    for name in names.split()
}
_TEXT_DATE = re.compile(r"^(\d{1,2})\.?\s+([A-Za-zä]+)\.?,?\s+(\d{4})$")
_TEXT_DATE_US = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def date_order(values: list[str]) -> str | None:
    """ "dmy" or "mdy" from the values that disambiguate (a first part > 12 means
    day-first); None when nothing decides (or the values disagree)."""
    day_first = month_first = 0
    for value in values:
        match = _NUMERIC_DATE.match(value.strip())
        if not match or len(match.group(1)) == 4:
            continue
        a, b = int(match.group(1)), int(match.group(2))
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if day_first and not month_first:
        return "dmy"
    if month_first and not day_first:
        return "mdy"
    return None


def looks_like_date(text: str) -> bool:
    text = text.strip()
    return bool(_NUMERIC_DATE.match(text) or _TEXT_DATE.match(text) or _TEXT_DATE_US.match(text))


def parse_date(cell: Cell, order: str) -> date | None:
    """A date from a date cell, an Excel serial number or text, or None."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if 1 <= cell < 2958466:  # Excel serials up to 9999-12-31
            return _EXCEL_EPOCH + timedelta(days=int(cell))
        return None
    text = clean(cell_to_text(cell))
    try:
        match = _NUMERIC_DATE.match(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            if len(match.group(1)) == 4:
                return date(a, b, c)
            year = c if c >= 100 else c + (1900 if c >= 50 else 2000)
            return date(year, b, a) if order == "dmy" else date(year, a, b)
        match = _TEXT_DATE.match(text)
        if match and match.group(2).lower() in _MONTHS:
            return date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
        match = _TEXT_DATE_US.match(text)
        if match and match.group(1).lower() in _MONTHS:
            return date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    except ValueError:
        return None
    return None
