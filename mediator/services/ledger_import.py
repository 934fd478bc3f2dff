"""Bringing a studio's existing Excel ledger (台账) in: ``mediator import LEDGER.xlsx``.

Three steps, so a GUI can show each (the CLI runs them in one go):

1. :func:`open_ledger` — the file is checked, the sheet and its header found, and
   a column mapping proposed (:attr:`LedgerBook.guess`); the caller may change it.
2. :func:`preview` — the first rows as they would be imported, each with what
   was read from it, its warnings and, for a row that cannot be imported, why.
3. :func:`import_ledger` — every row imported or reported by its Excel row
   number with a reason in Chinese (never the personal value itself); the
   whole import is one transaction.  Like the JSON import it is all or nothing
   unless ``partial``; ``dry_run`` goes through the whole write, numbers and
   completeness included, and rolls it back.

What an imported case is, and why:
* It is registered (受理) through the registration checks (the same rules as the
  form), with the ledger's 受理日期.  It stays at 受理 whatever the ledger says
  came of it: a 调解成功 case without its agreement in the app would claim what
  the file does not hold.  The ledger's outcome, amount and closing date are kept
  in the case's import event and shown in the report, and the completeness report
  lists what the case lacks (identity proofs, notice, records, agreement …).
* It is marked as coming from the ledger by its registration event in the audit
  log (action ``case.import_ledger``, with the sheet's row number and the
  ledger's outcome codes — no personal data), which syncs to the district with
  every other audit event.  No new column: the statistics and sync schemas are
  being extended in parallel, and this mark needs none.
* The ledger's case number is kept when it is one of this studio's numbers
  (its prefix, the year of its 受理日期) and still free; otherwise the case gets
  the next number and the ledger's number is kept as its former number (原案号),
  which search finds — as when sync corrects a clash (schema 0004; on an
  enrolled PC a kept number another PC also used is corrected the same way at
  the next sync).  A number already in the database means the row was imported
  before: it is refused; so is a row without a number whose 受理日期, parties
  and facts match a case already here or an earlier row.
* An ID number Excel rounded (stored as a number) is left out with a warning,
  never stored wrong; an invalid one likewise.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediator.domain.case_number import DESIGNATOR, format_case_number, parse_case_number
from mediator.domain.ledger import (
    NO_SUMMARY,
    ColumnMapping,
    LedgerField,
    describe_mapping,
    header_matches,
)
from mediator.domain.ledger_values import (
    DISPUTE_SYNONYMS,
    SOURCE_SYNONYMS,
    Cell,
    LedgerParty,
    LedgerValueError,
    cell_text,
    lacks_year,
    match_choice,
    parse_amount_fen,
    parse_date,
    read_id_number,
    result_code,
    row_kind,
    split_cell_list,
    split_names,
    split_sides,
    title_year,
)
from mediator.domain.phone import parse_phone
from mediator.domain.status import PartyKind, PartyRole
from mediator.errors import ValidationError
from mediator.services.dto import CaseRef, PartyInput, RegistrationInput
from mediator.services.ledger_source import LedgerBook, LedgerFileError, open_ledger
from mediator.services.registration import REFERRAL_SOURCES, check_registration

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

__all__ = ["LedgerBook", "LedgerFileError", "LedgerReport", "RowOutcome", "import_ledger",
           "ledger_case_ids", "open_ledger", "preview"]

ACTION = "case.import_ledger"
_F = LedgerField
_SIDE_LABEL = {PartyRole.APPLICANT: "申请人", PartyRole.RESPONDENT: "被申请人"}


@dataclass
class LedgerFacts:
    """What the ledger says happened later; remembered, shown, never a case status."""

    case_no: str = ""
    result: str = ""  # succeeded / failed / refused / pending / ""
    result_text: str = ""
    amount_fen: int | None = None
    closed_on: dt.date | None = None
    mediator: str = ""


@dataclass
class RowOutcome:
    """One sheet row: imported (or importable), rejected with reasons, or skipped."""

    row: int  # the Excel row number a person sees
    state: str  # "ok" | "rejected" | "skipped"
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reg: RegistrationInput | None = None
    facts: LedgerFacts = field(default_factory=LedgerFacts)
    case: CaseRef | None = None  # once written
    lacks: list[str] = field(default_factory=list)  # the completeness report's errors

    def lines(self) -> list[str]:
        """The report lines of this row (Chinese, no personal values)."""
        at = f"第 {self.row} 行"
        if self.state == "rejected":
            return [f"{at}：未导入：{r}" for r in self.reasons]
        out = [f"{at}：{w}" for w in self.warnings]
        if self.case is not None and self.lacks:
            out.append(f"{at} → {self.case.case_no}：{'；'.join(self.lacks[:4])}"
                       + (f" 等 {len(self.lacks)} 项" if len(self.lacks) > 4 else ""))
        return out


@dataclass
class LedgerReport:
    sheet: str
    mapping: list[str]  # the mapping in words
    notes: list[str]
    rows: list[RowOutcome] = field(default_factory=list)
    written: bool = False
    lacks: Counter[str] = field(default_factory=Counter)  # lack -> number of cases

    @property
    def imported(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.state == "ok"]

    @property
    def rejected(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.state == "rejected"]

    @property
    def skipped(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.state == "skipped"]

    def problem_lines(self) -> list[str]:
        return [line for r in self.rejected for line in r.lines()]

    def warning_lines(self) -> list[str]:
        return [line for r in self.imported for line in r.lines()]


# ------------------------------------------------------------------ one row

class _Row:
    """Reads the mapped cells of one row, collecting warnings."""

    def __init__(self, values: tuple[Cell, ...], mapping: ColumnMapping) -> None:
        self.values = values
        self.mapping = mapping
        self.warnings: list[str] = []

    def cell(self, fld: LedgerField) -> Cell:
        i = self.mapping.get(fld)
        return self.values[i] if i is not None and i < len(self.values) else None

    def has(self, fld: LedgerField) -> bool:
        return self.mapping.get(fld) is not None


def _parties(r: _Row) -> tuple[list[LedgerParty], list[LedgerParty]]:
    if r.has(_F.APPLICANTS) or r.has(_F.RESPONDENTS):
        apps, resps = split_names(r.cell(_F.APPLICANTS)), split_names(r.cell(_F.RESPONDENTS))
        if r.has(_F.PARTIES) and (not apps or not resps):
            more_a, more_r, _ = split_sides(r.cell(_F.PARTIES))
            apps, resps = apps or more_a, resps or more_r
        return apps, resps
    apps, resps, guessed = split_sides(r.cell(_F.PARTIES))
    if guessed:
        r.warnings.append("当事人一栏未分申请人与被申请人：第一位按申请人、其余按被申请人导入")
    return apps, resps


def _position(parties: list[PartyInput], i: int) -> int:
    """The 1-based place of ``parties[i]`` among the parties of its role."""
    return 1 + sum(1 for p in parties[:i] if p.role is parties[i].role)


def _details(r: _Row, parties: list[PartyInput], today: dt.date) -> None:
    """ID numbers and phones, matched to the parties by position."""
    apps = [p for p in parties if p.role is PartyRole.APPLICANT]
    resps = [p for p in parties if p.role is PartyRole.RESPONDENT]
    labels = {id(p): _party_label(p, _position(parties, i)) for i, p in enumerate(parties)}
    for fld_all, fld_a, fld_r, what in ((_F.ID_NUMBERS, _F.APPLICANT_IDS, _F.RESPONDENT_IDS, "id"),
                                        (_F.PHONES, _F.APPLICANT_PHONES, _F.RESPONDENT_PHONES,
                                         "phone")):
        for fld, group in ((fld_all, parties), (fld_a, apps), (fld_r, resps)):
            if not r.has(fld):
                continue
            value = r.cell(fld)
            items: list[Cell] = [value] if isinstance(value, int | float) and \
                not isinstance(value, bool) else list(split_cell_list(value))
            for pos, item in enumerate(items):
                if pos >= len(group):
                    label = "身份证号码" if what == "id" else "联系电话"
                    r.warnings.append(f"{fld.label_zh}一栏的{label}比当事人多，多出的未导入")
                    break
                _attach(r, group[pos], labels[id(group[pos])], item, what=what, today=today)


def _party_label(p: PartyInput, position: int) -> str:
    return f"第 {position} 位{_SIDE_LABEL.get(p.role, '当事人')}"


def _attach(r: _Row, p: PartyInput, label: str, item: Cell, *, what: str,
            today: dt.date) -> None:
    if what == "id":
        if p.kind is PartyKind.ORGANISATION:
            r.warnings.append(f"{label}是单位，证件号码一栏未导入（请在本机录入统一社会信用代码）")
            return
        reading = read_id_number(item, label=f"{label}的身份证号码", today=today)
        if reading.warning:
            r.warnings.append(reading.warning)
        p.id_number = reading.number
        return
    text = cell_text(item)
    try:
        p.phone = parse_phone(text, field="phone").canonical
    except ValidationError as exc:
        r.warnings.append(f"{label}的联系电话无效（{exc.message}），未导入")


def _code(r: _Row, fld: LedgerField, choices: list[tuple[str, str]],
          synonyms: dict[str, tuple[str, ...]], *, default: str, default_zh: str) -> str:
    text = cell_text(r.cell(fld))
    if not r.has(fld):
        return default
    if not text:
        r.warnings.append(f"{fld.label_zh}为空，按“{default_zh}”导入")
        return default
    code = match_choice(text, choices, synonyms)
    if code is None:
        r.warnings.append(f"{fld.label_zh}“{text[:20]}”不在目录中，按“{default_zh}”导入")
        return default
    return code


class RowReader:
    """Turns sheet rows into registrations with the studio's catalogues."""

    def __init__(self, ws: Workspace, mapping: ColumnMapping, today: dt.date,
                 year: int | None = None) -> None:
        self.mapping = mapping
        self.today = today
        self.year = year  # the ledger title's year, for dates written without one
        self.types = [(c, zh) for c, zh, _ in ws.catalogue.dispute_types()]
        self.sources = [(c, zh) for c, zh, _ in ws.catalogue.case_sources()]
        self.type_codes, self.source_codes = ws.catalogue.codes()

    def read(self, n: int, values: tuple[Cell, ...]) -> RowOutcome:
        r = _Row(values, self.mapping)
        out = RowOutcome(n, "ok", warnings=r.warnings)
        try:
            out.reg = self._registration(r, out.facts)
        except LedgerValueError as exc:
            out.state, out.reasons = "rejected", [exc.message]
            return out
        checked = check_registration(out.reg, dispute_types=self.type_codes,
                                     sources=self.source_codes, today=self.today)
        if checked.problems:
            out.state = "rejected"
            out.reasons = [_where(path, out.reg) + msg for path, msg in checked.problems[:5]]
            return out
        out.reg = checked.reg
        said = {"succeeded": "调解成功，本机尚无调解协议", "failed": "调解不成，本机尚无终止记录",
                "refused": "不予受理，本机尚无不予受理的记录"}.get(out.facts.result)
        if said:
            r.warnings.append(f"台账记载{said}：案件按“受理”状态导入，请补录后推进")
        return out

    def _registration(self, r: _Row, facts: LedgerFacts) -> RegistrationInput:
        raw_date = r.cell(_F.REGISTERED_ON)
        registered = parse_date(raw_date, label="受理日期", year=self.year)
        if lacks_year(raw_date):
            r.warnings.append(f"受理日期没有写年份，按台账标题的{self.year}年导入")
        apps, resps = _parties(r)
        if not apps or not resps:
            raise LedgerValueError("当事人不足两方（至少需要一名申请人和一名被申请人）")
        parties: list[PartyInput] = []
        for role, group in ((PartyRole.APPLICANT, apps), (PartyRole.RESPONDENT, resps)):
            for lp in group:
                parties.append(PartyInput(
                    role=role, name=lp.name, representative=lp.representative,
                    kind=PartyKind.ORGANISATION if lp.organisation else PartyKind.PERSON))
        _details(r, parties, self.today)
        for i, p in enumerate(parties):
            if p.kind is PartyKind.ORGANISATION and not p.representative:
                raise LedgerValueError(f"{_party_label(p, _position(parties, i))}是单位，台账没有"
                                       "写它的法定代表人或负责人（可写成“某公司（法定代表人："
                                       "姓名）”）")
        dispute_type = _code(r, _F.DISPUTE_TYPE, self.types, DISPUTE_SYNONYMS, default="other",
                             default_zh="其他纠纷")
        source = _code(r, _F.SOURCE, self.sources, SOURCE_SYNONYMS, default="party_application",
                       default_zh="当事人申请")
        referral = cell_text(r.cell(_F.SOURCE))[:200] if source in REFERRAL_SOURCES else ""
        summary = cell_text(r.cell(_F.SUMMARY))
        if not summary:
            summary = NO_SUMMARY
            r.warnings.append("纠纷简要情况为空，请补录")
        facts.case_no = cell_text(r.cell(_F.CASE_NO))[:60]
        facts.result_text = cell_text(r.cell(_F.RESULT))[:40]
        facts.result = result_code(facts.result_text)
        facts.amount_fen = parse_amount_fen(r.cell(_F.AMOUNT))
        facts.mediator = cell_text(r.cell(_F.MEDIATOR))[:50]
        if cell_text(r.cell(_F.CLOSED_ON)):
            try:
                facts.closed_on = parse_date(r.cell(_F.CLOSED_ON), label="结案日期",
                                             year=self.year)
            except LedgerValueError as exc:
                r.warnings.append(f"{exc.message}，未记下")
        return RegistrationInput(dispute_type=dispute_type, source=source, summary=summary,
                                 parties=parties, registered_on=registered,
                                 referral_note=referral)


