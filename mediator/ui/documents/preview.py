"""PDF preview (QtPdf's QPdfView) and printing of a document.

QPdfDocument renders pages with a transparent background; everything we show
or print is composed onto white first, so a page never comes out black or
grey on a printer driver that ignores alpha.

Printing: :func:`print_pdf` sends the pages to a QPrinter.  To a real printer
each page is rendered at the printer's resolution; when the printer writes a
PDF file ("print to PDF"), the document's own pages are written instead
(vector text, fonts embedded), once per copy.  :func:`ask_and_print` opens
QPrintDialog with copies = parties + 1 (one per party plus the committee's).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.documents.builder import write_atomic
from mediator.errors import DocumentError
from mediator.services.documents.merge import merge_pdfs


def load_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over ``data`` (kept in memory: no temp file with personal data)."""
    doc = QPdfDocument(parent)  # type: ignore[arg-type]  # None is a valid parent
    buffer = QBuffer(doc)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready:
        raise DocumentError("无法打开这份PDF文件，文件可能已损坏")
    return doc


def render_page_on_white(doc: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as an opaque image at ``dpi`` (QPdfDocument renders transparent)."""
    points = doc.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    transparent = doc.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(QPointF(0, 0), transparent)
    painter.end()
    return image


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of ``data`` on ``printer``; returns the pages sent per copy."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        copies = max(1, printer.copyCount())
        out = data if copies == 1 else merge_pdfs([data] * copies)
        write_atomic(printer.outputFileName(), out)
        return load_document(data).pageCount()
    return _print_raster(data, printer)


def _print_raster(data: bytes, printer: QPrinter) -> int:
    """Each page rendered at the printer's resolution (at most 600 dpi) onto white."""
    doc = load_document(data)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise DocumentError("无法连接打印机，请检查打印机是否开机并已连接")
    try:
        dpi = min(printer.resolution(), 600)
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            image = render_page_on_white(doc, page, dpi)
            target: QRect = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return doc.pageCount()


def ask_and_print(data: bytes, copies: int, parent: QWidget | None = None) -> bool:
    """The print dialog with ``copies`` preset; prints when accepted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setCopyCount(max(1, copies))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pdf(data, printer)
    return True


class PdfPreview(QWidget):
    """A scrollable preview of one PDF, pages on white, with zoom buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fit-to-width and an as-needed vertical scroll bar can feed each other for
        # ever (the bar appears, the page narrows and gets shorter, the bar goes,
        # the page widens...): a frozen window at some sizes and fonts.  The bar
        # stays, so the width the page is fitted to never changes.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setAccessibleName(self.tr("Document preview"))
        self.document: QPdfDocument | None = None
        self.data = b""
        self.pages = QLabel()
        fit = QPushButton(self.tr("Fit width"))
        fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        whole = QPushButton(self.tr("Whole page"))
        whole.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        bar = QHBoxLayout()
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(fit)
        bar.addWidget(whole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def set_pdf(self, data: bytes) -> None:
        old = self.document
        self.document = load_document(data, self)
        self.data = data
        self.view.setDocument(self.document)
        self.pages.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        if old is not None:
            old.deleteLater()

    def clear(self) -> None:
        self.view.setDocument(None)  # type: ignore[arg-type]
        self.data = b""
        self.pages.setText("")

    def page_image(self, page: int = 0, dpi: float = 50) -> QImage:
        if self.document is None:
            raise DocumentError("没有可预览的文书")
        return render_page_on_white(self.document, page, dpi)
