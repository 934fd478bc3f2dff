"""授权委托书 — a party appoints an agent; the powers granted are ticked boxes."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import AuthorisationInput, Power
from mediator.documents.renderers.common import case_no_line, party_table

TITLE = "授权委托书"
TICKED, UNTICKED = "☑", "☐"


def story(doc: AuthorisationInput) -> list[Flowable]:
    principal = doc.case.parties[doc.principal_index]
    agent = doc.agent
    matter = f"与{'、'.join(p.name for p in doc.case.parties if p is not principal)}" \
             f"之间的{doc.case.dispute_type}人民调解"
    parts: list[Flowable] = [
        styles.Title(TITLE),
        case_no_line(doc.case.case_no),
        styles.gap(2),
        styles.para("委托人：", styles.HEADING),
        party_table([principal]),
        styles.gap(2),
        styles.para("受托人：", styles.HEADING),
        party_table([agent]),
        styles.gap(3),
        styles.para(clauses.text("authorisation_body", agent=agent.name, matter=matter)),
    ]
    parts += [styles.para(f"{TICKED if p in doc.powers else UNTICKED} {p.value}", styles.NUMBERED)
              for p in Power]
    parts += [
        styles.labelled("委托期限", doc.term),
        styles.gap(3),
        blocks.signature_grid(
            [*blocks.party_signer(principal, doc.principal_signature),
             blocks.Signer(f"受托人：{agent.name}（签名）", doc.agent_signature)],
            date_line=styles.fmt_date(doc.date)),
    ]
    return parts


def render(doc: AuthorisationInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
