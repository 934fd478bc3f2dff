"""Reading the values of a studio's Excel ledger (台账) cell by cell.

Ledgers are typed by hand over years, so the same fact arrives in many shapes:
a date as an Excel serial, as ``2025.3.5``, ``2025年3月5日``, ``2025/03/05`` or
``二〇二五年三月五日``, or without its year (the title names it);
several parties in one cell separated by 、，; or line breaks; an ID number that
Excel stored as a number (it keeps 15 significant digits, so an 18-digit number
comes back as ``440602198503051000`` or ``4.40602E+17`` — the last digits are
gone for good).  Each reader here returns the value or raises
:class:`LedgerValueError` with a Chinese reason that never repeats the value
(it may be personal data); an ID that cannot be trusted is *dropped with a
warning*, never stored wrong.

Pure: no openpyxl, no database.  Cell values arrive as openpyxl gives them in
``data_only`` mode: ``None``, ``str``, ``int``, ``float``, ``bool``,
``datetime.datetime``/``date``/``time``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mediator.domain.idcard import normalise_id_number, parse_citizen_id
from mediator.errors import ValidationError

Cell = object  # what openpyxl hands over; narrowed by each reader

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's leap-year bug)
# Serials of plausible ledger dates (1982 .. 2064): a bare number outside is not a date.
SERIAL_MIN, SERIAL_MAX = 30_000, 60_000
TOTAL_WORDS = ("合计", "总计", "小计", "共计", "总数")
FOOTER_WORDS = ("填表人", "制表人", "制表", "填报人", "审核人", "负责人签字", "填表日期",
                "制表日期", "说明：", "注：")
PARTY_SEPARATORS = re.compile(r"[、，,；;\n\r／/|]+")
SIDES = re.compile(r"\s*(?:与|诉|VS|vs|Vs|v\.)\s*")
REPRESENTATIVE = re.compile(r"[（(]\s*(?:法定代表人|法人代表|法人|负责人|主要负责人)\s*[：:]?\s*"
                            r"([^（）()]+?)\s*[）)]")
ROLE_NOTE = re.compile(r"[（(]\s*(?:申请人|被申请人|甲方|乙方|第三人)\s*[）)]")
ORG_WORDS = ("公司", "集团", "厂", "店", "商行", "中心", "委员会", "居委会", "村委会", "合作社",
             "学校", "医院", "银行", "物业", "局", "所", "站", "协会", "工作室", "经营部", "门市部")
SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE][+]?\d+$")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?"
                        r"(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class LedgerValueError(ValueError):
    """A cell that cannot be read as what its column holds; ``message`` is Chinese
    and names no personal value."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def cell_text(value: Cell) -> str:
    """A cell as the text a person sees (numbers without a trailing ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    return str(value).strip()


def is_blank(values: tuple[Cell, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def row_kind(values: tuple[Cell, ...]) -> str:
    """``blank``, ``total`` (a 合计 row), ``footer`` (填表人 … below the table) or ``data``."""
    filled = []
    for v in values:  # only the first few filled cells can say 合计 or 填表人
        if v is not None and (t := cell_text(v)):
            filled.append(t)
            if len(filled) == 3:
                break
    if not filled:
        return "blank"
    for t in filled:
        squashed = re.sub(r"\s+", "", t)
        if squashed.startswith(TOTAL_WORDS):
            return "total"
        if squashed.startswith(FOOTER_WORDS):
            return "footer"
    return "data"


# ------------------------------------------------------------------ dates

def parse_date(value: Cell, *, label: str, year: int | None = None) -> dt.date:
    """A ledger date: a date cell, an Excel serial, or text in the usual shapes.

    ``year`` is the ledger's own year (its title says "2025年…台账"): a date written
    without one (``3月5日``) is taken in it; without ``year`` it is refused."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise LedgerValueError(f"{label}不是日期")
    if isinstance(value, int | float):
        if float(value).is_integer() and 19_000_101 <= value <= 20_991_231:
            return _compact(str(int(value)), label)
        if SERIAL_MIN <= value <= SERIAL_MAX:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise LedgerValueError(f"{label}是一个数字，不像日期")
    text = re.sub(r"\s+", " ", str(value)).strip()
    if not text:
        raise LedgerValueError(f"缺少{label}")
    text = _cjk_date(text.translate(_FULLWIDTH_DIGITS))
    m = _DATE_TEXT.match(text)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]), label)
    if _DATE_COMPACT.match(text):
        return _compact(text, label)
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text) and SERIAL_MIN <= float(text) <= SERIAL_MAX:
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    m = _NO_YEAR.fullmatch(text)
    if m and year is not None:
        return _ymd(year, int(m[1]), int(m[2]), label)
    if m:
        raise LedgerValueError(f"{label}没有写年份")
    raise LedgerValueError(f"{label}看不懂（可写成 2025-03-05、2025.3.5 或 2025年3月5日）")


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
_CJK_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789", strict=True))
_CJK_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                       r"([一二三四五六七八九十]{1,3})日$")


