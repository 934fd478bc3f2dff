"""The per-case facts the district statistics count (``district_case_fact``), kept
up to date from the studios' feeds.

Before a report, :func:`refresh` takes in what each studio synced since its
cursor: the cases those feed rows touch (a case row, or an agreement, agreement
detail or workflow row naming its case) are computed again from their JSON rows,
in one ``INSERT … SELECT`` per studio — by index, case by case, so a day's syncs
cost milliseconds and the first refresh of a large district some minutes once.

The facts carry the desktop's rules (:mod:`mediator.domain.statistics`):
``closed_on``/``outcome`` — the workflow's termination date (调解不成) if it has
one; else, for a case in a success status with an agreement (written or oral; an
addendum is none), the earliest date an agreement was reached (its detail's
``reached_on``, else its ``effective_on``) (调解成功); else not closed.  ``fen``: the
agreements' amounts.  Deleted cases have no facts.

``district_day_total`` (what a district-wide report sums: per day, each studio's
and each dispute type's counts) moves with the facts in the same transaction:
the touched cases' old facts are subtracted before they are deleted and the new
ones added once inserted (:func:`day_delta`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from mediator.domain.status import CaseStatus

SUCCESS_STATUSES = tuple(s.value for s in (
    CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOWED_UP, CaseStatus.CONFIRMING,
    CaseStatus.ARCHIVED))
AGREEMENT_KINDS = ("written", "oral")
ENTITIES = ("case", "agreement", "agreement_detail", "case_workflow")


class _Json:
    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def j(self, alias: str, key: str) -> str:
        # A literal key: the expression indexes (0004, 0005) match only that.
        if self.pg:
            return f"({alias}.data ->> '{key}')"
        return f"json_extract({alias}.data, '$.{key}')"

    def live(self, alias: str, entity: str) -> str:
        if self.pg:
            return f"{alias}.entity = '{entity}' AND {alias}.deleted = false"
        # The same terms as the partial indexes of 0005 (so SQLite uses them): a
        # malformed row stored by an older server is left out, never an error.
        return (f"{alias}.entity = '{entity}' AND {alias}.deleted = 0 "
                f"AND json_valid({alias}.data)")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"  # our constants only


def _statements(dialect: str) -> tuple[str, str, str, str]:
    """(delete the touched cases' facts, insert them case by case, insert a whole
    studio's, the touched cases' facts as a condition on ``f``) for one studio.
    Case by case: each case's agreements and workflow by index (a day's syncs);
    whole studio: its agreements and workflows aggregated once and joined (the
    first refresh)."""
    q = _Json(dialect)
    j, live = q.j, q.live
    case_of = f"CASE WHEN t.entity = 'case' THEN t.id ELSE {j('t', 'case_id')} END"
    touched = (f"SELECT DISTINCT {case_of} FROM row t WHERE t.studio_id = :studio_id "
               f"AND t.seq > :after AND t.entity IN {_in(ENTITIES)}"
               + ("" if q.pg else " AND json_valid(t.data)"))
    # PostgreSQL: the touched ids as an array, looked up by primary key (as IN it
    # may scan the studio's facts, estimating the subquery wrongly).
    wanted = f"= ANY(ARRAY({touched}))" if q.pg else f"IN ({touched})"
    delete = (f"DELETE FROM district_case_fact WHERE studio_id = :studio_id "
              f"AND case_id {wanted}")
    reached = f"COALESCE({j('d', 'reached_on')}, {j('a', 'effective_on')})"
    amount = f"COALESCE(CAST({j('a', 'amount_fen')} AS BIGINT), 0)"
    agreements = (f"FROM row a LEFT JOIN row d ON d.studio_id = a.studio_id "
                  f"AND {live('d', 'agreement_detail')} AND {j('d', 'agreement_id')} = a.id "
                  f"WHERE {live('a', 'agreement')} AND {j('a', 'kind')} IN {_in(AGREEMENT_KINDS)}")
    of_case = f"a.studio_id = c.studio_id AND {j('a', 'case_id')} = c.id"
    case_cols = (f"c.studio_id AS studio_id, c.id AS case_id, "
                 f"COALESCE({j('c', 'case_no')}, '') AS case_no, "
                 f"COALESCE({j('c', 'dispute_type')}, '') AS dispute_type, "
                 f"COALESCE({j('c', 'status')}, '') AS status, "
                 f"COALESCE({j('c', 'registered_on')}, '') AS registered_on, "
                 f"CASE WHEN {j('c', 'status')} IN {_in(SUCCESS_STATUSES)} "
                 f"THEN 1 ELSE 0 END AS succeeded")
    case_where = f"WHERE c.studio_id = :studio_id AND {live('c', 'case')}"
    cases = f"FROM row c {case_where}"
    # The subquery is computed once per case, not inlined into each CASE below
    # (PostgreSQL would run a correlated subquery once per mention).
    fence = " OFFSET 0" if q.pg else " LIMIT -1 OFFSET 0"
    few = (f"SELECT {case_cols}, "
           f"(SELECT MIN({reached}) {agreements} AND {of_case}) AS agreed_on, "
           f"(SELECT SUM({amount}) {agreements} AND {of_case}) AS fen, "
           f"(SELECT MAX({j('w', 'terminated_on')}) FROM row w "
           f"WHERE w.studio_id = c.studio_id AND {j('w', 'case_id')} = c.id "
           f"AND {live('w', 'case_workflow')}) AS terminated_on "
           f"{cases} AND c.id IN ({touched}){fence}")
    whole = (f"SELECT {case_cols}, g.agreed_on, g.fen, w.terminated_on FROM row c "
             f"LEFT JOIN (SELECT a.studio_id AS studio_id, {j('a', 'case_id')} AS case_id, "
             f"MIN({reached}) AS agreed_on, SUM({amount}) AS fen {agreements} "
             f"AND a.studio_id = :studio_id GROUP BY a.studio_id, {j('a', 'case_id')}) g "
             f"ON g.studio_id = c.studio_id AND g.case_id = c.id "
             f"LEFT JOIN (SELECT w.studio_id AS studio_id, {j('w', 'case_id')} AS case_id, "
             f"MAX({j('w', 'terminated_on')}) AS terminated_on FROM row w "
             f"WHERE w.studio_id = :studio_id AND {live('w', 'case_workflow')} "
             f"GROUP BY w.studio_id, {j('w', 'case_id')}) w "
             f"ON w.studio_id = c.studio_id AND w.case_id = c.id "
             f"{case_where}")

    def insert(source: str) -> str:
        return (
            "INSERT INTO district_case_fact (studio_id, case_id, case_no, dispute_type, "
            "status, registered_on, outcome, closed_on, fen) "
            "SELECT studio_id, case_id, case_no, dispute_type, status, registered_on, "
            "CASE WHEN terminated_on IS NOT NULL THEN 'terminated' "
            "WHEN agreed_on IS NOT NULL AND succeeded = 1 THEN 'succeeded' ELSE '' END, "
            "CASE WHEN terminated_on IS NOT NULL THEN terminated_on "
            "WHEN agreed_on IS NOT NULL AND succeeded = 1 THEN agreed_on END, "
            "CASE WHEN terminated_on IS NULL AND agreed_on IS NOT NULL AND succeeded = 1 "
            f"THEN COALESCE(fen, 0) ELSE 0 END FROM ({source}) x")

    of_touched = f"f.studio_id = :studio_id AND f.case_id {wanted}"
    return delete, insert(few), insert(whole), of_touched


def day_delta(sign: int, where: str) -> str:
    """Add (``sign`` 1) or subtract (-1) the facts ``where`` selects to the per-day
    totals: each fact counts on its registration day (accepted, unless refused)
    and, if closed, on its closing day (closed, outcome, amount), once under its
    studio (``dim`` 's') and once under its dispute type ('t').  The same rules as
    the reports over the facts (mediator.server.stats), so the sums agree."""
    sign = 1 if sign > 0 else -1
    return (
        "INSERT INTO district_day_total (dim, day, key, accepted, closed, succeeded, "
        f"terminated, fen) SELECT dim, day, key, {sign} * SUM(accepted), "
        f"{sign} * SUM(closed), {sign} * SUM(succeeded), {sign} * SUM(terminated), "
        f"{sign} * SUM(fen) FROM (SELECT d.dim AS dim, "
        "CASE WHEN s.side = 'r' THEN f.registered_on ELSE f.closed_on END AS day, "
        "CASE WHEN d.dim = 's' THEN f.studio_id ELSE f.dispute_type END AS key, "
        "CASE WHEN s.side = 'r' AND f.status <> 'refused' THEN 1 ELSE 0 END AS accepted, "
        "CASE WHEN s.side = 'c' THEN 1 ELSE 0 END AS closed, "
        "CASE WHEN s.side = 'c' AND f.outcome = 'succeeded' THEN 1 ELSE 0 END AS succeeded, "
        "CASE WHEN s.side = 'c' AND f.outcome = 'terminated' THEN 1 ELSE 0 END AS terminated, "
        "CASE WHEN s.side = 'c' THEN f.fen ELSE 0 END AS fen "
        "FROM district_case_fact f "
        "CROSS JOIN (SELECT 's' AS dim UNION ALL SELECT 't') d "
        "CROSS JOIN (SELECT 'r' AS side UNION ALL SELECT 'c') s "
        f"WHERE ({where}) AND (s.side = 'r' OR f.closed_on IS NOT NULL)) x "
        "GROUP BY dim, day, key "
        "ON CONFLICT (dim, day, key) DO UPDATE SET "
        "accepted = district_day_total.accepted + excluded.accepted, "
        "closed = district_day_total.closed + excluded.closed, "
        "succeeded = district_day_total.succeeded + excluded.succeeded, "
        "terminated = district_day_total.terminated + excluded.terminated, "
        "fen = district_day_total.fen + excluded.fen")


def refresh(conn: Connection) -> int:
    """Take in every studio's feed since its cursor (in the caller's write
    transaction); returns how many studios had news."""
    delete, insert_few, insert_whole, touched_facts = _statements(conn.dialect.name)
    pg = conn.dialect.name == "postgresql"
    if pg:
        # Several server processes may refresh at once.  The per-type day totals
        # are shared by all studios: two refreshes upserting them in different
        # orders could deadlock, so one refresh at a time (the others then find
        # the cursors moved and have little or nothing left to do).
        conn.execute(text("SELECT pg_advisory_xact_lock(4242002)"))
    behind = conn.execute(text(
        "SELECT s.id, s.feed_seq, COALESCE(f.seq, -1) FROM studio s "
        "LEFT JOIN district_fact_cursor f ON f.studio_id = s.id "
        "WHERE f.seq IS NULL OR f.seq < s.feed_seq ORDER BY s.id")).all()  # lock order
    done = 0
    for studio_id, feed_seq, cursor in behind:
        after = cursor
        if pg:
            # Several server processes may refresh at once: one studio at a time.
            conn.execute(text("INSERT INTO district_fact_cursor (studio_id, seq) "
                              "VALUES (:s, -1) ON CONFLICT DO NOTHING"), {"s": studio_id})
            after = conn.execute(text("SELECT seq FROM district_fact_cursor "
                                      "WHERE studio_id = :s FOR UPDATE"),
                                 {"s": studio_id}).scalar_one()
            if after >= feed_seq:
                continue
        params: dict[str, Any] = {"studio_id": studio_id, "after": after}
        if after < 0:  # nothing taken in yet: the whole studio, set-wise
            everything = "f.studio_id = :studio_id"
            conn.execute(text(day_delta(-1, everything)), params)
            conn.execute(text("DELETE FROM district_case_fact WHERE studio_id = :studio_id"),
                         params)
            conn.execute(text(insert_whole), params)
            conn.execute(text(day_delta(+1, everything)), params)
        else:
            conn.execute(text(day_delta(-1, touched_facts)), params)
            conn.execute(text(delete), params)
            conn.execute(text(insert_few), params)
            conn.execute(text(day_delta(+1, touched_facts)), params)
        conn.execute(text("DELETE FROM district_fact_cursor WHERE studio_id = :s"),
                     {"s": studio_id})
        conn.execute(text("INSERT INTO district_fact_cursor (studio_id, seq) VALUES (:s, :q)"),
                     {"s": studio_id, "q": feed_seq})
        done += 1
    if pg and any(cursor < 0 for _s, _f, cursor in behind):
        # Fresh facts: give the planner their statistics now, not at autovacuum's turn.
        conn.execute(text("ANALYZE district_case_fact"))
        conn.execute(text("ANALYZE district_day_total"))
    return done
