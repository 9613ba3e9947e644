"""Reference data commands: the council register and the framework."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from productivity_plans.cli.app import FormatOption, app, out
from productivity_plans.output import Format, emit


@app.command()
def framework(
    name: Annotated[str, typer.Argument(help="Bundled framework id or a YAML path.")] = (
        "productivity-2024"
    ),
    fmt: FormatOption = Format.TABLE,
) -> None:
    """The regime's headings and sub-questions, as loaded from its YAML file."""
    from productivity_plans.framework import load_framework

    fw = load_framework(name)
    rows = [
        {"heading": h.id, "question": q.id, "source": q.source, "text": q.text}
        for h in fw.headings
        for q in h.questions
    ]
    title = f"{fw.title}: letter {fw.letter.date}, deadline {fw.deadline}"
    emit(rows, fmt, title=title, console=out)


@app.command()
def councils(
    type_: Annotated[
        str | None,
        typer.Option("--type", help="e.g. non_metropolitan_district, unitary, county."),
    ] = None,
    region: Annotated[str | None, typer.Option(help="e.g. 'East Midlands', 'London'.")] = None,
    on: Annotated[
        str, typer.Option(help="Councils in force on this date (YYYY-MM-DD).")
    ] = "2024-07-19",
    name: Annotated[str | None, typer.Option(help="Find councils by name (fuzzy).")] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """English councils from the register (mySociety, CC-BY-4.0), with filters."""
    from productivity_plans.councils import load_register
    from productivity_plans.councils.register import ATTRIBUTION

    register = load_register()
    try:
        day = date.fromisoformat(on)
    except ValueError as exc:
        raise typer.BadParameter(f"{on!r} is not a YYYY-MM-DD date", param_hint="--on") from exc
    chosen = register.search(name, limit=10, on=day) if name else register.in_force(day)
    chosen = [
        c
        for c in chosen
        if c.nation == "England"
        and (type_ is None or c.type == type_)
        and (region is None or c.region.lower() == region.lower())
    ]
    rows = [
        {
            "gss_code": c.gss_code,
            "name": c.official_name,
            "type": c.type,
            "region": c.region,
            "domains": " ".join(c.domains),
        }
        for c in chosen
    ]
    emit(rows, fmt, title=f"{len(rows)} councils in force on {day}", console=out)
    if fmt is Format.TABLE:
        out.print(ATTRIBUTION, style="dim")
