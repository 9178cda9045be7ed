"""Building blocks of the documents: wrapped-cell tables, text sections,
"nothing recorded" notes and bullet lists.

Every table cell has a fixed column width, so a long value wraps instead
of running over its neighbour. A cell shows a bounded number of lines
(see :mod:`crmdesk.reports.clip`); longer text is cut there with
"(continued below)" and printed below the table, itself bounded, with a
note where it was shortened. Rows taller than a page still split across
pages rather than stop the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from crmdesk.reports import clip, fonts
from crmdesk.reports.fonts import markup
from crmdesk.reports.styles import HEAD_BG, INK, RULE, ZEBRA, Styles

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
    """Free text as paragraphs (one per blank-line-separated block, long
    ones in pieces) that split across pages; shortened, with a note,
    beyond what a document prints of one field."""
    shown, shortened = clip.for_print(text)
    if not shown:
        return [empty(styles, has_plan, missing)]
    joined = ParagraphStyle("BodyJoined", parent=styles.body, spaceAfter=0)
    out: list[Flowable] = []
    for block in shown.split("\n\n"):
        pieces = list(clip.chunks(block))
        for i, piece in enumerate(pieces):
            out.append(Paragraph(markup(piece), styles.body if i == len(pieces) - 1 else joined))
    if shortened:
        out.append(note(styles, shortened))
    return out


def bullets(styles: Styles, lines: Sequence[str]) -> list[Flowable]:
    """One bullet per entry, each cut (with a marker) to what a table cell shows."""
    out: list[Flowable] = []
    for line in lines:
        text = clip.tidy(line)
        if len(text) > clip.CELL_CHARS or text.count("\n") >= clip.CELL_LINES:
            text = clip.for_cell(text, fonts.REGULAR, styles.bullet.fontSize, 1e9)[0]
            text = text.removesuffix(clip.CONTINUED) + " … (shortened for print)"
        out.append(Paragraph(markup(text), styles.bullet, bulletText="•"))
    return out


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
    size = styles.cell.fontSize
    for row in rows:
        cells: list[Paragraph | str] = []
        for index, value in enumerate(row):
            text = clip.tidy(value) or "—"
            bold = bold_first and index == 0
            font = fonts.BOLD if bold else fonts.REGULAR
            text, cut = clip.for_cell(text, font, size, widths[index] - 2 * PAD)
            if cut:
                name = clip.tidy(row[0]).partition("\n")[0]
                name = name if len(name) <= 60 else name[:60] + "…"
                if index:
                    name = f"{name}: {header[index].lower()}" if name else header[index]
                overflow.append((name, str(value)))
            cells.append(_cell(styles, text, widths[index] - 2 * PAD, bold=bold))
        data.append(cells)
    # splitInRow: a row still taller than the room left splits across pages
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
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
