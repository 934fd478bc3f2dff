"""What the full-text index holds of a case: one definition for every writer.

Registration (:mod:`~mediator.services.case_writes`), a correction
(:mod:`~mediator.services.corrections`), the ledger import, the demo generator and
a sync pull all index a case the same way, so a search finds it whoever wrote it.
It sits below them all (no import of any service), so none of them imports
another to reach it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class PartyText(Protocol):
    """The searchable details of a party (an ORM row, a dict-backed view, an input)."""

    name: str
    id_number: str
    phone: str
    address: str
    representative: str


def searchable_fields(case_no: str, summary: str, requests: Sequence[object],
                      referral_note: str, parties: Sequence[PartyText]) -> list[str]:
    """What the full-text index covers: case number, names, ID numbers, phones,
    addresses and the facts (纠纷简要情况, 申请事项)."""
    fields = [case_no, summary, *[str(r) for r in requests], referral_note]
    for p in parties:
        fields += [p.name, p.id_number, p.phone, p.phone.replace("-", ""), p.address,
                   p.representative]
    return fields
