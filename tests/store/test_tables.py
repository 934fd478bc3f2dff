"""The table registry (:mod:`mediator.store.tables`) sees every table.

The model modules no longer import the ones above them (issue 15: no import
cycles), so ``Base.metadata`` and ``SYNCED_MODELS`` are whole only through the
registry.  A new model module it forgets would leave its table out of the sync
(never pushed, a pulled row dropped) and out of Alembic's metadata: these tests
catch that.  Each check runs in a fresh interpreter, where nothing but what the
registry imports has registered a table.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mediator.paths import DataDir
from mediator.store.database import Database
from mediator.store.tables import SYNCED_MODELS

_PROBE = """
import importlib, json, pkgutil, sys
from mediator.store.tables import SYNCED_MODELS, Base
from mediator.store.models import Synced
registered = sorted(Base.metadata.tables)
synced = sorted(m.__tablename__ for m in SYNCED_MODELS.values())
import mediator.store as store
for info in pkgutil.iter_modules(store.__path__, "mediator.store."):
    importlib.import_module(info.name)
def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)
json.dump({
    "registered": registered,
    "after_all": sorted(Base.metadata.tables),
    "synced": synced,
    "synced_classes": sorted({c.__tablename__ for c in subclasses(Synced)}),
    "entities": list(SYNCED_MODELS),
}, sys.stdout)
"""

# Tables the migrations make that no model describes: Alembic's own and the
# search index (FTS5, maintained by :mod:`mediator.store.search`).
_NOT_MODELLED = ("alembic_version", "case_search", "case_fts")


def _probe() -> dict[str, list[str]]:
    out = subprocess.run([sys.executable, "-c", _PROBE], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    result: dict[str, list[str]] = json.loads(out)
    return result


def test_the_registry_alone_registers_every_model_module_and_every_synced_table() -> None:
    seen = _probe()
    # Importing every store module afterwards adds no table the registry missed.
    missed = set(seen["after_all"]) - set(seen["registered"])
    assert not missed, f"tables of a model module mediator.store.tables does not import: {missed}"
    # Every synced model is in SYNCED_MODELS, once.
    assert seen["synced"] == seen["synced_classes"], "a synced model is not in SYNCED_MODELS"
    assert len(seen["entities"]) == len(set(seen["entities"]))


def test_a_migrated_database_holds_exactly_the_registered_tables(tmp_path: Path) -> None:
    db = Database.open(DataDir.resolve(tmp_path / "data"))
    try:
        with db.engine.connect() as conn:
            made = {row[0] for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        db.close()
    registered = set(_probe()["registered"])
    assert registered <= made, registered - made
    assert {t for t in made - registered if not t.startswith(_NOT_MODELLED)} == set()


def test_synced_parents_come_before_the_rows_that_name_them() -> None:
    order = {model.__table__.name: i  # type: ignore[attr-defined]
             for i, model in enumerate(SYNCED_MODELS.values())}
    for model in SYNCED_MODELS.values():
        table = model.__table__  # type: ignore[attr-defined]
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if parent in order and parent != table.name:
                assert order[parent] < order[table.name], (table.name, parent)
