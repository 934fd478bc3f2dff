"""The report's words in the desk's language: figures, units, dates, breakdown rows.

The domain writes each figure once, in Chinese (:mod:`mediator.domain.statistics`),
for the forms a studio hands upward; the PDF, the .xlsx and the printed report
stay that Chinese form.  On screen the desk speaks its own language, so every
word of the report comes through here: an English source with tr(), whose
Chinese (in TRANSLATIONS_zh_CN.md) is the domain's own text, word for word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mediator.domain.case_facts import BodyType
from mediator.domain.statistics import Basis, Dimension, Period
from mediator.services.statistics import Report
from mediator.ui import labels as ui_labels
from mediator.ui.labels import Labels


def figure_name(code: str) -> str:
    return {
        "accepted": QCoreApplication.translate("StatisticsNames", "Disputes accepted"),
        "people": QCoreApplication.translate("StatisticsNames", "People involved"),
        "group": QCoreApplication.translate("StatisticsNames", "Group disputes"),
        "closed": QCoreApplication.translate("StatisticsNames", "Cases closed"),
        "succeeded": QCoreApplication.translate("StatisticsNames", "Mediated successfully"),
        "terminated": QCoreApplication.translate("StatisticsNames", "Mediation failed"),
        "success_rate": QCoreApplication.translate("StatisticsNames", "Success rate"),
        "amount": QCoreApplication.translate("StatisticsNames", "Amount covered by agreements"),
        "prevented_criminal": QCoreApplication.translate(
            "StatisticsNames", "Civil turned criminal prevented (cases)"
        ),
        "prevented_criminal_people": QCoreApplication.translate(
            "StatisticsNames", "Civil turned criminal prevented (people)"
        ),
        "prevented_petition": QCoreApplication.translate(
            "StatisticsNames", "Group petitions prevented (cases)"
        ),
        "prevented_petition_people": QCoreApplication.translate(
            "StatisticsNames", "Group petitions prevented (people)"
        ),
        "prevented_fight": QCoreApplication.translate(
            "StatisticsNames", "Group fights prevented (cases)"
        ),
        "prevented_fight_people": QCoreApplication.translate(
            "StatisticsNames", "Group fights prevented (people)"
        ),
        "prevented_suicide": QCoreApplication.translate(
            "StatisticsNames", "Suicides prevented (cases)"
        ),
        "prevented_suicide_people": QCoreApplication.translate(
            "StatisticsNames", "Suicides prevented (people)"
        ),
        "grade_simple": QCoreApplication.translate("StatisticsNames", "Simple cases"),
        "grade_ordinary": QCoreApplication.translate("StatisticsNames", "Ordinary cases"),
        "grade_major": QCoreApplication.translate("StatisticsNames", "Major or difficult cases"),
        "performed": QCoreApplication.translate("StatisticsNames", "Agreements performed"),
        "confirmed": QCoreApplication.translate("StatisticsNames", "Judicial confirmations"),
        "screenings": QCoreApplication.translate("StatisticsNames", "Screening visits"),
        "disputes_found": QCoreApplication.translate(
            "StatisticsNames", "Disputes found by screening"
        ),
        "disputes_prevented": QCoreApplication.translate(
            "StatisticsNames", "Disputes settled by screening"
        ),
    }[code]


def unit_name(code: str) -> str:
    """The unit a figure is shown in (the amount: in yuan, not fen)."""
    if code == "amount":
        return QCoreApplication.translate("StatisticsNames", "yuan")
    if code == "success_rate":
        return "%"
    if code in ("people",) or code.endswith("_people"):
        return QCoreApplication.translate("StatisticsNames", "people")
    if code == "screenings":
        return QCoreApplication.translate("StatisticsNames", "visits")
    return QCoreApplication.translate("StatisticsNames", "cases")


def basis_name(basis: Basis) -> str:
    return {
        Basis.REGISTERED: QCoreApplication.translate("StatisticsNames", "Date accepted"),
        Basis.CLOSED: QCoreApplication.translate("StatisticsNames", "Date closed"),
        Basis.PERFORMED: QCoreApplication.translate("StatisticsNames", "Date performed"),
        Basis.CONFIRMED: QCoreApplication.translate("StatisticsNames", "Date of the ruling"),
        Basis.SCREENED: QCoreApplication.translate("StatisticsNames", "Date of the visit"),
    }[basis]


def definition(code: str) -> str:
    """统计口径: how a figure is counted, and by which date."""
    return {
        "accepted": QCoreApplication.translate(
            "StatisticsNames",
            "Cases whose date of acceptance is in the period (cases refused are not counted).",
        ),
        "people": QCoreApplication.translate(
            "StatisticsNames",
            "The people involved in the cases accepted; where not stated, the "
            "parties (not their agents) are counted.",
        ),
        "group": QCoreApplication.translate(
            "StatisticsNames",
            "Cases accepted that involve 10 people or more or are marked as group disputes.",
        ),
        "closed": QCoreApplication.translate(
            "StatisticsNames",
            "Cases mediated successfully plus cases where mediation failed "
            "(terminated), by the date they closed.",
        ),
        "succeeded": QCoreApplication.translate(
            "StatisticsNames",
            "Cases with a written or oral agreement that were not terminated, by "
            "the date the agreement was reached (the date closed).",
        ),
        "terminated": QCoreApplication.translate(
            "StatisticsNames",
            "Cases whose mediation was terminated, by the date of termination (the date closed).",
        ),
        "success_rate": QCoreApplication.translate(
            "StatisticsNames",
            "Cases mediated successfully ÷ cases closed × 100, over the same "
            "period and by the same date closed.",
        ),
        "amount": QCoreApplication.translate(
            "StatisticsNames",
            "The amounts of the agreements (addenda excluded) of the cases mediated "
            "successfully, by the date closed.",
        ),
        "prevented_criminal": QCoreApplication.translate(
            "StatisticsNames",
            "Cases closed that record a civil dispute kept from turning "
            "criminal, by the date closed.",
        ),
        "prevented_criminal_people": QCoreApplication.translate(
            "StatisticsNames",
            "The people involved where a civil dispute was kept from turning criminal, in "
            "the cases closed, by the date closed.",
        ),
        "prevented_petition": QCoreApplication.translate(
            "StatisticsNames",
            "Cases closed that record a group petition prevented, by the date closed.",
        ),
        "prevented_petition_people": QCoreApplication.translate(
            "StatisticsNames",
            "The people involved where a group petition was prevented, in the cases closed, by "
            "the date closed.",
        ),
        "prevented_fight": QCoreApplication.translate(
            "StatisticsNames",
            "Cases closed that record a group fight prevented, by the date closed.",
        ),
        "prevented_fight_people": QCoreApplication.translate(
            "StatisticsNames",
            "The people involved where a group fight was prevented, in the cases closed, by "
            "the date closed.",
        ),
        "prevented_suicide": QCoreApplication.translate(
            "StatisticsNames", "Cases closed that record a suicide prevented, by the date closed."
        ),
        "prevented_suicide_people": QCoreApplication.translate(
            "StatisticsNames",
            "The people involved where a suicide was prevented, in the cases closed, by "
            "the date closed.",
        ),
        "grade_simple": QCoreApplication.translate(
            "StatisticsNames",
            "Cases closed graded simple (cases without statistics facts count as simple).",
        ),
        "grade_ordinary": QCoreApplication.translate(
            "StatisticsNames", "Cases closed graded ordinary."
        ),
        "grade_major": QCoreApplication.translate(
            "StatisticsNames", "Cases closed graded major or difficult."
        ),
        "performed": QCoreApplication.translate(
            "StatisticsNames",
            "Cases whose obligations are all performed, by the date the last was "
            "performed; an agreement without listed obligations, by the date a "
            "follow-up found it performed.",
        ),
        "confirmed": QCoreApplication.translate(
            "StatisticsNames",
            "Cases whose agreement a people's court confirmed as valid, by the date of the ruling.",
        ),
        "screenings": QCoreApplication.translate(
            "StatisticsNames", "Screening visits whose date is in the period."
        ),
        "disputes_found": QCoreApplication.translate(
            "StatisticsNames", "The disputes found on the screening visits."
        ),
        "disputes_prevented": QCoreApplication.translate(
            "StatisticsNames",
            "The disputes settled (prevented) on the spot during the screening visits.",
        ),
    }[code]


def dimension_label(dim: Dimension) -> str:
    """By what a breakdown is cut."""
    return {
        Dimension.DISPUTE_TYPE: QCoreApplication.translate("Statistics", "Dispute type"),
        Dimension.SOURCE: QCoreApplication.translate("Statistics", "Source"),
        Dimension.MONTH: QCoreApplication.translate("Statistics", "Month"),
        Dimension.MEDIATOR: QCoreApplication.translate("Statistics", "Mediator"),
        Dimension.BODY_TYPE: QCoreApplication.translate("Statistics", "Mediating body"),
    }[dim]


def total_name() -> str:
    return QCoreApplication.translate("StatisticsNames", "Total")


def period_name(period: Period) -> str:
    """The period as the desk says it: the report's own label in Chinese, dates in English."""
    if ui_labels.chinese():
        return period.label
    return f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"


def row_name(report: Report, dim: Dimension, key: str, labels: Labels | None) -> str:
    """One row of a breakdown: a dispute type, source, month, mediator or kind of body."""
    if key == "":
        return "—"
    if dim is Dimension.DISPUTE_TYPE and labels is not None:
        return labels.dispute_type(key)
    if dim is Dimension.SOURCE and labels is not None:
        return labels.case_source(key)
    if dim is Dimension.MONTH and not ui_labels.chinese():
        return key  # 2026-03
    if dim is Dimension.BODY_TYPE:
        try:
            return ui_labels.body_type(BodyType(key))
        except ValueError:
            return key
    return report.labels.get(dim, {}).get(key, key)  # a mediator's name; a Chinese month
