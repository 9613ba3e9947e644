"""``prodplans user password`` as an operator runs it: a real process on a real SQLite store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from productivity_plans.store import Store, accounts
from productivity_plans.store.accounts import SignInLimits

OLD = "correct horse battery staple"
NEW = "a different long passphrase"


def _prodplans(*args: str, stdin: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "productivity_plans", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=os.environ | {"PRODPLANS_DATA_DIR": str(data_dir)},
        check=False,
    )


def _signs_in(store: Store, password: str) -> bool:
    limits = SignInLimits(per_account=0, per_address=0)
    check = accounts.sign_in(store, "kept@example.org", password, address="cli", limits=limits)
    return check.user is not None


def test_user_password_sets_a_new_password_from_stdin_and_audits_it(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    with Store.open(f"sqlite:///{db}") as store:
        accounts.create_user(store, "kept@example.org", OLD, "analyst")
    done = _prodplans(
        "user",
        "password",
        "Kept@Example.org",
        "--password-stdin",
        "--db",
        str(db),
        stdin=NEW + "\n",
        data_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "kept@example.org" in done.stdout and NEW not in done.stdout + done.stderr
    with Store.open(f"sqlite:///{db}") as store:
        assert not _signs_in(store, OLD)
        assert _signs_in(store, NEW)
        resets = [e for e in accounts.audit_entries(store) if e.action == "user.password_reset"]
        assert [(e.actor, e.target) for e in resets] == [("system", "user:kept@example.org")]


def test_user_password_refuses_a_short_password_or_an_unknown_account(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    with Store.open(f"sqlite:///{db}") as store:
        accounts.create_user(store, "kept@example.org", OLD, "analyst")
    for email, password, message in (
        ("kept@example.org", "short", "at least 12 characters"),
        ("nobody@example.org", NEW, "no account for nobody@example.org"),
    ):
        refused = _prodplans(
            "user",
            "password",
            email,
            "--password-stdin",
            "--db",
            str(db),
            stdin=password + "\n",
            data_dir=tmp_path,
        )
        assert refused.returncode == 2
        assert message in refused.stdout + refused.stderr
    with Store.open(f"sqlite:///{db}") as store:
        assert _signs_in(store, OLD)


def test_user_password_never_takes_the_password_as_an_argument(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    refused = _prodplans(
        "user",
        "password",
        "kept@example.org",
        NEW,
        "--db",
        str(db),
        stdin="",
        data_dir=tmp_path,
    )
    assert refused.returncode == 2
    assert "unexpected extra argument" in (refused.stdout + refused.stderr).lower()
