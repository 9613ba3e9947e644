"""Evidence groups: every number in the report links to the passages it counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from productivity_plans.sector.snapshot import Cite, SectorSnapshot

LISTED_PER_GROUP = 5  # citations listed per number; the rest are in the export table named
QUOTE_CHARS = 360


@dataclass(slots=True)
class EvidenceGroup:
    anchor: str
    title: str
    cites: list[Cite]
    names: list[str] = field(default_factory=list)  # councils counted without a passage
    table: str = ""  # the export table whose ``evidence`` column lists every citation

    @property
    def listed(self) -> list[Cite]:
        return self.cites[:LISTED_PER_GROUP]

    @property
    def more(self) -> int:
        return max(0, len(self.cites) - LISTED_PER_GROUP)


@dataclass(slots=True)
class EvidenceIndex:
    snapshot: SectorSnapshot
    groups: list[EvidenceGroup] = field(default_factory=list)
    table: str = ""  # export table the next groups come from

    def link(
        self, title: str, cites: tuple[Cite, ...] | list[Cite], names: list[str] | None = None
    ) -> str:
        """Register a group of evidence; returns its anchor ('' when there is nothing to show)."""
        if not cites and not names:
            return ""
        anchor = f"ev{len(self.groups) + 1}"
        self.groups.append(EvidenceGroup(anchor, title, list(cites), list(names or []), self.table))
        return anchor

    def cited_documents(self) -> set[str]:
        """Ids of documents the report cites (listed citations only)."""
        return {c.document_id for g in self.groups for c in g.listed}

    def council_name(self, gss: str | None) -> str:
        c = self.snapshot.council_index.get(gss or "")
        return c.name if c else "Council not identified"


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def focus(text: str, phrases: list[str], limit: int = QUOTE_CHARS) -> str:
    """Quote the part of a long passage that bears on the phrases: the sentence sharing most
    words with them, widened with its neighbours up to ``limit`` characters, with ellipses."""
    import re

    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    words = {w for p in phrases for w in re.findall(r"[a-z]{4,}", p.lower())}
    sentences = re.split(r"(?<=[.!?;])\s+", text)
    if len(sentences) < 2 or not words:
        return quote(text, limit)
    overlap = [len(words & set(re.findall(r"[a-z]{4,}", s.lower()))) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (overlap[i], -i))
    lo = hi = best
    while True:
        grown = False
        for cand in (hi + 1, lo - 1):
            if 0 <= cand < len(sentences):
                span = " ".join(sentences[min(lo, cand) : max(hi, cand) + 1])
                if len(span) <= limit:
                    lo, hi = min(lo, cand), max(hi, cand)
                    grown = True
        if not grown:
            break
    out = quote(" ".join(sentences[lo : hi + 1]), limit)
    return ("… " if lo > 0 else "") + out + (" …" if hi < len(sentences) - 1 else "")
