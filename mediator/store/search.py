"""Chinese full-text search over cases, for queries of any length from one character.

Two FTS5 indexes over the same text (table ``case_search``, one row per case):

* ``case_fts`` uses the *trigram* tokenizer: any substring of three or more
  characters (Chinese, digits of an ID number or phone, a case number) is an
  indexed lookup.  Trigram matches nothing below three characters, and most
  Chinese words are two (漏水, 噪音, 欠薪) — hence:
* ``case_fts_uni`` holds the same text with a space between every CJK character,
  tokenized by ``unicode61``: each Chinese character is a token, so a one- or
  two-character query is a one-token lookup or a two-token *phrase* query
  ("漏 水": adjacent tokens), both index lookups.  Runs of digits and Latin
  letters stay whole tokens there, so a short digit query is a prefix query.

Terms of six or more characters (ID numbers, phone numbers, long phrases) are
looked up by their non-overlapping trigrams ANDed, then checked exactly with
``instr`` on the stored text: digit trigrams are common, and a phrase would
walk every overlapping one.

We never use LIKE on a trigram column: on SQLite 3.40 a 1–2 character LIKE there
silently returns no rows.  Results come back newest first (rowid order), capped
at :data:`MAX_RESULTS`; the caller orders them for display.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

# A search shows at most this many hits (the newest); more words narrow it down.
MAX_RESULTS = 2000
# Terms this long are looked up by non-overlapping trigrams plus an exact check.
LONG_TERM = 6

# CJK ideographs (URO, Ext A-F, compatibility, plane 2-3), kana and CJK punctuation
# get a space around them in the unigram body.
_CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
)
_CJK_CHAR = re.compile(f"([{_CJK}])")
_SPACES = re.compile(r"\s+")
_UNIGRAM_TOKEN = re.compile(f"[{_CJK}]|[^{_CJK}\\s]+")


def normalise(value: str) -> str:
    """NFKC (full-width digits and letters to half-width), lower case, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip().lower()


def unigram_body(value: str) -> str:
    """Put every CJK character in its own token for the unicode61 index.

    One findall (each CJK character, or a run of anything else but spaces) joined
    by spaces: the same text as spacing out each CJK character with a template
    substitution, at a fraction of the cost when indexing many cases."""
    return " ".join(_UNIGRAM_TOKEN.findall(value))


def build_body(fields: Iterable[str]) -> tuple[str, str]:
    """The (trigram body, unigram body) of a case from its searchable fields."""
    # U+E000 (private use) separates fields: unicode61 makes it a token of its own, so
    # neither index matches a phrase or a trigram across two fields.
    body = " \ue000 ".join(normalise(f) for f in fields if f)
    return body, unigram_body(body)


def upsert_case_text(conn: Connection, local_id: int, fields: Iterable[str]) -> None:
    from sqlalchemy import text  # noqa: PLC0415 - keeps the read path ORM-free

    body, body_uni = build_body(fields)
    conn.execute(
        text(
            "INSERT INTO case_search(local_id, body, body_uni) VALUES (:id, :b, :u) "
            "ON CONFLICT(local_id) DO UPDATE SET body=excluded.body, body_uni=excluded.body_uni"
        ),
        {"id": local_id, "b": body, "u": body_uni},
    )