def _where(path: str, reg: RegistrationInput) -> str:
    """``parties[2].phone`` as 第 1 位被申请人: the report's words for a field path."""
    if path.startswith("parties[") and "]" in path:
        i = int(path[8:path.index("]")])
        if i < len(reg.parties):
            return f"{_party_label(reg.parties[i], _position(reg.parties, i))}："
    labels = {"registered_on": "受理日期：", "summary": "纠纷简要情况：",
              "referral_note": "案件来源：", "dispute_type": "纠纷类型：", "source": "案件来源："}
    return labels.get(path, "")


# ------------------------------------------------------------------ the steps

PROGRESS_EVERY = 100  # rows between two calls of an import's ``progress``


def _outcomes(ws: Workspace, book: LedgerBook, mapping: ColumnMapping, today: dt.date,
              limit: int | None = None, *,
              progress: Callable[[int], None] | None = None) -> list[RowOutcome]:
    reader = RowReader(ws, mapping, today, title_year(book.guess.title))
    out: list[RowOutcome] = []
    seen_numbers: dict[str, int] = {}
    seen_cases: dict[tuple[object, ...], int] = {}
    for n, values in book.rows():
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n)  # the sheet row reached: a window shows it while it waits
        kind = row_kind(values)
        if kind == "blank":
            continue
        if kind != "data" or header_matches(values, book.guess.columns):
            why = {"total": "合计行", "footer": "表尾说明"}.get(kind, "重复的表头")
            out.append(RowOutcome(n, "skipped", reasons=[why]))
            continue
        outcome = reader.read(n, values)
        number = outcome.facts.case_no
        if number and outcome.state == "ok":
            if number in seen_numbers:
                outcome.state = "rejected"
                outcome.reasons = [f"案号与第 {seen_numbers[number]} 行重复"]
            seen_numbers.setdefault(number, n)
        key = _same_case_key(outcome.reg) if outcome.state == "ok" else None
        if key is not None and not number:
            if key in seen_cases:
                outcome.state = "rejected"
                outcome.reasons = [f"与第 {seen_cases[key]} 行的受理日期、当事人和简要情况都相同"]
            seen_cases.setdefault(key, n)
        out.append(outcome)
        if limit is not None and sum(1 for o in out if o.state != "skipped") >= limit:
            break
    return out


