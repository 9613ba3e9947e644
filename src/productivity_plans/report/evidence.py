"""Evidence groups: every number in the report links to the passages it counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from productivity_plans.sector.snapshot import Cite, SectorSnapshot

QUOTES_PER_GROUP = 3
QUOTE_CHARS = 360


@dataclass(slots=True)
class EvidenceGroup:
    anchor: str
    title: str
    cites: list[Cite]
    names: list[str] = field(default_factory=list)  # councils counted without a passage


@dataclass(slots=True)
class EvidenceIndex:
    snapshot: SectorSnapshot
    groups: list[EvidenceGroup] = field(default_factory=list)

    def link(
        self, title: str, cites: tuple[Cite, ...] | list[Cite], names: list[str] | None = None
    ) -> str:
        """Register a group of evidence; returns its anchor ('' when there is nothing to show)."""
        if not cites and not names:
            return ""
        anchor = f"ev{len(self.groups) + 1}"
        self.groups.append(EvidenceGroup(anchor, title, list(cites), list(names or [])))
        return anchor

    def council_name(self, gss: str | None) -> str:
        c = self.snapshot.council_index.get(gss or "")
        return c.name if c else "Council not identified"


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
