"""The documents GUI on a real workspace and the real worker thread.

Signing on the pad with simulated mouse strokes, finalising the water-leak
agreement with two parties signing in the real dialog, the preview showing a
non-blank white page, printing to a PDF file, and screenshots (set
MEDIATOR_SCREENSHOTS=DIR to keep them) with Chinese rendered and nothing cut off.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from mediator.documents import samples
from mediator.services.documents import AgreementSigning, DocumentService, install_seal
from mediator.services.documents.blobs import blob_path
from mediator.services.workspace import Workspace
from mediator.ui.documents import (
    DocumentsPanel,
    FinaliseAgreementDialog,
    PdfPreview,
    SealImportDialog,
    SignaturePad,
    print_pdf,
)
from mediator.ui.tasks import TaskRunner
from tests.documents.poppler import pdfsig, pdftotext
from tests.services.documents.builders import (
    APPLICANT,
    RESPONDENT,
    draft_agreement,
    register_water_leak,
)


def shot(widget, tmp_path: Path, name: str) -> QImage:
    image = widget.grab().toImage()
    for folder in (tmp_path, os.environ.get("MEDIATOR_SCREENSHOTS")):
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            image.save(str(Path(folder) / f"documents-{name}.png"))
    return image


def draw(qtbot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def zigzag(pad: SignaturePad, shift: int = 0) -> list[tuple[int, int]]:
    w, h = pad.width(), pad.height()
    return [(int(w * (0.1 + 0.08 * i)), int(h * (0.3 + 0.4 * (i % 2))) + shift)
            for i in range(10)]


def dark_pixels(image: QImage, step: int = 3) -> int:
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixelColor(x, y).lightness() < 110)


@pytest.fixture
def leak(studio_ws: Workspace) -> tuple[Workspace, str, str]:
    case_id, _ = register_water_leak(studio_ws)
    agreement_id = draft_agreement(studio_ws, case_id)
    install_seal(studio_ws.data_dir, samples.sample_seal().png)
    return studio_ws, case_id, agreement_id


def test_pad_keeps_mouse_strokes_as_box_coordinates(qtbot, tmp_path) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 200)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty()
    draw(qtbot, pad, zigzag(pad))
    draw(qtbot, pad, [(60, 150), (200, 160), (420, 150)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) >= 8
    assert all(0 <= x <= 1 and 0 <= y <= 1 and len(pt) == 2
               for st in strokes for pt in st for x, y in [pt])
    assert pad.signature().strokes == strokes
    image = shot(pad, tmp_path, "pad")
    assert dark_pixels(image) > 20
    pad.clear()
    assert pad.is_empty()


def wait_idle(qtbot, runner: TaskRunner, dialog) -> None:
    qtbot.waitUntil(lambda: runner.is_idle() and dialog.isEnabled(), timeout=20000)


def test_finalise_the_water_leak_agreement_in_the_dialog(qtbot, runner, leak, tmp_path,
                                                         shown_errors) -> None:
    ws, _, agreement_id = leak
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["proofread"]
    assert dialog.issues.count() >= 1  # 赔偿 is flagged
    qtbot.wait(300)
    shot(dialog, tmp_path, "finalise-1-proofread")
    qtbot.mouseClick(dialog.confirm_proofread, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert "未确认" in dialog.message.text()  # nothing ticked yet: refused, said plainly
    for i in range(dialog.issues.count()):
        dialog.issues.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.confirm_proofread, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["sign_parties"]
    for n, name in enumerate((APPLICANT, RESPONDENT)):
        assert name in dialog.party_prompt.text()
        draw(qtbot, dialog.party_pad, zigzag(dialog.party_pad, n * 5))
        if n == 0:
            shot(dialog, tmp_path, "finalise-2-party-signs")
        qtbot.mouseClick(dialog.party_sign_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["sign_mediator"]
    draw(qtbot, dialog.mediator_pad, zigzag(dialog.mediator_pad))
    qtbot.mouseClick(dialog.mediator_sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    shot(dialog, tmp_path, "finalise-3-approve")
    with qtbot.waitSignal(dialog.finalised, timeout=20000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["done"]
    assert dialog.state is not None and dialog.state.final and dialog.state.signed_blob
    qtbot.wait(300)
    shot(dialog, tmp_path, "finalise-4-done")
    signed = tmp_path / "agreement.pdf"
    signed.write_bytes(blob_path(ws.data_dir, dialog.state.signed_blob).read_bytes())
    assert "Signature is Valid." in pdfsig(signed)
    assert not shown_errors


def test_refusal_without_seal_is_shown_in_the_dialog(qtbot, runner, leak) -> None:
    ws, _, agreement_id = leak
    signing = AgreementSigning(ws)
    codes = {i.code for i in signing.proofread(agreement_id).issues}
    signing.confirm_proofread(agreement_id, codes)
    for n, s in enumerate(signing.state(agreement_id).signers):
        signing.sign_party(agreement_id, s.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))
    (ws.data_dir.root / "seal.png").unlink()
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert "印章" in dialog.message.text()
    assert AgreementSigning(ws).state(agreement_id).status == "draft"


def test_preview_shows_a_white_page_with_text(qtbot, tmp_path) -> None:
    from mediator import documents

    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 900)
    preview.show()
    qtbot.waitExposed(preview)
    preview.set_pdf(documents.render(samples.water_leak_agreement()))
    page = preview.page_image(0, dpi=40)
    corner = page.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)
    assert dark_pixels(page, 2) > 200
    qtbot.waitUntil(lambda: dark_pixels(preview.view.grab().toImage(), 4) > 200, timeout=10000)
    shot(preview, tmp_path, "preview")


def test_print_to_a_pdf_file_keeps_the_agreement_text(qtbot, tmp_path) -> None:
    from mediator import documents

    pdf = documents.render(samples.water_leak_agreement())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setCopyCount(4)  # three parties + the committee
    assert print_pdf(pdf, printer) == 2
    text = pdftotext(tmp_path / "printed.pdf")
    assert text.count("人民调解协议书") >= 4 and "𠮷野家明" in text


def test_raster_print_path_draws_every_page_on_white(qtbot, tmp_path) -> None:
    """A real printer gets rendered pages; Qt's own PDF engine stands in for it here."""
    from mediator import documents
    from mediator.ui.documents.preview import _print_raster

    pdf = documents.render(samples.water_leak_agreement())
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "raster.pdf"
    printer.setOutputFileName(str(out))
    assert _print_raster(pdf, printer) == 2
    assert out.stat().st_size > 10_000


