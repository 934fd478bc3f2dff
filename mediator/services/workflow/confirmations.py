"""用语校对 confirmations made on the outcome form, remembered for the finalise wizard.

On the outcome form the mediator runs the terminology check and ticks the
warnings whose word is meant as written (e.g. 赔偿 where liability is admitted).
Asking the same question again in the finalise wizard wastes an older
mediator's time and teaches him to tick without reading; so each tick is kept
here and the wizard leaves out the warnings already confirmed.

A confirmation is tied to the words it was given for: the rule's code plus a
fingerprint of the text it was found in (one term, the facts or the
performance method).  Changing that text changes the fingerprint, and the
warning is asked again; an unchanged term keeps its confirmation even when
another term is edited or the terms are renumbered.

Kept in the local Draft table (kind ``term-confirmations``, key = case id),
beside the form's other unsaved input: like the signatures collected before
finalising, it is working state of this PC, not part of the synced record
(the synced agreement detail records the proofread itself, once it is done).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy.orm import Session

from mediator.store.models import Draft

DRAFT_KIND = "term-confirmations"
MAX_CONFIRMATIONS = 500  # a draft of 100 terms with several warnings each; no more


def fingerprint(text: str) -> str:
    """The words of ``text`` (whitespace and Unicode form aside), hashed: short, no text."""
    words = "".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:24]


def load(s: Session, case_id: str) -> frozenset[tuple[str, str]]:
    """The (rule code, text fingerprint) pairs confirmed for the case's agreement."""
    draft = s.get(Draft, (DRAFT_KIND, case_id))
    items = (draft.payload or {}).get("confirmed", []) if draft is not None else []
    return frozenset((str(i[0]), str(i[1])) for i in items
                     if isinstance(i, list | tuple) and len(i) == 2)


def store(s: Session, case_id: str, confirmed: Iterable[tuple[str, str]],
          withdrawn: Iterable[tuple[str, str]] = ()) -> frozenset[tuple[str, str]]:
    """Add ``confirmed`` and drop ``withdrawn`` (an unticked box); returns the new set."""
    current = set(load(s, case_id)) - set(withdrawn)
    current |= set(confirmed)
    kept = sorted(current)[:MAX_CONFIRMATIONS]
    payload: dict[str, Any] = {"confirmed": [list(pair) for pair in kept]}
    draft = s.get(Draft, (DRAFT_KIND, case_id))
    if draft is None:
        s.add(Draft(kind=DRAFT_KIND, key=case_id, payload=payload))
    else:
        draft.payload = payload
    return frozenset(kept)


def is_confirmed(confirmed: frozenset[tuple[str, str]], code: str, text: str) -> bool:
    """Was the warning ``code`` confirmed for exactly this ``text``?"""
    return (code, fingerprint(text)) in confirmed


def place_text(facts: str, terms: list[str], performance: str, where: str, index: int) -> str:
    """The text a warning was found in: the facts, term ``index`` (from 1) or the
    performance method."""
    if where == "term":
        return terms[index - 1] if 0 < index <= len(terms) else ""
    return facts if where == "facts" else performance


def with_confirmed(warnings: Iterable[tuple[str, str]], confirmed: frozenset[tuple[str, str]],
                   acknowledged: Collection[str]) -> set[str]:
    """The rule codes to count as acknowledged: those ticked now, plus those confirmed
    on the form for every text they were flagged in that is not ticked now.

    ``warnings``: (rule code, text of its place) of each acknowledgeable warning.  A
    rule confirmed for one term is not thereby confirmed for another term that still
    carries the word unconfirmed.
    """
    items = list(warnings)
    unticked = {code for code, text in items
                if code not in acknowledged and not is_confirmed(confirmed, code, text)}
    done = {code for code, text in items if is_confirmed(confirmed, code, text)}
    return set(acknowledged) | (done - unticked)