def bulk_insert_case_text(conn: Connection, rows: Sequence[tuple[int, Iterable[str]]]) -> None:
    from sqlalchemy import text  # noqa: PLC0415 - keeps the read path ORM-free

    params = []
    for local_id, fields in rows:
        body, body_uni = build_body(fields)
        params.append({"id": local_id, "b": body, "u": body_uni})
    if params:
        conn.execute(
            text("INSERT INTO case_search(local_id, body, body_uni) VALUES (:id, :b, :u)"),
            params,
        )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term_query(term: str, name: str) -> tuple[str, dict[str, object], bool]:
    """(SQL selecting matching local_ids as ``rowid``, its parameters, whether the SQL
    reads the FTS table directly) for one search term."""
    if len(term) >= LONG_TERM:
        # A long term as a phrase walks one doclist per overlapping trigram (16 for an
        # ID number, and digit trigrams are common).  Non-overlapping trigrams ANDed
        # find the few candidates; instr() on the stored text keeps the exact meaning.
        grams = [term[i:i + 3] for i in range(0, len(term) - 2, 3)]
        if len(term) % 3:
            grams.append(term[-3:])
        expr = " AND ".join(_quote(g) for g in grams)
        sql = (f"SELECT f.rowid AS rowid FROM case_fts f JOIN case_search s "
               f"ON s.local_id = f.rowid WHERE case_fts MATCH :{name} "
               f"AND instr(s.body, :{name}_raw) > 0")
        return sql, {name: expr, f"{name}_raw": term}, False
    if len(term) >= 3:
        sql = f"SELECT rowid FROM case_fts WHERE case_fts MATCH :{name}"
        return sql, {name: _quote(term)}, True
    tokens = unigram_body(term).split(" ")
    sql = f"SELECT rowid FROM case_fts_uni WHERE case_fts_uni MATCH :{name}"
    if all(_CJK_CHAR.fullmatch(t) for t in tokens):
        # One or two CJK characters: a token, or a phrase of adjacent tokens.
        return sql, {name: _quote(" ".join(tokens))}, True
    # A short digit/Latin term (or mixed): prefix of a token ("12" matches 12345...).
    parts = [_quote(t) + ("*" if not _CJK_CHAR.fullmatch(t) else "") for t in tokens]
    return sql, {name: " ".join(parts)}, True


def search_terms(query: str) -> list[str]:
    return [t for t in normalise(query).split(" ") if t and t != '"']


def match_query(query: str, limit: int = MAX_RESULTS) -> tuple[str, dict[str, object]] | None:
    """SQL selecting the local ids matching every whitespace-separated term of
    ``query`` (newest first, at most ``limit``), with its parameters; ``None`` for
    an empty query (meaning "no text filter").  Usable as a sub-query."""
    terms = search_terms(query)
    if not terms:
        return None
    selects = []
    params: dict[str, object] = {"fts_limit": limit}
    direct = False
    for i, term in enumerate(terms):
        sql, term_params, direct = _term_query(term, f"fts_q{i}")
        selects.append(sql)
        params |= term_params
    if len(selects) == 1 and direct:
        # Directly on the FTS table, so FTS5 walks its doclist backwards and stops early.
        return selects[0] + " ORDER BY rowid DESC LIMIT :fts_limit", params
    joined = " INTERSECT ".join(selects)
    return f"SELECT rowid FROM ({joined}) ORDER BY rowid DESC LIMIT :fts_limit", params


def matching_ids(conn: Connection, query: str, limit: int = MAX_RESULTS) -> list[int] | None:
    """Local ids of cases matching every term of ``query``, newest first (None: no filter)."""
    from sqlalchemy import text  # noqa: PLC0415 - keeps the read path ORM-free

    built = match_query(query, limit)
    if built is None:
        return None
    sql, params = built
    return [int(r[0]) for r in conn.execute(text(sql), params)]


def like_scan_ids(conn: Connection, query: str, limit: int = MAX_RESULTS) -> list[int]:
    """The naive baseline (a LIKE scan over the stored text), for benchmarks only."""
    from sqlalchemy import text  # noqa: PLC0415 - keeps the read path ORM-free

    pattern = "%" + normalise(query).replace("\\", "\\\\").replace("%", "\\%") + "%"
    rows = conn.execute(
        text(
            "SELECT local_id FROM case_search WHERE body LIKE :p ESCAPE '\\' "
            "ORDER BY local_id DESC LIMIT :limit"
        ),
        {"p": pattern, "limit": limit},
    )
    return [int(r[0]) for r in rows]
