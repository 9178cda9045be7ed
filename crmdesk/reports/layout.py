"""The document frame every crmdesk PDF shares: margins, a header with the
account's name, a footer with the print date and "page N of M", outline
entries and table-of-contents notifications, and an atomic write (a
half-written PDF never replaces a good one)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, LayoutError

from crmdesk.atomic import atomic_path
from crmdesk.core.plan_document import Cancelled
from crmdesk.errors import CrmError
from crmdesk.reports import fonts
from crmdesk.reports.fonts import markup
from crmdesk.reports.styles import INK, MARGIN, MUTED, RULE, WARN

KEEP_AFTER_HEADING = 48  # points a heading needs below it: a table head and a row, or 3 lines


def _moves_whole(flowable: Flowable) -> bool:
    """Whether ``flowable`` goes to the next page whole when it does not
    fit (a KeepTogether block, a chart, the org chart), rather than split.
    Spacers and actions are never probed: wrapping a CondPageBreak acts."""
    if isinstance(flowable, KeepTogether):
        return True
    if isinstance(flowable, Spacer | ActionFlowable) or getattr(flowable, "locChanger", 0):
        return False
    return type(flowable).split is Flowable.split


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and bool(getattr(flowable.style, "keepWithNext", 0))


class ExportError(CrmError):
    """The PDF could not be written (folder missing, no permission, disk full)."""


class Deferred(Flowable):
    """Stands for flowables made only when layout reaches them (one
    account of a review pack), so a pack never holds all its pages'
    flowables at once."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0


