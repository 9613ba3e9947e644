"""List filters: an unknown value is an error said the same way everywhere (an error summary
on a page, a 422 naming the parameter in the API), never a silent empty list."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import OFFICER_COUNCIL, Seeded

UNKNOWN_COUNCIL = "E99999999"
PAGES = [
    ("/councils?type=castle", "type"),
    ("/councils?region=Atlantis", "region"),
    ("/councils?documents=maybe", "documents"),
    ("/compliance?type=castle", "type"),
    ("/compliance?region=Atlantis", "region"),
    ("/compliance?status=golden", "status"),
    (f"/search?q=productivity&council={UNKNOWN_COUNCIL}", "council"),
    ("/search?q=productivity&doc_type=poem", "doc_type"),
    (f"/documents?council={UNKNOWN_COUNCIL}", "council"),
    ("/documents?type=castle", "type"),
    ("/documents?doc_type=poem", "doc_type"),
    ("/dashboard?type=castle", "type"),
    ("/dashboard?region=Atlantis", "region"),
]
API = [
    ("/api/councils?type=castle", "type"),
    ("/api/councils?region=Atlantis", "region"),
    ("/api/compliance?type=castle", "type"),
    ("/api/compliance?region=Atlantis", "region"),
    ("/api/compliance?status=golden", "status"),
    (f"/api/search?q=productivity&council={UNKNOWN_COUNCIL}", "council"),
    ("/api/search?q=productivity&doc_type=poem", "doc_type"),
    (f"/api/documents?council={UNKNOWN_COUNCIL}", "council"),
    ("/api/documents?type=castle", "type"),
    ("/api/documents?doc_type=poem", "doc_type"),
    ("/api/sector/coverage?type=castle", "type"),
    ("/api/sector/coverage?region=Atlantis", "region"),
]


@pytest.mark.parametrize(("path", "field"), PAGES)
def test_an_unknown_filter_value_on_a_page_gives_an_error_summary(
    client: TestClient, path: str, field: str
) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert f'href="#{field}"' in response.text
    assert f'id="{field}"' in response.text  # the summary's link leads to the field
    assert "<title>Error:" in response.text


@pytest.mark.parametrize(("path", "field"), API)
def test_an_unknown_filter_value_in_the_api_is_a_422_naming_the_parameter(
    client: TestClient, path: str, field: str
) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert ["query", field] in [e["loc"] for e in response.json()["detail"]]


def test_known_filter_values_still_filter(client: TestClient) -> None:
    for path in ("/councils?type=county&region=london", "/compliance?status=evidenced"):
        assert client.get(path).status_code == 200, path
    assert client.get(f"/api/documents?council={OFFICER_COUNCIL.lower()}").status_code == 200


def test_the_documents_list_filters_by_council_and_by_document_type(
    client: TestClient, seeded: Seeded
) -> None:
    everything = client.get("/api/documents").json()
    own = client.get(f"/api/documents?council={OFFICER_COUNCIL}").json()
    assert own and len(own) < len(everything)
    assert seeded.bolsover_id in {d["id"] for d in own}
    page = client.get(f"/documents?council={OFFICER_COUNCIL}").text
    assert f"{len(own)} documents" in page
    assert f'href="/documents/{seeded.bolsover_id}"' in page
    doc_type = next(d["doc_type"] for d in everything if d["doc_type"])
    of_type = client.get(f"/api/documents?doc_type={doc_type}").json()
    assert of_type and all(d["doc_type"] == doc_type for d in of_type)
    assert f"{len(of_type)} documents" in client.get(f"/documents?doc_type={doc_type}").text
