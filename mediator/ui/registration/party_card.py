"""当事人 — one party of the case, as a card on the registration page.

A card edits one :class:`~mediator.services.dto.PartyInput`: a natural person
(自然人) with the fields of the application form (姓名, 性别, 民族, 出生日期/年龄,
身份证号码, 联系电话, 单位或住址, 职业或职务), or an organisation (单位) with its
法定代表人/负责人 and title.  An agent (代理人) also says which party they act for.

Fields that do not apply to the chosen kind are hidden, not cleared: switching
自然人 → 单位 by mistake and back loses nothing.  Only what applies goes into the
``PartyInput``.

Typing a valid ID number fills sex and birth date and says so beneath the
field, since that is what the mediator would otherwise copy by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.status import (
    PARTY_ROLE_LABELS_ZH,
    PartyKind,
    PartyRole,
    RepresentativeRole,
    Sex,
)
from mediator.services.dto import PartyInput
from mediator.ui import labels, theme
from mediator.ui.registration import checks, party_data, party_layout
from mediator.ui.registration.fields import (
    ERROR_COLOUR,
    FieldBox,
    field_label,
    format_date,
    on_leave,
    parse_date_text,
    set_text_colour,
)
from mediator.ui.theme import Role, mark

DEFAULT_ETHNICITY = "汉族"

# Sub-fields of "parties[i].<name>" that this card can point at.
FIELD_NAMES = (
    "role", "kind", "name", "sex", "ethnicity", "birth_date", "id_number", "phone",
    "address", "occupation", "representative", "representative_title", "representative_role",
    "represents", "power_of_attorney",
)  # fmt: skip


class PartyCard(QFrame):
    """Editor of one party; the page owns the list of cards."""

    changed = Signal()  # any edit: the page schedules an autosave
    identity_changed = Signal()  # name, role or kind: other cards' "acts for" lists change
    remove_requested = Signal(object)  # this card

    def __init__(
        self,
        ethnicities: list[str],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._represented: PartyCard | None = None
        self._filling = False  # set while the ID number fills other fields
        self._columns = 2  # pairs of label and field a row (party_layout)
        self.setObjectName("partyCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)

        outer = self._outer = QVBoxLayout(self)
        outer.addLayout(self._build_header())
        self._grid = QGridLayout()
        self._apply_spacing()
        outer.addLayout(self._grid)
        self._build_fields(ethnicities)
        self.card_error = QLabel(self)  # problems about the party as a whole
        self.card_error.setWordWrap(True)
        set_text_colour(self.card_error, ERROR_COLOUR)
        self.card_error.hide()
        outer.addWidget(self.card_error)
        self._connect()
        self._apply_kind_and_role()

    def _apply_spacing(self) -> None:
        """Margins and gaps from the theme: they grow with the type size."""
        space = theme.current().space
        self._outer.setContentsMargins(space("group"), space("normal") + space("tight"),
                                       space("group"), space("normal") + space("tight"))
        self._outer.setSpacing(space("normal"))
        self._grid.setHorizontalSpacing(space("group"))
        self._grid.setVerticalSpacing(space("normal"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            self._apply_spacing()
            self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Two pairs of fields a row if every field then shows its hint, else one."""
        m = self._outer.contentsMargins()
        columns = 2 if party_layout.two_columns_fit(
            self.width(), self._grid, self.labels, self.boxes, m.left() + m.right()) else 1
        if columns != self._columns:
            self._columns = columns
            party_layout.place(self._grid, self.labels, self.boxes, columns)

    # ================================================================ building
    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(12)
        self.title = QLabel(self)
        mark(self.title, Role.SECTION)
        header.addWidget(self.title)
        header.addSpacing(12)

        self.role = QComboBox(self)
        for role, text in (
            (PartyRole.APPLICANT, self.tr("Applicant")),
            (PartyRole.RESPONDENT, self.tr("Respondent")),
            (PartyRole.THIRD_PARTY, self.tr("Third party")),
            (PartyRole.AGENT, self.tr("Agent")),
        ):
            self.role.addItem(text, role.value)
        header.addWidget(_inline_label(self.tr("Role:"), self.role, self))
        header.addWidget(self.role)

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Person"), PartyKind.PERSON.value)
        self.kind.addItem(self.tr("Organisation"), PartyKind.ORGANISATION.value)
        header.addWidget(_inline_label(self.tr("Type:"), self.kind, self))
        header.addWidget(self.kind)
        header.addStretch(1)

        self.remove_button = QPushButton(self.tr("Remove this party"), self)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        header.addWidget(self.remove_button)
        return header

    def _build_fields(self, ethnicities: list[str]) -> None:
        self.name = QLineEdit(self)
        self.sex = QComboBox(self)
        self.sex.addItem(self.tr("(choose)"), "")
        self.sex.addItem(self.tr("Male"), Sex.MALE.value)
        self.sex.addItem(self.tr("Female"), Sex.FEMALE.value)
        self.ethnicity = QComboBox(self)
        self.ethnicity.setEditable(True)
        self.ethnicity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_ethnicities(ethnicities)
        self.birth_date = QLineEdit(self)
        self.birth_date.setPlaceholderText(self.tr("e.g. 1965-03-08"))
        self.age = QLabel(self)
        self.age.setMinimumWidth(70)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(22)  # 18 digits plus a few stray spaces
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.address = QLineEdit(self)
        self.occupation = QLineEdit(self)
        self.representative = QLineEdit(self)
        self.representative_title = QLineEdit(self)
        self.representative_title.setPlaceholderText(self.tr("e.g. Manager"))
        # The office the documents print as the row label (法定代表人 / 主要负责人).
        self.representative_role = QComboBox(self)
        self.representative_role.addItem(self.tr("Legal representative"),
                                         RepresentativeRole.LEGAL.value)
        self.representative_role.addItem(self.tr("Principal officer (unincorporated body)"),
                                         RepresentativeRole.PRINCIPAL.value)
        self.represents = QComboBox(self)
        # An agent acts on a 授权委托书; its powers are ticked later, at 告知.
        self.power_of_attorney = QCheckBox(self.tr("Handed in"), self)

        self.boxes: dict[str, FieldBox] = {
            "name": FieldBox(self.name, self),
            "sex": FieldBox(self.sex, self),
            "ethnicity": FieldBox(self.ethnicity, self),
            "birth_date": FieldBox(self.birth_date, self, beside=[self.age]),
            "id_number": FieldBox(self.id_number, self),
            "phone": FieldBox(self.phone, self),
            "address": FieldBox(self.address, self),
            "occupation": FieldBox(self.occupation, self),
            "representative": FieldBox(self.representative, self),
            "representative_title": FieldBox(self.representative_title, self),
            "representative_role": FieldBox(self.representative_role, self),
            "represents": FieldBox(self.represents, self),
            "power_of_attorney": FieldBox(self.power_of_attorney, self),
        }
        b = self.boxes
        self.labels: dict[str, QLabel] = {
            key: field_label("", box.editor, self) for key, box in b.items()
        }
        party_layout.place(self._grid, self.labels, b, self._columns)
        self._set_static_labels()

    def _set_static_labels(self) -> None:
        self.labels["sex"].setText(self.tr("Sex"))
        self.labels["ethnicity"].setText(self.tr("Ethnicity"))
        self.labels["birth_date"].setText(self.tr("Date of birth"))
        self.labels["phone"].setText(self.tr("Phone"))
        self.labels["occupation"].setText(self.tr("Occupation or post"))
        self.labels["representative"].setText(self.tr("Legal representative *"))
        self.labels["representative_title"].setText(self.tr("Their post"))
        self.labels["representative_role"].setText(self.tr("Acts as"))
        self.labels["represents"].setText(self.tr("Acts for *"))
        self.labels["power_of_attorney"].setText(self.tr("Power of attorney"))

    def focus_order(self) -> list[QWidget]:
        """Reading order (left to right, row by row); removing the card comes last."""
        return [self.role, self.kind, self.represents, self.name, self.sex,
                self.representative, self.representative_title, self.ethnicity,
                self.birth_date, self.id_number, self.phone, self.address, self.occupation,
                self.representative_role, self.power_of_attorney, self.remove_button]

    def _connect(self) -> None:
        for edit in (self.name, self.birth_date, self.id_number, self.phone, self.address,
                     self.occupation, self.representative, self.representative_title):
            edit.textChanged.connect(self.changed)
        for combo in (self.role, self.kind, self.sex, self.represents, self.representative_role):
            combo.currentIndexChanged.connect(self.changed)
        self.ethnicity.currentTextChanged.connect(self.changed)
        self.power_of_attorney.toggled.connect(self.changed)
        self.representative_role.currentIndexChanged.connect(self._name_office)
        self.name.textChanged.connect(self.identity_changed)
        self.role.currentIndexChanged.connect(self._apply_kind_and_role)
        self.kind.currentIndexChanged.connect(self._apply_kind_and_role)
        self.role.currentIndexChanged.connect(self.identity_changed)
        self.kind.currentIndexChanged.connect(self.identity_changed)
        self.represents.currentIndexChanged.connect(self._represents_picked)

        self.id_number.textChanged.connect(self._id_typed)
        self.birth_date.textChanged.connect(self._update_age)
        self.sex.currentIndexChanged.connect(lambda _i: self._sex_or_birth_edited())
        self.birth_date.textEdited.connect(lambda _t: self._sex_or_birth_edited())

        # Check on leaving a field; re-check while typing once a message shows,
        # so the red text goes away the moment the value is right.
        for key in ("name", "ethnicity", "birth_date", "id_number", "phone", "address",
                    "occupation", "representative", "representative_title"):
            box = self.boxes[key]
            on_leave(box.editor, self._checker(key))
            signal = (self.ethnicity.currentTextChanged if key == "ethnicity"
                      else box.editor.textChanged)  # type: ignore[attr-defined]
            signal.connect(lambda _t, key=key: self._recheck_if_flagged(key))

    # ============================================================ kind / role
    def current_role(self) -> PartyRole:
        return PartyRole(self.role.currentData())

    def current_kind(self) -> PartyKind:
        return PartyKind(self.kind.currentData())

    def _apply_kind_and_role(self) -> None:
        org = self.current_kind() is PartyKind.ORGANISATION
        agent = self.current_role() is PartyRole.AGENT
        self.labels["name"].setText(self.tr("Organisation name *") if org else self.tr("Name *"))
        self.labels["address"].setText(
            self.tr("Organisation address") if org else self.tr("Workplace or address")
        )
        self.name.setPlaceholderText(
            self.tr("Full registered name") if org else self.tr("As on the ID card")
        )
        self.labels["id_number"].setText(
            self.tr("Unified social credit code") if org else self.tr("ID number")
        )
        self.id_number.setPlaceholderText(
            self.tr("18 characters, on the business licence") if org
            else self.tr("18 digits; fills sex and birth date")
        )
        if org:
            self.boxes["id_number"].set_hint(None)
        person_only = ("sex", "ethnicity", "birth_date", "occupation")
        for key in person_only:
            self._show_field(key, not org)
        for key in ("representative", "representative_title", "representative_role"):
            self._show_field(key, org)
        self._show_field("represents", agent)
        self._show_field("power_of_attorney", agent)
        self._name_office()
        self._fit_columns()  # other fields, other hints

    def _name_office(self, *_args: object) -> None:
        """The representative's row is labelled with the office chosen under Acts as."""
        principal = self.representative_role.currentData() == RepresentativeRole.PRINCIPAL.value
        self.labels["representative"].setText(
            self.tr("Principal officer *") if principal else self.tr("Legal representative *"))

    def _show_field(self, key: str, visible: bool) -> None:
        self.boxes[key].setVisible(visible)
        self.labels[key].setVisible(visible)

    # ========================================================== agent target
    def set_represent_options(self, options: list[tuple[PartyCard, str]]) -> None:
        """The parties this card may act for (every other non-agent card)."""
        keep = self._represented
        self.represents.blockSignals(True)
        self.represents.clear()
        self.represents.addItem(self.tr("(choose the party)"), None)
        for card, label in options:
            self.represents.addItem(label, card)
        index = next((i for i in range(1, self.represents.count())
                      if self.represents.itemData(i) is keep), 0)
        self.represents.setCurrentIndex(index)
        self.represents.blockSignals(False)
        self._represented = self.represents.currentData()

    def represented_card(self) -> PartyCard | None:
        return self._represented

    def set_represented_card(self, card: PartyCard | None) -> None:
        self._represented = card
        for i in range(self.represents.count()):
            if self.represents.itemData(i) is card:
                self.represents.setCurrentIndex(i)
                return

    def _represents_picked(self, _index: int) -> None:
        self._represented = self.represents.currentData()
        if self._represented is not None:
            self.boxes["represents"].set_error(None)

    # ================================================================ numbers
    def set_number(self, number: int) -> None:
        self.title.setText(self.tr("Party %1").replace("%1", str(number)))
        self.setAccessibleName(self.title.text())

    def short_label(self, number: int) -> str:
        """"2. 被申请人 王某" — how other cards list this one."""
        role = self.role.currentText()
        name = self.name.text().strip() or self.tr("(no name yet)")
        return f"{number}. {role} {name}"

    # ======================================================== ID → sex, birth
    def _id_typed(self, text: str) -> None:
        if self._filling or self.current_kind() is PartyKind.ORGANISATION:
            return
        compact = checks.normalise_id_number(text)
        if len(compact) not in (15, 18):
            self.boxes["id_number"].set_hint(None)
            return
        message, facts = checks.check_id_number(compact, self._today())
        if facts is None:
            self.boxes["id_number"].set_hint(None)
            if message and self.boxes["id_number"].error():
                self.boxes["id_number"].set_error(message)
            return
        self._filling = True
        try:
            self.sex.setCurrentIndex(self.sex.findData(facts.sex.value))
            self.birth_date.setText(format_date(facts.birth_date))
        finally:
            self._filling = False
        self.boxes["id_number"].set_error(None)
        self.boxes["birth_date"].set_error(None)
        self.boxes["sex"].set_error(None)
        self.boxes["id_number"].set_hint(
            self.tr("Sex and date of birth were filled in from the ID number (age %1).")
            .replace("%1", str(facts.age))
        )

    def _sex_or_birth_edited(self) -> None:
        """A manual change after the auto-fill: the note is no longer the whole truth."""
        if not self._filling:
            self.boxes["id_number"].set_hint(None)

    def _update_age(self, text: str) -> None:
        try:
            birth = parse_date_text(text)
        except ValueError:
            birth = None
        today = self._today()
        if birth is None or birth > today:
            self.age.setText("")
        else:
            self.age.setText(self.tr("%1 years").replace("%1", str(checks.age_on(birth, today))))

    # ================================================================ checks
    def _checker(self, key: str) -> Callable[[], None]:
        def check() -> None:
            self.check_field(key)

        return check

    def _recheck_if_flagged(self, key: str) -> None:
        if self.boxes[key].error():
            self.check_field(key)

    def check_field(self, key: str, *, final: bool = False) -> str | None:
        """Check one field, show the result beside it and return the message.

        ``final`` (on 保存) also flags what is missing; while the mediator is
        still going through the form, an empty field is not yet an error.
        """
        message = self._field_problem(key, final=final)
        self.boxes[key].set_error(message)
        return message

    def _field_problem(self, key: str, *, final: bool) -> str | None:
        org = self.current_kind() is PartyKind.ORGANISATION
        if key == "name":
            value = self.name.text()
            if not value.strip() and not final:
                return None
            # The same words as the service's message, e.g. "请填写被申请人姓名".
            role = PARTY_ROLE_LABELS_ZH[self.current_role()]
            if org:
                return checks.check_org_name(value, label=f"{role}{checks.LABEL_ORG_NAME}")
            return checks.check_person_name(value, label=f"{role}{checks.LABEL_NAME}")
        if key == "id_number":
            if org:
                return checks.check_credit_code(self.id_number.text())
            message, _facts = checks.check_id_number(self.id_number.text(), self._today())
            return message
        if key == "phone":
            return checks.check_phone(self.phone.text())
        if key == "birth_date":
            return self._birth_problem()
        if key == "address":
            return checks.check_text(self.address.text(), label=checks.LABEL_ADDRESS,
                                     max_len=checks.ADDRESS_MAX)
        if key == "ethnicity":
            return checks.check_text(self.ethnicity_value(), label=checks.LABEL_ETHNICITY)
        if key == "occupation":
            return checks.check_text(self.occupation.text(), label=checks.LABEL_OCCUPATION)
        if key == "representative":
            value = self.representative.text()
            if not value.strip() and not final:
                return None
            return checks.check_person_name(value, label=checks.LABEL_REPRESENTATIVE)
        if key == "representative_title":
            return checks.check_text(self.representative_title.text(),
                                     label=checks.LABEL_REPRESENTATIVE_TITLE)
        if key == "represents":
            if final and self._represented is None:
                return self.tr("Please choose the party this agent acts for")
            return None
        return None

    def _birth_problem(self) -> str | None:
        try:
            birth = parse_date_text(self.birth_date.text())
        except ValueError:
            return self.tr("Date of birth is not a date; write it like 1965-03-08")
        if birth is None:
            return None
        if birth > self._today():
            return self.tr("Date of birth is in the future")
        _message, facts = checks.check_id_number(self.id_number.text(), self._today())
        if facts is not None and facts.birth_date != birth:
            return self.tr("Date of birth does not match the ID number")
        return None

    def warnings(self) -> list[tuple[str, str]]:
        """What may be saved but will be missing on the documents (an organisation's
        address or credit code the studio does not know yet), shown under the field."""
        org = self.current_kind() is PartyKind.ORGANISATION
        found: dict[str, str] = {}
        if org and not self.address.text().strip():
            found["address"] = self.tr(
                "Address not given: the documents will leave it blank. Correct the "
                "party's details when it is known.")
        if org and not self.id_number.text().strip():
            found["id_number"] = self.tr(
                "Unified social credit code not given: the documents will leave it "
                "blank. Correct the party's details when it is known.")
        self.boxes["address"].set_hint(found.get("address"))
        if org:  # a person's ID hint says what the number filled in: left alone
            self.boxes["id_number"].set_hint(found.get("id_number"))
        return list(found.items())

    def applicable_fields(self) -> list[str]:
        """The fields shown for this kind and role, in reading order."""
        return [key for key in FIELD_NAMES if key in self.boxes and not self.boxes[key].isHidden()]

    def check(self) -> list[tuple[str, str]]:
        """Every field's final check, as (field, message) — for 保存."""
        problems = []
        for key in self.applicable_fields():
            message = self.check_field(key, final=True)
            if message:
                problems.append((key, message))
        return problems

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.card_error.hide()
        self.card_error.clear()

    def show_problem(self, key: str, message: str) -> QWidget:
        """Show a service message at ``key``; returns the widget to focus."""
        box = self.boxes.get(key)
        if box is None or box.isHidden():
            text = self.card_error.text()
            self.card_error.setText(f"{text}\n{message}" if text else message)
            self.card_error.show()
            return self.name if box is None or box.isHidden() else box.editor
        box.set_error(message)
        return box.editor

    # ============================================================ data in/out
    def to_input(self, represents: int | None) -> PartyInput:
        """The ``PartyInput`` for the service; only fields of the chosen kind."""
        return party_data.to_input(self, represents)

    def to_payload(self, represents: int | None) -> dict[str, Any]:
        """Everything typed, also in hidden fields, for the draft."""
        return party_data.to_payload(self, represents)

    def load_payload(self, data: dict[str, Any]) -> None:
        """Restore a draft's party; unknown or missing keys fall back to defaults."""
        self._filling = True
        try:
            self._set_combo(self.role, str(data.get("role", PartyRole.APPLICANT.value)))
            self._set_combo(self.kind, str(data.get("kind", PartyKind.PERSON.value)))
            self._set_combo(self.sex, str(data.get("sex", "")))
            self._set_combo(self.representative_role,
                            str(data.get("representative_role", RepresentativeRole.LEGAL.value)))
            self.ethnicity.setEditText(
                labels.ethnicity(str(data.get("ethnicity", DEFAULT_ETHNICITY))))
            for key in ("name", "birth_date", "id_number", "phone", "address", "occupation",
                        "representative", "representative_title"):
                edit: QLineEdit = getattr(self, key)
                edit.setText(str(data.get(key, "")))
            self.power_of_attorney.setChecked(bool(data.get("power_of_attorney", False)))
        finally:
            self._filling = False

    def set_ethnicities(self, ethnicities: list[str]) -> None:
        current = self.ethnicity_value() or DEFAULT_ETHNICITY
        self.ethnicity.blockSignals(True)
        self.ethnicity.clear()
        for zh in ethnicities or [DEFAULT_ETHNICITY]:  # shown in the desk's language
            self.ethnicity.addItem(labels.ethnicity(zh), zh)
        self.ethnicity.setEditText(labels.ethnicity(current))
        self.ethnicity.blockSignals(False)

    def ethnicity_value(self) -> str:
        """民族 as kept: the catalogue's Chinese for a listed name (shown in the desk's
        language), else what was typed."""
        text = self.ethnicity.currentText()
        index = self.ethnicity.findText(text)
        return str(self.ethnicity.itemData(index)) if index >= 0 else text

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def first_focus(self) -> QWidget:
        return self.name

    def focusable_for(self, key: str) -> QWidget:
        box = self.boxes.get(key)
        if box is not None and not box.isHidden():
            return box.editor
        return {"role": self.role, "kind": self.kind}.get(key, self.name)


def _inline_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A label on the same line as its editor (the card's header), centred with it."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label
