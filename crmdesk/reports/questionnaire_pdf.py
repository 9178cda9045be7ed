"""The one-page "ask them" questionnaire for a visit: CSAT (1–5), NPS
(0–10) and the open questions, with boxes to tick and lines to write on,
per person asked; rendered from crmdesk.core.questionnaire's data."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from crmdesk.core.questionnaire import QuestionnaireData
from crmdesk.reports import blocks as b
from crmdesk.reports import fonts
from crmdesk.reports.fonts import markup
from crmdesk.reports.layout import Anchor, CrmDocTemplate, build_story, write_pdf
from crmdesk.reports.styles import (
    INK,
    RULE,
    Styles,
    fmt_date,
    fmt_datetime,
    make_styles,
    page_size,
)

CSAT = "How satisfied are you with us overall? (1 = very dissatisfied, 5 = very satisfied)"
NPS = "How likely are you to recommend us to a colleague? (0 = not at all, 10 = extremely)"


def _scale(low: int, high: int, width: float) -> Table:
    cells = [[str(n) for n in range(low, high + 1)]]
    size = min(9 * mm, width / (high - low + 1))
    t = Table(cells, colWidths=[size] * (high - low + 1), rowHeights=[7 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, INK),
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))  # fmt: skip
    return t


def _lines(count: int) -> list[Flowable]:
    return [HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=6 * mm)
            for _ in range(count)]  # fmt: skip


def questionnaire_story(q: QuestionnaireData, s: Styles, width: float) -> list[Flowable]:
    who = ", ".join(p for p in (q.tier.label, f"owner {q.owner}" if q.owner else None) if p)
    out: list[Flowable] = [
        Anchor(q.account, 0, "questionnaire", header=f"Ask them · {q.account}", toc=False),
        Paragraph(markup(f"Ask them: {q.account}"), s.h1),
        Paragraph(markup(f"{who} · visit on ____________ · asked by ____________"), s.small),
    ]
    facts = [("Last answer", q.last_answer or "none recorded")]
    if q.open_complaints:
        facts.append(("Open complaints", "; ".join(q.open_complaints)))
    out += [Spacer(1, 2 * mm), b.key_values(s, facts, width, columns=1), Spacer(1, 3 * mm)]
    out += [Paragraph(markup(f"1. {CSAT}"), s.body), _scale(1, 5, width), Spacer(1, 3 * mm)]
    out += [Paragraph(markup(f"2. {NPS}"), s.body), _scale(0, 10, width), Spacer(1, 3 * mm)]
    for n, question in enumerate(q.questions, start=3):
        out += [Paragraph(markup(f"{n}. {question}"), s.body), *_lines(2), Spacer(1, 2 * mm)]
    if q.people:
        out.append(Paragraph("Who answered (tick and score per person)", s.h3))
        rows = [
            (p.name, p.job_title, p.role, p.last_answer, " ", " ") for p in q.people
        ]  # to fill in
        out += b.table(s, ("Person", "Title", "Role", "Last answer", "CSAT", "NPS"), rows,
                       (0.22, 0.22, 0.16, 0.2, 0.1, 0.1), width)  # fmt: skip
    out.append(
        Paragraph(
            markup(
                f'Key the answers in: crmdesk satisfaction "{q.account}" --record csat N '
                "(and --record nps N), or log a satisfaction check in the window. "
                f"Printed {fmt_datetime(q.printed_at)}."
            ),
            s.small,
        )
    )
    return out


def render_questionnaire(
    q: QuestionnaireData, target: str | os.PathLike[str], *, size: str = "a4"
) -> Path:
    """Write the one-page form to ``target`` atomically."""
    pagesize = page_size(size)

    def build(path: str) -> None:
        pdf = CrmDocTemplate(path, pagesize=pagesize, title=f"Ask them: {q.account}",
                             header_right=fmt_date(q.printed_at))  # fmt: skip
        story = questionnaire_story(q, make_styles(), pdf.width)
        build_story(pdf, story, "crmdesk · ask them")

    return write_pdf(target, build)
