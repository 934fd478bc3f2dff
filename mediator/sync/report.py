"""What one sync round did (``mediator sync`` prints its summary; the GUI shows it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0  # new conflicts this round
    open_conflicts: int = 0
    pending: int = 0
    repaired: bool = False
    digest_ok: bool | None = None
    blobs_up: int = 0
    blobs_down: int = 0
    deferred: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    bytes_received: int = 0
    # Cases of this PC whose number clashed with another PC's (both numbered before
    # enrolment) and was corrected: (old, new), e.g. ("（2026）桂城人调字第3号", "…第57号").
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    set_aside: int = 0  # rows set aside this round (mediator.sync.aside)

    def summary(self) -> str:
        text = f"同步完成：上传 {self.pushed} 条，下载 {self.pulled} 条，新冲突 {self.conflicts} 条"
        if self.open_conflicts:
            text += f"（待处理冲突共 {self.open_conflicts} 条）"
        if self.pending:
            text += f"，尚有 {self.pending} 条待上传"
        if self.set_aside:
            text += f"，{self.set_aside} 条记录无法使用已暂存（见同步页）"
        if self.renumbered:
            text += (f"，更正重复案号 {len(self.renumbered)} 件（"
                     + "；".join(f"{old} → {short_new(old, new)}"
                                 for old, new in self.renumbered)
                     + "，已打印的文书请按新案号更正）")
        return text + "。"


def short_new(old: str, new: str) -> str:
    """The new number as people read it beside the old one: ``第57号`` when only the
    serial changed, the whole number otherwise."""
    head_old, sep, _ = old.rpartition("第")
    head_new, sep_new, tail = new.rpartition("第")
    if sep and sep_new and head_old == head_new:
        return "第" + tail
    return new
