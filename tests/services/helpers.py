"""Builders of realistic registrations for the service tests."""

from __future__ import annotations

import datetime as dt

from mediator.domain.idcard import make_citizen_id
from mediator.domain.status import PartyKind, PartyRole
from mediator.services.dto import PartyInput, RegistrationInput

WANG_ID = make_citizen_id("440605", dt.date(1990, 3, 7), 123)  # male, 南海区
LI_ID = make_citizen_id("440604", dt.date(1985, 11, 30), 246)  # female, 禅城区


def water_leak(**changes: object) -> RegistrationInput:
    reg = RegistrationInput(
        dispute_type="neighbour",
        source="party_application",
        summary="楼上卫生间漏水，申请人家天花板发霉、墙面脱落，多次协商未果。",
        requests=["请求被申请人修复防水层", "请求赔偿装修损失3200元"],
        registered_on=dt.date(2026, 3, 2),
        parties=[
            PartyInput(role=PartyRole.APPLICANT, name="王𠮷", id_number=WANG_ID,
                       phone="138 1234 5678", ethnicity="汉族",
                       address="广东省佛山市南海区桂城街道海三路怡翠花园8座1202房"),
            PartyInput(role=PartyRole.RESPONDENT, name="李珺", id_number=LI_ID,
                       phone="0757-86281234",
                       address="广东省佛山市南海区桂城街道海三路怡翠花园8座1302房"),
        ],
    )
    for key, value in changes.items():
        setattr(reg, key, value)
    return reg


def company(role: PartyRole = PartyRole.RESPONDENT) -> PartyInput:
    return PartyInput(role=role, kind=PartyKind.ORGANISATION, name="佛山市桂城物业管理有限公司",
                      representative="陈志强", representative_title="经理",
                      phone="0757-86280000")