def _check_mapping(mapping: ColumnMapping) -> None:
    problems = mapping.problems()
    if problems:
        raise LedgerFileError("；".join(problems) + "。未导入任何案件。")


def preview(ws: Workspace, book: LedgerBook, mapping: ColumnMapping | None = None,
            limit: int = 20, today: dt.date | None = None) -> list[RowOutcome]:
    """The first ``limit`` rows with content as they would be imported (nothing written)."""
    mapping = mapping or book.guess.mapping
    _check_mapping(mapping)
    return _outcomes(ws, book, mapping, today or dt.date.today(), limit)


class _DryRun(Exception):
    """Raised inside the write to roll it back after a dry run."""


def import_ledger(ws: Workspace, path: Path, *, mapping: ColumnMapping | None = None,
                  sheet: str | None = None, partial: bool = False, dry_run: bool = False,
                  today: dt.date | None = None,
                  progress: Callable[[int], None] | None = None) -> LedgerReport:
    """Import the ledger at ``path``: all rows or none (or, ``partial``, the good ones);
    raises :class:`LedgerFileError` for a file or mapping that cannot be imported.
    ``progress(row)`` is called every :data:`PROGRESS_EVERY` sheet rows read (on the
    caller's thread: the GUI passes a queued signal)."""
    today = today or dt.date.today()
    with open_ledger(path, sheet=sheet) as book:
        mapping = mapping or book.guess.mapping
        _check_mapping(mapping)
        rows = _outcomes(ws, book, mapping, today, progress=progress)
        report = LedgerReport(book.sheet, describe_mapping(mapping, book.guess.columns),
                              book.notes, rows)
    if not report.imported or (report.rejected and not partial):
        return report
    try:
        report.written = _write(ws, report, partial=partial, dry_run=dry_run, today=today)
    except _DryRun:
        report.written = False  # rolled back: the report says what would have happened
    return report


