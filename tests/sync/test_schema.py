"""The shared row schema agrees with the desktop's tables, so the server refuses
exactly what a PC could not store (issue 12)."""

from __future__ import annotations

from sqlalchemy import Boolean, Date, Integer, String, Text

from mediator.domain.text import NAME_MAX
from mediator.store.models import UTCDateTime
from mediator.store.tables import SYNCED_MODELS
from mediator.sync import schema
from mediator.sync.rows import columns


def test_the_schema_matches_each_synced_column_in_type_length_and_nullness() -> None:
    for entity, model in SYNCED_MODELS.items():
        table = model.__table__  # type: ignore[attr-defined]
        spec = {f.name: f for f in schema.fields(entity)}
        assert set(spec) == {key for key, _kind in columns(entity)}, entity
        for name, f in spec.items():
            col = table.c[name]
            kind = ("dt" if isinstance(col.type, UTCDateTime) else "d" if isinstance(
                col.type, Date) else "b" if isinstance(col.type, Boolean) else "i"
                if isinstance(col.type, Integer) else "t" if isinstance(col.type, Text)
                else "s" if isinstance(col.type, String) else "l")
            assert f.kind == kind, (entity, name)
            if kind == "s":  # never tighter than the column (one is looser: see SPECS)
                assert f.max_len >= col.type.length, (entity, name)
            assert f.nullable == bool(col.nullable), (entity, name)
            required = not col.nullable and col.default is None and col.server_default is None
            assert f.required == required, (entity, name)
            refs = {fk.column.table.name for fk in col.foreign_keys}
            assert ({f.ref} if f.ref else set()) == refs, (entity, name)


def test_a_mediator_name_the_desktop_accepts_is_one_the_schema_accepts() -> None:
    assert schema.check("mediator", {"name": "买" * NAME_MAX}) is None


def test_the_checks_name_the_field_never_the_value() -> None:
    ok = {"name": "王某"}
    assert schema.check("party", ok) is None
    for data, code in [({}, "missing"), ({"name": 3}, "bad_type"),
                       ({"name": "王" * 101}, "too_long"), ({"name": None}, "null"),
                       ({"name": "王某", "sex": float("nan")}, "not_finite"),
                       ({"name": "\ud800"}, "bad_text"),
                       ({"name": "王某", "address": "址" * 100_000}, "too_large"),
                       ({"name": "王某", "birth_date": "昨天"}, "bad_type"),
                       ([], "bad_type")]:
        problem = schema.check("party", data)
        assert problem is not None and problem.code == code, (data, problem)
        assert "王" not in str(problem) and "址" not in str(problem)
    # A newer desktop's extra column, or an entity this version does not know, passes.
    assert schema.check("party", {**ok, "nickname": "小王"}) is None
    assert schema.check("future_entity", {"anything": [1, 2]}) is None
    assert schema.check("future_entity", {"x": float("inf")}) is not None
