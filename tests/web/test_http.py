"""HTTP-level behaviour: CSRF, roles, cookies, headers, CSV, hostile text, the API's shapes."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from productivity_plans.web.highlight import MARK_END, MARK_START, highlight, plain
from productivity_plans.web.tables import Column, Table, to_csv
from tests.web.conftest import (
    OFFICER_COUNCIL,
    OTHER_COUNCIL,
    PASSWORD,
    SECRET,
    Seeded,
    csrf_of,
    make_app,
    sign_in,
)


def _upload(client: TestClient, token: str | None, council: str, name: str = "plan.txt"):
    data = {"council": council}
    if token is not None:
        data["csrf_token"] = token
    files = [("files", (name, b"Our productivity plan.\n\nMore text here.", "text/plain"))]
    return client.post("/upload", data=data, files=files, follow_redirects=False)


# CSRF -----------------------------------------------------------------------------------


def test_a_login_without_a_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"email": "admin@example.org", "password": PASSWORD})
    assert response.status_code == 403


def test_a_login_with_a_wrong_csrf_token_is_refused(client: TestClient) -> None:
    csrf_of(client)
    response = client.post(
        "/login",
        data={"email": "admin@example.org", "password": PASSWORD, "csrf_token": "forged" * 8},
    )
    assert response.status_code == 403


def test_an_upload_without_a_csrf_token_is_refused_even_when_signed_in(
    client: TestClient,
) -> None:
    sign_in(client, "officer@example.org")
    assert _upload(client, None, OFFICER_COUNCIL).status_code == 403
    assert _upload(client, "wrong-token-" * 4, OFFICER_COUNCIL).status_code == 403


def test_logout_needs_the_csrf_token(client: TestClient) -> None:
    token = sign_in(client, "analyst@example.org")
    assert client.post("/logout", follow_redirects=False).status_code == 403
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert "Sign in" in client.get("/").text


def test_every_unsafe_route_depends_on_the_csrf_check() -> None:
    from fastapi.routing import APIRoute

    from productivity_plans.web.routes import accounts, api, pages, upload
    from productivity_plans.web.security import require_csrf

    routes = [r for m in (accounts, api, pages, upload) for r in m.router.routes]
    unsafe = [r for r in routes if isinstance(r, APIRoute) and r.methods - {"GET", "HEAD"}]
    assert unsafe
    for route in unsafe:
        calls = [d.call for d in route.dependant.dependencies]
        assert require_csrf in calls, route.path


# Roles -----------------------------------------------------------------------------------


def test_the_public_is_sent_to_sign_in_for_the_upload_page(client: TestClient) -> None:
    response = client.get("/upload", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/upload"


def test_the_public_cannot_upload(client: TestClient) -> None:
    token = csrf_of(client)
    response = _upload(client, token, OFFICER_COUNCIL)
    assert response.status_code == 303  # to the sign-in page; nothing stored
    api = client.post(
        "/api/upload",
        data={"council": OFFICER_COUNCIL},
        files=[("files", ("a.txt", b"text", "text/plain"))],
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 401


def test_an_analyst_cannot_upload(client: TestClient) -> None:
    token = sign_in(client, "analyst@example.org")
    assert client.get("/upload").status_code == 403
    assert _upload(client, token, OFFICER_COUNCIL).status_code == 403


def test_an_officer_cannot_upload_for_another_council(client: TestClient) -> None:
    token = sign_in(client, "officer@example.org")
    assert _upload(client, token, OTHER_COUNCIL).status_code == 403
    api = client.post(
        "/api/upload",
        data={"council": OTHER_COUNCIL},
        files=[("files", ("a.txt", b"text", "text/plain"))],
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 403


def test_an_officer_uploads_for_their_own_council_and_the_audit_log_says_so(
    client: TestClient,
) -> None:
    token = sign_in(client, "officer@example.org")
    response = _upload(client, token, OFFICER_COUNCIL, name="own-council-plan.txt")
    assert response.status_code == 200
    assert "own-council-plan.txt" in response.text
    assert "ingested" in response.text
    client.post("/logout", data={"csrf_token": token})
    sign_in(client, "admin@example.org")
    audit = client.get("/audit?format=csv").text
    assert "officer@example.org,document.upload" in audit
    assert "own-council-plan.txt" in audit


def test_only_admins_see_the_audit_log(client: TestClient) -> None:
    sign_in(client, "officer@example.org")
    assert client.get("/audit").status_code == 403


def test_an_upload_names_each_bad_file_with_its_error(client: TestClient) -> None:
    token = sign_in(client, "admin@example.org")
    files = [
        ("files", ("fine.txt", b"A productivity plan paragraph.", "text/plain")),
        ("files", ("broken.pdf", b"%PDF-1.7 this is not really a pdf", "application/pdf")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    response = client.post(
        "/api/upload",
        data={"council": OTHER_COUNCIL},
        files=files,
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    by_name = {f["filename"]: f for f in response.json()["files"]}
    assert by_name["fine.txt"]["status"] in ("ingested", "duplicate")
    assert by_name["fine.txt"]["document_id"]
    assert by_name["broken.pdf"] == {**by_name["broken.pdf"], "status": "failed"}
    assert by_name["broken.pdf"]["reason"] == "corrupt"
    assert by_name["empty.txt"]["reason"] == "empty_file"


def test_a_next_url_elsewhere_is_ignored(client: TestClient) -> None:
    token = csrf_of(client)
    response = client.post(
        "/login",
        data={
            "email": "analyst@example.org",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: TestClient,
) -> None:
    token = csrf_of(client)
    response = client.post(
        "/login",
        data={"email": "admin@example.org", "password": "nope" * 4, "csrf_token": token},
    )
    assert response.status_code == 401
    assert "e-mail address or password is not right" in response.text


# Cookies and headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "secure"),
    [
        ("http://127.0.0.1", False),
        ("http://localhost:8000", False),
        ("https://plans.example.org", True),
        ("http://plans.example.org", True),
    ],
)
def test_the_session_cookie_is_httponly_lax_and_secure_off_localhost(
    app, base_url: str, secure: bool
) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url=base_url) as client:
        header = client.get("/login").headers["set-cookie"]
    assert header.startswith("pp_session=")
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert ("Secure" in header) is secure


def test_secure_cookies_can_be_forced_for_a_proxy_on_loopback(seeded: Seeded) -> None:
    with TestClient(make_app(seeded, secure_cookies=True), base_url="http://127.0.0.1") as c:
        assert "Secure" in c.get("/login").headers["set-cookie"]


def test_a_tampered_session_cookie_is_ignored(client: TestClient) -> None:
    sign_in(client, "admin@example.org")
    value = client.cookies["pp_session"]
    payload, _, signature = value.rpartition(".")
    forged = payload + "." + ("A" * len(signature))
    client.cookies.clear()
    client.cookies.set("pp_session", forged)
    assert "Sign in" in client.get("/").text


def test_a_cookie_signed_with_another_key_is_ignored(seeded: Seeded) -> None:
    with TestClient(make_app(seeded), base_url="http://127.0.0.1") as first:
        sign_in(first, "admin@example.org")
        cookie = first.cookies["pp_session"]
    from productivity_plans.web.app import create_app

    with TestClient(
        create_app(seeded.url, secret_key="another-" + SECRET, uploads_dir=seeded.root),
        base_url="http://127.0.0.1",
    ) as second:
        second.cookies.clear()
        second.cookies.set("pp_session", cookie)
        assert "Sign in" in second.get("/").text


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce and f'nonce="{nonce.group(1)}"' in response.text


def test_no_page_loads_anything_from_another_site(client: TestClient) -> None:
    for path in ("/", "/councils", "/search?q=plan", "/login", "/api/docs"):
        html = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http://", "https://", "//")) or "gov.uk" not in url
            if url.startswith(("http", "//")):
                assert path == "/" or not url.endswith((".js", ".css")), url


# Hostile text ----------------------------------------------------------------------------


def test_hostile_document_text_is_escaped_on_the_document_page(
    client: TestClient, seeded: Seeded
) -> None:
    html = client.get(f"/documents/{seeded.hostile_id}").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = true&lt;/script&gt;" in html
    assert "<img src=x onerror" not in html
    assert "&lt;img src=x onerror=" in html


def test_hostile_document_text_is_escaped_in_search_snippets(client: TestClient) -> None:
    html = client.get("/search", params={"q": "wording"}).text
    assert "<script>window.__pwned" not in html
    assert "<mark>wording</mark>" in html or "<mark>" in html


def test_highlighting_escapes_first_and_only_ever_balances_marks() -> None:
    snippet = f"a <b>{MARK_START}plan{MARK_END}</b> {MARK_END}{MARK_START}x"
    assert str(highlight(snippet)) == "a &lt;b&gt;<mark>plan</mark>&lt;/b&gt; <mark>x</mark>"
    text, spans = plain(f"the {MARK_START}plan{MARK_END} and {MARK_START}it{MARK_END}")
    assert text == "the plan and it" and spans == [(4, 8), (13, 15)]


# CSV -------------------------------------------------------------------------------------


def test_every_table_downloads_as_csv(client: TestClient, seeded: Seeded) -> None:
    for path, first_header in [
        ("/?format=csv&table=coverage", "Council type"),
        ("/?format=csv&table=document-types", "Document type"),
        ("/councils?format=csv&type=london_borough", "Council"),
        (f"/councils/{OFFICER_COUNCIL}?format=csv", "Document"),
        ("/documents?format=csv", "Document"),
        (f"/documents/{seeded.bolsover_id}?format=csv", "Page"),
        ("/search?q=productivity&format=csv", "Document"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0][0] == first_header, path
        assert len(rows) > 1, path


def test_the_councils_csv_lists_all_317_councils(client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/councils?format=csv").text)))
    assert len(rows) == 1 + 317


def test_csv_cells_that_look_like_formulas_are_defused() -> None:
    table = Table("t", "t", [Column("a", "A")])
    table.add({"a": '=HYPERLINK("http://evil")'})
    table.add({"a": "-1+2"})
    rows = list(csv.reader(io.StringIO(to_csv(table))))
    assert rows[1:] == [['\'=HYPERLINK("http://evil")'], ["'-1+2"]]


# Pages and API ---------------------------------------------------------------------------


def test_the_overview_counts_councils_out_of_317(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["councils_in_scope"] == 317
    assert 1 <= stats["councils_covered"] <= 317
    assert stats["documents"] >= 14
    assert f"of {stats['councils_in_scope']} councils" in client.get("/").text


def test_the_council_page_shows_its_documents_governance_and_coded_passages(
    client: TestClient,
) -> None:
    html = client.get(f"/councils/{OFFICER_COUNCIL}").text
    assert "Bolsover" in html
    assert "Not yet available" not in html
    assert "Governance trail" in html and "What the council says, by heading" in html
    detail = client.get(f"/api/councils/{OFFICER_COUNCIL}").json()
    assert detail["documents"] >= 1
    assert detail["governance_trail_available"] is True


def test_councils_filter_by_type_region_and_documents(client: TestClient) -> None:
    london = client.get("/api/councils", params={"type": "london_borough"}).json()
    assert len(london) == 32
    with_docs = client.get("/api/councils", params={"with_documents": True}).json()
    assert with_docs and all(c["documents"] > 0 for c in with_docs)
    region = london[0]["region"]
    in_region = client.get("/api/councils", params={"region": region}).json()
    assert all(c["region"] == region for c in in_region)


def test_the_document_api_gives_blocks_with_anchors_and_provenance(
    client: TestClient, seeded: Seeded
) -> None:
    doc = client.get(f"/api/documents/{seeded.bolsover_id}").json()
    assert len(doc["sha256"]) == 64 and doc["parser"]
    block = doc["pages"][0]["blocks"][0]
    assert block["anchor"] == f"b{block['id']}"
    html = client.get(f"/documents/{seeded.bolsover_id}").text
    assert f'id="b{block["id"]}"' in html
    assert doc["sha256"] in html


def test_search_api_returns_plain_snippets_with_highlight_offsets(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "productivity"}).json()["hits"]
    assert hits
    for hit in hits:
        for start, end in hit["highlights"]:
            assert hit["snippet"][start:end].lower().startswith("productiv")


def test_unknown_things_are_404_as_html_and_json(client: TestClient) -> None:
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/councils/E99999999").status_code == 404
    response = client.get("/api/documents/999999")
    assert response.status_code == 404 and response.json() == {"detail": "no such document"}