class Anchor(Flowable):
    """An invisible mark: sets the running header, adds an outline entry and
    (for level 0) a table-of-contents entry where it lands."""

    def __init__(self, text: str, level: int, key: str, *, header: str | None = None,
                 toc: bool = True) -> None:  # fmt: skip
        super().__init__()
        self.text, self.level, self.key, self.header, self.toc = text, level, key, header, toc
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class Contents(Flowable):
    """A table of contents laid out in one pass: it reserves one line per
    entry; the text, dot leaders, page numbers and links are drawn when the
    document is saved and every anchor's page is known."""

    def __init__(self, entries: Sequence[tuple[str, str]], size: float = 9.5,
                 leading: float = 14) -> None:  # fmt: skip
        super().__init__()
        self.entries, self.size, self.leading = list(entries), size, leading

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, len(self.entries) * self.leading

    def split(self, aw: float, ah: float) -> list[Flowable]:
        fits = int(ah // self.leading)
        if fits <= 0 or fits >= len(self.entries):
            return []
        return [
            Contents(self.entries[:fits], self.size, self.leading),
            Contents(self.entries[fits:], self.size, self.leading),
        ]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if isinstance(canvas, _NumberedCanvas):
            canvas.toc_blocks.append((canvas.getPageNumber(), x, y, self.width, self))

    def fill(self, canvas: _NumberedCanvas, x: float, y: float, width: float) -> None:
        top = y + len(self.entries) * self.leading
        for i, (text, key) in enumerate(self.entries):
            base = top - (i + 1) * self.leading + 4
            page = canvas.toc_pages.get(key)
            number = str(page) if page is not None else "?"
            num_w = fonts.text_width(number, fonts.REGULAR, self.size)
            name = fonts.fit(text, fonts.REGULAR, self.size, width - num_w - 40)
            name_w = fonts.text_width(name, fonts.REGULAR, self.size)
            canvas.setFillColor(INK)
            fonts.draw_text(canvas, x, base, name, fonts.REGULAR, self.size)
            fonts.draw_text(canvas, x + width, base, number, fonts.REGULAR, self.size,
                            align="right")  # fmt: skip
            dot_w = fonts.text_width(" .", fonts.REGULAR, self.size)
            dots = int((width - num_w - name_w - 12) // dot_w)
            if dots > 0:
                canvas.setFillColor(MUTED)
                fonts.draw_text(canvas, x + width - num_w - 6, base, " ." * dots,
                                fonts.REGULAR, self.size, align="right")  # fmt: skip
            if page is not None:
                canvas.linkRect(
                    "",
                    key,
                    (x, base - 3, x + width, base + self.size),
                    relative=0,
                    name=f"toc-{key}",
                )


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so the footer can say "of M"."""

    def __init__(self, *args: Any, footer_left: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._footer_left = footer_left
        self.toc_pages: dict[str, int] = {}  # anchor key -> page, filled while laying out
        self.toc_blocks: list[tuple[int, float, float, float, Contents]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            for page, x, y, width, block in self.toc_blocks:
                if page == self._pageNumber:
                    block.fill(self, x, y, width)
            self._footer(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, total: int) -> None:
        width, _height = self._pagesize
        y = MARGIN - 9
        self.setFillColor(MUTED)
        fonts.draw_text(self, MARGIN, y, self._footer_left, fonts.REGULAR, 7.5)
        fonts.draw_text(
            self, width - MARGIN, y, f"page {self._pageNumber} of {total}", fonts.REGULAR, 7.5,
            align="right",
        )  # fmt: skip


class CrmDocTemplate(BaseDocTemplate):
    """One frame per page; header drawn when a page is finished so that it
    names the account whose anchor landed on that page."""

    def __init__(self, filename: str, *, pagesize: tuple[float, float], title: str,
                 header_right: str, **kw: Any) -> None:  # fmt: skip
        super().__init__(
            filename, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + 6, bottomMargin=MARGIN + 4, title=title, author="crmdesk",
            creator="crmdesk", **kw,
        )  # fmt: skip
        self.running_header = ""
        self.header_right = header_right
        self.problems: list[str] = []  # parts left out, "where: page N: why"

        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._header)])

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Place the next flowable; a part that cannot be made or laid out
        (taller than a page and unsplittable) is left out with a note on
        the page and in ``problems``, so the rest of the document prints."""
        if flowables and isinstance(flowables[0], Deferred):
            make = flowables.pop(0).make
            try:
                flowables[0:0] = make()
            except Cancelled:
                raise
            except Exception as exc:  # noqa: BLE001 (one bad account must not sink a pack)
                flowables.insert(0, self._left_out(f"{type(exc).__name__}: {exc}"))
            if not flowables:
                return
        if flowables and _is_heading(flowables[0]) and self._heading_would_stand_alone(flowables):
            flowables.insert(0, FrameBreak())  # then the frame is at its top: no loop
        try:
            super().handle_flowable(flowables)
        except LayoutError:
            flowables.insert(0, self._left_out("a part too large for any page"))

    def _heading_would_stand_alone(self, flowables: list[Flowable]) -> bool:
        """Whether the heading first in ``flowables`` would end up alone at
        the foot of this page, so it should start the next one. The styles'
        keepWithNext cannot help when what follows is text or a table that
        splits (a heading with no line under it), or a KeepTogether block
        (reportlab never groups a heading with one)."""
        frame = self.frame
        if frame._atTop:
            return False
        width = frame._getAvailableWidth()
        heading = flowables[0]
        _w, height = heading.wrapOn(self.canv, width, frame._aH)
        follow: float = KEEP_AFTER_HEADING
        after = next((f for f in flowables[1:] if not isinstance(f, Anchor)), None)
        if after is not None and _moves_whole(after):
            _w, whole = after.wrapOn(self.canv, width, frame._aH)
            whole = getattr(after, "_H", whole)  # KeepTogether reports a huge height
            if whole <= frame._aH:  # it moves as a whole: the heading must go with it
                follow = max(follow, whole + after.getSpaceBefore())
        need = height + heading.getSpaceBefore() + heading.getSpaceAfter() + follow
        return bool(frame._y - frame._y1p < need)

    def _left_out(self, why: str) -> Flowable:
        where = self.running_header or "the document"
        what = f"{where}: page {self.page}: not printed ({why[:200]})"
        self.problems.append(what)
        return Paragraph(
            markup(f"[Not printed: {why[:200]}. Open {where} in crmdesk to see it in full.]"),
            ParagraphStyle("Problem", fontName=fonts.BOLD, fontSize=8.5, leading=11,
                           textColor=WARN, spaceBefore=4, spaceAfter=4),
        )  # fmt: skip

    def _header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        if not self.running_header:
            return
        y = height - MARGIN + 2
        canvas.saveState()
        canvas.setFillColor(MUTED)
        room = width - 2 * MARGIN - fonts.text_width(self.header_right, fonts.REGULAR, 7.5) - 20
        left = fonts.fit(self.running_header, fonts.BOLD, 7.5, room)
        fonts.draw_text(canvas, MARGIN, y, left, fonts.BOLD, 7.5)
        fonts.draw_text(canvas, width - MARGIN, y, self.header_right, fonts.REGULAR, 7.5,
                        align="right")  # fmt: skip
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 4, width - MARGIN, y - 4)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if not isinstance(flowable, Anchor):
            return
        if flowable.header is not None:
            self.running_header = flowable.header
        self.canv.bookmarkPage(flowable.key)
        self.canv.addOutlineEntry(flowable.text, flowable.key, level=flowable.level,
                                  closed=flowable.level > 0)  # fmt: skip
        if flowable.toc:
            self.canv.toc_pages[flowable.key] = self.page


def write_pdf(
    target: str | os.PathLike[str],
    build: Callable[[str], None],
) -> Path:
    """Run ``build(temp_path)`` and move the result over ``target`` only
    when it succeeded."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        with atomic_path(path) as temp:  # fsynced, normal permissions, folder synced
            build(str(temp))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    except LayoutError as exc:
        raise ExportError(f"cannot lay out {path.name}: {exc}") from None
    return path


def canvas_maker(footer_left: str) -> Callable[..., Canvas]:
    return partial(_NumberedCanvas, footer_left=footer_left)


def build_story(doc: CrmDocTemplate, story: list[Flowable], footer_left: str) -> None:
    """Lay out and write ``story``; the list is consumed (drawn flowables
    are dropped as the document grows, which keeps big packs small)."""
    doc.build(story, canvasmaker=canvas_maker(footer_left))
