"""归档 — retention classes (保管期限) of a closed dossier, and the legal hold.

Archive rules for administrative files know three terms: permanent (永久), 30
years and 10 years.  A dossier under a legal hold (a lawsuit, a complaint or an
inquiry about the case) is never due for disposal, whatever its class; the hold
is lifted by a person, not by time.  PIPL asks that personal data is kept no
longer than needed: the disposal date is when the studio must review the file.
"""

from __future__ import annotations

import datetime as dt
import enum

from mediator.domain.periods import add_months


class RetentionClass(enum.StrEnum):
    PERMANENT = "permanent"  # 永久
    LONG = "30y"  # 30年 (formerly 长期)
    SHORT = "10y"  # 10年 (formerly 短期)

    @property
    def label_zh(self) -> str:
        return RETENTION_LABELS_ZH[self]

    @property
    def years(self) -> int | None:
        return {RetentionClass.PERMANENT: None, RetentionClass.LONG: 30, RetentionClass.SHORT: 10}[
            self
        ]


RETENTION_LABELS_ZH: dict[RetentionClass, str] = {
    RetentionClass.PERMANENT: "永久",
    RetentionClass.LONG: "30年",
    RetentionClass.SHORT: "10年",
}


def review_due(
    archived_on: dt.date, retention: RetentionClass, *, legal_hold: bool = False
) -> dt.date | None:
    """The day the dossier is due for disposal review, or None (permanent or on hold).

    Terms are counted from 1 January of the year after archiving, as archives do,
    so every dossier of one year falls due together.
    """
    years = retention.years
    if years is None or legal_hold:
        return None
    return add_months(dt.date(archived_on.year + 1, 1, 1), 12 * years)
