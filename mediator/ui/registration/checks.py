"""Instant, per-field checks run on the GUI thread when the mediator leaves a field.

They only wrap the pure validators of :mod:`mediator.domain` (no database, no
Qt), so they are fast enough to run on every focus change and always agree
with what the service will say on 保存.  The service (``ws.cases.validate``)
remains the final word: it also checks what needs the whole case, e.g. that
there is an applicant and a respondent.

Each function returns the Chinese message to show, or ``None`` when the value
is fine.  Messages come from the domain and name the field, never its value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediator.domain import credit_code, idcard, phone
from mediator.domain import text as domain_text
from mediator.domain.status import Sex
from mediator.errors import ValidationError

# Chinese labels inserted into the domain's Chinese messages ("请填写{label}").
# They belong to the message text, which the domain writes in Chinese, so they
# are data here rather than translatable UI strings.
LABEL_NAME = "姓名"
LABEL_ORG_NAME = "单位名称"
LABEL_REPRESENTATIVE = "法定代表人/负责人姓名"
LABEL_REPRESENTATIVE_TITLE = "职务"
LABEL_ETHNICITY = "民族"
LABEL_ADDRESS = "单位或住址"
LABEL_OCCUPATION = "职业或职务"
LABEL_SUMMARY = "纠纷简要情况"
LABEL_REQUEST = "申请事项"
LABEL_REFERRAL = "移交/委托说明"
REFERRAL_MAX = 1000

SUMMARY_MAX = domain_text.SUMMARY_MAX
NAME_MAX = domain_text.NAME_MAX
ADDRESS_MAX = domain_text.ADDRESS_MAX
SHORT_TEXT_MAX = domain_text.SHORT_TEXT_MAX


def _message(exc: ValidationError) -> str:
    return exc.message


def check_person_name(value: str, *, label: str = LABEL_NAME, required: bool = True) -> str | None:
    if not value.strip() and not required:
        return None
    try:
        domain_text.clean_person_name(value, label=label)
    except ValidationError as exc:
        return _message(exc)
    return None


def check_org_name(value: str, *, label: str = LABEL_ORG_NAME) -> str | None:
    try:
        domain_text.clean_org_name(value, label=label)
    except ValidationError as exc:
        return _message(exc)
    return None


def check_text(
    value: str,
    *,
    label: str,
    max_len: int = SHORT_TEXT_MAX,
    required: bool = False,
    multiline: bool = False,
) -> str | None:
    try:
        domain_text.clean_text(
            value, field="", label=label, max_len=max_len, required=required, multiline=multiline
        )
    except ValidationError as exc:
        return _message(exc)
    return None


@dataclass(frozen=True)
class IdFacts:
    """What a valid 公民身份号码 tells us about its holder."""

    birth_date: dt.date
    sex: Sex
    age: int


def check_id_number(value: str, today: dt.date) -> tuple[str | None, IdFacts | None]:
    """(message, None) for a bad number; (None, facts) for a good one; (None, None) if empty."""
    if not value.strip():
        return None, None
    try:
        info = idcard.parse_citizen_id(value, today=today)
    except ValidationError as exc:
        return _message(exc), None
    return None, IdFacts(birth_date=info.birth_date, sex=info.sex, age=info.age_on(today))


def normalise_id_number(value: str) -> str:
    """The ID number without spaces, full-width digits or a lower-case x."""
    return idcard.normalise_id_number(value)


def age_on(birth: dt.date, today: dt.date) -> int:
    """年龄 in full years, by the domain's rule (29 February included)."""
    return idcard.age_on(birth, today)


def check_credit_code(value: str) -> str | None:
    """统一社会信用代码 of an organisation party (kept in its ``id_number``)."""
    if not value.strip():
        return None
    try:
        credit_code.parse_credit_code(value)
    except ValidationError as exc:
        return _message(exc)
    return None


def check_phone(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        phone.parse_phone(value)
    except ValidationError as exc:
        return _message(exc)
    return None


Problems = list[tuple[str, str]]  # (field path, Chinese message)


def merge_problems(first: Problems, second: Problems) -> Problems:
    """Both lists, one message per field path (the instant check's wins)."""
    seen = {path for path, _m in first}
    return [*first, *((p, m) for p, m in second if p not in seen)]
