"""The screening page's screens for the screenshot walk (tests/ui/screens/walker.py):
the register with long entries, the visit form showing the core's messages, and
the registration form opened from a visit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mediator.services.screening import ScreeningInput
from mediator.ui.mainwindow import PAGE_SCREENING

LONG_PLACE = "南海区桂城街道平洲夏西社区第三经济合作社旧村改造安置区建筑工地及周边商铺"
LONG_NOTES = "走访了安置区十二户居民和两家施工单位，重点了解拖欠工资、噪音扰民和相邻通行矛盾。"


def walk(w: Any, window: Any) -> None:
    page = window.screening
    window.show_page(PAGE_SCREENING)
    today = dt.date.today()
    for place, found, prevented in ((LONG_PLACE, 12, 9), ("夏西社区", 1, 0)):
        inp = ScreeningInput(today, place, "李调解、网格员欧阳珺", found, prevented, LONG_NOTES)
        w.runner.run(lambda i=inp: page.service().record(i))
    page.load()
    w.idle()
    page.table.selectRow(0)
    w.shot(window, "45-screening")
    form = page.open_form()
    form.found.setValue(1)
    form.prevented.setValue(2)
    form.save()  # no place, more settled than found: two messages
    w.idle()
    w.shot(form, "46-screening-visit-form")
    form.reject()
    w.idle()
    page.register_selected()
    w.idle()
    w.shot(window, "47-screening-register-case")
    page.close_registration()
    w.idle()
