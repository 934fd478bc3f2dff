"""The classification lists (纠纷类型, 案件来源, 民族) the forms offer.

The lists are versioned data files in resources/catalogues (format and checks in
:mod:`mediator.domain.catalogues`); this service loads them once and exposes them.
"""

from __future__ import annotations

from functools import cache

from mediator.domain.catalogues import Catalogue
from mediator.paths import resources_dir


@cache
def load_catalogue(name: str) -> Catalogue:
    return Catalogue.load(resources_dir() / "catalogues" / f"{name}.json", expected_name=name)


class CatalogueService:
    def dispute_types(self) -> list[tuple[str, str, str]]:
        return [(i.code, i.zh, i.en) for i in load_catalogue("dispute_types").active()]

    def case_sources(self) -> list[tuple[str, str, str]]:
        return [(i.code, i.zh, i.en) for i in load_catalogue("case_sources").active()]

    def ethnicities(self) -> list[str]:
        return [i.zh for i in load_catalogue("ethnicities").active()]

    def label(self, catalogue: str, code: str, lang: str = "zh") -> str:
        return load_catalogue(catalogue).label(code, lang)

    def codes(self) -> tuple[frozenset[str], frozenset[str]]:
        """Codes a new registration may use (retired ones are kept for old cases only)."""
        return (
            frozenset(i.code for i in load_catalogue("dispute_types").active()),
            frozenset(i.code for i in load_catalogue("case_sources").active()),
        )
