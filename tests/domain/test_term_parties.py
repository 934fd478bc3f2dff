"""Who an agreement term speaks of: roles and names in clause templates, the obligor."""

from __future__ import annotations

import pytest

from mediator.domain.status import PartyRole
from mediator.domain.term_parties import TermParty, obligor_mention, speak_of_parties

WANG = TermParty("a", PartyRole.APPLICANT, "王𠮷")
LI = TermParty("b", PartyRole.RESPONDENT, "李珺")
FIRM = TermParty("c", PartyRole.RESPONDENT, "佛山市桂城物业管理有限公司")
NEIGHBOUR = TermParty("d", PartyRole.THIRD_PARTY, "陈伯")


@pytest.mark.parametrize(("text", "obligor"), [
    ("被申请人于2026年3月31日前向申请人支付3200元。", "b"),  # the one paid is not the obligor
    ("申请人于3日内清走楼道杂物。", "a"),
    ("由李珺承担维修费用。", "b"),
    ("王𠮷同意给李珺出具收条。", "a"),
    ("乙方赔偿甲方损失。", "b"),  # a mediator's old habit, read as the roles
    ("第三人陈伯配合入户维修。", "d"),
    ("给申请人赔礼道歉。", None),  # names only the one receiving
    ("双方再无其他争议。", None),
])
def test_the_obligor_is_the_first_party_named_that_does_not_receive(
        text: str, obligor: str | None) -> None:
    assert obligor_mention(text, [WANG, LI, NEIGHBOUR]) == obligor


def test_a_role_with_two_parties_means_the_first_of_them() -> None:
    assert obligor_mention("被申请人于月底前修复。", [WANG, FIRM, LI]) == "c"
    assert obligor_mention("李珺于月底前修复。", [WANG, FIRM, LI]) == "b"


def test_templates_name_a_sole_party_after_its_role_and_never_say_jia_or_yi() -> None:
    text = "乙方于【日期】前向甲方支付，申请人王𠮷确认。"
    assert speak_of_parties(text, [WANG, LI]) == \
        "被申请人李珺于【日期】前向申请人王𠮷支付，申请人王𠮷确认。"
    assert speak_of_parties(text, [WANG, LI, FIRM]) == \
        "被申请人于【日期】前向申请人王𠮷支付，申请人王𠮷确认。"  # which respondent: not guessed
    assert speak_of_parties(text) == "被申请人于【日期】前向申请人支付，申请人王𠮷确认。"
