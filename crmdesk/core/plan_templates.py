"""What a good plan looks like for each relationship tier.

A transactional plan is short (price, volume, service levels, the next
order); a partner plan adds joint process objectives and contacts at every
level; a strategic plan adds joint strategy and the customer's own
customers and markets. The editor, the PDF and new plans all read the
template from here so the three stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.db.enums import Tier

# Section keys, in document order. Each has one heading in the PDF and one
# page in the editor.
SNAPSHOT = "snapshot"
CONTEXT = "context"
OBJECTIVES = "objectives"
STRATEGY = "strategy"
STAKEHOLDERS = "stakeholders"
SWOT = "swot"
COMPETITORS = "competitors"
OPPORTUNITIES = "opportunities"
RISKS = "risks"
ACTIONS = "actions"
ACTIVITY = "activity"
REVIEW = "review"

HEADINGS: dict[str, str] = {
    SNAPSHOT: "Snapshot",
    CONTEXT: "Customer context",
    OBJECTIVES: "Objectives",
    STRATEGY: "Relationship strategy and value proposition",
    STAKEHOLDERS: "Stakeholder map",
    SWOT: "SWOT",
    COMPETITORS: "Competitors",
    OPPORTUNITIES: "Opportunities",
    RISKS: "Risks and defection signals",
    ACTIONS: "Action plan",
    ACTIVITY: "Activity",
    REVIEW: "Review of the last period",
}

# Objective "party" values: whose objective it is.
PARTIES = ("ours", "customer", "joint")
LIKELIHOODS = ("low", "medium", "high")


@dataclass(frozen=True)
class StarterObjective:
    title: str
    measure: str
    party: str = "ours"


@dataclass(frozen=True)
class TierTemplate:
    tier: Tier
    sections: tuple[str, ...]
    focus: str  # one line: what the plan is about for this tier
    strategy_prompt: str  # what to write under relationship strategy
    joint_label: str  # heading for joint objectives
    shows_markets: bool  # the customer's customers and markets
    checks_coverage: bool  # stakeholder coverage gaps matter
    starters: tuple[StarterObjective, ...]


_BASE = (SNAPSHOT, CONTEXT, OBJECTIVES, STRATEGY, STAKEHOLDERS)
_TAIL = (OPPORTUNITIES, RISKS, ACTIONS, ACTIVITY, REVIEW)

TEMPLATES: dict[Tier, TierTemplate] = {
    Tier.TRANSACTIONAL: TierTemplate(
        tier=Tier.TRANSACTIONAL,
        sections=(*_BASE, COMPETITORS, *_TAIL),
        focus="Price, volume, service levels and winning the next order at a low cost to serve.",
        strategy_prompt="How we keep this buyer–supplier relationship efficient and competitive.",
        joint_label="Joint objectives",
        shows_markets=False,
        checks_coverage=False,
        starters=(
            StarterObjective("Price: hold the agreed price level", "Average price vs list"),
            StarterObjective("Volume: grow order volume", "Units or value per quarter"),
            StarterObjective("Service levels: deliver on time and in full", "OTIF ≥ 98 %"),
            StarterObjective("Next order: win the next tender or order", "Order won by due date"),
        ),
    ),
    Tier.PARTNER: TierTemplate(
        tier=Tier.PARTNER,
        sections=(*_BASE, SWOT, COMPETITORS, *_TAIL),
        focus="Joint process improvements, service reviews, contacts at every level, "
        "switching costs.",
        strategy_prompt="How we integrate with the customer's supply chain and raise switching "
        "costs; who meets whom at which level.",
        joint_label="Joint process objectives",
        shows_markets=False,
        checks_coverage=True,
        starters=(
            StarterObjective(
                "Joint process improvement: agree one improvement project", "Project signed off"
            ),
            StarterObjective("Quarterly service review held", "Four reviews a year", "joint"),
            StarterObjective(
                "Multi-level coverage: a contact at every level", "Executive to operational"
            ),
            StarterObjective("Service levels: deliver on time and in full", "OTIF ≥ 98 %"),
        ),
    ),
    Tier.STRATEGIC: TierTemplate(
        tier=Tier.STRATEGIC,
        sections=(*_BASE, SWOT, COMPETITORS, *_TAIL),
        focus="Joint strategy and initiatives, the customer's customer, long-term value, "
        "executive sponsorship.",
        strategy_prompt="The joint strategy: what we develop ahead of the customer's needs, "
        "executive sponsors on both sides, joint systems.",
        joint_label="Joint strategy and initiatives",
        shows_markets=True,
        checks_coverage=True,
        starters=(
            StarterObjective(
                "Joint strategy: agree a three-year joint roadmap", "Roadmap signed", "joint"
            ),
            StarterObjective(
                "The customer's customer: one initiative for their end market",
                "Initiative launched",
                "joint",
            ),
            StarterObjective("Executive sponsorship on both sides", "Sponsors named and met"),
            StarterObjective(
                "Multi-level coverage: a contact at every level", "Executive to operational"
            ),
        ),
    ),
}


def template_for(tier: Tier) -> TierTemplate:
    return TEMPLATES[tier]
