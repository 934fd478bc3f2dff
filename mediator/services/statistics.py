"""The statistics report: SQL aggregates over the local database (SQLAlchemy Core).

:meth:`StatisticsService.report` reads the maintained day sums
(``statistics_day``, :mod:`mediator.store.figures_models`): per family of
figures (:class:`mediator.domain.statistics.Basis`: one date counts the case),
day and dimension cell, what the cases add, kept exact by triggers in every
writing transaction.  One grouped statement over the period's days gives a few
hundred cells (all dimensions fixed, the month of each family's own date), which
are rolled up per dimension in Python — cells, never case rows.  A year over
100,000 cases is a few milliseconds instead of joining every case of the year
to its facts, agreements and workflow (about 0.6 s of CPU).

The same definitions are also written as statements over the source rows
(:class:`_Queries`): :meth:`StatisticsService.totals` counts the totals with
them, without grouping, and :meth:`StatisticsService.recount` the whole report,
so tests hold the maintained sums to them; the screening register is small and
always counted directly.

A drill-down (:meth:`StatisticsService.drill_down`) answers "which cases are
behind this number" with the very condition the figure is counted by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    and_,
    case,
    func,
    literal,
    select,
    union_all,
)

from mediator.domain.case_facts import BodyType
from mediator.domain.statistics import (
    FIGURES,
    FIGURES_BY_CODE,
    Basis,
    Dimension,
    Figure,
    Period,
    definitions_table,
    success_rate,
)
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.services.workflow.base import Context
from mediator.store.database import Database
from mediator.store.figures_models import StatisticsDay
from mediator.store.models import Agreement, Case, CaseParty, FollowUp, Mediator, Studio
from mediator.store.statistics_models import CaseStatistics, ScreeningVisit
from mediator.store.workflow_models import (
    AgreementDetail,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
)

Value = int | float | None
Cells = dict[str, Value]

SUCCESS_STATUSES = tuple(s.value for s in (
    CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOWED_UP, CaseStatus.CONFIRMING,
    CaseStatus.ARCHIVED))
AGREEMENT_KINDS = ("written", "oral")  # an addendum (补充协议) is no agreement of its own
_NOT_APPLICABLE = ""  # a screening visit has no dispute type or source


@dataclass(frozen=True)
class Report:
    """One period's figures: totals, breakdowns (dimension -> key -> figures) and the
    definitions to print with them.  Keys are codes (dispute type, source, 'YYYY-MM',
    mediator id, body kind); ``labels`` names them for people."""

    period: Period
    totals: Cells
    breakdowns: dict[Dimension, dict[str, Cells]]
    labels: dict[Dimension, dict[str, str]] = field(default_factory=dict)
    definitions: list[tuple[str, str, str]] = field(default_factory=definitions_table)


@dataclass(frozen=True)
class DrillDown:
    """The rows behind one number: case ids (``entity`` "case") or screening visits."""

    entity: str
    ids: list[str]


class StatisticsService:
    def __init__(self, db: Database, context: Context,
                 label: Callable[[str, str], str] | None = None) -> None:
        self._db = db
        self._context = context
        self._label = label  # (catalogue, code) -> label: CatalogueService.label

    # ---------------------------------------------------------------- reading
    def report(self, period: Period) -> Report:
        """Totals and breakdowns from the maintained day sums (``statistics_day``,
        one grouped statement per family of case figures) and the screening register:
        the totals are the sums of the cells (:meth:`totals` counts them apart, from
        the source rows)."""
        return self._report(period, maintained=True)

    def recount(self, period: Period) -> Report:
        """The same report counted from the source rows (every case of the period
        joined to its records: ten times slower over a year of a large studio): the
        check that the maintained sums are exact."""
        return self._report(period, maintained=False)

    def _report(self, period: Period, *, maintained: bool) -> Report:
        studio, _mediator = self._context()
        with self._db.read() as s:
            q = _Queries(period, _studio_body(s, studio.id))
            totals: Cells = {f.code: 0 for f in FIGURES if f.additive}
            broken: dict[Dimension, dict[str, Cells]] = {d: {} for d in Dimension}
            for basis, pairs in _DAY_COLUMNS.items():
                statement = (q.day_sums(Basis(basis)) if maintained
                             else q.aggregate(Basis(basis), grouped=True))
                for row in s.execute(statement).mappings():
                    _roll_up(broken, row, {code: row[code] for code, _c in pairs}, totals)
            for row in s.execute(q.aggregate(Basis.SCREENED, grouped=True)).mappings():
                _roll_up(broken, row, {code: row[code] for code in _SCREENING_CODES}, totals)
            names = {str(k): str(v) for k, v in s.execute(select(Mediator.id, Mediator.name))}
        totals["success_rate"] = success_rate(int(totals["succeeded"] or 0),
                                              int(totals["closed"] or 0))
        for per_key in broken.values():
            for cells in per_key.values():
                for f in FIGURES:
                    cells.setdefault(f.code, 0 if f.additive else None)
                cells["success_rate"] = success_rate(int(cells["succeeded"] or 0),
                                                     int(cells["closed"] or 0))
        return Report(period, totals, broken, self._labels(broken, names))

    def totals(self, period: Period) -> Cells:
        """The period's totals counted without any grouping (one statement per basis):
        what a quick look needs, and an independent check of :meth:`report`."""
        studio, _mediator = self._context()
        with self._db.read() as s:
            q = _Queries(period, _studio_body(s, studio.id))
            totals: Cells = {}
            for basis in Basis:
                row = s.execute(q.aggregate(basis, grouped=False)).mappings().one()
                totals.update({k: int(v or 0) for k, v in row.items()})
        totals["success_rate"] = success_rate(int(totals["succeeded"] or 0),
                                              int(totals["closed"] or 0))
        return totals

    def drill_down(self, period: Period, figure: str,
                   where: dict[Dimension, str] | None = None) -> DrillDown:
        """The ids behind ``figure`` in ``period`` (optionally one breakdown cell,
        e.g. ``{Dimension.DISPUTE_TYPE: "neighbour"}``), in date order."""
        spec = FIGURES_BY_CODE.get(figure)
        if spec is None:
            raise ValidationError("没有这项统计指标。", field="figure")
        studio, _mediator = self._context()
        with self._db.read() as s:
            q = _Queries(period, _studio_body(s, studio.id))
            ids = [str(r) for r in s.execute(q.members(spec, where or {})).scalars()]
        return DrillDown("screening_visit" if spec.basis is Basis.SCREENED else "case", ids)

    def _labels(self, broken: dict[Dimension, dict[str, Cells]], names: dict[str, str]
                ) -> dict[Dimension, dict[str, str]]:
        from mediator.domain.case_facts import BODY_TYPE_LABELS_ZH  # noqa: PLC0415

        def label(dim: Dimension, key: str) -> str:
            if key == _NOT_APPLICABLE:
                return "—"
            if dim is Dimension.DISPUTE_TYPE and self._label is not None:
                return self._label("dispute_types", key)
            if dim is Dimension.SOURCE and self._label is not None:
                return self._label("case_sources", key)
            if dim is Dimension.MONTH:
                return f"{int(key[:4])}年{int(key[5:7])}月"
            if dim is Dimension.MEDIATOR:
                return names.get(key, "（未指定）")
            if dim is Dimension.BODY_TYPE:
                try:
                    return BODY_TYPE_LABELS_ZH[BodyType(key)]
                except ValueError:
                    return key
            return key

        return {dim: {key: label(dim, key) for key in keys} for dim, keys in broken.items()}


def _studio_body(s: Any, studio_id: str) -> str:
    return str(s.execute(select(Studio.body_type).where(Studio.id == studio_id)
                         ).scalar_one_or_none() or BodyType.VILLAGE.value)


_DIMENSIONS = tuple((d, d.value) for d in Dimension)


def _roll_up(broken: dict[Dimension, dict[str, Cells]], row: Any, values: Cells,
             totals: Cells) -> None:
    """Add one aggregated cell (all dimensions fixed) into each dimension's rows
    and into the totals (a few thousand calls a year's report: kept plain)."""
    pairs = [(code, value or 0) for code, value in values.items()]
    for code, value in pairs:
        totals[code] = (totals[code] or 0) + value
    for dim, name in _DIMENSIONS:
        key = row[name]
        cells = broken[dim].setdefault("" if key is None else str(key), {})
        get = cells.get
        for code, value in pairs:
            cells[code] = (get(code) or 0) + value


# --------------------------------------------------------------------------- SQL
_c = Case.__table__
_cs = CaseStatistics.__table__
_wf = CaseWorkflow.__table__
_ag = Agreement.__table__
_ad = AgreementDetail.__table__
_ob = Obligation.__table__
_fu = FollowUp.__table__
_ja = JudicialApplication.__table__
_sv = ScreeningVisit.__table__
_cp = CaseParty.__table__

_PREVENTED = ("criminal", "petition", "fight", "suicide")
_sd = StatisticsDay.__table__

#: The count column of ``statistics_day`` behind each additive case figure, per family.
_DAY_COLUMN = {"accepted": "cases", "closed": "cases", "performed": "cases",
               "confirmed": "cases", "group": "group_n"}
_DAY_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    b.value: tuple((f.code, _DAY_COLUMN.get(f.code, f.code))
                   for f in FIGURES if f.basis is b and f.additive)
    for b in Basis if b is not Basis.SCREENED}
