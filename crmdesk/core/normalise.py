"""How e-mail addresses and phone numbers are stored, whoever writes them:
the importer, the contact service (window and command line) and, later,
merge and sync all call these functions, so the same input is stored the
same way.

- e-mail: syntax-checked offline (email-validator, no DNS), the domain
  lower-cased; ``mailto:`` and ``Name <address>`` unwrapped. A plain address
  takes a shortcut that gives exactly what email-validator gives, 50x faster
  (tests/importing/test_import_properties.py holds them equal).
- phone: E.164 (``+4930123456``) via phonenumbers in a default region, an
  extension kept as ``ext. N``; text that is no phone number is kept as
  written (:mod:`crmdesk.core.phones`).
"""

from __future__ import annotations

import locale
import os
import re

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from crmdesk.core.phones import phone_from_text
from crmdesk.preferences import load_preferences

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_EMAIL = re.compile(
    rf"^(?={_ATEXT}(?:\.{_ATEXT})*@)[^@]{{1,64}}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_ANGLE = re.compile(r"<([^<>]+)>\s*$")
_SPECIAL_USE = frozenset(SPECIAL_USE_DOMAIN_NAMES)  # "local", "test", "onion", …


def email_address(text: str) -> str:
    """The address as stored; ValueError (with the reason) when ``text`` is
    not an e-mail address."""
    text = " ".join(text.split())
    if text.lower().startswith("mailto:"):
        text = text[7:]
    match = _ANGLE.search(text) if ">" in text else None
    if match:
        text = match.group(1).strip()
    if len(text) <= 254 and _PLAIN_EMAIL.match(text):
        local, _, domain = text.rpartition("@")
        domain = domain.lower()
        if "--" not in domain and not _special_use(domain):
            return f"{local}@{domain}"  # what validate_email returns, 50x faster
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None
    return str(result.normalized)


def _special_use(domain: str) -> bool:
    """Whether ``domain`` is one of email-validator's special-use domains
    or under one (it refuses those): "x.test" and "test" are, "contest" not."""
    if domain in _SPECIAL_USE:
        return True
    dot = domain.find(".")
    while dot != -1:
        if domain[dot + 1 :] in _SPECIAL_USE:
            return True
        dot = domain.find(".", dot + 1)
    return False


def phone_number(text: str, region: str, *, typed: bool = True) -> tuple[str, bool]:
    """(E.164 text, True), or (the text as written, False) when phonenumbers
    does not accept it as a number. ``region`` (ISO 3166, "DE") reads numbers
    written without +code; ``typed`` is False for a number a spreadsheet
    stored as a number (it may have lost its "+")."""
    return phone_from_text(" ".join(text.split()), typed, region.upper())


def default_region() -> str:
    """Where numbers without +code are from: the user's preference, else
    the country of the locale (LC_ALL/LC_TELEPHONE/LC_MESSAGES/LANG), else US."""
    preferred = load_preferences().phone_country
    if preferred:
        return preferred
    return locale_region()


def locale_region() -> str:
    """The country of the user's locale, else US."""
    for name in ("LC_ALL", "LC_TELEPHONE", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        match = re.match(r"[a-z]{2,3}[_-]([A-Z]{2})", value)
        if match:
            return match.group(1)
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    match = re.match(r"[a-z]{2,3}[_-]([A-Z]{2})", loc)
    return match.group(1) if match else "US"
