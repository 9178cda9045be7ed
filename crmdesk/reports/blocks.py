"""Building blocks of the documents: wrapped-cell tables, text sections,
"nothing recorded" notes and bullet lists.

Every table cell is a Paragraph with a fixed column width, so a long value
wraps instead of running over its neighbour; very long cell text is cut in
the table and printed in full below it, because a table row cannot split
across pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from crmdesk.reports import fonts
from crmdesk.reports.fonts import markup
from crmdesk.reports.styles import HEAD_BG, INK, RULE, ZEBRA, Styles

CELL_LIMIT = 700
PAD = 3
NO_PLAN = "No plan recorded for this period."


def para(text: str | None, style, *, raw: bool = False) -> Paragraph:  # type: ignore[no-untyped-def]
    return Paragraph((text or "") if raw else markup(text), style)


def note(styles: Styles, text: str) -> Paragraph:
    return Paragraph(markup(text), styles.empty)


def empty(styles: Styles, has_plan: bool, what: str = "Nothing recorded.") -> Paragraph:
    return note(styles, what if has_plan else NO_PLAN)


def text_block(styles: Styles, text: str | None, *, has_plan: bool,
               missing: str = "Not written yet.") -> list[Flowable]:  # fmt: skip
    """Free text as paragraphs (one per blank-line-separated block) that
    split across pages."""
    if not text or not text.strip():
        return [empty(styles, has_plan, missing)]
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [Paragraph(markup(b), styles.body) for b in blocks]


def bullets(styles: Styles, lines: Sequence[str]) -> list[Flowable]:
    return [Paragraph(markup(line), styles.bullet, bulletText="•") for line in lines]


def table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    fractions: Sequence[float],
    width: float,
    *,
    bold_first: bool = True,
    marks: Sequence[bool] = (),
) -> list[Flowable]:
    """A table of wrapped cells; ``marks`` flags rows to highlight (changed
    since the previous plan). Over-long cells are cut and continued below."""
    overflow: list[tuple[str, str]] = []
    widths = [width * f for f in fractions]
    data: list[list[Paragraph | str]] = [[Paragraph(markup(h), styles.cell_head) for h in header]]
    for row in rows:
        cells: list[Paragraph | str] = []
        for index, value in enumerate(row):
            text = value if value not in (None, "") else "—"
            if len(text) > CELL_LIMIT:
                name = str(row[0] or "").partition("\n")[0]
                overflow.append((name if len(name) <= 60 else name[:60] + "…", text))
                text = text[:CELL_LIMIT].rsplit(" ", 1)[0] + " … (continued below)"
            bold = bold_first and index == 0
            cells.append(_cell(styles, text, widths[index] - 2 * PAD, bold=bold))
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple] = [  # type: ignore[type-arg]
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, styles.cell.fontSize, styles.cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if bold_first:
        commands.append(
            ("FONT", (0, 1), (0, -1), fonts.BOLD, styles.cell.fontSize, styles.cell.leading)
        )
    for i, marked in enumerate(marks, start=1):
        if marked:
            commands.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    t.setStyle(TableStyle(commands))
    out: list[Flowable] = [t, Spacer(1, 4)]
    for title, text in overflow:
        out.append(Paragraph(markup(f"{title} (in full)"), styles.h3))
        out.extend(text_block(styles, text, has_plan=True))
    return out


def _cell(styles: Styles, text: str, room: float, *, bold: bool) -> Paragraph | str:
    """Plain text, wrapped here into lines that fit, when one font will do
    (tables lay strings out far faster than Paragraphs); a Paragraph for
    bold titles with detail lines, other scripts, or words too long to fit."""
    font = fonts.BOLD if bold else fonts.REGULAR
    size = styles.cell.fontSize
    if not any(fallback for fallback, _chunk in fonts.runs(text)) and not (bold and "\n" in text):
        lines: list[str] = []
        for line in text.split("\n"):
            if stringWidth(line, font, size) <= room:
                lines.append(line)
                continue
            if any(stringWidth(word, font, size) > room for word in line.split()):
                break
            lines.extend(simpleSplit(line, font, size, room))
        else:
            return "\n".join(lines)
    if bold:
        first, _sep, rest = text.partition("\n")
        html = f"<b>{markup(first)}</b>" + (f"<br/>{markup(rest)}" if rest else "")
        return Paragraph(html, styles.cell)
    return Paragraph(markup(text), styles.cell)


def key_values(styles: Styles, pairs: Sequence[tuple[str, str]], width: float,
               columns: int = 2) -> Table:  # fmt: skip
    """Label/value pairs in ``columns`` side-by-side columns."""
    rows: list[list[Paragraph | str]] = []
    per_row = []
    for label, value in pairs:
        per_row += [
            Paragraph(markup(label), styles.cell_head),
            Paragraph(markup(value), styles.cell),
        ]
        if len(per_row) == columns * 2:
            rows.append(per_row)
            per_row = []
    if per_row:
        rows.append(per_row + [""] * (columns * 2 - len(per_row)))
    unit = width / columns
    t = Table(rows, colWidths=[unit * 0.38, unit * 0.62] * columns, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))  # fmt: skip
    return t
