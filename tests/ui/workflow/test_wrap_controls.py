"""A long party name in a check box or a combo never widens a step's form: the check
box's text wraps beside its indicator and still toggles it on a click; a combo holds
a short item and shows the chosen one whole beneath (issue 11, screenshot test)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from mediator.ui.workflow.common import WrapCheckBox, add_choice, full_choice_label

LONG = "被申请人（第1位） " + "佛山市南海区桂城街道平洲夏北社区怡翠花园第八座业主委员会" * 2


def test_a_long_check_box_wraps_in_a_narrow_page_and_toggles_on_its_text(qtbot) -> None:
    page = QWidget()
    layout = QVBoxLayout(page)
    box = WrapCheckBox(LONG)
    layout.addWidget(box)
    layout.addStretch(1)
    qtbot.addWidget(page)
    page.resize(360, 400)
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 360  # the page does not need to grow
    label = box.findChild(QLabel)
    assert label is not None and label.text() == LONG and label.wordWrap()
    line = label.fontMetrics().height()
    assert label.height() >= 2 * line  # wrapped over several lines, all of them shown
    assert label.heightForWidth(label.width()) <= label.height()
    assert box.geometry().right() <= page.width()
    # A click on the text's last line toggles the box, as on a plain check box.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton,
                     pos=QPoint(box.width() - 20, box.height() - line // 2))
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not box.isChecked()
    assert box.accessibleName() == LONG


def test_a_long_choice_is_short_in_the_combo_and_whole_beneath(qtbot) -> None:
    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox()
    add_choice(combo, "申请人（第1位） 张三", "a")
    add_choice(combo, LONG, "b")
    full = full_choice_label(combo, page)
    layout.addWidget(combo)
    layout.addWidget(full)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert combo.currentText() == "申请人（第1位） 张三" and full.isHidden()
    combo.setCurrentIndex(1)
    assert len(combo.currentText()) <= 24 and combo.currentText().endswith("…")
    assert LONG.startswith(combo.currentText()[:-1])
    assert not full.isHidden() and full.text() == LONG and full.wordWrap()
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == LONG  # the list shows it whole
    assert combo.currentData() == "b"


def test_a_long_first_choice_is_shown_whole_at_once(qtbot) -> None:
    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox(page)
    full = full_choice_label(combo, page)
    layout.addWidget(combo)
    layout.addWidget(full)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    add_choice(combo, LONG, "b")  # the first item becomes the current one as it is added
    assert combo.currentIndex() == 0
    assert full.text() == LONG and full.isVisible() and not full.isWindow()
