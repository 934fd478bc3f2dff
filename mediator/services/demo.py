"""Realistic sample cases for trying the app and for benchmarks (``mediator demo``).

Neighbourhood disputes as a Foshan studio sees them: water leaking through a
ceiling, noise, parking, pets, property fees, support of elderly parents,
wage arrears, traffic-accident compensation.  Names include rare characters
(珺, 㙟, 𠮷); ID numbers are valid (checksum, Foshan region codes) but made up.
Deterministic for a seed and a given "today": the same seed gives the same
cases, numbers and even the same UUIDs.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from mediator.domain.idcard import make_citizen_id
from mediator.domain.status import CaseStatus, PartyKind, PartyRole, Sex
from mediator.services.case_writes import take_case_number
from mediator.services.demo_statistics import statistics_records
from mediator.services.documents.blobs import put_blob
from mediator.services.search_fields import searchable_fields
from mediator.store import audit, search
from mediator.store.models import (
    Agreement,
    Attachment,
    Case,
    CaseParty,
    FollowUp,
    InvestigationRecord,
    OutboxEntry,
    Party,
    SessionRecord,
    utcnow,
)
from mediator.store.workflow_models import (
    AgreementDetail,
    CasePartyFile,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
    Payment,
    RecordSignoff,
)

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

SURNAMES = "陈李黄张梁何林罗谭冯邓吴周麦叶刘关区潘苏杨郭欧阳司徒"
GIVEN = ["伟明", "丽华", "志强", "秀英", "嘉欣", "国栋", "美玲", "子健", "婉婷", "建华",
         "珺", "玉珍", "浩然", "晓彤", "锦泉", "㙟生", "𠮷祥", "凤娟", "永康", "少芬", "俊杰",
         "淑仪", "家豪", "惠珍", "珺怡", "振华", "翠屏", "耀祖"]
COMPOUND = ("欧阳", "司徒")
DISTRICTS = [  # region code, district, streets
    ("440604", "禅城区", ["祖庙街道", "石湾镇街道", "张槎街道", "南庄镇"]),
    ("440605", "南海区", ["桂城街道", "大沥镇", "里水镇", "狮山镇", "西樵镇"]),
    ("440606", "顺德区", ["大良街道", "容桂街道", "伦教街道", "北滘镇", "乐从镇"]),
    ("440607", "三水区", ["西南街道", "云东海街道", "白坭镇"]),
    ("440608", "高明区", ["荷城街道", "杨和镇", "明城镇"]),
]
COMMUNITIES = ["海三路", "南海大道", "季华路", "魁奇路", "文华北路", "汾江中路", "佛平路",
               "桂澜路", "天佑城", "东平路", "碧桂路", "绿岛湖"]
ESTATES = ["怡翠花园", "万科金域华府", "中海金沙湾", "保利花园", "碧桂园", "金地九珑璧",
           "雅居乐花园", "美的君兰", "新城花园", "荔园小区"]
COMPANIES = ["佛山市桂城物业管理有限公司", "佛山市南海区恒达五金制品厂", "佛山市顺德区美家家具有限公司",
             "佛山市禅城区顺捷物流有限公司", "佛山市三水区宏利建材有限公司"]
OCCUPATIONS = ["个体户", "工人", "退休", "司机", "教师", "务农", "职员", "无业", "厨师", "保安"]


@dataclass(frozen=True)
class Scenario:
    dispute_type: str
    summary: str  # {a} applicant, {b} respondent, {addr} address, {n} an amount
    requests: tuple[str, ...]
    org_respondent: bool = False


SCENARIOS = [
    Scenario("neighbour", "申请人{a}居住在{addr}，楼上住户{b}家卫生间防水层老化，自今年起多次漏水，"
             "造成申请人家中天花板发霉、墙面脱落、木地板起拱。申请人多次上门协商未果，双方发生争吵。",
             ("请求被申请人修复卫生间防水层，停止漏水", "请求被申请人赔偿装修损失{n}元")),
    Scenario("neighbour", "申请人{a}反映，邻居{b}长期在夜间十一点后大声播放音乐、搬动家具，噪音严重影响"
             "申请人一家休息，老人和小孩夜不能寐。双方多次口角，物业劝说无效。",
             ("请求被申请人晚上十点后停止制造噪音", "请求被申请人当面道歉")),
    Scenario("neighbour", "{a}与{b}系同一小区住户，因{b}长期将私家车停放在{a}的车位前，阻挡出入，"
             "双方为停车问题多次争执，并险些发生肢体冲突。",
             ("请求被申请人不再占用通道停车",)),
    Scenario("neighbour", "申请人{a}晨练时被被申请人{b}饲养的未拴绳犬只咬伤小腿，已在医院注射狂犬疫苗并"
             "治疗，花费医疗费等共计{n}元，双方对赔偿数额有争议。",
             ("请求被申请人赔偿医疗费、误工费共{n}元", "请求被申请人今后遛狗拴绳")),
    Scenario("property_management", "申请人{a}（物业服务企业）称业主{b}自去年起拖欠物业管理费共计{n}元；"
             "业主{b}认为小区电梯经常故障、绿化无人打理，物业服务不到位，拒绝缴费。",
             ("请求被申请人缴纳拖欠的物业管理费{n}元", "请求确认物业费的缴纳方式和期限"),
             org_respondent=True),
    Scenario("marriage_family", "申请人{a}年逾七旬，体弱多病，与{child}{b}因赡养问题产生矛盾。{b}以工作繁忙"
             "为由，近一年未支付赡养费，也很少探望。申请人生活困难，请求调解。",
             ("请求被申请人每月支付赡养费{n}元", "请求被申请人定期探望照料")),
    Scenario("labour", "申请人{a}在被申请人{b}处从事搬运工作，双方未签订书面劳动合同。申请人离职时，"
             "被申请人拖欠三个月工资共计{n}元未付，申请人多次追讨无果。",
             ("请求被申请人支付拖欠工资{n}元",), org_respondent=True),
    Scenario("traffic_accident", "{b}驾驶小型轿车在{addr}路口右转时，与骑电动自行车的{a}发生碰撞，"
             "致{a}左腿骨折。交警认定{b}负主要责任，双方就医疗费、误工费等赔偿数额协商不成。",
             ("请求被申请人赔偿医疗费、误工费、护理费等共计{n}元",)),
]

STATUS_WEIGHTS = [
    (CaseStatus.REGISTERED, 14), (CaseStatus.NOTIFIED, 8), (CaseStatus.INVESTIGATING, 6),
    (CaseStatus.MEDIATING, 12), (CaseStatus.AGREED, 14), (CaseStatus.PERFORMING, 8),
    (CaseStatus.FOLLOWED_UP, 8), (CaseStatus.CONFIRMING, 2), (CaseStatus.ARCHIVED, 18),
    (CaseStatus.TERMINATED, 7), (CaseStatus.REFUSED, 3),
]
SOURCE_WEIGHTS = [("party_application", 60), ("committee_initiative", 10),
                  ("police_referral", 10), ("court_entrusted", 6), ("grid_worker", 8),
                  ("hotline_12345", 6)]
REFERRERS = {"police_referral": "佛山市公安局南海分局桂城派出所移交",
             "court_entrusted": "佛山市南海区人民法院委托调解",
             "hotline_12345": "12345政务服务热线转办工单"}


ORIGINAL_KIND = "agreement_original"  # = services.documents.finalise.ORIGINAL_KIND


def _sample_scan() -> bytes:
    """A one-page PDF standing for the scan of a signed agreement in archived demo
    cases (the same file for all: blobs are stored once by content)."""
    text = b"BT /F1 18 Tf 72 720 Td (Demo data: scan of the signed agreement) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


DEMO_SCAN = _sample_scan()


class _Rng(random.Random):
    def uuid7(self, day: dt.date) -> str:
        ms = int(dt.datetime.combine(day, dt.time(9), dt.UTC).timestamp() * 1000)
        ms += self.randrange(8 * 3600 * 1000)
        value = (ms << 80) | (0x7 << 76) | (self.getrandbits(12) << 64) | (0b10 << 62)
        return str(uuid.UUID(int=value | self.getrandbits(62)))

    def weighted(self, pairs: list[tuple[Any, int]]) -> Any:
        return self.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def _person(rng: _Rng, studio_id: str, today: dt.date, ages: tuple[int, int] = (20, 80)
            ) -> dict[str, Any]:
    surname = rng.choice(COMPOUND) if rng.random() < 0.03 else rng.choice(SURNAMES[:22])
    name = surname + rng.choice(GIVEN)
    region, district, streets = rng.choice(DISTRICTS)
    birth = today - dt.timedelta(days=rng.randrange(ages[0] * 365, ages[1] * 365))
    seq = rng.randrange(1000)
    return {
        "id": rng.uuid7(today), "studio_id": studio_id, "kind": PartyKind.PERSON.value,
        "name": name, "sex": (Sex.MALE if seq % 2 else Sex.FEMALE).value, "ethnicity": "汉族",
        "birth_date": birth, "id_number": make_citizen_id(region, birth, seq),
        "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        "address": f"广东省佛山市{district}{rng.choice(streets)}{rng.choice(COMMUNITIES)}"
                   f"{rng.choice(ESTATES)}{rng.randrange(1, 30)}座{rng.randrange(2, 33)}"
                   f"{rng.randrange(1, 9):02d}房",
        "occupation": rng.choice(OCCUPATIONS), "representative": "", "representative_title": "",
    }


def _company(rng: _Rng, studio_id: str, today: dt.date) -> dict[str, Any]:
    rep = _person(rng, studio_id, today)
    return {
        "id": rng.uuid7(today), "studio_id": studio_id, "kind": PartyKind.ORGANISATION.value,
        "name": rng.choice(COMPANIES), "sex": None, "ethnicity": "", "birth_date": None,
        "id_number": "", "phone": f"0757-{rng.randrange(80000000, 89999999)}",
        "address": rep["address"].split("座")[0].rsplit("小区", 1)[0] + "商务楼",
        "occupation": "", "representative": rep["name"], "representative_title": "经理",
    }


def _cases(rng: _Rng, n: int, studio_id: str, today: dt.date) -> Iterator[dict[str, Any]]:
    for _ in range(n):
        sc = rng.choice(SCENARIOS)
        day = today - dt.timedelta(days=int(rng.triangular(0, 730, 30)))
        # The facts name the parties by role: the parent claiming support is over 70 when
        # the case is registered (up to two years ago), the child an adult a generation
        # younger, 儿子 or 女儿 as the party's sex says.
        family = sc.dispute_type == "marriage_family"
        a = _person(rng, studio_id, today, (72, 88) if family else (20, 80))
        b = (_company(rng, studio_id, today) if sc.org_respondent
             else _person(rng, studio_id, today, (30, 50) if family else (20, 80)))
        if sc.dispute_type == "property_management":  # the owner owes; the company applies
            a, b = b, a
        amount = rng.choice([800, 1500, 3200, 5000, 8600, 12000, 26000, 48000])
        fmt = {"a": a["name"], "b": b["name"], "addr": a["address"], "n": amount,
               "child": "儿子" if b.get("sex") == Sex.MALE.value else "女儿"}
        source = rng.weighted(SOURCE_WEIGHTS)
        status = rng.weighted(STATUS_WEIGHTS)
        reason = {CaseStatus.REFUSED: "纠纷已由人民法院受理，依法不予受理。",
                  CaseStatus.TERMINATED: "经多次调解，双方对赔偿数额分歧较大，调解不成；已告知当事人"
                                         "可依法向人民法院起诉。"}.get(status, "")
        yield {
            "case": {"id": rng.uuid7(day), "studio_id": studio_id, "status": status.value,
                     "dispute_type": sc.dispute_type, "source": source,
                     "summary": sc.summary.format(**fmt),
                     "requests": [r.format(**fmt) for r in sc.requests],
                     "registered_on": day, "referral_note": REFERRERS.get(source, ""),
                     "status_reason": reason,
                     "retention_class": "30y" if status is CaseStatus.ARCHIVED else ""},
            "parties": [(PartyRole.APPLICANT, a), (PartyRole.RESPONDENT, b)],
        }


def generate(ws: Workspace, cases: int = 200, seed: int = 1,
             today: dt.date | None = None, *, records: bool = True) -> int:
    """Add ``cases`` sample cases in one transaction; returns how many were added.

    Each case comes with the records of its stage (notices, sessions, agreements,
    performance, follow-ups, terminations, refusals, archive data); ``records=False``
    leaves them out where only the case list matters (list and search benchmarks).
    """
    today = today or dt.date.today()
    studio, mediator = ws.studio.context()
    rng = _Rng(seed)
    flow = _Rng(f"{seed}-workflow")  # a stream of its own: names stay as they were
    made = list(_cases(rng, cases, studio.id, today))
    for item in made:
        c = item["case"]
        c["registered_on"] = _coherent_day(flow, CaseStatus(c["status"]), c["registered_on"],
                                           today)
    batch = sorted(made, key=lambda c: (c["case"]["registered_on"], c["case"]["id"]))
    scan = (put_blob(ws.data_dir, DEMO_SCAN), len(DEMO_SCAN)) if records else ("", 0)
    now = utcnow()
    with ws.db.write() as s:
        for item in batch:
            c = item["case"]
            year = c["registered_on"].year
            # The one numbering rule (counter, or the blocks the server leased to an
            # enrolled PC), so demo cases never collide with another PC's numbers.
            seq, case_no = take_case_number(s, studio.id, studio.case_prefix, year)
            c.update(year=year, seq=seq, mediator_id=mediator.id, case_no=case_no,
                     created_at=now, updated_at=now, version=0, deleted=False, legal_hold=False)
        conn = s.connection()
        _bulk_insert(conn, Case, [item["case"] for item in batch])
        new_ids = {item["case"]["id"] for item in batch}
        local = {cid: lid for cid, lid in conn.execute(select(Case.id, Case.local_id))
                 if cid in new_ids}
        parties, links, texts, outbox = [], [], [], []
        for item in batch:
            c = item["case"]
            case_parties = []
            for pos, (role, given) in enumerate(item["parties"]):
                p = {**given, "version": 0, "updated_at": now, "deleted": False}
                parties.append(p)
                case_parties.append(p)
                links.append({"id": rng.uuid7(c["registered_on"]), "studio_id": studio.id,
                              "case_id": c["id"], "party_id": p["id"], "role": role.value,
                              "position": pos, "represents_id": None, "version": 0,
                              "updated_at": now, "deleted": False})
                outbox.append({"entity": "party", "entity_id": p["id"], "op": "upsert",
                               "created_at": now})
            texts.append((local[c["id"]], searchable_fields(
                c["case_no"], c["summary"], c["requests"], c["referral_note"],
                [SimpleNamespace(**p) for p in case_parties])))
            outbox.append({"entity": "case", "entity_id": c["id"], "op": "upsert",
                           "created_at": now})
        _bulk_insert(conn, Party, parties)
        _bulk_insert(conn, CaseParty, links)
        outbox += [{"entity": "case_party", "entity_id": lk["id"], "op": "upsert",
                    "created_at": now} for lk in links]
        made_records = workflow_records(flow, batch, links, studio_id=studio.id,
                                        mediator_name=mediator.name, today=today,
                                        now=now, scan=scan) if records else {}
        if records:
            made_records.update(statistics_records(seed, batch, studio_id=studio.id,
                                                   mediator_id=mediator.id, today=today,
                                                   now=now))
        for model, rows in made_records.items():
            if rows:
                _bulk_insert(conn, model, rows)
                outbox += [{"entity": model.__tablename__, "entity_id": r["id"], "op": "upsert",
                            "created_at": now} for r in rows]
        _bulk_insert(conn, OutboxEntry, outbox)
        search.bulk_insert_case_text(conn, texts)
        audit.record(s, studio_id=studio.id, actor=mediator.id, action="demo.generate",
                     detail={"cases": len(batch), "seed": seed})
    return len(batch)


def _bulk_insert(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` many rows through the driver's executemany.

    Values are converted once per column by the columns' own bind processors (the
    same conversion SQLAlchemy applies, so the stored data is identical), without
    SQLAlchemy's per-row statement bookkeeping, which dominated at 100 000 cases.
    """
    if not rows:
        return
    table = model.__table__
    keys = list(rows[0])
    cols = [table.c[k] for k in keys]
    procs = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in cols]
    names = ", ".join(f'"{c.name}"' for c in cols)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})'
    params = [tuple(v if p is None or v is None else p(v)
                    for p, v in zip(procs, (r[k] for k in keys), strict=True)) for r in rows]
    conn.exec_driver_sql(sql, params)


