"""The statistics page's screens for the screenshot walk (tests/ui/screens/walker.py):
the year's report (every breakdown row and chart filled by the demo cases), the
whole scrolled page, a chart tab, and the list of the cases behind a number."""

from __future__ import annotations

from typing import Any

from mediator.domain.statistics import Dimension
from mediator.ui.mainwindow import PAGE_STATISTICS
from mediator.ui.statistics.period_picker import Choice


def walk(w: Any, window: Any) -> None:
    from tests.ui.screens.walker import scrolled_content, wait

    window.show_page(PAGE_STATISTICS)
    page = window.statistics
    page.picker.set_choice(Choice.THIS_YEAR)
    wait(page.is_current, what="statistics")
    page.dimension.setCurrentIndex(page.dimension.findData(Dimension.MEDIATOR.value))
    w.shot(window, "55-statistics", full=scrolled_content(window))
    page.picker.set_choice(Choice.CUSTOM)  # the from–to fields, the widest picker
    wait(page.is_current, what="statistics custom")
    page.charts.setCurrentWidget(page.charts.trend)
    page.scroll_area.ensureWidgetVisible(page.charts)
    w.shot(window, "56-statistics-custom-trend")
    page.drill(("accepted", {}))
    wait(lambda: page.drill_dialog is not None, what="drill-down")
    w.shot(page.drill_dialog, "57-statistics-cases-behind")
    page.drill_dialog.close()
    w.idle()