def _write(ws: Workspace, report: LedgerReport, *, partial: bool, dry_run: bool,
           today: dt.date) -> bool:
    """Write the importable rows in one transaction; False (nothing written) when a
    row turns out to be imported before and ``partial`` is not given."""
    from sqlalchemy import select  # noqa: PLC0415 - the ORM only once there is work

    from mediator.domain.completeness import check_case  # noqa: PLC0415
    from mediator.services.ledger_writes import NewCase, write_cases  # noqa: PLC0415
    from mediator.services.workflow.due_table import store_loaded  # noqa: PLC0415
    from mediator.services.workflow.snapshot import written_casefiles  # noqa: PLC0415
    from mediator.store.models import Case  # noqa: PLC0415

    studio, mediator = ws.studio.context()
    with ws.db.write() as s:
        used = {(y, q) for y, q in s.execute(
            select(Case.year, Case.seq).where(Case.studio_id == studio.id))}
        known = set(s.execute(select(Case.case_no).where(Case.studio_id == studio.id)).scalars())
        known |= set(s.execute(select(Case.former_case_no).where(
            Case.studio_id == studio.id, Case.former_case_no != "")).scalars())
        existing = _existing_cases(s, studio.id) if any(
            not r.facts.case_no for r in report.imported) else {}
        plans = []
        for row in report.imported:
            number, former = _number_for(row, studio.case_prefix, used, known)
            key = None if row.facts.case_no else _same_case_key(row.reg)
            twin = existing.get(key) if key is not None else None
            if twin is not None:
                row.state = "rejected"
                row.reasons = [f"与本机已有的案件 {twin} 受理日期、当事人和简要情况都相同"
                               "（这一行可能已经导入过）"]
            if row.state != "rejected":
                plans.append((row, number, former))
        if not plans or (report.rejected and not partial):
            return False
        # Kept numbers first: the new ones then come after the ledger's highest.
        plans.sort(key=lambda p: p[1] is None)
        written = write_cases(s, [NewCase(row.reg, number, former, _audit_detail(row))
                                  for row, number, former in plans if row.reg is not None],
                              studio, mediator, action=ACTION)
        for (row, _, _), done in zip(plans, written, strict=True):
            row.case = done.ref
        # Their case files from the rows as written (not read back), and their Today
        # rows from these files (the refresh before the commit would load all of them
        # again); nothing is written to them after this.
        files = written_casefiles(((w.case, w.parties, w.links, w.detail) for w in written),
                                  studio.time_zone)
        store_loaded(s, files)
        for row, _, _ in plans:
            if row.case is not None and row.case.id in files:
                found = check_case(files[row.case.id], today).errors
                row.lacks = list(dict.fromkeys(f.message for f in found))
                report.lacks.update(row.lacks)
        if dry_run:
            raise _DryRun
    return True