# ------------------------------------------------------------------ lifecycle records
S = CaseStatus
_OPEN = {S.REGISTERED, S.NOTIFIED, S.INVESTIGATING, S.MEDIATING}
_AGREED = {S.AGREED, S.PERFORMING, S.CONFIRMING}
_TERMINATION_REASON = "经多次调解，双方对赔偿数额分歧较大，调解不成；已告知当事人可依法向人民法院起诉。"
_ROUTES = ["向人民法院起诉"]


def _coherent_day(flow: _Rng, status: CaseStatus, day: dt.date, today: dt.date) -> dt.date:
    """A registration date that fits the stage the case has reached by ``today``.

    Cases still in mediation are recent (a studio concludes within a month); an
    agreed case waits for its performance date; closed ones are older.  So the
    demo's deadlines and completeness report look like a studio that keeps up.
    """
    if status in _OPEN:
        return today - dt.timedelta(days=flow.randrange(0, 25))
    if status in _AGREED:
        return today - dt.timedelta(days=flow.randrange(6, 12))
    if status is S.FOLLOWED_UP:
        return today - dt.timedelta(days=flow.randrange(40, 70))
    return min(day, today - dt.timedelta(days=60))


def _utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    # 01:30 UTC is 09:30 in China: the same calendar day in any studio's time zone east of UTC.
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def workflow_records(flow: _Rng, batch: list[dict[str, Any]], links: list[dict[str, Any]], *,
                     studio_id: str, mediator_name: str, today: dt.date,
                     now: dt.datetime, scan: tuple[str, int] = ("", 0)
                     ) -> dict[Any, list[dict[str, Any]]]:
    """The records each demo case has by its stage: notices, investigation and session
    records, agreements with obligations and payments, follow-ups, terminations,
    refusals, judicial applications and archive data — complete for the stage.  An
    archived case's written agreement is final, with ``scan`` (sha256, size: the
    sample scan of the signed paper) in its dossier, as archiving requires."""
    out: dict[Any, list[dict[str, Any]]] = {m: [] for m in (
        CaseWorkflow, CasePartyFile, InvestigationRecord, SessionRecord, RecordSignoff,
        Agreement, AgreementDetail, Obligation, Payment, FollowUp, JudicialApplication,
        Attachment)}
    sync = {"studio_id": studio_id, "version": 0, "updated_at": now, "deleted": False}
    by_case: dict[str, list[str]] = {}
    for lk in links:
        by_case.setdefault(lk["case_id"], []).append(lk["id"])

    def row(model: Any, day: dt.date, **values: Any) -> dict[str, Any]:
        r = {"id": flow.uuid7(day), **sync, **values}
        out[model].append(r)
        return r

    for item in batch:
        c = item["case"]
        status, reg, cid = CaseStatus(c["status"]), c["registered_on"], c["id"]
        parties = by_case[cid]
        refused = status is S.REFUSED
        archived_failed = status is S.ARCHIVED and flow.random() < 0.25
        failed = status is S.TERMINATED or archived_failed
        wf = row(CaseWorkflow, reg, case_id=cid, written_application=True, status_matters=[],
                 refused_on=None, refusal_reason="", terminated_on=None, termination_reason="",
                 routes_explained=[], archived_on=None)
        notified = status not in (S.REGISTERED, S.REFUSED)
        for pid in parties:
            row(CasePartyFile, reg, case_id=cid, case_party_id=pid,
                notice_acknowledged_on=reg + dt.timedelta(days=1) if notified else None,
                identity_proof=True, power_of_attorney=False, agent_powers=[])
        if refused:
            wf.update(refused_on=reg + dt.timedelta(days=1), refusal_reason=c["status_reason"])
            continue
        if status is S.REGISTERED or status is S.NOTIFIED:
            continue
        if status is S.INVESTIGATING or flow.random() < 0.3:
            inv = row(InvestigationRecord, reg, case_id=cid, held_at=_utc(reg + dt.timedelta(days=2), 6),
                      place="纠纷现场", investigator=mediator_name, interviewee="物业管理处工作人员",
                      recorder=mediator_name,
                      content=[{"q": "纠纷发生的经过如何？", "a": "据了解，双方因此事争执已有一段时间。"}])
            row(RecordSignoff, reg, case_id=cid, record_kind="investigation", record_id=inv["id"],
                signed_on=reg + dt.timedelta(days=2))
        if status is S.INVESTIGATING:
            continue
        session_day = reg + dt.timedelta(days=3)
        ses = row(SessionRecord, reg, case_id=cid, held_at=_utc(session_day, 1, 30),
                  place="人民调解工作室", subject="调解" + c["summary"][:20], participants="",
                  is_public=True, privacy_consent="",
                  statements=[{"party_id": pid, "text": "陈述了事实和要求。"} for pid in parties],
                  evidence="双方提交的照片、票据已当场核对。",
                  risk_warning="已告知协商不成可依法向人民法院起诉，诉讼需时较长并有费用。",
                  result="双方意见分歧较大。" if failed else "双方同意按调解方案解决。",
                  recorder=mediator_name)
        row(RecordSignoff, reg, case_id=cid, record_kind="session", record_id=ses["id"],
            signed_on=session_day)
        if status is S.MEDIATING:
            continue
        if failed:
            wf.update(terminated_on=reg + dt.timedelta(days=6),
                      termination_reason=c["status_reason"] or _TERMINATION_REASON,
                      routes_explained=_ROUTES)
            if archived_failed:
                wf["archived_on"] = min(today, reg + dt.timedelta(days=10))
            continue
        reached = reg + dt.timedelta(days=5)
        oral = status is not S.CONFIRMING and flow.random() < 0.15
        fen = flow.choice([50000, 120000, 320000, 860000])
        ag = row(Agreement, reached, case_id=cid, kind="oral" if oral else "written",
                 facts=c["summary"], terms=[r + "，双方协商一致。" for r in c["requests"]],
                 performance_method="银行转账或现金支付，按期履行。", performance_deadline=None,
                 amount_fen=fen, copies=len(parties) + 1,
                 # An archived file holds the signed agreement (定稿), as archiving requires.
                 status="final" if status is S.ARCHIVED and not oral else "draft",
                 effective_on=reached,
                 signed_blob=None)
        if status is S.ARCHIVED and not oral and scan[0]:
            row(Attachment, reached, case_id=cid, sha256=scan[0], size=scan[1],
                filename=f"{ag['id'][:8]}-signed-original.pdf", mime="application/pdf",
                kind=ORIGINAL_KIND, created_at=now)
        row(AgreementDetail, reached, case_id=cid, agreement_id=ag["id"], reached_on=reached,
            signature_slots=parties, signed_by=parties, mediator_signed=True,
            recorder_signed=True, sealed=True, completed_on=reached, proofread=True,
            acknowledged_terms=["compensation"], recorder=mediator_name)
        due = reached + dt.timedelta(days=14)
        ag["performance_deadline"] = due
        performed = status not in (S.AGREED, S.CONFIRMING)
        ob = row(Obligation, reached, case_id=cid, agreement_id=ag["id"], position=1,
                 description="按协议支付款项", obligor_id=parties[-1], amount_fen=fen, due=due,
                 performed_on=due - dt.timedelta(days=2) if performed else None)
        if performed:
            row(Payment, reached, case_id=cid, obligation_id=ob["id"],
                paid_on=due - dt.timedelta(days=2), amount_fen=fen, method="银行转账", note="",
                proof_attachment_id=None)
        if status is S.CONFIRMING:
            row(JudicialApplication, reached, case_id=cid, applied_on=reached + dt.timedelta(days=3),
                court_basis="inviting_court" if c["source"] == "court_entrusted"
                else "committee_location", court="佛山市南海区人民法院",
                applicants=parties, decided_on=None, confirmed=None, ruling_no="")
        if status in (S.FOLLOWED_UP, S.ARCHIVED):
            visit = row(FollowUp, reached, case_id=cid, visited_on=due + dt.timedelta(days=5),
                        performed=True, satisfaction="satisfied", lawsuit="", escalation="",
                        measures="", visitor=mediator_name)
            row(RecordSignoff, reached, case_id=cid, record_kind="follow_up",
                record_id=visit["id"], signed_on=due + dt.timedelta(days=5))
        if status is S.ARCHIVED:
            wf["archived_on"] = min(today, due + dt.timedelta(days=8))
    return out
