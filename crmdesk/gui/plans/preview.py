"""Preview a written PDF inside the app (QtPdf) and print it through the
system print dialog, so printing needs no other program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfPageNavigator
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from crmdesk.gui.forms.ui_plan_preview import Ui_PlanPreview

MAX_PRINT_DPI = 300


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the document's pages (or the printer's chosen range) onto the
    printer, each page scaled to fit the printable area; returns pages sent."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, last) if first > 0 and last >= first else range(count)
    pages = range(max(0, pages.start), min(count, pages.stop))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRect(0, 0, area.width(), area.height())
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (target.width() - scaled.width()) // 2
            painter.drawImage(QRect(x, 0, scaled.width(), scaled.height()), image)
            sent += 1
    finally:
        painter.end()
    return sent


class PdfPreview(QDialog):
    """Shows one PDF; Print… opens the system print dialog."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanPreview()
        self.ui.setupUi(self)
        self.path = Path(path)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self.ui.viewHost)
        layout = self.ui.viewHost.layout()
        assert layout is not None  # the form gives viewHost a layout
        layout.addWidget(self.view)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setWindowTitle(self.tr("Preview: %s") % self.path.name)
        self.ui.fileLabel.setText(str(self.path))
        navigator: QPdfPageNavigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self._page_changed(0)
        self.ui.fitButton.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.ui.printButton.clicked.connect(self.print_)
        self.ui.closeButton.clicked.connect(self.close)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _page_changed(self, page: int) -> None:
        self.ui.pageLabel.setText(self.tr("page %d of %d") % (page + 1, self.page_count))

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        size = self.document.pagePointSize(0)
        if size.width() > size.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.document, printer)

    def go_to(self, page: int) -> None:
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
