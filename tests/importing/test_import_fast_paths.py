"""The importer's shortcuts give exactly what the code they stand in for
gives: phonenumbers for phone numbers (possible-length cache, "+49 30 …" and
"030 …" without a full parse), the split pattern for multi-value cells,
email-validator's list of special-use domains."""

from __future__ import annotations

import phonenumbers
import pytest
from email_validator import SPECIAL_USE_DOMAIN_NAMES
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.core import normalise, phones
from crmdesk.importing import values

COMMON = ["DE", "FR", "NL", "AT", "CH", "GB", "IT", "US", "BE", "SE", "PL", "AU", "AF", "AX"]
REGIONS = st.one_of(
    st.sampled_from(COMMON), st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS))
)
CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _reference(text: str, region: str) -> str | None:
    """What phonenumbers makes of typed text, when it is a possible number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number) or number.extension:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.parametrize("code", CODES)
def test_possible_length_cache_is_phonenumbers_answer(code: int) -> None:
    for length in range(1, 18):
        for first in "159":
            national = int(first + "7" * (length - 1))
            number = phonenumbers.PhoneNumber(country_code=code, national_number=national)
            assert phones._length_check(
                code, length
            ) == phonenumbers.is_possible_number_with_reason(number), (code, length, national)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(
    code=st.sampled_from(CODES),
    national=st.from_regex(r"[1-9][0-9]{0,16}", fullmatch=True),
)
def test_possible_length_cache_any_national_number(code: int, national: str) -> None:
    number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
    assert phones._length_check(code, len(national)) == (
        phonenumbers.is_possible_number_with_reason(number)
    )


_SEPARATORS = st.sampled_from(["", " ", "-", "/", ".", "  "])
_INTERNATIONAL = st.builds(
    lambda prefix, code, sep, rest: f"{prefix}{code}{sep}{rest}",
    st.sampled_from(["+", "+0", "+00", "00", "+ "]),
    st.sampled_from([str(c) for c in CODES] + ["0", "01", "999"]),
    _SEPARATORS,
    st.from_regex(r"[0-9][0-9 ./-]{2,16}", fullmatch=True),
)
_NATIONAL = st.builds(
    lambda zeros, area, sep, rest: f"{zeros}{area}{sep}{rest}",
    st.sampled_from(["0", "00", "", "0 "]),
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    _SEPARATORS,
    st.from_regex(r"[0-9]{2,10}", fullmatch=True),
)
# digits phonenumbers also reads (Arabic-Indic, full width) and other noise
_NOISE = st.text(st.sampled_from("0123456789 +-./()x٣٤٩４９"), max_size=22)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(text=st.one_of(_INTERNATIONAL, _NATIONAL, _NOISE), region=REGIONS)
def test_phone_fast_paths_only_accept_what_phonenumbers_accepts(text: str, region: str) -> None:
    fast = phones._fast_international(text) or phones._fast_national(text, region)
    if fast is not None:
        assert fast == _reference(text, region), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+٤٩ ٣٠ ١٢٣٤٥٦٧", ("+49301234567", True)),  # Arabic-Indic digits: written as ASCII
        ("0٣٠ ١٢٣٤٥٦٧", ("+49301234567", True)),
        ("+４９ ３０ １２３４５６７", ("+49301234567", True)),  # full width
        ("+001 212 555 0100", ("+12125550100", True)),  # "+00" is an exit code, not "+0"
        ("+01 234 5678", ("+01 234 5678", False)),  # no country code starts with 0
    ],
)
def test_phones_the_fast_paths_once_got_wrong(text: str, expected: tuple[str, bool]) -> None:
    assert values.normalise_phone(text, "DE") == expected


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("ab:;, \t\n.@"), max_size=20))
def test_split_multi_shortcut_is_the_pattern_split(text: str) -> None:
    expected = [part for part in values.MULTI_SPLIT.split(text.strip()) if part]
    assert values.split_multi(text) == expected


@settings(max_examples=500, deadline=None)
@given(
    labels=st.lists(
        st.sampled_from([*SPECIAL_USE_DOMAIN_NAMES, "x", "contest", "de", "home", "a-b"]),
        min_size=1,
        max_size=4,
    )
)
def test_special_use_domains_as_email_validator_lists_them(labels: list[str]) -> None:
    domain = ".".join(labels)
    expected = any(domain == d or domain.endswith("." + d) for d in SPECIAL_USE_DOMAIN_NAMES)
    assert normalise._special_use(domain) == expected
