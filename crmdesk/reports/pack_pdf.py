"""The review pack: many accounts in one PDF for a review meeting.

A cover page, a table of contents whose page numbers are filled in when
the document is saved (one layout pass, see layout.Contents), a portfolio summary
(accounts and value per tier, at-risk accounts, overdue follow-ups), then
each account's plan, its last 90 days and its open follow-ups, each
account starting on a new page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Paragraph, Spacer

from crmdesk.core.plan_data import PackDocument, PlanDocument
from crmdesk.core.plan_document import Cancelled
from crmdesk.reports import blocks as b
from crmdesk.reports.analysis_pdf import KEY as ANALYSIS_KEY
from crmdesk.reports.analysis_pdf import TITLE as ANALYSIS_TITLE
from crmdesk.reports.analysis_pdf import analysis_section
from crmdesk.reports.fonts import markup
from crmdesk.reports.health_block import pack_reason
from crmdesk.reports.layout import (
    Anchor,
    Contents,
    CrmDocTemplate,
    Deferred,
    build_story,
    write_pdf,
)
from crmdesk.reports.plan_pdf import PlanWriter
from crmdesk.reports.styles import (
    ACCENT,
    Styles,
    fmt_date,
    fmt_datetime,
    fmt_money,
    make_styles,
    page_size,
)  # fmt: skip

Progress = Callable[[int, int], None]


class _PackTemplate(CrmDocTemplate):
    """Reports progress (and checks for cancel) as each account is laid out."""

    def __init__(self, *args, accounts: int, progress: Progress | None,  # type: ignore[no-untyped-def]
                 cancelled: Callable[[], bool] | None, **kw) -> None:  # fmt: skip
        super().__init__(*args, **kw)
        self.accounts, self.progress, self.cancelled = accounts, progress, cancelled
        self.placed = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        super().afterFlowable(flowable)
        if (
            isinstance(flowable, Anchor)
            and flowable.level == 0
            and flowable.key.startswith("account-")
        ):
            if self.cancelled is not None and self.cancelled():
                raise Cancelled("export cancelled")
            self.placed += 1
            if self.progress is not None:
                self.progress(self.placed, self.accounts)


def _cover(pack: PackDocument, s: Styles, width: float) -> list[Flowable]:
    count = len(pack.plans)
    per_tier = ", ".join(f"{t.accounts} {t.tier.label.lower()}" for t in pack.tiers if t.accounts)
    totals: dict[str, Decimal] = {}
    for t in pack.tiers:
        for cur, amount in t.value.items():
            totals[cur] = totals.get(cur, Decimal(0)) + amount
    value = "; ".join(fmt_money(v, cur) for cur, v in sorted(totals.items())) or "—"
    overdue = sum(r.overdue for r in pack.overdue)
    pairs = [
        ("Accounts", f"{count} ({per_tier})"),
        ("Annual value", value),
        ("At risk", f"{len(pack.at_risk)} account{'s' if len(pack.at_risk) != 1 else ''}"),
        ("Overdue follow-ups", str(overdue)),
        ("Selection", pack.selection),
        ("Printed", fmt_datetime(pack.printed_at)),
    ]
    return [
        Spacer(1, 50 * mm),
        HRFlowable(width="100%", thickness=3, color=ACCENT, spaceAfter=8),
        Paragraph(markup(pack.title), s.title),
        Paragraph(markup(f"{count} account{'s' if count != 1 else ''} for review"), s.subtitle),
        Spacer(1, 8 * mm),
        b.key_values(s, pairs, width * 0.7, columns=1),
        PageBreak(),
    ]


def _summary(pack: PackDocument, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        Anchor("Portfolio summary", 0, "summary", header="Portfolio summary"),
        Paragraph("Portfolio summary", s.h1),
        Paragraph("Accounts and annual value per tier", s.h2),
    ]
    rows: list[tuple[str | None, ...]] = []
    for t in pack.tiers:
        value = "; ".join(fmt_money(v, cur) for cur, v in sorted(t.value.items())) or "—"
        rows.append((t.tier.label, str(t.accounts), value))
    out += b.table(s, ("Tier", "Accounts", "Annual value"), rows, (0.3, 0.2, 0.5), width)
    out.append(Paragraph(f"At-risk accounts ({len(pack.at_risk)})", s.h2))
    if pack.at_risk:
        rows = [(r.name, r.tier.label, r.owner, pack_reason(r.score, r.reasons))
                for r in pack.at_risk]  # fmt: skip
        out += b.table(s, ("Account", "Tier", "Owner", "Why"), rows,
                       (0.32, 0.13, 0.18, 0.37), width)  # fmt: skip
    else:
        out.append(b.note(s, "No account is marked at risk or needs attention."))
    out.append(Paragraph(f"Overdue follow-ups ({sum(r.overdue for r in pack.overdue)})", s.h2))
    if pack.overdue:
        rows = [(r.name, r.owner, str(r.overdue), fmt_date(r.oldest)) for r in pack.overdue]
        out += b.table(s, ("Account", "Owner", "Overdue", "Oldest due"), rows,
                       (0.45, 0.25, 0.12, 0.18), width)  # fmt: skip
    else:
        out.append(b.note(s, "No overdue follow-ups."))
    return out


def pack_story(pack: PackDocument, s: Styles, doc: CrmDocTemplate) -> list[Flowable]:
    width, height = doc.width, doc.height
    analysis = [(ANALYSIS_TITLE, ANALYSIS_KEY)] if pack.analysis is not None else []
    toc = Contents(
        [("Portfolio summary", "summary"), *analysis]
        + [(p.account.name, f"account-{p.account.id}") for p in pack.plans]
    )
    story: list[Flowable] = [
        *_cover(pack, s, width),
        Anchor("Contents", 0, "contents", header=pack.title, toc=False),
        Paragraph("Contents", s.h1),
        toc,
        PageBreak(),
        *_summary(pack, s, width),
        *(analysis_section(pack.analysis, s, width) if pack.analysis is not None else []),
    ]
    writer = PlanWriter(s, width, height)

    def account(plan: PlanDocument) -> list[Flowable]:
        key = f"account-{plan.account.id}"
        return [PageBreak(), *writer.story(plan, level=0, key=key, extras=True)]

    story += [Deferred(lambda plan=plan: account(plan)) for plan in pack.plans]
    story.append(Deferred(lambda: _left_out(doc, s)))
    return story


def _left_out(doc: CrmDocTemplate, s: Styles) -> list[Flowable]:
    """A last page listing what could not be printed, when anything was."""
    if not doc.problems:
        return []
    return [
        PageBreak(),
        Anchor("Not printed", 0, "problems", header="Not printed"),
        Paragraph("Not printed", s.h1),
        b.note(
            s,
            "These parts could not be laid out and were left out; the rest of the "
            "pack is complete. Open the accounts in crmdesk to see them.",
        ),  # fmt: skip
        *b.bullets(s, list(doc.problems)),
    ]


def write_pack_pdf(
    pack: PackDocument,
    target: str | os.PathLike[str],
    *,
    size: str = "a4",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    problems: list[str] | None = None,
) -> Path:
    """Write the review pack to ``target`` atomically. An account (or a
    part of one) that cannot be printed is left out with a note, listed
    on a last page and appended to ``problems``; the rest prints."""
    pagesize = page_size(size)

    def build(path: str) -> None:
        pdf = _PackTemplate(path, pagesize=pagesize, title=pack.title,
                            header_right=f"{pack.title} · {fmt_date(pack.printed_at)}",
                            accounts=len(pack.plans), progress=progress,
                            cancelled=cancelled)  # fmt: skip
        story = pack_story(pack, make_styles(), pdf)
        build_story(pdf, story, f"crmdesk · printed {fmt_datetime(pack.printed_at)}")
        if problems is not None:
            problems.extend(pdf.problems)

    return write_pdf(target, build)
