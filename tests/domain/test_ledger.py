"""Reading a studio's Excel ledger: header, column words, dates, parties, ID numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from mediator.domain.idcard import is_valid_citizen_id, make_citizen_id
from mediator.domain.ledger import ColumnMapping, LedgerField, find_header, header_matches
from mediator.domain.ledger_values import (
    DISPUTE_SYNONYMS,
    SOURCE_SYNONYMS,
    LedgerValueError,
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

F = LedgerField
TODAY = dt.date(2026, 12, 7)
ID = make_citizen_id("440605", dt.date(1985, 3, 5), 123)


def test_a_header_under_a_title_is_found_and_mapped() -> None:
    rows = [("某某街道人民调解委员会2025年调解台账", None, None, None),
            (None, None, None, None),
            ("序号", "登记日期", "当事人", "纠纷类别"),
            (1, "2025.3.5", "甲与乙", "邻里")]
    guess = find_header(rows)
    assert guess is not None
    assert (guess.first_row, guess.rows) == (2, 1)
    assert guess.mapping.columns == {F.SERIAL: 0, F.REGISTERED_ON: 1, F.PARTIES: 2,
                                     F.DISPUTE_TYPE: 3}
    assert "2025年调解台账" in guess.title


def test_a_two_row_header_under_merged_cells_maps_each_child() -> None:
    # Merged cells read as their first cell only: 当事人 over 申请人 | 被申请人 and
    # 申请人 over 姓名 | 身份证号.
    top = ("序号", "收案日期", "当事人", None, "申请人", None, "联系电话")
    sub = (None, None, "申请人", "被申请人", "姓名", "身份证号", None)
    guess = find_header([top, sub, (1, "2025/03/05", "甲", "乙", "丙", ID, "138")])
    assert guess is not None and guess.rows == 2
    cols = guess.mapping.columns
    assert cols[F.REGISTERED_ON] == 1
    assert cols[F.APPLICANT_IDS] == 5
    assert F.PARTIES not in cols  # only the merged parent of the two sides
    assert [c.header for c in guess.columns][2:4] == ["当事人/申请人", "当事人/被申请人"]


def test_id_columns_under_an_id_parent_follow_the_sides() -> None:
    top = ("受理日期", "申请人", "被申请人", "身份证号码", None, "纠纷类型")
    sub = (None, None, None, "申请人", "被申请人", None)
    guess = find_header([top, sub])
    assert guess is not None
    assert guess.mapping.columns[F.APPLICANT_IDS] == 3
    assert guess.mapping.columns[F.RESPONDENT_IDS] == 4
    assert guess.mapping.columns[F.APPLICANTS] == 1


def test_no_recognisable_header_is_none() -> None:
    assert find_header([("姓名", "金额"), ("甲", 3)]) is None
    assert find_header([]) is None


def test_the_mapping_can_be_changed_and_says_what_it_lacks() -> None:
    m = ColumnMapping({F.REGISTERED_ON: 0, F.PARTIES: 1})
    assert m.problems() == []
    m.set(F.SUMMARY, 1)  # a column holds one field
    assert m.columns == {F.REGISTERED_ON: 0, F.SUMMARY: 1}
    assert m.problems() == ["没有指定当事人（或申请人、被申请人）所在的列"]
    m.set(F.REGISTERED_ON, None)
    assert "没有指定“受理日期”所在的列" in m.problems()


def test_a_header_repeated_after_a_page_break_is_recognised() -> None:
    guess = find_header([("编号", "登记日期", "当事人", "纠纷类别")])
    assert guess is not None
    assert header_matches(("编号", "登记日期", "当事人", "纠纷类别"), guess.columns)
    assert not header_matches(("PZ-1", "2025.3.5", "甲与乙", "邻里"), guess.columns)


@pytest.mark.parametrize("value", [
    dt.datetime(2025, 3, 5), dt.date(2025, 3, 5), 45721, 45721.0, "45721", "2025.3.5",
    "2025年3月5日", "2025/03/05", "2025-3-5", "20250305", 20250305, "２０２５．３．５",
    "2025年 3月 5日", "2025-03-05 00:00:00", "二〇二五年三月五日",
])
def test_ledger_dates_in_every_shape(value: object) -> None:
    assert parse_date(value, label="受理日期") == dt.date(2025, 3, 5)


@pytest.mark.parametrize(("value", "reason"), [
    ("3月5日", "受理日期没有写年份"),
    ("2025.2.30", "受理日期不存在（月或日不对）"),
    ("待补", "受理日期看不懂"),
    ("", "缺少受理日期"),
    (12, "受理日期是一个数字，不像日期"),
    (True, "受理日期不是日期"),
])
def test_unreadable_dates_say_why(value: object, reason: str) -> None:
    with pytest.raises(LedgerValueError) as err:
        parse_date(value, label="受理日期")
    assert err.value.message.startswith(reason)


def test_dates_in_chinese_numerals() -> None:
    assert parse_date("二〇二五年十二月三十一日", label="x") == dt.date(2025, 12, 31)
    assert parse_date("二零二五年十月二十日", label="x") == dt.date(2025, 10, 20)
    with pytest.raises(LedgerValueError):
        parse_date("二〇二五年二月三十日", label="x")


def test_a_date_without_a_year_takes_the_ledgers_year() -> None:
    assert parse_date("3月5日", label="受理日期", year=2025) == dt.date(2025, 3, 5)
    assert parse_date("3.5", label="受理日期", year=2025) == dt.date(2025, 3, 5)
    assert title_year("某某街道2025年矛盾纠纷调解台账") == 2025
    assert title_year("案件登记表") is None
    assert lacks_year("3月5日") and not lacks_year("2025年3月5日") and not lacks_year(45721)


def test_parties_split_on_every_separator_and_organisations_are_told() -> None:
    names = split_names("张三、李四，王五；赵六\n钱七;孙八,周九")
    assert [p.name for p in names] == ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]
    org = split_names("桂城某某物业管理有限公司（法定代表人：黄志强）、吴刚（申请人）")
    assert org[0].organisation and org[0].representative == "黄志强"
    assert org[0].name == "桂城某某物业管理有限公司"
    assert (org[1].name, org[1].organisation) == ("吴刚", False)


def test_one_cell_with_both_sides() -> None:
    apps, resps, guessed = split_sides("黄大伟诉李小红、李小明")
    assert ([p.name for p in apps], [p.name for p in resps], guessed) == (
        ["黄大伟"], ["李小红", "李小明"], False)
    apps, resps, guessed = split_sides("刘洋，张敏")
    assert ([p.name for p in apps], [p.name for p in resps], guessed) == (
        ["刘洋"], ["张敏"], True)


def test_a_valid_id_is_taken_from_text_or_a_15_digit_number_cell() -> None:
    assert read_id_number(ID, label="x", today=TODAY).number == ID
    assert read_id_number(f"'{ID}", label="x", today=TODAY).number == ID
    legacy = read_id_number(int("440605620315123"), label="x", today=TODAY)
    assert legacy.number.startswith("44060519620315123") and not legacy.warning


@pytest.mark.parametrize("value", [
    int(ID[:15] + "000"),  # what Excel keeps of an 18-digit number cell
    float(ID[:15] + "000"),
    "4.40605198503051E+17",  # the same, as text copied from the cell
])
def test_an_id_that_lost_precision_is_flagged_never_stored(value: object) -> None:
    reading = read_id_number(value, label="第 1 位申请人的身份证号码", today=TODAY)
    assert reading.number == ""
    assert "后几位已经丢失" in reading.warning
    assert ID[6:14] not in reading.warning  # no part of the number in the message


def test_a_rounded_id_turned_back_into_text_is_never_trusted() -> None:
    rounded = "440605198503017000"  # passes the check digit, yet may be a rounded number
    assert is_valid_citizen_id(rounded, today=TODAY)
    for text in (rounded, ID[:15] + "000"):
        reading = read_id_number(text, label="申请人的身份证号码", today=TODAY)
        assert reading.number == "" and "末三位是 000" in reading.warning


def test_an_invalid_id_is_dropped_with_the_reason() -> None:
    typo = ID[:-1] + ("0" if ID[-1] != "0" else "1")
    reading = read_id_number(typo, label="申请人的身份证号码", today=TODAY)
    assert reading.number == "" and "校验位不正确" in reading.warning


def test_several_ids_or_phones_in_one_cell() -> None:
    assert split_cell_list(f"{ID}\n{ID}") == [ID, ID]
    assert split_cell_list("13800138000、0757-86281234") == ["13800138000", "0757-86281234"]
    assert split_cell_list(13800138000) == ["13800138000"]


def test_dispute_types_and_sources_in_everyday_words() -> None:
    types = [("neighbour", "邻里纠纷"), ("marriage_family", "婚姻家庭纠纷"),
             ("labour", "劳动争议纠纷"), ("traffic_accident", "道路交通事故纠纷"),
             ("environment", "环境污染纠纷"), ("other", "其他纠纷")]
    assert match_choice("邻里纠纷", types, DISPUTE_SYNONYMS) == "neighbour"
    assert match_choice("邻里", types, DISPUTE_SYNONYMS) == "neighbour"
    assert match_choice("家庭纠纷", types, DISPUTE_SYNONYMS) == "marriage_family"
    assert match_choice("劳资纠纷", types, DISPUTE_SYNONYMS) == "labour"
    assert match_choice("交通事故", types, DISPUTE_SYNONYMS) == "traffic_accident"
    assert match_choice("噪音扰民", types, DISPUTE_SYNONYMS) == "environment"
    assert match_choice("其它", types, DISPUTE_SYNONYMS) is None
    sources = [("party_application", "当事人申请"), ("police_referral", "公安机关移交"),
               ("court_entrusted", "人民法院委托"), ("grid_worker", "网格员上报")]
    assert match_choice("派出所移交", sources, SOURCE_SYNONYMS) == "police_referral"
    assert match_choice("法院诉前委托", sources, SOURCE_SYNONYMS) == "court_entrusted"
    assert match_choice("自行申请", sources, SOURCE_SYNONYMS) == "party_application"
    assert match_choice("网格员", sources, SOURCE_SYNONYMS) == "grid_worker"


def test_rows_that_are_not_cases() -> None:
    assert row_kind((None, "", "  ")) == "blank"
    assert row_kind(("合计", None, 12000)) == "total"
    assert row_kind(("总 计", None)) == "total"
    assert row_kind(("填表人：陈调解", None, "审核人：林主任")) == "footer"
    assert row_kind((1, "2025.3.5", "甲与乙")) == "data"


def test_amounts_and_results() -> None:
    assert parse_amount_fen("5,000元") == 500_000
    assert parse_amount_fen("0.5万") == 500_000
    assert parse_amount_fen(8000.5) == 800_050
    assert parse_amount_fen("面议") is None
    assert [result_code(t) for t in ("调解成功", "不成功", "达成协议", "调解中", "")] == [
        "succeeded", "failed", "succeeded", "pending", ""]
