"""The stakeholder map drawn as an org chart by reports-to lines.

Each person is a box: name, job title, buying role and stance (a coloured
bar and the word), last contact (red when silent for 90 days). Managers
lay their reports out side by side; people with no reports of their own
stack in one column under their manager, so even a wide team stays within
the page. When the chart is still too wide or tall it is scaled down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from crmdesk.core.plan_data import Stakeholder
from crmdesk.reports import fonts
from crmdesk.reports.styles import INK, MUTED, RULE, STANCE_COLOURS, WARN

BW, BH = 38 * mm, 15.5 * mm  # box
HG, VG = 4 * mm, 7 * mm  # gaps between siblings / levels
INDENT, SG = 5 * mm, 2.5 * mm  # stacked column indent / gap
LEVEL_RANK = {"Executive": 0, "Senior management": 1, "Middle management": 2, "Operational": 3}
LEGEND_H = 12


@dataclass
class _Node:
    person: Stakeholder
    children: list[_Node] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0  # top edge, measured downwards from the chart's top


def _forest(people: Sequence[Stakeholder]) -> list[_Node]:
    nodes = {p.id: _Node(p) for p in people}
    roots = []
    for node in nodes.values():
        parent = node.person.reports_to_id
        boss, seen, cyclic = parent, set(), False
        while boss in nodes and boss not in seen:  # refuse reports-to cycles
            if boss == node.person.id:
                cyclic = True
                break
            seen.add(boss)
            boss = nodes[boss].person.reports_to_id
        if parent in nodes and not cyclic:
            nodes[parent].children.append(node)
        else:
            roots.append(node)

    def order(n: _Node) -> tuple[int, str]:
        return LEVEL_RANK.get(n.person.level or "", 9), n.person.name.lower()

    for node in nodes.values():
        node.children.sort(key=order)
    return sorted(roots, key=order)


def _width(node: _Node) -> float:
    """Width of the subtree when laid out."""
    managers = [c for c in node.children if c.children]
    leaves = [c for c in node.children if not c.children]
    if not node.children:
        return BW
    if not managers:
        return BW + INDENT
    cols = [_width(c) for c in managers] + ([BW + INDENT] if leaves else [])
    return max(BW, sum(cols) + HG * (len(cols) - 1))


@dataclass
class _Line:
    x1: float
    y1: float
    x2: float
    y2: float


def _place(node: _Node, left: float, top: float, lines: list[_Line]) -> float:
    """Place the subtree in [left, left + width]; returns its bottom."""
    width = _width(node)
    managers = [c for c in node.children if c.children]
    leaves = [c for c in node.children if not c.children]
    bottom = top + BH
    if not node.children:
        node.x, node.y = left, top
        return bottom
    if not managers:
        node.x, node.y = left, top
        return _stack(leaves, left + INDENT, left + INDENT / 2, top + BH, lines)
    inner = sum(_width(c) for c in managers) + (BW + INDENT if leaves else 0)
    inner += HG * (len(managers) + (1 if leaves else 0) - 1)
    x = left + (width - inner) / 2
    child_top = top + BH + VG
    bus = top + BH + VG / 2
    anchors: list[float] = []
    if leaves:
        spine = x + INDENT / 2
        anchors.append(spine)
        bottom = max(bottom, _stack(leaves, x + INDENT, spine, bus, lines, first_top=child_top))
        x += BW + INDENT + HG
    for child in managers:
        w = _width(child)
        bottom = max(bottom, _place(child, x, child_top, lines))
        anchors.append(child.x + BW / 2)
        lines.append(_Line(child.x + BW / 2, bus, child.x + BW / 2, child_top))
        x += w + HG
    centre = (min(anchors) + max(anchors)) / 2
    node.x, node.y = centre - BW / 2, top
    lines.append(_Line(centre, top + BH, centre, bus))
    lines.append(_Line(min(anchors + [centre]), bus, max(anchors + [centre]), bus))
    return bottom


def _stack(leaves: list[_Node], x: float, spine: float, start: float, lines: list[_Line],
           first_top: float | None = None) -> float:  # fmt: skip
    y = first_top if first_top is not None else start + SG
    for leaf in leaves:
        leaf.x, leaf.y = x, y
        lines.append(_Line(spine, y + BH / 2, x, y + BH / 2))
        y += BH + SG
    lines.append(_Line(spine, start, spine, y - SG - BH / 2))
    return y - SG


class OrgChart(Flowable):
    """A flowable org chart that fits the frame width and ``max_height``."""

    def __init__(
        self, people: Sequence[Stakeholder], today: date, width: float, max_height: float
    ) -> None:
        super().__init__()
        self.today = today
        self.max_height = max_height
        self.roots = _forest(people)
        self.lines: list[_Line] = []
        # trees side by side, wrapping to a new row when the page is full
        # (people reporting to nobody recorded are one-box trees)
        x, top, bottom, widest = 0.0, 0.0, 0.0, 1.0
        for root in sorted(self.roots, key=lambda r: not r.children):
            w = _width(root)
            if x > 0 and x + w > width:
                x, top = 0.0, bottom + VG
            bottom = max(bottom, _place(root, x, top, self.lines))
            widest = max(widest, x + w)
            x += w + HG * 2
        self.raw_w = widest
        self.raw_h = bottom
        self.scale = 1.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        room_h = self.max_height - LEGEND_H
        self.scale = min(1.0, aw / self.raw_w, room_h / max(self.raw_h, 1.0))
        self.width = aw
        self.height = self.raw_h * self.scale + LEGEND_H + 4
        return self.width, self.height

    def _nodes(self) -> list[_Node]:
        out, todo = [], list(self.roots)
        while todo:
            node = todo.pop()
            out.append(node)
            todo.extend(node.children)
        return out

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        offset = (self.width - self.raw_w * self.scale) / 2
        c.translate(offset, self.height)
        c.scale(self.scale, -self.scale)  # y grows downwards inside the chart
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        for ln in self.lines:
            c.line(ln.x1, ln.y1, ln.x2, ln.y2)
        for node in self._nodes():
            self._box(node)
        c.restoreState()
        self._legend()

    def _text(self, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
        """Text at (x, baseline y) in the flipped chart space."""
        c = self.canv
        c.saveState()
        c.translate(x, y)
        c.scale(1, -1)
        fonts.draw_text(c, 0, 0, fonts.fit(text, font, size, width), font, size)
        c.restoreState()

    def _box(self, node: _Node) -> None:
        c, p = self.canv, node.person
        colour = STANCE_COLOURS.get(p.stance, STANCE_COLOURS[None])
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColor(colour)
        c.setLineWidth(1.0 if p.buying_role == "Decision maker" else 0.6)
        c.rect(node.x, node.y, BW, BH, stroke=1, fill=1)
        c.setFillColor(colour)
        c.rect(node.x, node.y, 2.2 * mm, BH, stroke=0, fill=1)
        tx, room = node.x + 3.2 * mm, BW - 4.2 * mm
        c.setFillColor(INK)
        self._text(tx, node.y + 9, p.name, fonts.BOLD, 7, room)
        c.setFillColor(MUTED)
        self._text(tx, node.y + 18, p.job_title or p.level or "", fonts.REGULAR, 6, room)
        c.setFillColor(INK)
        stance = (p.stance or "stance unknown").capitalize()
        self._text(tx, node.y + 27, f"{p.buying_role or 'Role unknown'} · {stance}",
                   fonts.REGULAR, 6, room)  # fmt: skip
        silent = p.last_contact is None or p.last_contact < self.today - timedelta(days=90)
        c.setFillColor(WARN if silent else MUTED)
        last = p.last_contact.isoformat() if p.last_contact else "never"
        self._text(tx, node.y + 36, f"Last contact {last}", fonts.REGULAR, 6, room)

    def _legend(self) -> None:
        c = self.canv
        x, y = 0.0, 2.0
        for key in ("preferer", "knower", "indifferent", "rejecter"):
            c.setFillColor(STANCE_COLOURS[key])
            c.rect(x, y, 6, 6, stroke=0, fill=1)
            c.setFillColor(MUTED)
            fonts.draw_text(c, x + 8, y + 0.5, key.capitalize(), fonts.REGULAR, 6.5)
            x += 12 + fonts.text_width(key.capitalize(), fonts.REGULAR, 6.5) + 8
        note = "Stance by colour; thick border: decision maker; red date: no contact in 90 days"
        fonts.draw_text(c, x + 6, y + 0.5, note, fonts.REGULAR, 6.5)
