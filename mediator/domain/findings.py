"""What a lifecycle rule reports: a finding, how serious it is, and where it belongs.

The steps of the case workspace's rail (受理 → 告知 → 调查 → 调解 → 结果 → 履行 →
回访 → 司法确认 → 归档) are defined here because every rule tags its findings
with the step where the mediator fixes them; the rail, the printable
completeness report and a refused transition all show the same findings.

``code`` is a stable English identifier (tests, statistics and the UI key on
it); ``message`` is the Chinese sentence shown to the mediator.  A message names
a party by role and position (``被申请人（第1位）``), never by name; ``party_id``
lets the UI put the name next to it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Step(enum.StrEnum):
    ACCEPT = "accept"  # 受理 (or 不予受理)
    NOTIFY = "notify"  # 告知
    INVESTIGATE = "investigate"  # 调查 (optional, repeatable)
    MEDIATE = "mediate"  # 调解
    OUTCOME = "outcome"  # 结果: agreement, or failure/termination
    PERFORM = "perform"  # 履行
    FOLLOW_UP = "follow_up"  # 回访
    CONFIRM = "confirm"  # 司法确认 (optional)
    ARCHIVE = "archive"  # 归档

    @property
    def label_zh(self) -> str:
        return STEP_LABELS_ZH[self]


STEP_LABELS_ZH: dict[Step, str] = {
    Step.ACCEPT: "受理",
    Step.NOTIFY: "告知",
    Step.INVESTIGATE: "调查",
    Step.MEDIATE: "调解",
    Step.OUTCOME: "结果",
    Step.PERFORM: "履行",
    Step.FOLLOW_UP: "回访",
    Step.CONFIRM: "司法确认",
    Step.ARCHIVE: "归档",
}

STEP_ORDER: tuple[Step, ...] = tuple(Step)


class Severity(enum.StrEnum):
    ERROR = "error"  # a file audit would fail it; blocks archiving (and the step it names)
    WARNING = "warning"  # worth a look (late follow-up, missing proof of payment)


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    step: Step
    severity: Severity = Severity.ERROR
    party_id: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def messages(findings: Iterable[Finding]) -> list[str]:
    return [f.message for f in findings]
