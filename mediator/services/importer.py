"""Importing case files (``mediator import FILE.json``).

The exchange format is documented by resources/schemas/case-file.v1.schema.json.
Every record is checked like a registration typed into the form.  All or
nothing by default: one invalid record and the file imports nothing, every
problem listed by record number and field; ``partial`` imports the valid
records (one transaction) and reports the rest; ``dry_run`` checks and writes
nothing.  Keys the format does not define, a key given twice, and a status that
needs an agreement the format cannot carry are refused.  A malformed file (or one
that is not a regular file, or too large) imports nothing and says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediator.domain.status import CaseStatus, PartyKind, PartyRole, Sex
from mediator.domain.text import SUMMARY_MAX, clean_text
from mediator.errors import MediatorError, ValidationError
from mediator.safe_input import load_json, read_capped
from mediator.services.dto import CaseRef, PartyInput, RegistrationInput
from mediator.services.registration import check_registration

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

FORMAT = "mediator-case-file"
VERSION = 1
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_RECORDS = 200_000
PROBLEMS_PER_RECORD = 5
SEX_WORDS = {"男": Sex.MALE, "女": Sex.FEMALE, "male": Sex.MALE, "female": Sex.FEMALE}
ROLE_WORDS = {"申请人": PartyRole.APPLICANT, "被申请人": PartyRole.RESPONDENT,
              "第三人": PartyRole.THIRD_PARTY, "代理人": PartyRole.AGENT}
KIND_WORDS = {"自然人": PartyKind.PERSON, "单位": PartyKind.ORGANISATION}
FILE_KEYS = frozenset({"format", "version", "exported_by", "cases"})
CASE_KEYS = frozenset({"registered_on", "dispute_type", "source", "summary", "requests",
                       "referral_note", "status", "status_reason", "parties"})
PARTY_KEYS = frozenset({"role", "kind", "name", "sex", "ethnicity", "birth_date", "id_number",
                        "phone", "address", "occupation", "representative",
                        "representative_title", "represents"})
# These statuses stand on an agreement (or a closed dossier) that the exchange
# format cannot carry: imported bare, the case would claim what it does not hold.
NEEDS_AGREEMENT = frozenset({CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOWED_UP,
                             CaseStatus.CONFIRMING, CaseStatus.ARCHIVED})


@dataclass
class ImportReport:
    imported: list[CaseRef] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)  # 1-based record numbers
    problems: list[str] = field(default_factory=list)  # one line each, Chinese
    total: int = 0  # records in the file
    valid: int = 0  # records that passed every check
    written: bool = False  # whether anything was written

    def shown_problems(self, limit: int = 20) -> list[str]:
        """At most a screenful of problems, then how many more there are."""
        if len(self.problems) <= limit:
            return list(self.problems)
        rest = len(self.problems) - (limit - 1)
        return [*self.problems[:limit - 1], f"还有 {rest} 处问题"]


class _Bad(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _str(raw: dict[str, Any], key: str, path: str, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if value is None:
        value = ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # phone numbers typed as numbers in a spreadsheet export
    if not isinstance(value, str):
        raise _Bad(f"{path}{key}", "应为文字")
    if required and not value.strip():
        raise _Bad(f"{path}{key}", "不能为空")
    return value


def _date(raw: dict[str, Any], key: str, path: str) -> dt.date | None:
    value = raw.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _Bad(f"{path}{key}", "日期应写成 YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{path}{key}", f"日期“{value[:20]}”无效，应写成 YYYY-MM-DD") from None


def _code(value: str, choices: list[tuple[str, str, str]], path: str, what: str) -> str:
    for code, zh, _en in choices:
        if value in (code, zh) or (value and zh.startswith(value)):
            return code
    raise _Bad(path, f"不认识的{what}“{value[:20]}”")


def _enum_word(raw: dict[str, Any], key: str, path: str, words: dict[str, Any],
               default: Any) -> Any:
    value = raw.get(key)
    if value in (None, ""):
        return default
    if isinstance(value, str):
        if value in words:
            return words[value]
        for enum_value in words.values():
            if value == enum_value.value:
                return enum_value
    raise _Bad(f"{path}{key}", f"取值“{str(value)[:20]}”无效")


def _unknown_keys(raw: dict[str, Any], allowed: frozenset[str], path: str) -> None:
    unknown = sorted(k for k in raw if k not in allowed)
    if unknown:
        names = "、".join(k[:30] for k in unknown[:5])
        raise _Bad(path.rstrip("."), f"有交换文件格式中没有的键：{names}")


def _party(raw: object, i: int) -> PartyInput:
    path = f"parties[{i}]."
    if not isinstance(raw, dict):
        raise _Bad(f"parties[{i}]", "应为对象")
    _unknown_keys(raw, PARTY_KEYS, path)
    represents = raw.get("represents")
    if represents is not None and (not isinstance(represents, int) or isinstance(represents, bool)):
        raise _Bad(f"{path}represents", "应为被代理当事人在 parties 中的序号（从 0 起）")
    return PartyInput(
        role=_enum_word(raw, "role", path, ROLE_WORDS, None) or _missing(f"{path}role"),
        kind=_enum_word(raw, "kind", path, KIND_WORDS, PartyKind.PERSON),
        name=_str(raw, "name", path, required=True),
        sex=_enum_word(raw, "sex", path, SEX_WORDS, None),
        ethnicity=_str(raw, "ethnicity", path),
        birth_date=_date(raw, "birth_date", path),
        id_number=_str(raw, "id_number", path),
        phone=_str(raw, "phone", path),
        address=_str(raw, "address", path),
        occupation=_str(raw, "occupation", path),
        representative=_str(raw, "representative", path),
        representative_title=_str(raw, "representative_title", path),
        represents=represents,
    )


def _missing(path: str) -> Any:
    raise _Bad(path, "不能为空")


def parse_record(raw: object, ws: Workspace) -> tuple[RegistrationInput, CaseStatus, str]:
    if not isinstance(raw, dict):
        raise _Bad("", "每条记录应为一个对象 {...}")
    _unknown_keys(raw, CASE_KEYS, "")
    requests = raw.get("requests", [])
    if not isinstance(requests, list) or not all(isinstance(r, str) for r in requests):
        raise _Bad("requests", "应为文字列表")
    parties = raw.get("parties")
    if not isinstance(parties, list) or not parties:
        raise _Bad("parties", "至少需要一名申请人和一名被申请人")
    status_raw = _str(raw, "status", "") or CaseStatus.REGISTERED.value
    try:
        status = CaseStatus(status_raw)
    except ValueError:
        raise _Bad("status", f"不认识的状态“{status_raw[:20]}”") from None
    if status in NEEDS_AGREEMENT:
        raise _Bad("status", f"状态“{status.label_zh}”需要调解协议，交换文件不能带协议："
                             "请以受理或调解中等状态导入，在本机录入协议后再推进")
    reg = RegistrationInput(
        dispute_type=_code(_str(raw, "dispute_type", "", required=True),
                           ws.catalogue.dispute_types(), "dispute_type", "纠纷类型"),
        source=_code(_str(raw, "source", "") or "party_application",
                     ws.catalogue.case_sources(), "source", "案件来源"),
        summary=_str(raw, "summary", "", required=True),
        parties=[_party(p, i) for i, p in enumerate(parties)],
        requests=list(requests),
        registered_on=_date(raw, "registered_on", ""),
        referral_note=_str(raw, "referral_note", ""),
    )
    try:
        reason = clean_text(_str(raw, "status_reason", ""), field="status_reason",
                            label="状态说明", max_len=SUMMARY_MAX, multiline=True)
    except ValidationError as exc:
        raise _Bad("status_reason", exc.message) from None
    return reg, status, reason


def read_records(path: Path) -> list[object]:
    if path.suffix.lower() != ".json":
        raise MediatorError("只能导入 JSON 格式的案件交换文件（.json）。")
    data = load_json(read_capped(path, MAX_FILE_BYTES, "要导入的文件"), "导入文件")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise MediatorError(f"导入文件格式不对：应为案件交换文件（\"format\": \"{FORMAT}\"）。")
    if data.get("version") != VERSION:
        raise MediatorError(f"不支持的交换文件版本 {str(data.get('version'))[:20]}"
                            f"（支持版本 {VERSION}）。")
    unknown = sorted(k for k in data if k not in FILE_KEYS)
    if unknown:
        raise MediatorError(f"导入文件中有格式没有的键：{'、'.join(k[:30] for k in unknown[:5])}"
                            "，未导入任何案件。")
    cases = data.get("cases")
    if not isinstance(cases, list):
        raise MediatorError("导入文件缺少 cases 列表。")
    if len(cases) > MAX_RECORDS:
        raise MediatorError(f"一次最多导入 {MAX_RECORDS} 件，请分批导入。")
    return cases


def import_file(ws: Workspace, path: Path, *, partial: bool = False,
                dry_run: bool = False) -> ImportReport:
    """Check every record; write all of them, or (``partial``) the valid ones, or
    (``dry_run``) nothing.  ``report.written`` says whether anything was written."""
    return import_records(ws, read_records(path), partial=partial, dry_run=dry_run)


def import_records(ws: Workspace, records: list[object], *, partial: bool = False,
                   dry_run: bool = False) -> ImportReport:
    """:func:`import_file` for records already read by :func:`read_records`."""
    report = ImportReport(total=len(records))
    good: list[tuple[RegistrationInput, CaseStatus, str]] = []
    types, sources = ws.catalogue.codes()
    for n, raw in enumerate(records, start=1):
        try:
            reg, status, reason = parse_record(raw, ws)
            checked = check_registration(reg, dispute_types=types, sources=sources)
            if checked.problems:
                raise ValidationError(checked.problems[0][1], problems=checked.problems)
            good.append((checked.reg, status, reason))
        except _Bad as bad:
            report.rejected.append(n)
            where = f"字段 {bad.path}：" if bad.path else ""
            report.problems.append(f"第 {n} 条记录：{where}{bad.message}")
        except ValidationError as exc:
            report.rejected.append(n)
            # A few per record, so one record's 150 parties do not fill the screen.
            for fld, msg in exc.problems[:PROBLEMS_PER_RECORD]:
                report.problems.append(f"第 {n} 条记录：字段 {fld}：{msg}")
            if len(exc.problems) > PROBLEMS_PER_RECORD:
                report.problems.append(f"第 {n} 条记录：另有 "
                                       f"{len(exc.problems) - PROBLEMS_PER_RECORD} 处问题")
    report.valid = len(good)
    if dry_run or not good or (report.rejected and not partial):
        return report
    # Here, not at the top: a wrong file is refused before the ORM is even loaded.
    from mediator.services.case_writes import insert_registration  # noqa: PLC0415

    studio, mediator = ws.studio.context()
    with ws.db.write() as s:
        for reg, status, reason in good:
            report.imported.append(insert_registration(
                s, reg, studio, mediator, status=status, status_reason=reason,
                action="case.import"))
    report.written = True
    return report
