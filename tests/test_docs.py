"""Docs that cannot drift: every command the CLI offers is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from productivity_plans.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        names += [f"{name} {sub}" for sub in getattr(command, "commands", {})]
    return sorted(names)


def test_every_command_is_in_the_readme() -> None:
    commands = _commands()
    assert len(commands) > 15
    missing = [c for c in commands if f"prodplans {c.split()[0]}" not in README]
    assert missing == []
    subcommands = [c.split()[1] for c in commands if " " in c]
    assert [s for s in subcommands if s not in README] == []
