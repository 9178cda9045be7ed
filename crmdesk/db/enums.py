"""The domain vocabulary (see shared/docs/domain.md) as string enums.

Values are what is stored in the database and printed by the CLI; ``label``
is what a person reads in the window and in PDFs.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept a value or label, any case, spaces or dashes for underscores
        (on both sides: "1-9" is the employee band whose value is "1-9")."""
        key = _key(text)
        for member in cls:
            if key in (_key(member.value), _key(member.label)):
                return member
        raise ValueError(text)


def _key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_").replace("'", "")


class Tier(LabelledEnum):
    TRANSACTIONAL = "transactional"
    PARTNER = "partner"
    STRATEGIC = "strategic"


class LifecycleStage(LabelledEnum):
    IDENTIFICATION = "identification"
    DIFFERENTIATION = "differentiation"
    INTERACTION = "interaction"
    PERSONALISATION = "personalisation"
    RETENTION = "retention"
    ADVOCACY = "advocacy"


class AcquisitionSource(LabelledEnum):
    SUSPECT = "suspect"
    ENQUIRY = "enquiry"
    LAPSED_CUSTOMER = "lapsed_customer"
    FORMER_CUSTOMER = "former_customer"
    COMPETITORS_CUSTOMER = "competitors_customer"
    COMPETITORS_LAPSED_CUSTOMER = "competitors_lapsed_customer"
    COMPETITORS_ENQUIRY = "competitors_enquiry"
    COMPETITORS_FORMER_CUSTOMER = "competitors_former_customer"
    REFERRAL = "referral"
    EXISTING_CUSTOMER = "existing_customer"

    @property
    def label(self) -> str:
        text = self.value.replace("_", " ")
        text = text.replace("competitors ", "competitor's ")
        return text.capitalize()


class AccountStatus(LabelledEnum):
    ACTIVE = "active"
    AT_RISK = "at_risk"
    REDUCED = "reduced"  # still a customer, buying less (a partial defection)
    LOST = "lost"
    WON_BACK = "won_back"  # a former or lapsed customer buying again

    @property
    def needs_defection(self) -> bool:
        """Lost and reduced need a defection type, a reason and the value lost."""
        return self in (AccountStatus.LOST, AccountStatus.REDUCED)


class DefectionType(LabelledEnum):
    PRICE = "price"
    PRODUCT = "product"
    SERVICE = "service"
    MARKET = "market"
    TECHNOLOGICAL = "technological"
    ORGANISATIONAL = "organisational"


class BuyingRole(LabelledEnum):
    DECISION_MAKER = "decision_maker"
    ECONOMIC_BUYER = "economic_buyer"
    INFLUENCER = "influencer"
    CHAMPION = "champion"
    USER = "user"
    GATEKEEPER = "gatekeeper"
    BLOCKER = "blocker"


class Stance(LabelledEnum):
    KNOWER = "knower"
    PREFERER = "preferer"
    INDIFFERENT = "indifferent"
    REJECTER = "rejecter"


class ContactLevel(LabelledEnum):
    """Level of a person in their own organisation: partner and strategic
    accounts need contacts at several of these."""

    EXECUTIVE = "executive"
    SENIOR_MANAGEMENT = "senior_management"
    MIDDLE_MANAGEMENT = "middle_management"
    OPERATIONAL = "operational"


class ActivityKind(LabelledEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    SITE_VISIT = "site_visit"
    CHAT = "chat"
    SOCIAL = "social"
    WEB = "web"
    LETTER = "letter"
    CAMPAIGN_RESPONSE = "campaign_response"
    COMPLAINT = "complaint"
    SATISFACTION_CHECK = "satisfaction_check"
    NOTE = "note"
    TASK = "task"

    @property
    def label(self) -> str:
        return "E-mail" if self is ActivityKind.EMAIL else super().label


class Direction(LabelledEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class ComplaintStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"


class ComplaintCategory(LabelledEnum):
    PRODUCT = "product"
    DELIVERY = "delivery"
    SERVICE = "service"
    INVOICING = "invoicing"
    PRICE = "price"
    OTHER = "other"


class ComplaintSeverity(LabelledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class SatisfactionKind(LabelledEnum):
    """The scale a satisfaction check was scored on."""

    CSAT = "csat"  # customer satisfaction, 1-5
    NPS = "nps"  # "would you recommend us", 0-10
    SCORE = "score"  # the original 0-10 satisfaction score

    @property
    def label(self) -> str:
        return {"csat": "CSAT (1–5)", "nps": "NPS (0–10)", "score": "Score (0–10)"}[self.value]

    @property
    def scale(self) -> tuple[int, int]:
        return (1, 5) if self is SatisfactionKind.CSAT else (0, 10)


class EmployeeBand(LabelledEnum):
    MICRO = "1-9"
    SMALL = "10-49"
    MEDIUM = "50-249"
    LARGE = "250-999"
    ENTERPRISE = "1000+"

    @property
    def label(self) -> str:
        return f"{self.value} employees"
