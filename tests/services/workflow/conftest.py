"""Fixtures of the workflow service tests: a real workspace with the water-leak case."""

from __future__ import annotations

import pytest

from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace

from .walk import register


@pytest.fixture
def wf(workspace: Workspace) -> Workflow:
    return Workflow(workspace)


@pytest.fixture
def leak(workspace: Workspace) -> str:
    return register(workspace)
