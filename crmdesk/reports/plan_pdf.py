"""The account plan as a printed document: a cover block, then every
section of the tier's template as headings, tables, text and drawings."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crmdesk.core import plan_templates as pt
from crmdesk.core.plan_data import ItemData, PlanDocument
from crmdesk.reports import blocks as b
from crmdesk.reports.charts import activity_chart, satisfaction_chart
from crmdesk.reports.fonts import markup
from crmdesk.reports.health_block import health_section
from crmdesk.reports.layout import Anchor, CrmDocTemplate, build_story, write_pdf
from crmdesk.reports.orgchart import OrgChart
from crmdesk.reports.styles import (
    RULE,
    TIER_COLOURS,
    WARN,
    Styles,
    fmt_date,
    fmt_datetime,
    fmt_money,
    label,
    make_styles,
    page_size,
)  # fmt: skip

CHANGED = "● "  # marks an item that changed since the previous plan


def _title(item: ItemData) -> str:
    return (CHANGED if item.changed else "") + item.title


def _with_detail(item: ItemData) -> str:
    return _title(item) + (f"\n{item.detail}" if item.detail else "")


class PlanWriter:
    """Turns one PlanDocument into flowables for a frame ``width`` wide."""

    def __init__(self, styles: Styles, width: float, frame_height: float) -> None:
        self.s, self.width, self.frame_height = styles, width, frame_height

    # -- assembly ----------------------------------------------------------
    def story(self, doc: PlanDocument, *, level: int = 0, key: str = "plan",
              extras: bool = False) -> list[Flowable]:  # fmt: skip
        template = pt.template_for(doc.account.tier)
        out: list[Flowable] = [
            Anchor(doc.account.name, level, key, header=doc.account.name),
            *self.cover(doc),
            *health_section(self.s, doc, self.width),
        ]
        for section in template.sections:
            heading = pt.HEADINGS[section]
            out.append(CondPageBreak(40 * mm))
            out.append(Anchor(heading, level + 1, f"{key}-{section}", toc=False))
            out.append(Paragraph(markup(heading), self.s.h2))
            out.extend(getattr(self, f"_{section}")(doc, template))
        out.append(Paragraph("Open follow-ups", self.s.h2))
        out.extend(self.follow_ups(doc))
        if extras:
            out.append(Paragraph("Recent timeline (last 90 days)", self.s.h2))
            out.extend(self.timeline(doc))
        return out

    def cover(self, doc: PlanDocument) -> list[Flowable]:
        a, s = doc.account, self.s
        period = (f"{fmt_date(doc.period_start)} – {fmt_date(doc.period_end)}"
                  if doc.has_plan else "no plan recorded for this period")  # fmt: skip
        tier_colour = TIER_COLOURS[a.tier.value].hexval()[2:]
        lines = [
            Paragraph("Account plan", s.subtitle),
            Paragraph(markup(a.name), s.title),
            Paragraph(
                f'<font color="#{tier_colour}"><b>{a.tier.label} account</b></font> · '
                f"{markup(pt.template_for(a.tier).focus)}",
                s.body,
            ),  # fmt: skip
            b.key_values(
                s,
                [
                    ("Period", period),
                    ("Plan status", doc.plan_status or "—"),
                    ("Owner", a.owner or "—"),
                    ("Printed", fmt_datetime(doc.printed_at)),
                ],
                self.width,
                columns=2,
            ),  # fmt: skip
        ]
        if doc.previous_period:
            start, end = doc.previous_period
            lines.append(
                b.note(
                    s,
                    f"Carried forward from the plan for {fmt_date(start)} – "
                    f"{fmt_date(end)}; {CHANGED.strip()} marks what changed.",
                )
            )
        return [KeepTogether(lines), Spacer(1, 4)]

    # -- sections ----------------------------------------------------------
    def _snapshot(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        a = doc.account
        pairs = [
            ("Tier", a.tier.label), ("Life-cycle stage", a.lifecycle_stage.label),
            ("Status", a.status.label), ("Owner", a.owner or "—"),
            ("Annual value", fmt_money(a.annual_value, a.currency)),
            ("Potential", fmt_money(a.potential_value, a.currency)),
            ("Industry", a.industry or "—"), ("Country", a.country or "—"),
        ]  # fmt: skip
        return [
            b.key_values(self.s, pairs, self.width),
            Paragraph("Since the last review", self.s.h3),
            *b.text_block(self.s, doc.texts.get("since_last_review"), has_plan=doc.has_plan),
        ]

    def _context(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        out: list[Flowable] = [Paragraph("Customer priorities and goals", self.s.h3)]
        out += b.text_block(self.s, doc.texts.get("customer_priorities"), has_plan=doc.has_plan)
        if template.shows_markets:
            out.append(Paragraph("Their customers and markets", self.s.h3))
            out += b.text_block(self.s, doc.texts.get("customer_markets"), has_plan=doc.has_plan)
        return out

    def _objectives(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        items = doc.items_in("objective")
        if not items:
            return [b.empty(self.s, doc.has_plan, "No objectives recorded.")]
        out: list[Flowable] = []
        for party, heading in (("ours", "Our objectives"), ("customer", "The customer's "
                               "objectives"), ("joint", template.joint_label)):  # fmt: skip
            mine = [i for i in items if (i.party or "ours") == party]
            if not mine:
                continue
            out.append(Paragraph(markup(heading), self.s.h3))
            rows = [(_with_detail(i), i.owner, fmt_date(i.due_date), label(i.status), i.measure)
                    for i in mine]  # fmt: skip
            out += b.table(self.s, ("Objective", "Owner", "Due", "Status", "Measure"), rows,
                           (0.38, 0.14, 0.11, 0.11, 0.26), self.width,
                           marks=[i.changed for i in mine])  # fmt: skip
        return out

    def _strategy(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        return [
            Paragraph(
                markup(f"Relationship strategy ({doc.account.tier.label.lower()})"), self.s.h3
            ),  # fmt: skip
            *b.text_block(
                self.s,
                doc.texts.get("relationship_strategy"),
                has_plan=doc.has_plan,
                missing=f"Not written yet. {template.strategy_prompt}",
            ),  # fmt: skip
            Paragraph("Individual value proposition", self.s.h3),
            *b.text_block(self.s, doc.texts.get("value_proposition"), has_plan=doc.has_plan),
        ]

    def _stakeholders(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        people = doc.stakeholders
        if not people:
            out: list[Flowable] = [b.note(self.s, "No contacts recorded for this account.")]
        else:
            today = doc.printed_at.astimezone().date()
            out = [OrgChart(people, today, self.width, self.frame_height * 0.6), Spacer(1, 4)]
            rows = [(p.name, p.job_title, p.level, p.buying_role, label(p.stance),
                     p.relationship_holder, fmt_date(p.last_contact)) for p in people]  # fmt: skip
            out += b.table(self.s, ("Name", "Job title", "Level", "Buying role", "Stance",
                                    "Our holder", "Last contact"), rows,
                           (0.19, 0.2, 0.13, 0.13, 0.1, 0.13, 0.12), self.width)  # fmt: skip
        if template.checks_coverage:
            out.append(Paragraph("Coverage gaps", self.s.h3))
            out += (b.bullets(self.s, doc.coverage_gaps) if doc.coverage_gaps
                    else [b.note(self.s, "No coverage gaps found.")])  # fmt: skip
        return out

    def _swot(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        parts = [("Strengths", "strength"), ("Weaknesses", "weakness"),
                 ("Opportunities", "swot_opportunity"), ("Threats", "threat")]  # fmt: skip
        lists = {sec: doc.items_in(sec) for _h, sec in parts}
        if not any(lists.values()):
            return [b.empty(self.s, doc.has_plan, "No SWOT entries recorded.")]
        size = sum(len(_with_detail(i)) for items in lists.values() for i in items)
        cells = []
        for heading, sec in parts:
            lines = [_with_detail(i) for i in lists[sec]] or ["None recorded."]
            cells.append([Paragraph(heading, self.s.h3), *b.bullets(self.s, lines)])
        if size > 1600:  # too long for a grid that cannot split: one list after another
            return [f for cell in cells for f in cell]
        grid = Table([[cells[0], cells[1]], [cells[2], cells[3]]], colWidths=[self.width / 2] * 2)
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, RULE),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
        return [grid]

    def _competitors(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        items = doc.items_in("competitor")
        if not items:
            return [b.empty(self.s, doc.has_plan, "No competitors recorded.")]
        rows = [(_title(i), i.detail, label(i.impact)) for i in items]
        return b.table(self.s, ("Competitor", "Position and notes", "Threat"), rows,
                       (0.3, 0.56, 0.14), self.width, marks=[i.changed for i in items])  # fmt: skip

    def _opportunities(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        items = doc.items_in("opportunity")
        if not items:
            return [b.empty(self.s, doc.has_plan, "No opportunities recorded.")]
        cur = doc.account.currency
        rows = [(_with_detail(i), fmt_money(i.value, cur), i.stage, fmt_date(i.expected_close),
                 i.owner) for i in items]  # fmt: skip
        return b.table(self.s, ("Opportunity", "Value", "Stage", "Expected close", "Owner"),
                       rows, (0.4, 0.16, 0.14, 0.14, 0.16), self.width,
                       marks=[i.changed for i in items])  # fmt: skip

    def _risk_rows(self, items: list[ItemData]) -> list[tuple[str | None, ...]]:
        return [(_with_detail(i), label(i.likelihood), label(i.impact), i.mitigation)
                for i in items]  # fmt: skip

    def _risks(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        head, widths = ("Risk", "Likelihood", "Impact", "Mitigation"), (0.42, 0.11, 0.11, 0.36)
        items = doc.items_in("risk")
        out: list[Flowable] = [Paragraph("Recorded risks", self.s.h3)]
        if items:
            out += b.table(self.s, head, self._risk_rows(items), widths, self.width,
                           marks=[i.changed for i in items])  # fmt: skip
        else:
            out.append(b.empty(self.s, doc.has_plan, "No risks recorded."))
        out.append(Paragraph("Defection signals proposed from the data", self.s.h3))
        if doc.signals:
            out += b.table(self.s, head, self._risk_rows(list(doc.signals)), widths, self.width)
        else:
            out.append(b.note(self.s, "No defection signals: activity, complaints and "
                                      "satisfaction look normal."))  # fmt: skip
        return out

    def _actions(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        items = doc.items_in("action")
        if not items:
            return [b.empty(self.s, doc.has_plan, "No actions recorded.")]
        today = doc.printed_at.astimezone().date()
        rows = []
        for i in items:
            late = (
                i.due_date is not None
                and i.due_date < today
                and (i.status or "").lower() not in ("done", "closed", "cancelled")
            )
            rows.append(
                (
                    _with_detail(i),
                    i.owner,
                    fmt_date(i.due_date) + (" (overdue)" if late else ""),
                    label(i.status),
                )
            )
        return b.table(
            self.s,
            ("Action", "Owner", "Due", "Status"),
            rows,
            (0.52, 0.18, 0.17, 0.13),
            self.width,
            marks=[i.changed for i in items],
        )

    def _activity(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        today = doc.printed_at.astimezone().date()
        out: list[Flowable] = []
        if doc.activity is not None:
            out.append(activity_chart(doc.activity, self.width))
        out += [Spacer(1, 6), satisfaction_chart(doc.satisfaction, today, self.width)]
        return [KeepTogether(out)]

    def _review(self, doc: PlanDocument, template: pt.TierTemplate) -> list[Flowable]:
        return b.text_block(self.s, doc.texts.get("review_of_last_period"), has_plan=doc.has_plan)

    # -- pack extras -------------------------------------------------------
    def follow_ups(self, doc: PlanDocument) -> list[Flowable]:
        if not doc.follow_ups:
            return [b.note(self.s, "No open follow-ups.")]
        rows = [(fmt_date(f.due), f.subject, f.state) for f in doc.follow_ups]
        out = b.table(self.s, ("Due", "Follow-up", "State"), rows, (0.14, 0.7, 0.16), self.width,
                      bold_first=False)  # fmt: skip
        table = out[0]
        for i, f in enumerate(doc.follow_ups, start=1):
            if f.state == "overdue":
                table.setStyle(TableStyle([("TEXTCOLOR", (2, i), (2, i), WARN)]))
        return out

    def timeline(self, doc: PlanDocument) -> list[Flowable]:
        if not doc.timeline:
            return [b.note(self.s, "No activity in the last 90 days.")]
        rows = [(fmt_date(t.when), t.kind, t.subject + (f"\n{t.outcome}" if t.outcome else ""),
                 t.people) for t in doc.timeline]  # fmt: skip
        out = b.table(self.s, ("Date", "Kind", "Subject", "People"), rows,
                      (0.13, 0.15, 0.45, 0.27), self.width, bold_first=False)  # fmt: skip
        if doc.timeline_more:
            out.append(b.note(self.s, f"… and {doc.timeline_more} earlier entries of the last "
                                      "90 days."))  # fmt: skip
        return out


def write_plan_pdf(doc: PlanDocument, target: str | os.PathLike[str], *, size: str = "a4") -> Path:
    """Write the account plan to ``target`` atomically."""
    pagesize = page_size(size)

    def build(path: str) -> None:
        pdf = CrmDocTemplate(path, pagesize=pagesize, title=f"Account plan: {doc.account.name}",
                             header_right=f"Account plan · {doc.account.tier.label}")  # fmt: skip
        writer = PlanWriter(make_styles(), pdf.width, pdf.height)
        story = writer.story(doc)
        build_story(pdf, story, f"crmdesk · printed {fmt_datetime(doc.printed_at)}")

    return write_pdf(target, build)
