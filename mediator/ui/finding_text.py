"""What a lifecycle rule found, in the desk's language (步骤提示 in English too).

The domain's findings (:class:`mediator.domain.findings.Finding`) and the
reasons a court would not confirm an agreement carry one Chinese sentence each,
made from a fixed wording with the party's place (被申请人（第1位）), a number
or a date in it; the printed completeness report and the CLI show them as they
are.  The English desk recognises each wording here and says it in English,
with the party, number or date carried over (the party by role and place, never
by name).  A sentence not recognised (a newer rule) is shown as it came: the
one-language walk (tests/ui/integration/test_one_language.py) finds it.

Chinese desk: the sentence unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediator.domain.casefile import COURT_BASIS_LABELS_ZH, STATUS_MATTER_LABELS_ZH
from mediator.domain.findings import Finding
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, STATUS_LABELS_EN, STATUS_LABELS_ZH
from mediator.ui import labels

CONTEXT = "Findings"

# A party as messages name it: role and, when there are several, the place.
_PARTY = re.compile(r"(被申请人|申请人|第三人|代理人)(?:（第(\d+)位）)?")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_P = f"({_PARTY.pattern.replace('(', '(?:').replace('(?:?:', '(?:')})"
_D = f"({_DATE.pattern.replace('(', '').replace(')', '')})"
_N = r"(\d+)"
_Q = r"“([^”]+)”"


def _party(text: str) -> str:
    m = _PARTY.fullmatch(text)
    if m is None:
        return text
    role = {zh: r for r, zh in PARTY_ROLE_LABELS_ZH.items()}[m.group(1)]
    english = labels.Labels(lang="en").role(role)
    return f"{english} {m.group(2)}" if m.group(2) else english


def _parties(text: str) -> str:
    return ", ".join(_party(p) for p in text.split("、"))


def _date(text: str) -> str:
    m = _DATE.fullmatch(text)
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else text


def _status(text: str) -> str:
    by_zh = {zh: s for s, zh in STATUS_LABELS_ZH.items()}
    return STATUS_LABELS_EN[by_zh[text]] if text in by_zh else text


def _matter(text: str) -> str:
    by_zh = {zh: m for m, zh in STATUS_MATTER_LABELS_ZH.items()}
    return labels.status_matter(by_zh[text]) if text in by_zh else text


def _courts(text: str) -> str:
    by_zh = {zh: c for c, zh in COURT_BASIS_LABELS_ZH.items()}
    return ", ".join(labels.court_basis(by_zh[c]) if c in by_zh else c
                     for c in text.split("、"))


def _same(text: str) -> str:
    return text


Convert = Callable[[str], str]
# (the Chinese wording, its English source for tr(), how each part is carried over)
_WORDINGS: tuple[tuple[re.Pattern[str], object, tuple[Convert, ...]], ...] = (
    # 受理 and parties
    (re.compile("纠纷至少需要两方当事人"),
     QT_TRANSLATE_NOOP("Findings", "A dispute needs at least two parties"), ()),
    (re.compile(f"缺少{_P}的营业执照或登记证明"),
     QT_TRANSLATE_NOOP("Findings", "The business licence or registration of %1 is missing"),
     (_party,)),
    (re.compile(f"缺少{_P}的身份证明"),
     QT_TRANSLATE_NOOP("Findings", "The proof of identity of %1 is missing"), (_party,)),
    (re.compile(f"{_P}未指明代理哪位当事人"),
     QT_TRANSLATE_NOOP("Findings", "%1 does not say which party they act for"), (_party,)),
    (re.compile(f"缺少{_P}的授权委托书"),
     QT_TRANSLATE_NOOP("Findings", "The power of attorney of %1 is missing"), (_party,)),
    (re.compile("不予受理须写明理由"),
     QT_TRANSLATE_NOOP("Findings", "A refusal must give its reason"), ()),
    (re.compile("不予受理日期早于登记日期"),
     QT_TRANSLATE_NOOP("Findings", "The refusal is dated before the registration"), ()),
    # A case imported from an Excel ledger (domain/completeness.ledger_findings)
    (re.compile("台账中没有纠纷简要情况，请补录纠纷简要情况"),
     QT_TRANSLATE_NOOP("Findings", "The ledger had no summary of the dispute: add it"), ()),
    (re.compile("台账记载调解成功，卷宗中尚无调解协议：请补录调解记录和协议"),
     QT_TRANSLATE_NOOP("Findings", "The ledger says the mediation succeeded, but the file "
                       "holds no agreement yet: add the records and the agreement"), ()),
    (re.compile("台账记载调解不成，卷宗中尚无终止调解的记录：请补录"),
     QT_TRANSLATE_NOOP("Findings", "The ledger says the mediation failed, but the file holds "
                       "no record of ending it yet: add it"), ()),
    (re.compile("台账记载不予受理，卷宗中尚无不予受理的记录：请补录"),
     QT_TRANSLATE_NOOP("Findings", "The ledger says the application was refused, but the "
                       "file holds no record of the refusal yet: add it"), ()),
    # 告知
    (re.compile(f"{_P}尚未签收权利义务告知书"),
     QT_TRANSLATE_NOOP("Findings",
                       "%1 has not yet signed for the notice of rights and duties"), (_party,)),
    (re.compile(f"{_P}签收权利义务告知书晚于首次调解"),
     QT_TRANSLATE_NOOP("Findings", "%1 signed for the notice of rights and duties after the "
                       "first session"), (_party,)),
    (re.compile(f"{_P}告知书日期早于受理日期"),
     QT_TRANSLATE_NOOP("Findings", "The notice of %1 is dated before the acceptance"),
     (_party,)),
    # 调查 and 调解
    (re.compile("尚无调查记录"),
     QT_TRANSLATE_NOOP("Findings", "No investigation record yet"), ()),
    (re.compile(f"第{_N}份调查记录未经签名确认"),
     QT_TRANSLATE_NOOP("Findings", "Investigation record %1 is not signed"), (_same,)),
    (re.compile(f"第{_N}份调查记录日期早于受理日期"),
     QT_TRANSLATE_NOOP("Findings", "Investigation record %1 is dated before the acceptance"),
     (_same,)),
    (re.compile("缺少人民调解记录|尚无人民调解记录"),
     QT_TRANSLATE_NOOP("Findings", "No mediation record yet"), ()),
    (re.compile(f"第{_N}次调解记录未经当事人等签名"),
     QT_TRANSLATE_NOOP("Findings", "The record of session %1 is not signed by the parties"),
     (_same,)),
    (re.compile(f"第{_N}次调解不公开进行，但未记录当事人的要求或同意"),
     QT_TRANSLATE_NOOP("Findings", "Session %1 was held in private, but the parties' request "
                       "or consent is not recorded"), (_same,)),
    (re.compile(f"第{_N}次调解日期早于受理日期"),
     QT_TRANSLATE_NOOP("Findings", "Session %1 is dated before the acceptance"), (_same,)),
    (re.compile(f"调解结束，已超过调解期限（{_D}）"),
     QT_TRANSLATE_NOOP("Findings", "Mediation ended after the mediation term (%1)"), (_date,)),
    (re.compile(f"调解尚未结束，已超过调解期限（{_D}）"),
     QT_TRANSLATE_NOOP("Findings", "Mediation is still going on past the mediation term (%1)"),
     (_date,)),
    (re.compile("延长调解期限须经全部当事人同意，未同意：(.+)"),
     QT_TRANSLATE_NOOP("Findings", "Extending the mediation term needs every party's consent; "
                       "not consented: %1"), (_parties,)),
    (re.compile(f"调解期限已于{_D}届满，不能事后延长"),
     QT_TRANSLATE_NOOP("Findings", "The mediation term ended on %1; it cannot be extended "
                       "afterwards"), (_date,)),
    (re.compile("延长后的期限应晚于原期限"),
     QT_TRANSLATE_NOOP("Findings", "The extended term must end after the original one"), ()),
    (re.compile(f"法院委托调解最多延长{_N}日（至{_D}）"),
     QT_TRANSLATE_NOOP("Findings", "A mediation entrusted by a court can be extended by at "
                       "most %1 days (to %2)"), (_same, _date)),
    # 结果: termination and the agreement
    (re.compile("尚未录入调解终止的情况"),
     QT_TRANSLATE_NOOP("Findings", "The end of mediation has not been recorded yet"), ()),
    (re.compile("调解终止须写明原因"),
     QT_TRANSLATE_NOOP("Findings", "Ending mediation needs a reason"), ()),
    (re.compile("须记录已告知当事人的其他解决途径（诉讼、仲裁等）"),
     QT_TRANSLATE_NOOP("Findings", "Record the other routes the parties were told of (a "
                       "court, arbitration...)"), ()),
    (re.compile("案件尚无调解结果（协议或终止）"),
     QT_TRANSLATE_NOOP("Findings", "The case has no outcome yet (agreement or end of "
                       "mediation)"), ()),
    (re.compile("尚未录入调解协议"),
     QT_TRANSLATE_NOOP("Findings", "No agreement has been entered yet"), ()),
    (re.compile("协议还没有约定的内容（条款）"),
     QT_TRANSLATE_NOOP("Findings", "The agreement has no terms yet"), ()),
    (re.compile("没有调解记录：协议须在调解中达成"),
     QT_TRANSLATE_NOOP("Findings", "No mediation record: an agreement is reached in "
                       "mediation"), ()),
    (re.compile("协议未写明履行方式和期限"),
     QT_TRANSLATE_NOOP("Findings", "The agreement does not say how and by when it is "
                       "performed"), ()),
    (re.compile(f"协议份数应为{_N}份（当事人{_N}方各一份、调委会一份），现为{_N}份"),
     QT_TRANSLATE_NOOP("Findings", "The agreement needs %1 copies (one for each of the %2 "
                       "parties and one for the committee); it has %3"), (_same, _same, _same)),
    (re.compile("人民调解员尚未签名"),
     QT_TRANSLATE_NOOP("Findings", "The mediator has not signed yet"), ()),
    (re.compile("记录人尚未签名"),
     QT_TRANSLATE_NOOP("Findings", "The recorder has not signed yet"), ()),
    (re.compile("尚未加盖人民调解委员会印章"),
     QT_TRANSLATE_NOOP("Findings", "The committee's seal is not on it yet"), ()),
    (re.compile("未记录协议签章完成（生效）的日期"),
     QT_TRANSLATE_NOOP("Findings", "The day the agreement was fully signed and sealed (took "
                       "effect) is not recorded"), ()),
    (re.compile("签章完成日期早于协议日期"),
     QT_TRANSLATE_NOOP("Findings", "The signing is dated before the agreement"), ()),
    (re.compile("协议尚未经用语校对.*"),
     QT_TRANSLATE_NOOP("Findings", "The agreement's wording has not been checked yet"), ()),
    (re.compile("协议日期早于首次调解日期"),
     QT_TRANSLATE_NOOP("Findings", "The agreement is dated before the first session"), ()),
    (re.compile("有履行期限早于协议日期"),
     QT_TRANSLATE_NOOP("Findings", "An obligation is due before the agreement's date"), ()),
    (re.compile("口头协议尚未由人民调解员登记签名"),
     QT_TRANSLATE_NOOP("Findings", "The mediator has not yet registered and signed the oral "
                       "agreement"), ()),
    (re.compile(f"{_P}没有签名栏"),
     QT_TRANSLATE_NOOP("Findings", "%1 has no signature line"), (_party,)),
    (re.compile(f"{_P}尚未签名、盖章或按指印"),
     QT_TRANSLATE_NOOP("Findings", "%1 has not signed, sealed or thumbprinted yet"), (_party,)),
    # 履行 and 回访
    (re.compile("协议没有列出履行事项.*"),
     QT_TRANSLATE_NOOP("Findings", "The agreement lists nothing to perform (how, by when)"), ()),
    (re.compile(f"第{_N}项履行缺少凭证（收条、转账记录等）"),
     QT_TRANSLATE_NOOP("Findings", "Obligation %1 has no proof of performance (a receipt, a "
                       "bank transfer...)"), (_same,)),
    (re.compile(f"第{_N}项履行期限已到，未记录履行情况"),
     QT_TRANSLATE_NOOP("Findings", "Obligation %1 is due, but its performance is not "
                       "recorded"), (_same,)),
    (re.compile("尚未进行回访|尚无回访记录"),
     QT_TRANSLATE_NOOP("Findings", "No follow-up visit yet"), ()),
    (re.compile(f"回访已逾期（应于{_D}前）"),
     QT_TRANSLATE_NOOP("Findings", "The follow-up visit is overdue (due by %1)"), (_date,)),
    (re.compile("回访不及时"),
     QT_TRANSLATE_NOOP("Findings", "The follow-up visit was late"), ()),
    (re.compile(f"第{_N}次回访记录未经回访人签名"),
     QT_TRANSLATE_NOOP("Findings", "Follow-up record %1 is not signed by the visitor"),
     (_same,)),
    (re.compile("回访记录未写明协议是否履行"),
     QT_TRANSLATE_NOOP("Findings", "The follow-up record does not say whether the agreement "
                       "was performed"), ()),
    # 司法确认
    (re.compile("司法确认尚无人民法院的裁定结果"),
     QT_TRANSLATE_NOOP("Findings", "The court has not ruled on the judicial confirmation "
                       "yet"), ()),
    (re.compile("没有调解协议，不能申请司法确认"),
     QT_TRANSLATE_NOOP("Findings", "There is no mediation agreement to confirm"), ()),
    (re.compile("口头协议不能申请司法确认，需先制作书面调解协议"),
     QT_TRANSLATE_NOOP("Findings", "A court does not confirm an oral agreement: make a "
                       "written agreement first"), ()),
    (re.compile("协议涉及(.+)，人民法院不予司法确认"),
     QT_TRANSLATE_NOOP("Findings", "The agreement concerns %1, which a court does not "
                       "confirm"), (_matter,)),
    (re.compile("尚未录入司法确认申请"),
     QT_TRANSLATE_NOOP("Findings", "No application for judicial confirmation has been "
                       "entered"), ()),
    (re.compile("申请日期早于协议生效日期"),
     QT_TRANSLATE_NOOP("Findings", "The application is dated before the agreement took "
                       "effect"), ()),
    (re.compile(f"已超过协议生效之日起{_N}日的申请期限（最后一日为{_D}）"),
     QT_TRANSLATE_NOOP("Findings", "The %1-day window after the agreement took effect has "
                       "passed (the last day was %2)"), (_same, _date)),
    (re.compile("受理法院不符：本案应向(.+)申请"),
     QT_TRANSLATE_NOOP("Findings", "Wrong court: this case goes to %1"), (_courts,)),
    (re.compile("请填写受理申请的人民法院"),
     QT_TRANSLATE_NOOP("Findings", "Enter the court that receives the application"), ()),
    (re.compile("裁定日期早于申请日期"),
     QT_TRANSLATE_NOOP("Findings", "The ruling is dated before the application"), ()),
    (re.compile("调解协议尚未生效（签名、盖章未齐）"),
     QT_TRANSLATE_NOOP("Findings", "The agreement has not taken effect yet (signatures or "
                       "seal missing)"), ()),
    (re.compile(f"{_P}未参加共同申请"),
     QT_TRANSLATE_NOOP("Findings", "%1 has not joined the application"), (_party,)),
    # 归档 and the case's course
    (re.compile("卷宗中的人民调解协议书仍是未定稿的草稿.*"),
     QT_TRANSLATE_NOOP("Findings", "The agreement in the dossier is still a draft: finalise "
                       "it (signed and sealed, or its scan) before archiving"), ()),
    (re.compile("请选择卷宗保管期限"),
     QT_TRANSLATE_NOOP("Findings", "Choose how long the dossier is kept"), ()),
    (re.compile(f"须先经过{_Q}阶段"),
     QT_TRANSLATE_NOOP("Findings", "The case must first go through “%1”"), (_status,)),
    (re.compile("案件已归档，不能再变更状态"),
     QT_TRANSLATE_NOOP("Findings", "The case is archived: its status can no longer change"),
     ()),
    (re.compile(f"案件已经是{_Q}状态"),
     QT_TRANSLATE_NOOP("Findings", "The case is already “%1”"), (_status,)),
    (re.compile(f"案件不能从{_Q}退回或转为{_Q}"),
     QT_TRANSLATE_NOOP("Findings", "The case cannot go back from “%1” or change to “%2”"),
     (_status, _status)),
)


def message(text: str) -> str:
    """A finding's (or a court blocker's) Chinese sentence, in the desk's language."""
    if labels.chinese():
        return text
    for pattern, english, converts in _WORDINGS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        out = QCoreApplication.translate(CONTEXT, str(english))
        for i, (convert, part) in enumerate(zip(converts, m.groups(), strict=True), start=1):
            out = out.replace(f"%{i}", convert(part))
        return out
    return text


def finding(f: Finding) -> str:
    return message(f.message)