def test_documents_panel_lists_previews_and_exports(qtbot, runner, leak, tmp_path) -> None:
    ws, case_id, _ = leak
    panel = DocumentsPanel(ws, runner, case_id)
    qtbot.addWidget(panel)
    panel.resize(1100, 720)
    panel.show()
    qtbot.waitUntil(lambda: runner.is_idle() and panel.list.count() > 0, timeout=20000)
    titles = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert titles[0] == "人民调解申请书" or titles[0].startswith("人民调解申请书")
    assert any("人民调解协议书" in t for t in titles)
    panel.list.setCurrentRow(len(titles) - 1)  # the draft agreement
    qtbot.waitUntil(lambda: runner.is_idle() and bool(panel.preview.data), timeout=20000)
    assert panel.finalise_button.isVisible()
    qtbot.wait(300)
    shot(panel, tmp_path, "panel")
    panel.export_to(tmp_path / "export")
    qtbot.waitUntil(lambda: runner.is_idle() and "export" in panel.status.text(), timeout=30000)
    assert (tmp_path / "export" / "dossier.pdf").exists()
    assert {d.filename for d in DocumentService(ws).documents(case_id)} <= {
        p.name for p in (tmp_path / "export").iterdir()}


def test_seal_import_refuses_an_opaque_png(qtbot, runner, studio_ws, tmp_path) -> None:
    from PIL import Image

    opaque = tmp_path / "scan.png"
    Image.new("RGB", (300, 300), "white").save(opaque)
    dialog = SealImportDialog(studio_ws, runner)
    qtbot.addWidget(dialog)
    dialog.load_file(opaque)
    assert "透明" in dialog.message.text() and not dialog.import_button.isEnabled()
    # A pipe, a device or a huge file chosen by mistake: refused before reading.
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    with (tmp_path / "huge.png").open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    for name, words in (("pipe.png", "不是普通文件"), ("zero.png", "不是普通文件"),
                        ("huge.png", "过大")):
        dialog.load_file(tmp_path / name)
        assert words in dialog.message.text() and not dialog.import_button.isEnabled()
    good = tmp_path / "seal.png"
    good.write_bytes(samples.sample_seal().png)
    dialog.load_file(good)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    assert (studio_ws.data_dir.root / "seal.png").read_bytes() == good.read_bytes()
