"""Property-based tests of the JSON API against its own OpenAPI description (schemathesis)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from tests.web.conftest import Seeded, make_app


def _schema() -> schemathesis.BaseSchema:
    import tempfile
    from pathlib import Path

    from productivity_plans.pipeline import ingest_files
    from productivity_plans.store.db import Store
    from tests.web.conftest import _examples

    root = Path(tempfile.mkdtemp(prefix="prodplans-schema-"))
    url = f"sqlite:///{root / 'schema.sqlite'}"
    with Store.open(url) as store:
        ingest_files(_examples()[:4], store)
    app = make_app(Seeded(url, root, 0, 0))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = _schema()


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_matches_its_openapi_description(case: schemathesis.Case) -> None:
    case.call_and_validate()
