"""Deadlines: month ends, leap years, extension consent, the Today list."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mediator.domain.casefile import Extension
from mediator.domain.deadlines import (
    DeadlineKind,
    DeadlinePolicy,
    DeadlineState,
    base_mediation_due,
    case_deadlines,
    due_items,
    extension_problems,
    follow_up_due,
    mediation_due,
)
from mediator.domain.periods import add_months, day_period_end, month_period_end
from mediator.domain.status import CaseStatus as S
from tests.domain import casefiles as cf

D = dt.date


@pytest.mark.parametrize(
    ("event", "months", "last_day"),
    [
        (D(2026, 1, 15), 1, D(2026, 2, 15)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: month end
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2028, 1, 30), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),  # over the year end
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
    ],
)
def test_month_periods_end_on_the_corresponding_day_or_month_end(
    event: dt.date, months: int, last_day: dt.date
) -> None:
    assert month_period_end(event, months) == last_day


def test_add_months_backwards() -> None:
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_day_periods_do_not_count_the_event_day() -> None:
    assert day_period_end(D(2026, 3, 1), 30) == D(2026, 3, 31)
    assert day_period_end(D(2028, 2, 1), 30) == D(2028, 3, 2)  # 29 days in Feb 2028


def test_last_day_on_a_holiday_moves_to_the_next_working_day() -> None:
    national_day = {D(2026, 10, d) for d in range(1, 8)}
    ends = month_period_end(D(2026, 9, 3), 1, is_rest_day=national_day.__contains__)
    assert ends == D(2026, 10, 8)
    with pytest.raises(ValueError):
        day_period_end(D(2026, 1, 1), 1, is_rest_day=lambda _d: True)


def test_mediation_term_is_one_month_from_registration() -> None:
    case = replace(cf.registered(), registered_on=D(2026, 1, 31))
    assert base_mediation_due(case) == D(2026, 2, 28)


def test_court_entrusted_case_has_30_days_plus_at_most_30() -> None:
    case = replace(cf.registered(), source="court_entrusted", registered_on=D(2026, 2, 1))
    assert base_mediation_due(case) == D(2026, 3, 3)
    ok = Extension(D(2026, 3, 1), D(2026, 4, 2), cf.BOTH)
    assert extension_problems(case, ok, D(2026, 3, 3)) == []
    too_long = Extension(D(2026, 3, 1), D(2026, 4, 3), cf.BOTH)
    assert extension_problems(case, too_long, D(2026, 3, 3)) == [
        "法院委托调解最多延长30日（至2026年04月02日）"
    ]


def test_extension_counts_only_with_every_partys_consent() -> None:
    case = cf.mediating()  # registered 2 March: due 2 April
    half = Extension(D(2026, 3, 30), D(2026, 4, 30), frozenset({cf.APPLICANT.id}))
    assert mediation_due(replace(case, extensions=(half,))) == D(2026, 4, 2)
    assert extension_problems(case, half, D(2026, 4, 2)) == [
        "延长调解期限须经全部当事人同意，未同意：被申请人（第1位）"
    ]
    both = replace(half, consented_by=cf.BOTH)
    assert mediation_due(replace(case, extensions=(both,))) == D(2026, 4, 30)


def test_extension_after_the_term_ran_out_does_not_count() -> None:
    late = Extension(D(2026, 4, 3), D(2026, 4, 30), cf.BOTH)
    assert mediation_due(replace(cf.mediating(), extensions=(late,))) == D(2026, 4, 2)


def test_extensions_chain_in_the_order_granted() -> None:
    first = Extension(D(2026, 3, 30), D(2026, 4, 30), cf.BOTH)
    second = Extension(D(2026, 4, 28), D(2026, 5, 31), cf.BOTH)
    assert mediation_due(replace(cf.mediating(), extensions=(second, first))) == D(2026, 5, 31)


def test_deadlines_of_an_agreed_case() -> None:
    deadlines = case_deadlines(cf.agreed())
    assert [(d.kind, d.due) for d in deadlines] == [
        (DeadlineKind.PERFORMANCE, D(2026, 3, 20)),
        (DeadlineKind.PERFORMANCE, D(2026, 3, 31)),
        (DeadlineKind.MEDIATION, D(2026, 4, 2)),
        (DeadlineKind.JUDICIAL_WINDOW, D(2026, 4, 9)),
        (DeadlineKind.FOLLOW_UP, D(2026, 4, 15)),  # 15 days after the last performance day
    ]
    assert deadlines[2].state(D(2026, 5, 1)) is DeadlineState.MET  # agreed on 10 March


def test_follow_up_due_follows_the_policy() -> None:
    assert follow_up_due(cf.agreed(), DeadlinePolicy(follow_up_days=7)) == D(2026, 4, 7)
    assert follow_up_due(cf.mediating()) is None


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 3, 1), DeadlineState.OPEN),
        (D(2026, 3, 17), DeadlineState.DUE_SOON),
        (D(2026, 3, 20), DeadlineState.DUE_TODAY),
        (D(2026, 3, 21), DeadlineState.OVERDUE),
    ],
)
def test_deadline_states(today: dt.date, state: DeadlineState) -> None:
    first_payment = case_deadlines(cf.agreed())[0]
    assert first_payment.state(today) is state


def test_met_late_and_lapsed() -> None:
    case = cf.agreed()
    assert case.agreement is not None
    late = replace(case.agreement.obligations[0], performed_on=D(2026, 3, 25))
    agreement = replace(case.agreement, obligations=(late, case.agreement.obligations[1]))
    payment = case_deadlines(replace(case, agreement=agreement))[0]
    assert payment.state(D(2026, 5, 1)) is DeadlineState.MET_LATE
    window = next(d for d in case_deadlines(case) if d.kind is DeadlineKind.JUDICIAL_WINDOW)
    assert window.state(D(2026, 5, 1)) is DeadlineState.LAPSED


def test_today_view_lists_due_and_overdue_across_cases_most_urgent_first() -> None:
    cases = [
        ("c-agreed", cf.agreed()),
        ("c-mediating", cf.mediating()),
        ("c-archived", replace(cf.ready_to_archive(), status=S.ARCHIVED)),
        ("c-performed", cf.followed_up()),
    ]
    items = due_items(cases, D(2026, 3, 31))
    assert [(i.case_id, i.deadline.kind, i.state, i.days_left) for i in items] == [
        ("c-agreed", DeadlineKind.PERFORMANCE, DeadlineState.OVERDUE, -11),
        ("c-agreed", DeadlineKind.PERFORMANCE, DeadlineState.DUE_TODAY, 0),
        ("c-mediating", DeadlineKind.MEDIATION, DeadlineState.DUE_SOON, 2),
    ]


def test_today_view_horizon_widens_due_soon() -> None:
    items = due_items([("c", cf.agreed())], D(2026, 4, 1), horizon_days=14)
    kinds = [i.deadline.kind for i in items]
    assert DeadlineKind.JUDICIAL_WINDOW in kinds and DeadlineKind.FOLLOW_UP in kinds


def test_refused_case_has_no_mediation_term() -> None:
    from mediator.domain.casefile import RefusalRecord

    refused = replace(cf.registered(), refusal=RefusalRecord(D(2026, 3, 3), "不属于调解范围"))
    assert case_deadlines(refused) == []
