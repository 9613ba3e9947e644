"""Sign-in limits, audited failures, password change and reset, over HTTP against the real app
on a fresh SQLite store per test (so one test's failures never lock another's accounts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from productivity_plans.store import accounts
from productivity_plans.store.accounts import SignInAttemptRow, SignInLimits
from productivity_plans.store.db import Store
from productivity_plans.web import create_app
from tests.web.conftest import PASSWORD, SECRET, csrf_of

NEW_PASSWORD = "a different long passphrase"
ADMIN = "admin@example.org"
ANALYST = "analyst@example.org"
OFFICERS = [f"officer{n}@example.org" for n in range(25)]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    url = f"sqlite:///{tmp_path / 'accounts.sqlite'}"
    with Store.open(url) as store:
        accounts.create_user(store, ADMIN, PASSWORD, "admin")
        accounts.create_user(store, ANALYST, PASSWORD, "analyst")
    application = create_app(url, secret_key=SECRET, uploads_dir=tmp_path / "uploads")
    application.state.prodplans.sign_in_limits = SignInLimits()
    yield application
    store_of(application).close()


def store_of(application: FastAPI) -> Store:
    store: Store = application.state.prodplans.store
    return store


def visitor(application: FastAPI) -> TestClient:
    return TestClient(application, base_url="http://127.0.0.1")


def post_login(client: TestClient, email: str, password: str) -> httpx.Response:
    data = {"email": email, "password": password, "csrf_token": csrf_of(client), "next": "/"}
    return client.post("/login", data=data, follow_redirects=False)


def signed_in(application: FastAPI, email: str, password: str = PASSWORD) -> TestClient:
    client = visitor(application)
    assert post_login(client, email, password).status_code == 303
    return client


def change(client: TestClient, current: str, new: str, confirm: str | None = None):  # type: ignore[no-untyped-def]
    data = {
        "current_password": current,
        "new_password": new,
        "confirm_password": new if confirm is None else confirm,
        "csrf_token": csrf_of(client, "/account/password"),
    }
    return client.post("/account/password", data=data, follow_redirects=False)


def reset(client: TestClient, email: str, new: str):  # type: ignore[no-untyped-def]
    data = {
        "email": email,
        "new_password": new,
        "confirm_password": new,
        "csrf_token": csrf_of(client, "/users/password"),
    }
    return client.post("/users/password", data=data, follow_redirects=False)


def audited(application: FastAPI, action: str) -> list[accounts.AuditEntry]:
    return [e for e in accounts.audit_entries(store_of(application)) if e.action == action]


def is_signed_in(client: TestClient) -> bool:
    return client.get("/account/password", follow_redirects=False).status_code == 200


# Limits ----------------------------------------------------------------------------------


def test_the_right_password_is_refused_after_forty_wrong_ones(app: FastAPI) -> None:
    client = visitor(app)
    statuses = [post_login(client, ADMIN, f"wrong guess {n}").status_code for n in range(40)]
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}
    refused = post_login(client, ADMIN, PASSWORD)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 15 * 60
    assert "Too many failed attempts. Wait 15 minutes, then try again" in refused.text
    assert not is_signed_in(client)


def test_a_refusal_reads_the_same_whether_or_not_the_account_exists(app: FastAPI) -> None:
    pages = {}
    for email in (ADMIN, "nobody@example.org"):
        client = visitor(app)
        for n in range(5):
            post_login(client, email, f"wrong guess {n}")
        refused = post_login(client, email, PASSWORD)
        assert refused.status_code == 429
        page = refused.text.replace(email, "EMAIL")
        pages[email] = re.sub(r'(nonce|value)="[^"]*"', "", page)
    assert pages[ADMIN] == pages["nobody@example.org"]


def test_failures_from_one_address_lock_out_every_account_from_it(app: FastAPI) -> None:
    with Store.open(str(store_of(app).engine.url)) as store:
        for email in OFFICERS[:21]:
            accounts.create_user(store, email, PASSWORD, "analyst")
    client = visitor(app)
    for email in OFFICERS[:20]:  # one failure each: no account reaches its own limit
        assert post_login(client, email, "wrong guess").status_code == 401
    assert post_login(client, OFFICERS[20], PASSWORD).status_code == 429


def test_a_successful_sign_in_clears_the_accounts_failures(app: FastAPI) -> None:
    client = visitor(app)
    for _round in range(2):
        for n in range(4):
            assert post_login(client, ANALYST, f"wrong guess {n}").status_code == 401
        assert post_login(client, ANALYST, PASSWORD).status_code == 303


def test_the_lock_lifts_once_the_failures_are_older_than_the_window(app: FastAPI) -> None:
    client = visitor(app)
    for n in range(5):
        post_login(client, ANALYST, f"wrong guess {n}")
    assert post_login(client, ANALYST, PASSWORD).status_code == 429
    with Session(store_of(app).engine) as session, session.begin():
        for attempt in session.scalars(select(SignInAttemptRow)):
            attempt.at -= timedelta(minutes=15)
    assert post_login(client, ANALYST, PASSWORD).status_code == 303


def test_limits_are_configurable_and_zero_turns_one_off(app: FastAPI) -> None:
    app.state.prodplans.sign_in_limits = SignInLimits(per_account=2, per_address=0)
    client = visitor(app)
    for n in range(2):
        post_login(client, ANALYST, f"wrong guess {n}")
    assert post_login(client, ANALYST, PASSWORD).status_code == 429
    for email in OFFICERS:  # 25 failures from one address, none refused
        assert post_login(client, email, "wrong guess").status_code == 401


def test_sign_in_limits_come_from_the_environment() -> None:
    limits = SignInLimits.from_env(
        {
            "PRODPLANS_SIGN_IN_PER_ACCOUNT": "3",
            "PRODPLANS_SIGN_IN_PER_ADDRESS": "0",
            "PRODPLANS_SIGN_IN_WINDOW_SECONDS": "60",
        }
    )
    assert limits == SignInLimits(per_account=3, per_address=0, window=timedelta(seconds=60))
    assert SignInLimits.from_env({}) == SignInLimits()
    with pytest.raises(ValueError, match="PRODPLANS_SIGN_IN_PER_ACCOUNT"):
        SignInLimits.from_env({"PRODPLANS_SIGN_IN_PER_ACCOUNT": "five"})


# Audit -----------------------------------------------------------------------------------


def test_every_failed_sign_in_is_audited_with_its_reason_and_address(app: FastAPI) -> None:
    client = visitor(app)
    long_name = "x" * 250 + "@example.org"
    post_login(client, "Nobody@Example.org", "wrong guess")
    post_login(client, long_name, "wrong guess")
    for n in range(6):
        post_login(client, ANALYST, f"wrong guess {n}")
    failures = audited(app, "user.login_failed")
    reasons = [(e.detail["account"], e.detail["reason"]) for e in reversed(failures)]
    assert reasons[0] == ("nobody@example.org", "unknown account")
    assert reasons[1] == (long_name[: accounts.ACCOUNT_AS_TYPED_LIMIT], "unknown account")
    assert reasons[2:] == [(ANALYST, "wrong password")] * 5 + [(ANALYST, "throttled")]
    assert {e.detail["address"] for e in failures} == {"testclient"}
    assert all(e.actor == "anonymous" for e in failures)


def test_a_successful_sign_in_is_audited_with_the_address(app: FastAPI) -> None:
    signed_in(app, ANALYST)
    (entry,) = audited(app, "user.login")
    assert (entry.actor, entry.detail) == (ANALYST, {"address": "testclient"})


# Password change -------------------------------------------------------------------------


def test_a_user_changes_their_password_and_the_old_one_stops_working(app: FastAPI) -> None:
    client = signed_in(app, ANALYST)
    changed = change(client, PASSWORD, NEW_PASSWORD)
    assert changed.status_code == 200
    assert "Your password has been changed" in changed.text
    assert is_signed_in(client)
    assert post_login(visitor(app), ANALYST, PASSWORD).status_code == 401
    assert post_login(visitor(app), ANALYST, NEW_PASSWORD).status_code == 303
    (entry,) = audited(app, "user.password_change")
    assert (entry.actor, entry.target) == (ANALYST, f"user:{ANALYST}")


def test_changing_a_password_ends_the_users_other_sessions(app: FastAPI) -> None:
    elsewhere = signed_in(app, ANALYST)
    other_user = signed_in(app, ADMIN)
    here = signed_in(app, ANALYST)
    assert change(here, PASSWORD, NEW_PASSWORD).status_code == 200
    assert not is_signed_in(elsewhere)
    assert is_signed_in(here)
    assert is_signed_in(other_user)


@pytest.mark.parametrize(
    ("current", "new", "confirm", "field", "message"),
    [
        ("", NEW_PASSWORD, NEW_PASSWORD, "current_password", "Enter your current password"),
        (PASSWORD, "too short", "too short", "new_password", "at least 12 characters"),
        (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "confirm_password", "are not the same"),
        ("wrong guess here", NEW_PASSWORD, NEW_PASSWORD, "current_password", "is not right"),
    ],
)
def test_a_password_change_that_breaks_a_rule_changes_nothing(
    app: FastAPI, current: str, new: str, confirm: str, field: str, message: str
) -> None:
    client = signed_in(app, ANALYST)
    refused = change(client, current, new, confirm)
    assert refused.status_code == 400
    assert f'href="#{field}"' in refused.text and message in refused.text
    assert post_login(visitor(app), ANALYST, PASSWORD).status_code == 303
    assert audited(app, "user.password_change") == []


def test_wrong_current_passwords_count_towards_the_sign_in_limit(app: FastAPI) -> None:
    client = signed_in(app, ANALYST)
    for n in range(5):
        assert change(client, f"wrong guess {n}", NEW_PASSWORD).status_code == 400
    refused = change(client, PASSWORD, NEW_PASSWORD)
    assert refused.status_code == 429 and "retry-after" in refused.headers
    assert post_login(visitor(app), ANALYST, PASSWORD).status_code == 429
    failures = audited(app, "user.password_change_failed")
    assert [e.detail["reason"] for e in reversed(failures)] == ["wrong password"] * 5 + [
        "throttled"
    ]


def test_the_public_is_sent_to_sign_in_before_changing_a_password(app: FastAPI) -> None:
    response = visitor(app).get("/account/password", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=/account/password")


# Admin reset -----------------------------------------------------------------------------


def test_an_admin_resets_a_password_ending_that_users_sessions(app: FastAPI) -> None:
    analyst = signed_in(app, ANALYST)
    admin = signed_in(app, ADMIN)
    done = reset(admin, ANALYST, NEW_PASSWORD)
    assert done.status_code == 200 and "has been set" in done.text
    assert not is_signed_in(analyst)
    assert is_signed_in(admin)
    assert post_login(visitor(app), ANALYST, PASSWORD).status_code == 401
    assert post_login(visitor(app), ANALYST, NEW_PASSWORD).status_code == 303
    (entry,) = audited(app, "user.password_reset")
    assert (entry.actor, entry.target) == (ADMIN, f"user:{ANALYST}")


def test_an_admin_reset_lifts_a_sign_in_lock(app: FastAPI) -> None:
    locked_out = visitor(app)
    for n in range(5):
        post_login(locked_out, ANALYST, f"wrong guess {n}")
    assert post_login(locked_out, ANALYST, PASSWORD).status_code == 429
    reset(signed_in(app, ADMIN), ANALYST, NEW_PASSWORD)
    app.state.prodplans.sign_in_limits = SignInLimits(per_address=0)  # same test address
    assert post_login(locked_out, ANALYST, NEW_PASSWORD).status_code == 303


def test_only_admins_reset_passwords(app: FastAPI) -> None:
    analyst = signed_in(app, ANALYST)
    assert analyst.get("/users/password").status_code == 403
    data = {
        "email": ADMIN,
        "new_password": NEW_PASSWORD,
        "confirm_password": NEW_PASSWORD,
        "csrf_token": csrf_of(analyst, "/account/password"),
    }
    assert analyst.post("/users/password", data=data).status_code == 403
    assert post_login(visitor(app), ADMIN, PASSWORD).status_code == 303


def test_resetting_an_unknown_account_says_so_to_the_admin(app: FastAPI) -> None:
    refused = reset(signed_in(app, ADMIN), "nobody@example.org", NEW_PASSWORD)
    assert refused.status_code == 400
    assert "There is no account for nobody@example.org" in refused.text
    assert audited(app, "user.password_reset") == []
