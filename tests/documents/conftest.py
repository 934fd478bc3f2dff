"""Shared fixtures: the sample documents rendered once, a studio identity, a signed agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediator import documents
from mediator.documents import samples, signing


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docs")
    paths = {}
    for name, doc in samples.sample_documents().items():
        paths[name] = documents.save(doc, out / f"{name}.pdf", oral=name == "oral-agreement")
    return paths


@pytest.fixture(scope="session")
def identity(tmp_path_factory: pytest.TempPathFactory) -> signing.StudioIdentity:
    keys = tmp_path_factory.mktemp("data") / "keys"
    return signing.create_studio_identity(keys, samples.COMMITTEE)


@pytest.fixture(scope="session")
def signed_agreement(tmp_path_factory: pytest.TempPathFactory,
                     identity: signing.StudioIdentity) -> Path:
    pdf = documents.render(samples.water_leak_agreement(), final=True)
    path = tmp_path_factory.mktemp("signed") / "agreement.pdf"
    path.write_bytes(signing.sign_pdf(pdf, identity))
    return path
