"""Phone numbers to E.164 with phonenumbers as the authority, and the two
shortcuts that spare most typed numbers a full parse ("+49 30 1234567",
"030 1234567" in a region with a plain trunk 0): they give exactly what
phonenumbers gives, or step aside (tests/importing/test_import_fast_paths.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import ValidationResult


def phone_from_text(text: str, typed: bool, region: str) -> tuple[str, bool]:
    """``normalise_phone`` for a cell already turned into clean text;
    ``typed``: the cell was text (not a number the spreadsheet stored)."""
    if not text:
        return "", True
    if typed:
        # Typed text with a country code or in national form only needs to be
        # a possible number; a bare digit string (maybe a number cell that
        # lost its "+") must be a valid one, else the international reading
        # is tried.
        start = text[0]  # each shortcut reads only text starting with its character
        if start == "+":
            fast = _fast_international(text)
        else:
            fast = _fast_national(text, region) if start == "0" else None
        if fast is not None:
            return fast, True
    candidates = [text]
    if not typed or text.isdigit():
        candidates.append("+" + text)
    elif text.startswith("00"):
        candidates.append("+" + text[2:])
    return _phone(text, tuple(candidates), region, typed)


@lru_cache(maxsize=65536)
def _phone(text: str, candidates: tuple[str, ...], region: str, typed: bool) -> tuple[str, bool]:
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        strict = not typed or text.isdigit()
        ok = phonenumbers.is_valid_number(number) if strict else _possible(number)
        if ok:
            out = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if number.extension:
                out += f" ext. {number.extension}"
            return out, True
    return text, False


# ASCII digits only: phonenumbers reads other digits (Arabic-Indic, full
# width) too, but writes them as ASCII; those numbers take the full parse.
_INTERNATIONAL = re.compile(r"^\+[0-9 \-./]{6,24}$")


def _digits(text: str) -> str:
    """The digits of text made only of ASCII digits and " -./"."""
    return text.replace(" ", "").replace("-", "").replace(".", "").replace("/", "")


def _fast_international(text: str) -> str | None:
    """ "+49 30 1234567"-style text without parsing: split off the country code
    (a prefix code: at most one of 1-3 leading digits is one) and check the
    length for that country, as phonenumbers.is_possible_number does."""
    if not _INTERNATIONAL.match(text):
        return None
    digits = _digits(text[1:])
    for size in (1, 2, 3):
        code = _CODE_TEXTS.get(digits[:size])
        if code is not None:
            national = digits[size:]
            usable, prefix = _kept_as_is(code)
            stripped = prefix and national.startswith(prefix)
            if not national or national[0] == "0" or not usable or stripped:
                return None  # leading zeros, trunk prefixes, rewrite rules: phonenumbers decides
            possible = _length_check(code, len(national)) in _POSSIBLE
            return f"+{digits}" if possible else None
    return None


_POSSIBLE = (ValidationResult.IS_POSSIBLE, ValidationResult.IS_POSSIBLE_LOCAL_ONLY)


@lru_cache(maxsize=4096)
def _length_check(code: int, length: int) -> int:
    """phonenumbers.is_possible_number_with_reason for a number with this
    country code and a national number of ``length`` digits, the first not
    0: it depends on nothing else (the possible lengths of the code's main
    region), so it is asked once per (code, length), of phonenumbers itself."""
    number = phonenumbers.PhoneNumber(country_code=code, national_number=10 ** (length - 1))
    return int(phonenumbers.is_possible_number_with_reason(number))


@lru_cache(maxsize=512)
def _kept_as_is(code: int) -> tuple[bool, str]:
    """(usable, prefix): phonenumbers keeps a national number of this country
    code as it is when ``usable`` and the number does not start with
    ``prefix`` (if any): no prefix-rewrite rule, no national prefix other
    than plain digits it could strip."""
    meta = _main_metadata(code)
    if meta is None or meta.national_prefix_transform_rule is not None:
        return False, ""
    prefix = meta.national_prefix_for_parsing
    if prefix is None:
        return True, ""
    return prefix == meta.national_prefix and prefix.isdigit(), prefix


@lru_cache(maxsize=512)
def _main_metadata(code: int) -> phonenumbers.PhoneMetadata | None:
    region = phonenumbers.region_code_for_country_code(code)
    return phonenumbers.PhoneMetadata.metadata_for_region(region, None)


_NATIONAL = re.compile(r"^0[0-9 \-./]{5,20}$")


@dataclass(frozen=True)
class _TrunkZero:
    code: int
    idd: re.Pattern[str]  # the international prefix dialled from the region
    general: re.Pattern[str]  # what its national numbers look like


@lru_cache(maxsize=256)
def _trunk_zero(region: str) -> _TrunkZero | None:
    """The rules of a region whose numbers are dialled nationally with a
    plain leading 0 (DE, FR, NL, …), else None (IT keeps its 0, GB and
    others strip more complex prefixes: phonenumbers decides those)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    if meta is None or meta.national_prefix != "0" or meta.national_prefix_transform_rule:
        return None
    if meta.national_prefix_for_parsing != "0" or not meta.international_prefix:
        return None
    if meta.country_code is None:
        return None
    if phonenumbers.region_code_for_country_code(meta.country_code) != region.upper():
        return None  # possible lengths would come from another region's data
    pattern = meta.general_desc.national_number_pattern if meta.general_desc else None
    if not pattern:
        return None
    return _TrunkZero(meta.country_code, re.compile(meta.international_prefix), re.compile(pattern))


def _fast_national(text: str, region: str) -> str | None:
    """ "030 1234567" in DE -> +49301234567 without a full parse, when
    phonenumbers would strip the 0 and find a possible number: the rest is
    no international call ("00 …"), the 0 is not part of the number and the
    rest has one of the region's possible lengths (not a local-only one)."""
    if not _NATIONAL.match(text):
        return None
    rules = _trunk_zero(region)
    number = _digits(text)
    digits = number[1:]
    if rules is None or not digits or digits[0] == "0" or rules.idd.match(number):
        return None
    if rules.general.fullmatch(number) and not rules.general.fullmatch(digits):
        return None  # phonenumbers keeps the 0 as part of the number
    if _length_check(rules.code, len(digits)) != ValidationResult.IS_POSSIBLE:
        return None
    return f"+{rules.code}{digits}"


def _possible(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.is_possible_number(number) and number.country_code in _COUNTRY_CODES


_COUNTRY_CODES = set(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
_CODE_TEXTS = {str(code): code for code in _COUNTRY_CODES}