def _number_for(row: RowOutcome, prefix: str, used: set[tuple[int, int]],
                known: set[str]) -> tuple[tuple[int, str] | None, str]:
    """(number to keep or None, former number to remember) for a row's ledger number;
    a number already in the database rejects the row (imported before)."""
    text = row.facts.case_no
    if not text:
        return None, ""
    try:
        parsed = parse_case_number(text)
    except ValidationError:
        parsed = None
    canonical = format_case_number(parsed.year, parsed.prefix, parsed.serial) if parsed else text
    if text in known or canonical in known:
        row.state = "rejected"
        row.reasons = ["台账中的案号已在本机（这一行可能已经导入过）"]
        return None, ""
    assert row.reg is not None and row.reg.registered_on is not None
    if parsed is not None and parsed.prefix == prefix and parsed.designator == DESIGNATOR and \
            parsed.year == row.reg.registered_on.year and \
            (parsed.year, parsed.serial) not in used:
        used.add((parsed.year, parsed.serial))
        known.add(canonical)
        return (parsed.serial, canonical), ""
    known.add(text)
    row.warnings.append("台账中的案号不是本工作室当年的案号或已被占用：已另编案号，"
                        "台账案号作为原案号保留（可搜索）")
    return None, text


def _same_case_key(reg: RegistrationInput | None) -> tuple[object, ...] | None:
    """What makes a row without a case number the same case as another: the day,
    the parties in order and the facts (a ledger imported twice)."""
    if reg is None:
        return None
    return (reg.registered_on, tuple(p.name for p in reg.parties), reg.summary)


