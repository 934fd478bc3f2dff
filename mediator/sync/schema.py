"""What a synced row may hold: one definition per entity, shared by the desktop and
the district server (which imports only ``mediator.sync.protocol`` and ``domain``:
this module imports neither SQLAlchemy nor Qt).

Why: the server used to store any ``data`` a device pushed.  One case row with no
fields at all (``"data": {}``) then broke every PC of the studio on every sync,
because the desktop's NOT NULL columns refused it.  Now the server refuses such a
change with a reason (the rest of the batch applies), the desktop checks its own
rows before pushing them, and a PC that still meets a bad row (stored by an older
server) sets it aside instead of failing (:mod:`mediator.sync.pull`).

Each entity is written as ``name:type`` words; the type is ``s<N>`` (string of at
most N characters), ``t`` (text, bounded by the row size), ``i`` (64-bit integer),
``b`` (boolean), ``d`` (ISO date), ``dt`` (ISO date-time), ``l`` (JSON list);
``!`` marks a required field, ``?`` one that may be null, ``>entity`` a reference
to a row of that entity.  ``tests/sync/test_schema.py`` checks these against the
desktop's tables, so the two cannot drift apart.  Unknown keys are allowed (a newer
desktop's extra columns must not break an older one); unknown entities get the
generic checks only (size, NaN, lone surrogates).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

MAX_ROW_BYTES = 256 * 1024  # the JSON of one row's data, UTF-8
_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1

# A length is never below what the desktop lets a person type: the mediator's name
# column says 40, but names are checked against domain.text.NAME_MAX (50), and a
# refused mediator would hold back every case that names them.
SPECS: dict[str, str] = {
    "mediator": "name:s50! role:s20 active:b updated_at:dt",
    "case": "case_no:s60! year:i! seq:i! status:s20! dispute_type:s40! source:s40! summary:t "
            "requests:l registered_on:d! referral_note:t mediator_id:s36?>mediator "
            "created_at:dt status_reason:t retention_class:s20 legal_hold:b "
            "former_case_no:s60 updated_at:dt",
    "party": "kind:s20 name:s100! sex:s10? ethnicity:s20 birth_date:d? id_number:s18 "
             "phone:s40 address:t occupation:s100 representative:s100 "
             "representative_title:s50 representative_role:s20 updated_at:dt",
    "case_party": "case_id:s36!>case party_id:s36!>party role:s20! position:i "
                  "represents_id:s36?>case_party updated_at:dt",
    "investigation_record": "case_id:s36!>case held_at:dt! place:t investigator:s100 "
                            "interviewee:s100 recorder:s100 content:l updated_at:dt",
    "session_record": "case_id:s36!>case held_at:dt! place:t subject:t participants:t "
                      "is_public:b privacy_consent:t statements:l evidence:t risk_warning:t "
                      "result:t recorder:s100 updated_at:dt",
    "agreement": "case_id:s36!>case kind:s10 facts:t terms:l performance_method:t "
                 "performance_deadline:d? amount_fen:i copies:i status:s20 effective_on:d? "
                 "signed_blob:s64? amends_id:s36? updated_at:dt",
    "follow_up": "case_id:s36!>case visited_on:d! performed:b? satisfaction:s20 lawsuit:t "
                 "escalation:t measures:t visitor:s100 updated_at:dt",
    "attachment": "case_id:s36!>case sha256:s64! filename:s255! mime:s100 size:i! kind:s30 "
                  "created_at:dt updated_at:dt",
    "case_workflow": "case_id:s36!>case written_application:b status_matters:l refused_on:d? "
                     "refusal_reason:t terminated_on:d? termination_reason:t "
                     "routes_explained:l archived_on:d? skipped_steps:l updated_at:dt",
    "case_party_file": "case_id:s36!>case case_party_id:s36!>case_party "
                       "notice_acknowledged_on:d? identity_proof:b power_of_attorney:b "
                       "agent_powers:l updated_at:dt",
    "party_correction": "case_id:s36!>case party_id:s36!>party field:s40! old_value:t "
                        "new_value:t corrected_at:dt mediator_id:s36? updated_at:dt",
    "record_signoff": "case_id:s36!>case record_kind:s20! record_id:s36! signed_on:d! "
                      "updated_at:dt",
    "agreement_detail": "case_id:s36!>case agreement_id:s36!>agreement reached_on:d! "
                        "signature_slots:l signed_by:l mediator_signed:b recorder_signed:b "
                        "sealed:b completed_on:d? proofread:b acknowledged_terms:l "
                        "recorder:s100 updated_at:dt",
    "obligation": "case_id:s36!>case agreement_id:s36!>agreement position:i description:t "
                  "obligor_id:s36? amount_fen:i due:d? performed_on:d? updated_at:dt",
    "payment": "case_id:s36!>case obligation_id:s36!>obligation paid_on:d! amount_fen:i "
               "method:s40 note:t proof_attachment_id:s36? updated_at:dt",
    "term_extension": "case_id:s36!>case granted_on:d! new_due:d! consented_by:l reason:t "
                      "updated_at:dt",
    "screening_visit": "visited_on:d! place:t visitors:s200 disputes_found:i "
                       "disputes_prevented:i notes:t mediator_id:s36?>mediator updated_at:dt",
    "case_statistics": "case_id:s36!>case people_involved:i group_marked:b group_dispute:b "
                       "prevented_criminal:i prevented_petition:i prevented_fight:i "
                       "prevented_suicide:i amount_in_dispute_fen:i body_type:s20 grade:s20 "
                       "grade_override:s20 grade_reason:t screening_id:s36?>screening_visit "
                       "updated_at:dt",
    "judicial_application": "case_id:s36!>case applied_on:d! court_basis:s30! court:s100 "
                            "applicants:l decided_on:d? confirmed:b? ruling_no:s60 "
                            "updated_at:dt",
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # s | t | i | b | d | dt | l
    max_len: int = 0
    required: bool = False
    nullable: bool = False
    ref: str = ""


@dataclass(frozen=True)
class Problem:
    """Why a row is refused: a code for programs, a Chinese reason for people (it
    names the field, never its value: the value may be personal data)."""

    code: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}:{self.field} {self.message}" if self.field else \
            f"{self.code} {self.message}"


def _parse(word: str) -> FieldSpec:
    name, _, rest = word.partition(":")
    ref = ""
    if ">" in rest:
        rest, _, ref = rest.partition(">")
    required, nullable = "!" in rest, "?" in rest
    kind = rest.rstrip("!?")
    max_len = 0
    if kind.startswith("s") and kind[1:].isdigit():
        kind, max_len = "s", int(kind[1:])
    return FieldSpec(name, kind, max_len, required, nullable, ref)


@cache
def fields(entity: str) -> tuple[FieldSpec, ...]:
    """The fields of ``entity`` (empty for an entity this version does not know)."""
    return tuple(_parse(w) for w in SPECS.get(entity, "").split())


def references(entity: str) -> tuple[FieldSpec, ...]:
    return tuple(f for f in fields(entity) if f.ref)


def _encoded_size(data: dict[str, Any]) -> int | Problem:
    """The row's size as stored (compact UTF-8 JSON), or why it cannot be stored: NaN
    or Infinity, a lone surrogate, absurd nesting.  One pass in C (json's encoder):
    this runs for every row of every push, on both sides."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return Problem("bad_text", "", "含有无效的 Unicode 字符（孤立代理项）。")
    except ValueError:
        return Problem("not_finite", "", "含有 NaN 或 Infinity。")
    except RecursionError:
        return Problem("too_deep", "", "嵌套层数过多。")
    except TypeError:
        return Problem("bad_type", "", "含有无法存储的值。")


_KIND_WORDS = {"s": "文字", "t": "文字", "i": "整数", "b": "是或否", "d": "日期", "dt": "日期",
               "l": "列表"}


def _bad(f: FieldSpec) -> Problem:
    return Problem("bad_type", f.name, f"字段 {f.name} 应为{_KIND_WORDS[f.kind]}。")


def _field_problem(f: FieldSpec, value: Any) -> Problem | None:
    kind = f.kind
    if value is None:
        return None if f.nullable else Problem("null", f.name, f"字段 {f.name} 不能为空。")
    if kind in {"s", "t"}:
        if value.__class__ is not str:
            return _bad(f)
        if f.max_len and len(value) > f.max_len:
            return Problem("too_long", f.name, f"字段 {f.name} 超过 {f.max_len} 个字。")
    elif kind == "i":
        if value.__class__ is not int:  # bool is no integer here
            return _bad(f)
        if not _INT_MIN <= value <= _INT_MAX:
            return Problem("out_of_range", f.name, f"字段 {f.name} 的数值超出范围。")
    elif kind == "b":
        if value.__class__ is not bool:
            return _bad(f)
    elif kind in {"d", "dt"}:
        if value.__class__ is not str or len(value) > 40:
            return _bad(f)
        try:
            (dt.date if kind == "d" else dt.datetime).fromisoformat(value)
        except ValueError:
            return _bad(f)
    elif kind == "l" and value.__class__ is not list:
        return _bad(f)
    return None


def row_size(data: dict[str, Any]) -> int:
    """Bytes of ``data`` as JSON (UTF-8, compact), as the server stores it."""
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=True).encode("utf-8", "surrogatepass"))


def check(entity: str, data: Any) -> Problem | None:
    """The first problem of a row's ``data``, or None if the row may be stored.

    References are not checked here (the rows they name may come later in a feed);
    :func:`references` lists them for the server, which checks them per batch."""
    if not isinstance(data, dict):
        return Problem("bad_type", "", "行数据应为对象。")
    size = _encoded_size(data)
    if isinstance(size, Problem):
        return size
    if size > MAX_ROW_BYTES:
        return Problem("too_large", "", f"单行数据超过 {MAX_ROW_BYTES // 1024} KB 上限。")
    for f in fields(entity):
        if f.name not in data:
            if f.required:
                return Problem("missing", f.name, f"缺少必填字段 {f.name}。")
            continue
        problem = _field_problem(f, data[f.name])
        if problem is not None:
            return problem
    return None
