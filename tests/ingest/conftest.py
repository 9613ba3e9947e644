from __future__ import annotations

import pytest

from productivity_plans.config import Limits


@pytest.fixture
def limits() -> Limits:
    return Limits()
