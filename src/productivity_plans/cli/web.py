"""Commands for the web app: ``serve``, ``user add`` and ``user password``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from productivity_plans.cli.app import DbOption, app, console, out
from productivity_plans.config import Settings

user_app = typer.Typer(help="Manage web accounts (analyst, officer, admin).", no_args_is_help=True)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    db: DbOption = None,
    secure_cookies: Annotated[
        bool | None,
        typer.Option(
            "--secure-cookies/--no-secure-cookies",
            help="Force the session cookie's Secure flag (default: on unless http on localhost). "
            "Use --secure-cookies behind a TLS proxy that talks to the app over loopback.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes (one per core suits a busy server).")
    ] = 1,
) -> None:
    """Serve the web app and the JSON API (pages at /, API docs at /api/docs)."""
    import os

    import uvicorn

    from productivity_plans.cli.shutdown import SHUTDOWN_GRACE_SECONDS, BoundedShutdownServer
    from productivity_plans.config import DATABASE_URL_ENV
    from productivity_plans.web import create_app
    from productivity_plans.web.app import SECURE_COOKIES_ENV

    settings = Settings.load(db)
    if workers > 1:
        # Each worker process builds its own app from the environment.
        os.environ[DATABASE_URL_ENV] = settings.database_url
        if secure_cookies is not None:
            os.environ[SECURE_COOKIES_ENV] = "1" if secure_cookies else "0"
        console.print(f"Serving on http://{host}:{port}/ with {workers} workers")
        uvicorn.run(
            "productivity_plans.web.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            proxy_headers=False,
            timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        )
        return
    application = create_app(
        settings.database_url, limits=settings.limits, secure_cookies=secure_cookies
    )
    console.print(f"Serving on http://{host}:{port}/  (database: {settings.database_url})")
    config = uvicorn.Config(
        application,
        host=host,
        port=port,
        log_level="info",
        proxy_headers=False,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
    )
    BoundedShutdownServer(config).run()


@user_app.command("add")
def user_add(
    email: Annotated[str, typer.Argument(help="The person's e-mail address (their login).")],
    role: Annotated[str, typer.Option("--role", help="analyst, officer or admin.")],
    council: Annotated[
        str | None, typer.Option("--council", help="GSS code of an officer's council.")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create an account. Without --password-stdin the password is asked for twice."""
    from productivity_plans.store import accounts
    from productivity_plans.store.db import Store

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    settings = Settings.load(db)
    with Store.open(settings.database_url) as store:
        if council and store_council_unknown(council):
            console.print(
                f"[red]Unknown council:[/red] {council} is not an English council GSS code"
            )
            raise typer.Exit(2)
        try:
            user = accounts.create_user(store, email, password, role, council_gss=council)
        except accounts.AccountError as exc:
            console.print(f"[red]Cannot add user:[/red] {exc}")
            raise typer.Exit(2) from exc
    where = f" for {user.council_gss}" if user.council_gss else ""
    out.print(f"Added {user.email} as {user.role}{where}.")


@user_app.command("password")
def user_password(
    email: Annotated[str, typer.Argument(help="The e-mail address of the account.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the new password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Set a new password (asked for twice, or read from stdin; never taken as an argument).

    Ends every session of that user and lifts any sign-in lock on the account; audited.
    """
    from productivity_plans.store import accounts
    from productivity_plans.store.db import Store

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    settings = Settings.load(db)
    with Store.open(settings.database_url) as store:
        try:
            user = accounts.reset_password(store, email, password, by=None)
        except accounts.AccountError as exc:
            console.print(f"[red]Cannot set the password:[/red] {exc}")
            raise typer.Exit(2) from exc
    out.print(f"Set a new password for {user.email}; their sessions have ended.")


def store_council_unknown(gss: str) -> bool:
    from productivity_plans.councils import load_register

    council = load_register().by_gss(gss)
    return council is None or council.nation != "England"
