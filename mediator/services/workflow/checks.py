"""Field checks shared by the workflow forms: every problem as (field path, Chinese message).

Like :mod:`mediator.services.registration`, a form gets *all* problems at once
and marks each beside its field; nothing is written while any remains.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, SUMMARY_MAX, clean_text
from mediator.errors import ValidationError

__all__ = ["LONG_TEXT_MAX", "SHORT_TEXT_MAX", "SUMMARY_MAX", "Problems"]


class Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.items.append((path, message))

    def text(self, path: str, value: str, label: str, *, max_len: int = SHORT_TEXT_MAX,
             required: bool = False, multiline: bool = False) -> str:
        try:
            return clean_text(value, field=path, label=label, max_len=max_len,
                              required=required, multiline=multiline)
        except ValidationError as exc:
            self.add(path, exc.message)
            return value

    def date(self, path: str, value: dt.date | None, label: str, *, today: dt.date,
             not_before: dt.date | None = None, not_before_label: str = "受理日期",
             required: bool = True, future_ok: bool = False) -> None:
        if value is None:
            if required:
                self.add(path, f"请填写{label}")
            return
        if not future_ok and value > today:
            self.add(path, f"{label}不能晚于今天")
        if not_before is not None and value < not_before:
            self.add(path, f"{label}不能早于{not_before_label}（{not_before:%Y年%m月%d日}）")

    def raise_if_any(self) -> None:
        if self.items:
            path, msg = self.items[0]
            raise ValidationError(msg, field=path, problems=self.items)
