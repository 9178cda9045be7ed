"""Account plans for the demo's partner and strategic accounts.

Without them every sample plan PDF is a template of empty headings; with
them a newcomer sees what the product does: objectives (ours, the
customer's, joint) with owners and measures, SWOT, competitors, opportunities
with values, risks with mitigations, actions with owners and due dates
(some done, some overdue) and a review of the last period. Rows are plain
dicts for the demo's bulk insert; a separate random stream keeps the rest of
the demo data exactly as it was.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from crmdesk.core import demo_data as words
from crmdesk.db.enums import Tier
from crmdesk.db.models_plans import PlanSection, PlanStatus

PLANNED = (Tier.PARTNER, Tier.STRATEGIC)

OBJECTIVES: dict[Tier, dict[str, tuple[tuple[str, str], ...]]] = {
    Tier.PARTNER: {
        "ours": (
            ("Grow annual volume by {p} %", "Invoiced value vs last year"),
            ("Win the {area} tender", "Contract signed"),
            ("Cut order-to-delivery time to {d} days", "Median lead time"),
            ("Raise share of wallet in {area}", "Our share of their spend"),
        ),
        "customer": (
            ("Reduce inventory held at their plants", "Days of stock"),
            ("Consolidate suppliers in {area}", "Number of suppliers"),
            ("Lower cost per unit by {p} %", "Unit cost"),
        ),
        "joint": (
            ("Joint process improvement: shared demand forecast", "Forecast accuracy ≥ 90 %"),
            ("Quarterly service review held", "Four reviews a year"),
            ("Vendor-managed inventory pilot at one site", "Pilot live"),
        ),
    },
    Tier.STRATEGIC: {
        "ours": (
            ("Executive sponsorship on both sides", "Sponsors named and met twice a year"),
            ("Grow annual value to {v}", "Invoiced value"),
            ("Become preferred supplier for {area}", "Preferred-supplier status"),
        ),
        "customer": (
            ("Enter the {market} market", "First orders from the new market"),
            ("Cut CO₂ per unit by {p} %", "Audited CO₂ figures"),
            ("Shorten product launch cycle to {d} weeks", "Launch cycle time"),
        ),
        "joint": (
            ("Joint strategy: agree a three-year joint roadmap", "Roadmap signed"),
            ("The customer's customer: co-develop an offer for {market}", "Offer launched"),
            ("Joint innovation day with both R&D teams", "Two ideas taken to pilot"),
        ),
    },
}
AREAS = ("packaging", "spare parts", "logistics", "maintenance", "raw materials", "IT services")
MARKETS = ("Nordic", "Iberian", "Polish", "Benelux", "North American", "Baltic")
STRENGTHS = (
    "Trusted delivery record: on time and in full for {n} months",
    "Engineers on site every week",
    "Strong relationship with the head of purchasing",
    "Our product is specified in their standard",
    "Fast answers from our service desk",
)
WEAKNESSES = (
    "Single contact in logistics",
    "Price above the market average",
    "No contact at executive level",
    "Slow quotes for custom work",
    "Invoices often disputed",
)
SWOT_OPPORTUNITIES = (
    "New plant opening in {city}",
    "Their {area} contract ends next year",
    "Expansion into the {market} market",
    "Sustainability targets favour our low-emission range",
)
THREATS = (
    "Low-cost importer quoting 15 % below us",
    "New purchasing director reviewing all suppliers",
    "Budget freeze announced for the second half",
    "A competitor bought their former distributor",
)
COMPETITORS = (
    ("Nordic Supply A/S", "Cheaper, slower to deliver; strong in logistics", "medium"),
    ("Baltic Components", "Aggressive on price, weak service", "high"),
    ("Alpine Industrial GmbH", "Technically strong, few engineers in the field", "medium"),
    ("Atlas Group", "Global frame contract with their parent company", "high"),
    ("Vega Solutions", "Small, local, personal service", "low"),
)
OPPORTUNITIES = (
    "{area} frame agreement for {year}",
    "Fit-out of the new site in {city}",
    "Service contract for installed equipment",
    "Replacement of the legacy {area} supplier",
)
STAGES = ("qualification", "proposal", "negotiation", "proposal")
RISKS = (
    ("Price pressure from a low-cost importer", "medium", "high",
     "Total cost of ownership study with their finance team"),
    ("Our champion {contact} may leave", "low", "high",
     "Build a second contact at the same level"),
    ("Quality complaint unresolved", "medium", "medium",
     "Root-cause report and a visit by our quality manager"),
    ("Contract renewal falls in their budget freeze", "medium", "medium",
     "Agree the renewal terms before the freeze"),
)  # fmt: skip
ACTIONS = (
    "Book the executive review with {contact}",
    "Send the revised quote for {area}",
    "Prepare the quarterly service review",
    "Invite {contact} to the plant tour",
    "Present the cost-of-ownership study",
    "Agree the forecast process with {contact}",
    "Follow up on the open complaint",
    "Draft the three-year roadmap",
)
PRIORITIES = (
    "Lower total cost in {area} while keeping quality stable.",
    "Security of supply: two sources for every critical part.",
    "Cut CO₂ emissions by a third before 2030.",
    "Grow in the {market} market without new plants.",
    "Fewer, closer suppliers who think along with their engineers.",
)
MARKETS_TEXT = (
    "Their customers are utilities and building contractors in the {market} region; demand "
    "follows public infrastructure spending.",
    "They sell to retail chains that push for shorter lead times and recyclable packaging.",
    "Their end market is automotive; the shift to electric models changes their parts mix.",
)
STRATEGY = {
    Tier.PARTNER: (
        "Integrate with their supply chain: shared forecast, vendor-managed stock at the main "
        "site, and a contact at every level from the plant manager to the buyer. Switching to "
        "another supplier should cost them a re-qualification."
    ),
    Tier.STRATEGIC: (
        "A joint strategy owned by sponsors on both sides: our managing director and their "
        "COO meet twice a year; product teams work on a shared roadmap; we develop ahead of "
        "their needs in the {market} market."
    ),
}
VALUE_PROPOSITIONS = (
    "Lowest total cost of ownership with guaranteed uptime of 99 %.",
    "Delivery within 48 hours anywhere in {country}, with an engineer on call.",
    "One partner for {area}: fewer suppliers, one invoice, one contact.",
)
REVIEWS = (
    "Met {met} of {total} objectives. Volumes up {p} %; the service review happened three "
    "times instead of four. Missed: {missed}.",
    "A difficult year: met {met} of {total} objectives. Two late deliveries cost goodwill; "
    "the new contact in purchasing helped. Missed: {missed}.",
)


def _fill(rng: random.Random, text: str, ctx: dict[str, str]) -> str:
    return text.format(
        p=rng.choice((5, 8, 10, 12, 15)), d=rng.choice((5, 7, 10, 14)), n=rng.randint(6, 36),
        area=rng.choice(AREAS), market=rng.choice(MARKETS), **ctx,
    )  # fmt: skip


def _item(
    plan_id: int, section: PlanSection, position: int, title: str, **kw: Any
) -> dict[str, Any]:
    row = {
        "plan_id": plan_id, "section": section, "position": position, "title": title,
        "detail": None, "party": None, "owner": None, "due_date": None, "status": None,
        "measure": None, "value": None, "stage": None, "expected_close": None,
        "likelihood": None, "impact": None, "mitigation": None, "changed_since_previous": False,
    }  # fmt: skip
    row.update(kw)
    return row


def plan_rows(
    rng: random.Random,
    account: dict[str, Any],
    people: list[dict[str, Any]],
    plan_id: int,
    now: datetime,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An active plan for this year for one partner or strategic account."""
    tier: Tier = account["tier"]
    today = now.date()
    start, end = date(today.year, 1, 1), date(today.year, 12, 31)
    owner = account["owner"]
    names = [f"{p['first_name']} {p['last_name']}" for p in people] or ["the buyer"]
    ctx = {
        "contact": rng.choice(names),
        "city": rng.choice(words.CITIES[account["country"]]),
        "country": account["country"],
        "year": str(today.year + 1),
        "v": f"{int(account['annual_value'] * Decimal('1.2')):,} {account['currency']}",
    }
    items: list[dict[str, Any]] = []

    def add(section: PlanSection, title: str, **kw: Any) -> None:
        items.append(_item(plan_id, section, len(items), _fill(rng, title, ctx), **kw))

    def due_and_status(spread: int) -> tuple[date, str]:
        due = today + timedelta(days=rng.randint(-spread, 2 * spread))
        if due < today:
            status = rng.choices(("done", "in progress", "open"), weights=(6, 2, 2))[0]
        else:
            status = rng.choices(("open", "in progress"), weights=(3, 2))[0]
        return due, status

    pools = OBJECTIVES[tier]
    for party, count in (("ours", 2), ("customer", rng.randint(1, 2)), ("joint", 2)):
        for title, measure in rng.sample(pools[party], count):
            due, status = due_and_status(120)
            who = owner if party != "customer" else rng.choice(names)
            add(PlanSection.OBJECTIVE, title, party=party, owner=who, due_date=due,
                status=status, measure=measure)  # fmt: skip
    for section, pool in (
        (PlanSection.STRENGTH, STRENGTHS),
        (PlanSection.WEAKNESS, WEAKNESSES),
        (PlanSection.OPPORTUNITY_SWOT, SWOT_OPPORTUNITIES),
        (PlanSection.THREAT, THREATS),
    ):
        for text in rng.sample(pool, rng.randint(2, 3)):
            add(section, text)
    for name, detail, impact in rng.sample(COMPETITORS, rng.randint(1, 3)):
        add(PlanSection.COMPETITOR, name, detail=detail, impact=impact)
    for text in rng.sample(OPPORTUNITIES, rng.randint(1, 3)):
        share = Decimal(rng.choice((5, 10, 15, 25, 40))) / 100
        value = (account["annual_value"] * share).quantize(Decimal(1000))
        add(PlanSection.OPPORTUNITY, text, value=value, stage=rng.choice(STAGES),
            expected_close=today + timedelta(days=rng.randint(20, 200)),
            owner=owner)  # fmt: skip
    for text, likelihood, impact, mitigation in rng.sample(RISKS, rng.randint(1, 2)):
        add(PlanSection.RISK, text, likelihood=likelihood, impact=impact, mitigation=mitigation)
    colleagues = [o for o in words.OWNERS if o != owner]
    for text in rng.sample(ACTIONS, rng.randint(3, 6)):
        due, status = due_and_status(30)
        who = owner if rng.random() < 0.7 else rng.choice(colleagues)
        add(PlanSection.ACTION, text, owner=who, due_date=due, status=status)

    total = sum(1 for i in items if i["section"] is PlanSection.OBJECTIVE)
    missed = next((i["title"] for i in items if i["section"] is PlanSection.OBJECTIVE
                   and i["status"] != "done"), "nothing")  # fmt: skip
    created = datetime(today.year, 1, rng.randint(5, 25), 9, tzinfo=now.tzinfo)
    plan = {
        "id": plan_id,
        "uuid": uuid.uuid4(),  # random, not seeded: a second demo run never collides
        "account_id": account["id"],
        "period_start": start,
        "period_end": end,
        "status": PlanStatus.ACTIVE,
        "previous_plan_id": None,
        "since_last_review": _fill(
            rng,
            "Volumes up {p} % on last year; {contact} is now our main contact in purchasing.",
            ctx,
        ),  # fmt: skip
        "customer_priorities": " ".join(_fill(rng, t, ctx) for t in rng.sample(PRIORITIES, 2)),
        "customer_markets": _fill(rng, rng.choice(MARKETS_TEXT), ctx)
        if tier is Tier.STRATEGIC
        else None,
        "relationship_strategy": _fill(rng, STRATEGY[tier], ctx),
        "value_proposition": _fill(rng, rng.choice(VALUE_PROPOSITIONS), ctx),
        "review_of_last_period": _fill(
            rng,
            rng.choice(REVIEWS),
            {
                **ctx,
                "met": str(rng.randint(total - 2, total - 1)),
                "total": str(total),
                "missed": missed.lower(),
            },
        ),  # fmt: skip
        "created_at": min(created, now),
        "updated_at": now,
        "deleted_at": None,
    }
    return plan, items
