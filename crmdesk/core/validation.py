"""Checks on values a person typed, raising InvalidValueError with a message
that names the field and says what is wrong."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar
from urllib.parse import urlparse

from crmdesk.core.normalise import email_address, phone_number
from crmdesk.db.enums import LabelledEnum
from crmdesk.errors import InvalidValueError

E = TypeVar("E", bound=LabelledEnum)

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)


def clean_text(
    value: object, field: str, *, required: bool = False, max_len: int = 0
) -> str | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        if required:
            raise InvalidValueError(f"{field} is required")
        return None
    if max_len and len(text) > max_len:
        raise InvalidValueError(f"{field} is too long ({len(text)} characters, at most {max_len})")
    return text


def parse_enum(enum_cls: type[E], value: object, field: str) -> E | None:
    if value is None or value == "":
        return None
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, Enum):
        value = value.value
    try:
        return enum_cls.parse(str(value))  # type: ignore[return-value]
    except ValueError:
        choices = ", ".join(member.value for member in enum_cls)
        raise InvalidValueError(f"{field} '{value}' is not one of: {choices}") from None


def normalise_website(value: object) -> str | None:
    text = clean_text(value, "Website", max_len=300)
    if text is None:
        return None
    candidate = text if "://" in text else f"https://{text}"
    parsed = urlparse(candidate)
    if parsed.scheme not in ("http", "https") or not _HOST.match(parsed.hostname or ""):
        raise InvalidValueError(f"Website '{text}' is not a web address (like example.com)")
    return candidate


def normalise_email(value: object, field: str = "E-mail") -> str | None:
    """The address as the importer stores it (:func:`crmdesk.core.normalise.email_address`)."""
    text = clean_text(value, field)
    if text is None:
        return None
    try:
        address = email_address(text)
    except ValueError as exc:
        raise InvalidValueError(f"{field} '{text}' is not valid: {exc}") from None
    return clean_text(address, field, max_len=254)


def normalise_phone(value: object, field: str, region: str) -> str | None:
    """E.164 as the importer stores it (numbers without +code read in
    ``region``); text that is no phone number is kept as written, as the
    importer keeps it."""
    text = clean_text(value, field)
    if text is None:
        return None
    number, _ok = phone_number(text, region)
    return clean_text(number, field, max_len=40)


def parse_money(value: object, field: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Decimal):
        amount = value
    else:
        try:
            amount = Decimal(_plain_number(str(value)))
        except InvalidOperation:
            raise InvalidValueError(f"{field} '{value}' is not a number") from None
    if not amount.is_finite() or amount < 0:
        raise InvalidValueError(f"{field} must be a positive amount")
    if amount >= Decimal("1e15"):
        raise InvalidValueError(f"{field} is too large")
    return amount.quantize(Decimal("0.01"))


def _plain_number(text: str) -> str:
    """'1,234.50', '1.234,50', '1234,5' and '1 234' all become '1234.50'-style
    text: the last separator followed by one or two digits is the decimal one."""
    text = text.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
    match = re.search(r"[.,](\d{1,2})$", text)
    if match:
        whole = re.sub(r"[.,]", "", text[: match.start()])
        return f"{whole}.{match.group(1)}"
    return re.sub(r"[.,]", "", text)


def parse_currency(value: object) -> str:
    text = (clean_text(value, "Currency") or "EUR").upper()
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise InvalidValueError(f"Currency '{value}' is not a three-letter code like EUR")
    return text


def parse_country(value: object) -> str | None:
    text = clean_text(value, "Country")
    if text is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", text):
        raise InvalidValueError(f"Country '{text}' is not a two-letter code like DE")
    return text.upper()


def parse_score(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        score = int(str(value))
    except ValueError:
        raise InvalidValueError(f"Satisfaction score '{value}' is not a whole number") from None
    if not 0 <= score <= 10:
        raise InvalidValueError("Satisfaction score must be between 0 and 10")
    return score