_SCREENING_CODES = tuple(f.code for f in FIGURES if f.basis is Basis.SCREENED)


def _when(cond: ColumnElement[Any], value: Any = 1) -> ColumnElement[Any]:
    return case((cond, value), else_=0)


class _Queries:
    """The statements of one period (bound parameters, never text built from values)."""

    def __init__(self, period: Period, default_body: str) -> None:
        self.start, self.end = period.start, period.end
        self.default_body = default_body
        self.body = case((func.coalesce(_cs.c.body_type, "") == "", literal(default_body)),
                         else_=_cs.c.body_type)

    # Each family: (source of (case_id, on_) rows or None for the case table itself,
    # date column, {figure: (condition, value)}).
    def _family(self, basis: Basis) -> tuple[FromClause | None, ColumnElement[Any],
                                             dict[str, tuple[ColumnElement[Any] | None, Any]]]:
        if basis is Basis.REGISTERED:
            parties = (select(func.count()).where(_cp.c.case_id == _c.c.id,
                                                  _cp.c.deleted.is_(False),
                                                  _cp.c.role != "agent")
                       .scalar_subquery())
            people = case((_cs.c.people_involved > 0, _cs.c.people_involved), else_=parties)
            return None, _c.c.registered_on, {
                "accepted": (None, 1), "people": (None, people),
                "group": (_cs.c.group_dispute.is_(True), 1)}
        if basis is Basis.CLOSED:
            src = self._closings()
            figures: dict[str, tuple[ColumnElement[Any] | None, Any]] = {
                "closed": (None, 1),
                "succeeded": (src.c.outcome == "success", 1),
                "terminated": (src.c.outcome == "terminated", 1),
                "amount": (src.c.outcome == "success", src.c.fen),
            }
            for code in _PREVENTED:
                col = _cs.c[f"prevented_{code}"]
                figures[f"prevented_{code}"] = (col > 0, 1)
                figures[f"prevented_{code}_people"] = (col > 0, col)
            grade = func.coalesce(_cs.c.grade, "simple")
            for g in ("simple", "ordinary", "major"):
                figures[f"grade_{g}"] = (grade == g, 1)
            return src, src.c.on_, figures
        if basis is Basis.PERFORMED:
            src = self._performances()
            return src, src.c.on_, {"performed": (None, 1)}
        if basis is Basis.CONFIRMED:
            src = (select(_ja.c.case_id, _ja.c.decided_on.label("on_"))
                   .where(_ja.c.deleted.is_(False), _ja.c.confirmed.is_(True),
                          _ja.c.decided_on.between(self.start, self.end)).subquery("confirmed"))
            return src, src.c.on_, {"confirmed": (None, 1)}
        raise AssertionError(basis)  # screenings: _screenings

    def day_sums(self, basis: Basis) -> Select[Any]:
        """One family's sums over the period's days, a row per dimension cell (the
        month of the family's own date), labelled by figure: a few hundred rows read
        from the maintained ``statistics_day`` (mediator.store.figures_models).
        Grouped by the stored body kind ("" apart from the studio's own kind: the
        roll-up adds the two rows up), which the primary key's range leaves cheap."""
        month = func.substr(_sd.c.day, 1, 7)
        body = case((_sd.c.body_type == "", literal(self.default_body)),
                    else_=_sd.c.body_type)
        return (select(_sd.c.dispute_type.label(Dimension.DISPUTE_TYPE.value),
                       _sd.c.source.label(Dimension.SOURCE.value),
                       month.label(Dimension.MONTH.value),
                       _sd.c.mediator_id.label(Dimension.MEDIATOR.value),
                       body.label(Dimension.BODY_TYPE.value),
                       *(func.sum(_sd.c[column]).label(code)
                         for code, column in _DAY_COLUMNS[basis.value]))
                .where(_sd.c.basis == basis.value, _sd.c.day.between(self.start, self.end))
                .group_by(_sd.c.dispute_type, _sd.c.source, month, _sd.c.mediator_id,
                          _sd.c.body_type))

    def _closings(self) -> FromClause:
        """(case_id, on_, outcome, fen) of every case that closed in the period."""
        reached = func.min(func.coalesce(_ad.c.reached_on, _ag.c.effective_on))
        agreed = (select(_ag.c.case_id, reached.label("on_"),
                         func.sum(_ag.c.amount_fen).label("fen"))
                  .select_from(_ag.outerjoin(_ad, and_(_ad.c.agreement_id == _ag.c.id,
                                                       _ad.c.deleted.is_(False))))
                  .where(_ag.c.deleted.is_(False), _ag.c.kind.in_(AGREEMENT_KINDS))
                  .group_by(_ag.c.case_id)
                  .having(reached.between(self.start, self.end)).subquery("agreed"))
        success = (select(agreed.c.case_id, agreed.c.on_, literal("success").label("outcome"),
                          agreed.c.fen)
                   .select_from(agreed.join(_c, _c.c.id == agreed.c.case_id)
                                .outerjoin(_wf, and_(_wf.c.case_id == _c.c.id,
                                                     _wf.c.deleted.is_(False))))
                   .where(_c.c.status.in_(SUCCESS_STATUSES), _wf.c.terminated_on.is_(None)))
        ended = (select(_wf.c.case_id, _wf.c.terminated_on.label("on_"),
                        literal("terminated").label("outcome"), literal(0).label("fen"))
                 .where(_wf.c.deleted.is_(False),
                        _wf.c.terminated_on.between(self.start, self.end)))
        return union_all(success, ended).subquery("closings")

    def _performances(self) -> FromClause:
        last = func.max(_ob.c.performed_on)
        by_obligation = (select(_ob.c.case_id, last.label("on_"))
                         .where(_ob.c.deleted.is_(False)).group_by(_ob.c.case_id)
                         .having(and_(func.count() == func.count(_ob.c.performed_on),
                                      last.between(self.start, self.end))))
        listed = select(_ob.c.case_id).where(_ob.c.deleted.is_(False), _ob.c.case_id ==
                                             _fu.c.case_id).exists()
        first = func.min(_fu.c.visited_on)
        by_visit = (select(_fu.c.case_id, first.label("on_"))
                    .where(_fu.c.deleted.is_(False), _fu.c.performed.is_(True), ~listed)
                    .group_by(_fu.c.case_id).having(first.between(self.start, self.end)))
        return union_all(by_obligation, by_visit).subquery("performances")

    def _dim_exprs(self, on: ColumnElement[Any]) -> dict[Dimension, ColumnElement[Any]]:
        return {Dimension.DISPUTE_TYPE: _c.c.dispute_type, Dimension.SOURCE: _c.c.source,
                Dimension.MONTH: func.substr(on, 1, 7), Dimension.MEDIATOR: _c.c.mediator_id,
                Dimension.BODY_TYPE: self.body}

    def _dims(self, on: ColumnElement[Any]) -> list[ColumnElement[Any]]:
        return [expr.label(dim.value) for dim, expr in self._dim_exprs(on).items()]

    def _cases(self, basis: Basis) -> tuple[Select[Any], ColumnElement[Any],
                                            dict[str, tuple[ColumnElement[Any] | None, Any]]]:
        """The case rows of a family, with their facts, filtered to the period."""
        src, on, figures = self._family(basis)
        facts = and_(_cs.c.case_id == _c.c.id, _cs.c.deleted.is_(False))
        if src is None:
            base = (select().select_from(_c.outerjoin(_cs, facts))
                    .where(_c.c.deleted.is_(False), _c.c.status != CaseStatus.REFUSED.value,
                           _c.c.registered_on.between(self.start, self.end)))
        else:
            base = (select().select_from(src.join(_c, _c.c.id == src.c.case_id)
                                         .outerjoin(_cs, facts))
                    .where(_c.c.deleted.is_(False)))
        return base, on, figures

    def aggregate(self, basis: Basis, *, grouped: bool) -> Select[Any]:
        if basis is Basis.SCREENED:
            return self._screenings(grouped=grouped)
        base, on, figures = self._cases(basis)
        measures = [func.sum(_when(cond, value) if cond is not None else value).label(code)
                    for code, (cond, value) in figures.items()]
        if not grouped:
            return base.add_columns(*measures)
        dims = self._dims(on)
        return base.add_columns(*dims, *measures).group_by(*dims)

    def _screenings(self, *, grouped: bool) -> Select[Any]:
        measures = [func.count().label("screenings"),
                    func.sum(_sv.c.disputes_found).label("disputes_found"),
                    func.sum(_sv.c.disputes_prevented).label("disputes_prevented")]
        q = select(*measures).where(_sv.c.deleted.is_(False),
                                    _sv.c.visited_on.between(self.start, self.end))
        if not grouped:
            return q
        month = func.substr(_sv.c.visited_on, 1, 7)
        dims = [literal(_NOT_APPLICABLE).label(Dimension.DISPUTE_TYPE.value),
                literal(_NOT_APPLICABLE).label(Dimension.SOURCE.value),
                month.label(Dimension.MONTH.value),
                _sv.c.mediator_id.label(Dimension.MEDIATOR.value),
                # A visit has no case facts: it counts under the studio's kind of body.
                literal(self.default_body).label(Dimension.BODY_TYPE.value)]
        return q.add_columns(*dims).group_by(month, _sv.c.mediator_id)

    def members(self, spec: Figure, where: dict[Dimension, str]) -> Select[Any]:
        if spec.basis is Basis.SCREENED:
            q = select(_sv.c.id).where(_sv.c.deleted.is_(False),
                                       _sv.c.visited_on.between(self.start, self.end))
            if spec.code != "screenings":
                q = q.where(_sv.c[spec.code] > 0)
            for dim, key in where.items():
                if dim is Dimension.MONTH:
                    q = q.where(func.substr(_sv.c.visited_on, 1, 7) == key)
                elif dim is Dimension.MEDIATOR:
                    q = q.where(_sv.c.mediator_id == key)
                elif key != (self.default_body if dim is Dimension.BODY_TYPE
                             else _NOT_APPLICABLE):
                    q = q.where(literal(False))
            return q.order_by(_sv.c.visited_on, _sv.c.id)
        base, on, figures = self._cases(spec.basis)
        conds: list[ColumnElement[Any]] = []
        code = "closed" if spec.code == "success_rate" else spec.code
        cond, value = figures[code]
        if cond is not None:
            conds.append(cond)
        if not isinstance(value, int):  # a sum: the cases that add something to it
            conds.append(value > 0)
        dims = self._dim_exprs(on)
        conds += [dims[dim] == key for dim, key in where.items()]
        return base.add_columns(_c.c.id).where(*conds).order_by(on, _c.c.local_id)
