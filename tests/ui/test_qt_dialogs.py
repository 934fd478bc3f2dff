"""Qt's own dialogs speak Chinese in the Chinese desk (issue 11: 取消, 是/否, 复制).

Message-box buttons, a line edit's context menu (撤销/剪切/复制/粘贴) and the
colour dialog come from Qt, not from our catalogue: they are Chinese only when
Qt's ``qtbase_zh_CN.qm`` is installed (mediator.ui.i18n), found in PySide6's
translations directory and kept in the PyInstaller bundle (mediator.spec).  The
file dialogs stay the platform's own: nothing sets DontUseNativeDialog.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QColorDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from mediator.ui.documents.seal_dialog import SealImportDialog
from mediator.ui.i18n import install_translators, load_qtbase, qt_translations_dirs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    old = QLocale()
    translators = install_translators(qapp, "zh_CN")
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(old)


def test_qtbase_is_found_where_pyside6_keeps_it(qapp) -> None:
    first = qt_translations_dirs()[0]
    assert (first / "qtbase_zh_CN.qm").is_file()
    qtbase = load_qtbase(qapp, "zh_CN")
    assert qtbase is not None and not qtbase.isEmpty()
    assert Path(qtbase.filePath()).parent.resolve() == first.resolve()
    assert qtbase.language() == "zh_CN"


def test_message_box_buttons_are_chinese(qtbot, chinese) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "", "",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    text = {b: box.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                                              QMessageBox.StandardButton.No,
                                              QMessageBox.StandardButton.Cancel)}
    assert text[QMessageBox.StandardButton.Yes].startswith("是")
    assert text[QMessageBox.StandardButton.No].startswith("否")
    assert text[QMessageBox.StandardButton.Cancel].startswith("取消")


def test_message_box_buttons_are_english_in_the_english_desk(qtbot, qapp) -> None:
    translators = install_translators(qapp, "en")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "", "",
                          QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert "Cancel" in box.button(QMessageBox.StandardButton.Cancel).text()
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.C))


def test_line_edit_context_menu_says_copy(qtbot, chinese) -> None:
    edit = QLineEdit("欧阳珺")
    qtbot.addWidget(edit)
    edit.selectAll()
    menu = edit.createStandardContextMenu()
    try:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        for word in ("撤消", "剪切", "复制", "粘贴", "全选"):  # Qt writes 撤消 (= 撤销)
            assert any(t.startswith(word) for t in texts), (word, texts)
        assert not any("Copy" in t for t in texts)
    finally:
        menu.deleteLater()


def test_colour_dialog_is_chinese(qtbot, chinese) -> None:
    dialog = QColorDialog()  # the offscreen platform has no native one: Qt's own
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(t.startswith("基本颜色") for t in labels), labels


def _sources() -> Iterator[Path]:
    yield from (ROOT / "mediator").rglob("*.py")
    yield ROOT / "mediator.spec"


def test_no_file_dialog_gives_up_the_platforms_own() -> None:
    """Native file dialogs where the platform has them: no code turns them off
    (neither the dialog option nor the application attribute)."""
    offending = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
            if name in ("DontUseNativeDialog", "AA_DontUseNativeDialogs"):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")  # type: ignore[attr-defined]
    assert offending == []


def test_the_bundle_keeps_qts_chinese_catalogues() -> None:
    """mediator.spec's filter (run by PyInstaller) keeps qtbase_zh_CN/qt_zh_CN and only
    them among Qt's catalogues: its ``keep`` is executed here on the paths the
    bundle would hold."""
    spec = ast.parse((ROOT / "mediator.spec").read_text(encoding="utf-8"))
    wanted = {"QT_PLUGINS", "QT_LIB_DENY", "QT_TRANSLATIONS", "keep", "_stem"}
    nodes = [n for n in spec.body
             if (isinstance(n, ast.Assign) and any(getattr(t, "id", "") in wanted
                                                   for t in n.targets))
             or (isinstance(n, ast.FunctionDef) and n.name in wanted)]
    assert {getattr(n, "name", None) or n.targets[0].id for n in nodes} == wanted  # type: ignore[attr-defined]
    namespace: dict[str, object] = {"Path": Path}
    exec(compile(ast.Module(nodes, type_ignores=[]), "mediator.spec", "exec"),
         namespace)
    keep = namespace["keep"]
    assert callable(keep)
    folder = "_internal/PySide6/Qt/translations"
    assert keep(f"{folder}/qtbase_zh_CN.qm")
    assert keep(f"{folder}/qt_zh_CN.qm")
    assert not keep(f"{folder}/qtbase_de.qm")
    assert not keep(f"{folder}/qtwebengine_zh_CN.qm")


def test_our_dialogs_stock_buttons_are_chinese(qtbot, chinese, studio_ws, runner) -> None:
    """Our dialogs' stock buttons come from Qt's catalogue too: the seal import's 取消."""
    dialog = SealImportDialog(studio_ws, runner)
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().startswith("取消")
    dialog.reject()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)