def _cjk_number(text: str) -> str:
    """一 .. 三十一 as digits (month and day numbers)."""
    if "十" not in text:
        return "".join(_CJK_DIGITS[ch] for ch in text)
    tens, _, ones = text.partition("十")
    return str(int(_CJK_DIGITS[tens] if tens else "1") * 10 +
               (int(_CJK_DIGITS[ones]) if ones else 0))


def _cjk_date(text: str) -> str:
    """``二〇二五年三月五日`` (as typed on formal papers) as ``2025年3月5日``."""
    m = _CJK_DATE.match(text)
    if m is None:
        return text
    year = "".join(_CJK_DIGITS[ch] for ch in m[1])
    return f"{year}年{_cjk_number(m[2])}月{_cjk_number(m[3])}日"


_NO_YEAR = re.compile(r"(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?")


def lacks_year(value: Cell) -> bool:
    """Whether a date cell is text written without a year (``3月5日``)."""
    return isinstance(value, str) and _NO_YEAR.fullmatch(value.strip()) is not None


def title_year(title: str) -> int | None:
    """The year a ledger's title names (``2025年矛盾纠纷调解台账``), if one."""
    m = re.search(r"(20\d{2})\s*年", title)
    return int(m[1]) if m else None


def _compact(text: str, label: str) -> dt.date:
    m = _DATE_COMPACT.match(text)
    assert m is not None
    return _ymd(int(m[1]), int(m[2]), int(m[3]), label)


def _ymd(y: int, m: int, d: int, label: str) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise LedgerValueError(f"{label}不存在（月或日不对）") from None


# ------------------------------------------------------------------ parties

@dataclass(frozen=True)
class LedgerParty:
    name: str
    organisation: bool = False
    representative: str = ""  # an organisation's 法定代表人/负责人, if the cell says


def split_names(value: Cell) -> list[LedgerParty]:
    """The parties of one cell: ``张三、李四``, ``张三，李四；王五`` or one per line.

    An organisation is told by its name (公司, 厂, 委员会 …); ``某公司（法定代表人：王五）``
    gives its representative.  Role notes like ``（申请人）`` are dropped."""
    text = ROLE_NOTE.sub("", cell_text(value))
    reps: dict[int, str] = {}
    # Take the representative notes out first: their colon and name are not parties.
    def _keep(m: re.Match[str]) -> str:
        reps[m.start()] = m[1].strip()
        return f"\x00{m.start()}\x00"
    text = REPRESENTATIVE.sub(_keep, text)
    out: list[LedgerParty] = []
    for raw in PARTY_SEPARATORS.split(text):
        rep, part = "", raw
        marker = re.search(r"\x00(\d+)\x00", part)
        if marker:
            rep = reps.get(int(marker[1]), "")
            part = part.replace(marker[0], "")
        name = re.sub(r"\s+", "", part).strip("：:。.")
        if name:
            org = len(name) > 4 and any(w in name for w in ORG_WORDS)
            out.append(LedgerParty(name, org, rep if org else ""))
    return out


def split_sides(value: Cell) -> tuple[list[LedgerParty], list[LedgerParty], bool]:
    """One 当事人 cell holding both sides: ``张三与李四``, ``张三诉李四``.  Without such a
    word the first name is taken as the applicant and the rest as respondents
    (the third value says so, for the report)."""
    text = cell_text(value)
    parts = [p for p in SIDES.split(text, maxsplit=1) if p.strip()]
    if len(parts) == 2:
        return split_names(parts[0]), split_names(parts[1]), False
    names = split_names(text)
    return names[:1], names[1:], len(names) > 1


