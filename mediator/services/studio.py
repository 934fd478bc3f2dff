"""The studio (调解委员会/工作室) and the mediator using this PC: first-run set-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from mediator.domain.case_number import check_prefix, format_case_number
from mediator.domain.text import clean_org_name, clean_person_name
from mediator.errors import NotFoundError, ValidationError
from mediator.services.dto import StudioSetup
from mediator.store.reader import Reader

if TYPE_CHECKING:
    from mediator.store.database import Database
    from mediator.store.models import Mediator, Studio

META_STUDIO = "studio_id"
META_MEDIATOR = "mediator_id"


class StudioService:
    def __init__(self, reader: Reader, db: Callable[[], Database]) -> None:
        self._reader = reader
        self._db = db
        self._cached: tuple[Studio, Mediator] | None = None

    def current(self) -> StudioSetup | None:
        """This PC's studio and mediator, or None before the first-run set-up (raw SQL:
        the app asks this before anything else)."""
        row = self._reader.one(
            "SELECT s.id, s.committee_name, s.case_prefix, m.id, m.name FROM meta ms "
            "JOIN studio s ON s.id = ms.value JOIN meta mm ON mm.key = ? "
            "JOIN mediator m ON m.id = mm.value WHERE ms.key = ?",
            [META_MEDIATOR, META_STUDIO])
        if row is None:
            return None
        return StudioSetup(*(str(v) for v in row))

    def context(self) -> tuple[Studio, Mediator]:
        """The studio and mediator rows of this PC (detached copies)."""
        from sqlalchemy import select  # noqa: PLC0415 - ORM only when writing

        from mediator.store.models import Mediator, Meta, Studio  # noqa: PLC0415

        if self._cached is not None:
            return self._cached
        with self._db().read() as s:
            meta = {k: v for k, v in s.execute(select(Meta.key, Meta.value))}
            studio = s.get(Studio, meta.get(META_STUDIO, ""))
            mediator = s.get(Mediator, meta.get(META_MEDIATOR, ""))
            if studio is None or mediator is None:
                raise NotFoundError(
                    "尚未完成首次设置：请先填写调解委员会名称、案号字头和调解员姓名。"
                )
            s.expunge_all()
        self._cached = (studio, mediator)
        return self._cached

    def invalidate(self) -> None:
        """Forget the cached studio and mediator (enrolment or a sync may change them)."""
        self._cached = None

    def set_time_zone(self, name: str) -> str:
        """The studio's clock for documents and screen (an IANA name, Asia/Shanghai by default).

        Refuses a name the time-zone database does not know: a typo would
        otherwise print every time on a wrong clock.  Returns the stored name.
        """
        from mediator.domain.studio_time import DEFAULT_ZONE, known_zone  # noqa: PLC0415
        from mediator.store import audit  # noqa: PLC0415
        from mediator.store.models import Studio  # noqa: PLC0415

        name = name.strip() or DEFAULT_ZONE
        if not known_zone(name):
            raise ValidationError("不认识这个时区名称，请填写如 Asia/Shanghai 的时区",
                                  field="time_zone")
        studio, mediator = self.context()
        with self._db().write() as s:
            row = s.get(Studio, studio.id)
            if row is None:
                raise NotFoundError("尚未完成首次设置")
            row.time_zone = name
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="studio.time_zone",
                         entity="studio", entity_id=studio.id, detail={"time_zone": name})
        self._cached = None
        return name

    def preview_case_no(self, case_prefix: str, year: int | None = None) -> str:
        return format_case_number(year or dt.date.today().year, case_prefix.strip() or "某某", 1)

    def setup(
        self, committee_name: str, case_prefix: str, mediator_name: str, head_name: str = ""
    ) -> StudioSetup:
        """Set up (or rename) the studio and this PC's mediator.  ``head_name``
        (``mediator setup --head``): the studio head when another person; by
        default this PC's mediator is the head, as in the first-run dialog."""
        committee_name, case_prefix, mediator_name, head_name = check_setup(
            committee_name, case_prefix, mediator_name, head_name)
        from sqlalchemy import select  # noqa: PLC0415 - ORM only when writing

        from mediator.store import audit, outbox  # noqa: PLC0415
        from mediator.store.models import Mediator, Meta, Studio  # noqa: PLC0415

        with self._db().write() as s:
            meta = {k: v for k, v in s.execute(select(Meta.key, Meta.value))}
            studio = s.get(Studio, meta.get(META_STUDIO, ""))
            if studio is None:
                studio = Studio(committee_name=committee_name, case_prefix=case_prefix)
                s.add(studio)
                s.flush()
                s.merge(Meta(key=META_STUDIO, value=studio.id))
            else:
                studio.committee_name = committee_name
                studio.case_prefix = case_prefix
            mediator = s.get(Mediator, meta.get(META_MEDIATOR, ""))
            if mediator is None:
                separate_head = bool(head_name) and head_name != mediator_name
                mediator = Mediator(studio_id=studio.id, name=mediator_name,
                                    role="mediator" if separate_head else "head")
                s.add(mediator)
                s.flush()
                s.merge(Meta(key=META_MEDIATOR, value=mediator.id))
                if separate_head:
                    head = Mediator(studio_id=studio.id, name=head_name, role="head")
                    s.add(head)
                    s.flush()
                    outbox.enqueue(s, "mediator", head.id)
            else:
                mediator.name = mediator_name
            outbox.enqueue(s, "mediator", mediator.id)
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="studio.setup",
                         entity="studio", entity_id=studio.id)
            s.flush()
            result = StudioSetup(studio.id, studio.committee_name, studio.case_prefix,
                                 mediator.id, mediator.name)
        self._cached = None
        return result


def check_setup(
    committee_name: str, case_prefix: str, mediator_name: str, head_name: str = ""
) -> tuple[str, str, str, str]:
    """The first-run rules, cleaned values back; every problem at once.  Shared by
    the dialog (through :meth:`StudioService.setup`) and ``mediator setup``,
    which checks before it creates anything."""
    problems: list[tuple[str, str]] = []
    try:
        committee_name = clean_org_name(committee_name, field="committee_name",
                                        label="调解委员会（工作室）名称")
    except ValidationError as exc:
        problems.append(("committee_name", exc.message))
    try:
        case_prefix = check_prefix(case_prefix)
        if not case_prefix.isprintable():
            # Checked when a prefix is chosen, not in check_prefix: that also formats
            # the numbers of a studio whose prefix is already stored.
            raise ValidationError("案件编号前缀不能含控制字符", field="case_prefix")
    except ValidationError as exc:
        problems.append(("case_prefix", exc.message))
    try:
        mediator_name = clean_person_name(mediator_name, field="mediator_name",
                                          label="调解员姓名")
    except ValidationError as exc:
        problems.append(("mediator_name", exc.message))
    if head_name.strip():
        try:
            head_name = clean_person_name(head_name, field="head_name", label="负责人姓名")
        except ValidationError as exc:
            problems.append(("head_name", exc.message))
    else:
        head_name = ""
    if problems:
        raise ValidationError(problems[0][1], field=problems[0][0], problems=problems)
    return committee_name, case_prefix, mediator_name, head_name
