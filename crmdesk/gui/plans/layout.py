"""Sizes of the plan editor's widgets, from the font rather than fixed
pixels, so the editor is comfortable at 1366×768 (it has the activity
pane's width while it is open: see ``add_account_tab(wide=True)``)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from crmdesk.gui.plans.models import PlanItemsModel

# samples for the columns of a fixed kind: they never need more room
_SAMPLES = {"date": "2026-12-31", "money": "1,250,000.00", "owner": "Greta Lindqv"}

# free-text columns beside the title (measure, detail, mitigation) start this
# many characters wide; they wrap, and can be widened by hand
TEXT_CHARS = 8


def fit_items_table(table: QTableView, model: PlanItemsModel) -> None:
    """Columns of a fixed kind (dates, choices, money, owner) as wide as
    their longest value or title; the free-text columns share what is left
    and wrap, each row as tall as its text: every column stays in view."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(metrics.horizontalAdvance("M" * 4))
    for number, column in enumerate(model.columns):
        samples = [column.title, *column.choices]
        sample = _SAMPLES.get(column.kind) or _SAMPLES.get(column.field)
        if column.field == "title":  # the title takes what the others leave
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            continue
        if sample is None and column.kind == "text":
            sample = "x" * TEXT_CHARS
        samples.append(sample or "")
        width = max(metrics.horizontalAdvance(s) for s in samples) + 20  # padding
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(number, width)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
