"""Which column holds which contact field: header synonyms across exporters
(Outlook, Google Contacts, LinkedIn, other CRMs) and languages (English,
German, French, Spanish, Dutch, Italian).

Headers are compared by a key: accents removed, case folded, only letters
and digits kept, so "E-mail Address", "E-Mail-Adresse" and "email_address"
meet. A mapping is a list with one target per column; ``KEEP`` keeps the
column's values in the contact's notes, ``IGNORE`` drops it.
"""

from __future__ import annotations

import hashlib
import re

from crmdesk.core.identity import fold

IGNORE = ""
KEEP = "keep"

# target -> label shown in the wizard and the CLI
TARGETS: dict[str, str] = {
    "first_name": "First name",
    "middle_name": "Middle name",
    "last_name": "Last name",
    "full_name": "Full name (split into first/last)",
    "company": "Company (account)",
    "job_title": "Job title",
    "department": "Department",
    "email": "E-mail",
    "email_secondary": "Second e-mail",
    "phone": "Phone",
    "mobile": "Mobile",
    "notes": "Notes",
    "city": "City (new accounts)",
    "country": "Country (new accounts)",
    "website": "Company website (new accounts)",
    "buying_role": "Buying role",
    "stance": "Stance",
    "level": "Level",
    "relationship_holder": "Relationship holder",
    KEEP: "Keep in notes",
    IGNORE: "Ignore",
}
# Targets that several columns may share (the first non-empty value wins,
# the others are kept in notes).
SHARED = {"email", "email_secondary", "phone", "mobile", "notes", KEEP, IGNORE}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "firstname first givenname forename vorname prenom nombre voornaam nome fname "
        "rufname primernombre"
    ).split(),
    "middle_name": "middlename additionalname zweitervorname secondname".split(),
    "last_name": (
        "lastname last familyname surname nachname familienname zuname nom apellido "
        "apellidos achternaam cognome lname"
    ).split(),
    "full_name": (
        "fullname contactname contact displayname kontakt kontaktname nomcomplet "
        "ansprechpartner person nombrecompleto volledigenaam"
    ).split(),
    "company": (
        "company companyname organization organisation organizationname organization1name "
        "organisationname org account accountname firma unternehmen firmenname societe "
        "entreprise empresa bedrijf azienda employer customer kunde client"
    ).split(),
    "job_title": (
        "jobtitle position organizationtitle organization1title role funktion stellung "
        "poste fonction cargo puesto functie jobtitel berufsbezeichnung designation "
        "positionbezeichnung"
    ).split(),
    "department": (
        "department organizationdepartment organization1department abteilung dept "
        "departement departamento afdeling reparto"
    ).split(),
    "email": (
        "email emailaddress mail email1value email1 email1address emailadresse courriel "
        "adressemail correoelectronico correo primaryemail workemail businessemail "
        "mailadresse emailadres"
    ).split(),
    "email_secondary": (
        "email2 email2address email2value secondaryemail otheremail email3address "
        "email3value email3 privateemail homeemail"
    ).split(),
    "phone": (
        "phone telephone businessphone workphone phone1value tel telefon telefonnummer "
        "telefono phonenumber officephone telefongeschaftlich telefonbuero companymainphone "
        "primaryphone businessphone2 phone2value phone3value direktwahl durchwahl festnetz"
    ).split(),
    "mobile": (
        "mobile mobilephone cell cellphone mobil handy mobilnummer mobiltelefon "
        "handynummer portable movil celular mobiel cellulare mobilenumber"
    ).split(),
    "notes": (
        "notes note notizen notiz bemerkung bemerkungen kommentar kommentare comments "
        "comment remarks description anmerkungen"
    ).split(),
    "city": "city businesscity town ort stadt ville ciudad address1city plz".split(),
    "country": (
        "country businesscountryregion countryregion countrycode land pays pais address1country"
    ).split(),
    "website": (
        "website companywebsite webseite homepage businesswebpage webpage web internet"
    ).split(),
    "buying_role": "buyingrole kaufrolle".split(),
    "stance": "stance haltung".split(),
    "level": "level ebene hierarchy".split(),
    "relationship_holder": "relationshipholder beziehungsinhaber".split(),
    KEEP: (
        "url profileurl linkedin linkedinurl connectedon birthday geburtstag birthdate dateofbirth"
    ).split(),
}
_WEAK: dict[str, str] = {"title": "job_title", "name": "full_name", "titel": "job_title"}
_BY_KEY = {key: target for target, keys in _SYNONYMS.items() for key in keys}


def header_key(text: str) -> str:
    """A header's key: folded as names are for identity (one folding rule)."""
    return fold(text)


def known_target(key: str) -> str | None:
    """The target a header key names, strong or weak synonym."""
    return _BY_KEY.get(key) or _WEAK.get(key)


def signature(headers: list[str]) -> str:
    """Identifies an export format: the same columns give the same signature."""
    joined = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


def auto_map(headers: list[str]) -> list[str]:
    """A target for every column from its header, strong synonyms first."""
    keys = [header_key(h) for h in headers]
    targets = [IGNORE] * len(headers)
    taken: set[str] = set()
    for index, key in enumerate(keys):
        target = _BY_KEY.get(key)
        if target is None:
            continue
        if target in taken and target not in SHARED:
            target = KEEP
        targets[index] = target
        taken.add(target)
    for index, key in enumerate(keys):
        weak = _WEAK.get(key)
        if targets[index] or weak is None:
            continue
        if key == "name" and "first_name" in taken:
            weak = "last_name" if "last_name" not in taken else IGNORE  # German "Name"
        elif key in ("title", "titel") and "job_title" in taken:
            weak = IGNORE  # Outlook's "Title" is the salutation when "Job Title" exists
        if weak and weak in taken and weak not in SHARED:
            weak = KEEP
        targets[index] = weak
        if weak:
            taken.add(weak)
    if "full_name" in taken and "first_name" in taken and "last_name" in taken:
        targets = [IGNORE if t == "full_name" else t for t in targets]
    return targets


_LABEL = re.compile(r"^phone(\d+)(label|type)$")


def phone_labels(headers: list[str]) -> dict[int, int]:
    """Google's "Phone 1 - Label" (or "- Type") column for each "Phone 1 -
    Value" column: value column index -> label column index."""
    keys = [header_key(h) for h in headers]
    labels = {m.group(1): i for i, k in enumerate(keys) if (m := _LABEL.match(k))}
    return {
        i: labels[m.group(1)]
        for i, k in enumerate(keys)
        if (m := re.match(r"^phone(\d+)value$", k)) and m.group(1) in labels
    }


def check_mapping(targets: list[str]) -> list[str]:
    """Problems with a mapping that make importing pointless, in words."""
    problems = []
    unknown = sorted({t for t in targets if t not in TARGETS})
    if unknown:
        problems.append(f"unknown target(s): {', '.join(unknown)}")
    if "last_name" not in targets and "full_name" not in targets:
        problems.append("no column is mapped to the last name (or the full name)")
    for target in set(targets) - SHARED:
        if targets.count(target) > 1:
            problems.append(f"{TARGETS.get(target, target)} is mapped from more than one column")
    return problems


def parse_target(text: str) -> str:
    """A target from a field name or its label ("E-mail", "email", "ignore")."""
    key = header_key(text)
    for target, label in TARGETS.items():
        if key in (header_key(target), header_key(label)):
            return target
    if key in ("notes", "keepinnotes"):
        return KEEP
    raise ValueError(text)