def split_cell_list(value: Cell) -> list[str]:
    """Several ID numbers or phone numbers in one cell, in the parties' order."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [cell_text(value)] if value else []
    return [p.strip() for p in re.split(r"[、，,；;\n\r／/|\s]+", cell_text(value)) if p.strip()]


# ------------------------------------------------------------------ ID numbers

LOST_PRECISION = ("身份证号码在台账里被存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失："
                  "未导入这个号码，请核对原件后在本机补录")


LOST_PRECISION_MAYBE = ("末三位是 000，像是 Excel 把号码存成数字后丢失了后几位：为免存错，"
                        "未导入这个号码，请核对原件后在本机补录")


@dataclass(frozen=True)
class IdReading:
    number: str = ""  # the checked 18-character number, or "" when dropped
    warning: str = ""  # why it was dropped (Chinese, without the value)


def read_id_number(value: Cell, *, label: str, today: dt.date) -> IdReading:
    """An ID number from a ledger cell, or a warning why it was not taken.

    A number cell with 16 or more digits, scientific notation, or an 18-digit text
    ending in zeros whose check digit fails all mean Excel rounded it: the true
    digits are lost, so it is flagged, never stored.  A 15-digit number cell is
    exact (a legacy ID fits in Excel's precision) and is upgraded to 18 digits."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return IdReading()
    if isinstance(value, bool):
        return IdReading(warning=f"{label}不是号码，未导入")
    if isinstance(value, float) and not value.is_integer():
        return IdReading(warning=f"{label}：{LOST_PRECISION}")
    if isinstance(value, int | float):
        digits = str(int(value))
        if len(digits) >= 16:
            return IdReading(warning=f"{label}：{LOST_PRECISION}")
        text = digits
    else:
        text = normalise_id_number(str(value)).lstrip("'‘’")
        if SCIENTIFIC.match(text):
            return IdReading(warning=f"{label}：{LOST_PRECISION}")
        if len(text) == 18 and text.endswith("000"):
            # What a rounded number looks like once turned back into text.  One
            # in eleven of them even passes the check digit, so none is trusted:
            # a true number ending in 000 is rare, and typed in again from the card.
            return IdReading(warning=f"{label}：{LOST_PRECISION_MAYBE}")
    try:
        return IdReading(parse_citizen_id(text, today=today).number)
    except ValidationError as exc:
        return IdReading(warning=f"{label}无效（{exc.message}），未导入这个号码")


# ------------------------------------------------------------------ classifications

DISPUTE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "婚姻家庭": ("婚姻", "家庭", "离婚", "赡养", "抚养", "扶养", "继承", "家事", "夫妻"),
    "邻里": ("邻里", "邻居", "相邻"),
    "房屋宅基地": ("宅基地", "房屋", "建房", "租房", "房产"),
    "合同": ("合同", "借贷", "债务", "欠款", "买卖", "租赁"),
    "生产经营": ("生产经营", "经营", "承包"),
    "损害赔偿": ("损害赔偿", "人身损害", "赔偿", "伤害", "财产损害"),
    "山林土地": ("山林", "土地", "田地", "林地", "水利"),
    "征地拆迁": ("征地", "拆迁", "征收"),
    "环境污染": ("环境", "污染", "噪音", "噪声"),
    "劳动争议": ("劳动", "劳资", "工资", "欠薪", "工伤"),
    "消费": ("消费", "购物", "商品"),
    "医疗": ("医疗", "医患"),
    "道路交通事故": ("交通", "车祸", "道路"),
    "物业": ("物业", "管理费"),
}


def match_choice(text: str, choices: list[tuple[str, str]],
                 synonyms: dict[str, tuple[str, ...]]) -> str | None:
    """The code of ``choices`` (code, 中文) that ``text`` names, or None.

    Exact label first (with or without 纠纷), then a label the text contains or
    that contains it, then the synonyms (keyed by the label without 纠纷)."""
    t = re.sub(r"\s+", "", text).removesuffix("纠纷").removesuffix("类")
    if not t:
        return None
    bare = {code: zh.removesuffix("纠纷") for code, zh in choices}
    for code, zh in bare.items():
        if t == zh:
            return code
    for code, zh in bare.items():
        if len(t) >= 2 and (zh in t or t in zh):
            return code
    for label, words in synonyms.items():
        if any(w in t for w in words):
            for code, zh in bare.items():
                if zh == label:
                    return code
    return None


SOURCE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "当事人申请": ("申请", "来访", "自行", "当事人", "上门"),
    "调委会主动调解": ("主动", "排查", "调委会"),
    "公安机关移交": ("公安", "派出所", "警", "110"),
    "人民法院委托": ("法院", "法庭", "诉前"),
    "政府部门指定": ("政府", "指定", "交办", "信访", "司法所"),
    "12345热线": ("12345", "热线", "市长"),
    "网格员上报": ("网格",),
}


def parse_amount_fen(value: Cell) -> int | None:
    """协议金额 as fen, or None when the cell holds no readable amount (``5000``,
    ``5,000元``, ``0.5万``).  Only shown and remembered; never a reason to refuse."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return round(value * 100) if value >= 0 else None
    text = re.sub(r"[\s,，¥￥元]", "", str(value))
    scale = 1
    if text.endswith("万"):
        text, scale = text[:-1], 10_000
    try:
        amount = float(text)
    except ValueError:
        return None
    return round(amount * scale * 100) if amount >= 0 else None


RESULT_WORDS = (("不成功", "failed"), ("未成功", "failed"), ("失败", "failed"), ("终止", "failed"),
                ("调解不成", "failed"), ("不予受理", "refused"), ("成功", "succeeded"),
                ("达成", "succeeded"), ("调解中", "pending"), ("在调", "pending"))


def result_code(value: Cell) -> str:
    """What the ledger says came of the case: succeeded / failed / refused / pending / ""."""
    text = cell_text(value)
    for word, code in RESULT_WORDS:
        if word in text:
            return code
    return ""
