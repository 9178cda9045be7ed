"""Identity keys: when two names or addresses stand for the same company or
person. One rule for every writer (the importer, the account and contact
services, the command line, the window and the duplicate finder), so that
"ACME, Inc." and "Acme Inc" are one company everywhere.

- :func:`fold` makes text comparable: accents removed, case folded, letters
  that Unicode decomposition leaves alone spelled out (ø, æ, ß, ł, þ…), only
  letters and digits kept.
- :func:`company_key` also ignores legal forms at the end of the name
  (GmbH, AG, Ltd, Inc., S.A., B.V., Oy, A/S, …): what a new account would
  duplicate. :class:`CompanyIndex` links a name to one account: the same
  folded name first, else the only account with its company key.
- :func:`person_key` is a person's name, word by word; :func:`email_key` an
  address; :func:`similar_name` the fuzzy rule for "probably the same person"
  (rapidfuzz token-sort ratio >= :data:`FUZZY_CUTOFF`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 90
T = TypeVar("T")

# Letters NFKD does not decompose into a base letter plus marks.
_SPELLED = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
        "ı": "i",
        "ŋ": "n",
        "ŧ": "t",
        "ĸ": "k",
    }
)
_WORDS = re.compile(r"[^\W_]+")

# Legal forms, as the word sequences they fold to ("S.A." -> ("s", "a")).
_LEGAL_FORMS: frozenset[tuple[str, ...]] = frozenset(
    tuple(form.split("."))
    for form in (
        # English
        "inc incorporated corp corporation co company ltd limited llc llp lp plc pllc "
        "pty pte l.l.c l.p "
        # German, Austrian, Swiss
        "gmbh ag kg kgaa ohg ug gbr e.v mbh se "
        # French, Belgian, Luxembourgish
        "sa s.a sarl s.a.r.l sas s.a.s sasu eurl sca scs sprl bvba "
        # Dutch
        "bv b.v nv n.v vof "
        # Italian, Spanish, Portuguese
        "spa s.p.a srl s.r.l sl s.l slu lda ltda sapa "
        # Nordic
        "ab oy oyj as a.s asa aps a.p.s hf ehf "
        # Central and eastern Europe
        "sp.z.o.o sro s.r.o kft zrt nyrt doo d.o.o"
    ).split()
)
_LONGEST_FORM = max(map(len, _LEGAL_FORMS))


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Letters and digits only, accents and case folded: "Søren-Müller" ->
    "sorenmuller", "Straße" -> "strasse", "Ærø" -> "aero"."""
    return "".join(_words(text))


@lru_cache(maxsize=131072)
def _words(text: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(_WORDS.findall(plain.translate(_SPELLED)))


@lru_cache(maxsize=131072)
def company_key(name: str) -> str:
    """The identity of a company name: folded, legal forms at the end
    ignored, so "ACME, Inc.", "Acme Inc" and "Acme" are one company and
    "Müller GmbH & Co. KG" is "Müller". A name that is only a legal form
    keeps it ("AG" stays "ag")."""
    words = list(_words(name))
    while len(words) > 1:
        for size in range(min(_LONGEST_FORM, len(words) - 1), 0, -1):
            if tuple(words[-size:]) in _LEGAL_FORMS:
                del words[-size:]
                break
        else:
            break
    return "".join(words)


class CompanyIndex(Generic[T]):
    """Accounts (or anything standing for one) by company identity, to link
    a company name to one of them: the one with the same folded name ("Acme
    Inc" is "ACME, Inc."; the first added when several are), else the only
    one whose name differs just by its legal form ("Acme GmbH" is "Acme");
    none when several do (sister companies "Acme AG" and "Acme Ltd" are not
    guessed between). The importer and the account lookup both use it."""

    def __init__(self) -> None:
        self._names: dict[str, list[T]] = {}
        self._keys: dict[str, list[T]] = {}

    def add(self, item: T, name: str) -> None:
        self._names.setdefault(fold(name), []).append(item)
        self._keys.setdefault(company_key(name), []).append(item)

    def same_name(self, name: str) -> list[T]:
        """Items whose name folds to the same text, in the order added."""
        return list(self._names.get(fold(name), ())) if fold(name) else []

    def same_company(self, name: str) -> list[T]:
        """Items with the same company key (legal form aside), in order."""
        key = company_key(name)
        return list(self._keys.get(key, ())) if key else []

    def find(self, name: str) -> T | None:
        folded = fold(name)
        if not folded:
            return None
        same = self._names.get(folded)
        if same:
            return same[0]
        company = self._keys.get(company_key(name), ())
        return company[0] if len(company) == 1 else None


@lru_cache(maxsize=131072)
def name_part_key(part: str) -> str:
    """One word of a person's name, folded (first and last names repeat)."""
    return fold(part)


def person_key(first: str | None, last: str | None) -> str:
    """The identity of a person's name: its words folded, in order
    ("Jürgen O'Brien" -> "jurgen obrien")."""
    text = f"{first or ''} {last or ''}"
    return " ".join(key for key in map(name_part_key, text.split()) if key)


def email_key(address: str | None) -> str:
    """The identity of an e-mail address (upper and lower case are one)."""
    return (address or "").strip().lower()


def similar_name(name: str, candidates: Collection[str]) -> str | None:
    """The candidate person key that is ``name`` or close to it (the same
    person written slightly differently), or None."""
    if not name or not candidates:
        return None
    if name in candidates:
        return name
    hit = process.extractOne(
        name, list(candidates), scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
    )
    return str(hit[0]) if hit else None