def _existing_cases(s: Any, studio_id: str) -> dict[tuple[object, ...], str]:
    """:func:`_same_case_key` of every case of the studio -> its case number."""
    from sqlalchemy import select  # noqa: PLC0415

    from mediator.store.models import Case, CaseParty, Party  # noqa: PLC0415

    parts: dict[str, tuple[Any, str, str, list[str]]] = {}
    rows = s.execute(
        select(Case.id, Case.registered_on, Case.summary, Case.case_no, Party.name)
        .join(CaseParty, CaseParty.case_id == Case.id).join(Party, Party.id == CaseParty.party_id)
        .where(Case.studio_id == studio_id, Case.deleted.is_(False))
        .order_by(Case.id, CaseParty.position))
    for cid, day, summary, case_no, name in rows:
        parts.setdefault(cid, (day, summary, case_no, []))[3].append(name)
    return {(day, tuple(names), summary): case_no
            for day, summary, case_no, names in parts.values()}


def _audit_detail(row: RowOutcome) -> dict[str, object]:
    """The ledger mark on the case's registration event: codes and dates only."""
    f = row.facts
    detail: dict[str, object] = {"ledger_row": row.row}
    if f.result:
        detail["ledger_result"] = f.result
    if f.amount_fen is not None:
        detail["ledger_amount_fen"] = f.amount_fen
    if f.closed_on is not None:
        detail["ledger_closed_on"] = f.closed_on.isoformat()
    return detail


def ledger_case_ids(ws: Workspace) -> set[str]:
    """The ids of the cases that came in from a ledger (their registration event)."""
    from sqlalchemy import select  # noqa: PLC0415

    from mediator.store.models import AuditEvent  # noqa: PLC0415

    with ws.db.read() as s:
        return set(s.execute(select(AuditEvent.entity_id).where(
            AuditEvent.action == ACTION)).scalars())
