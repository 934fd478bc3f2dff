"""The difficulty grade and the group-dispute rule read as the module docstring says."""

from __future__ import annotations

from mediator.domain.case_facts import (
    CaseFacts,
    Grade,
    Prevention,
    derived_grade,
    grade,
    is_group_dispute,
    problems,
)


def test_ten_people_make_a_group_dispute_and_a_major_case() -> None:
    assert not is_group_dispute(CaseFacts(people_involved=9))
    assert is_group_dispute(CaseFacts(people_involved=10))
    assert is_group_dispute(CaseFacts(people_involved=2, group_marked=True))
    assert derived_grade(CaseFacts(people_involved=10)) is Grade.MAJOR


def test_any_prevention_outcome_or_a_large_amount_is_major() -> None:
    for outcome in Prevention:
        assert derived_grade(CaseFacts(people_involved=2, prevented={outcome: 1})) is Grade.MAJOR
    assert derived_grade(CaseFacts(amount_in_dispute_fen=100_000_00)) is Grade.ORDINARY
    assert derived_grade(CaseFacts(amount_in_dispute_fen=100_000_01)) is Grade.MAJOR


def test_ordinary_from_three_people_or_ten_thousand_yuan_else_simple() -> None:
    assert derived_grade(CaseFacts(people_involved=2)) is Grade.SIMPLE
    assert derived_grade(CaseFacts(people_involved=3)) is Grade.ORDINARY
    assert derived_grade(CaseFacts(amount_in_dispute_fen=9_999_99)) is Grade.SIMPLE
    assert derived_grade(CaseFacts(amount_in_dispute_fen=10_000_00)) is Grade.ORDINARY


def test_an_override_counts_but_needs_a_reason() -> None:
    facts = CaseFacts(people_involved=2, grade_override=Grade.MAJOR)
    assert grade(facts) is Grade.MAJOR
    assert [f for f, _ in problems(facts)] == ["grade_reason"]
    assert problems(CaseFacts(people_involved=2, grade_override=Grade.MAJOR,
                              grade_reason="纠纷持续三年，多次激化")) == []
    # Restating the derived grade is no override and needs no reason.
    assert problems(CaseFacts(people_involved=2, grade_override=Grade.SIMPLE)) == []


def test_bad_numbers_are_named_by_field() -> None:
    found = problems(CaseFacts(people_involved=-1, prevented={Prevention.SUICIDE: 0},
                               amount_in_dispute_fen=-5))
    assert [f for f, _ in found] == ["people_involved", "prevented.suicide",
                                     "amount_in_dispute_fen"]
