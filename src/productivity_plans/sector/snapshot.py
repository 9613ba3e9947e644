"""The sector stage's input: a plain snapshot of councils, documents, decisions and coded passages.

The analyses are pure functions over a :class:`SectorSnapshot`; they never open a database.
``sector.load.load_snapshot(store)`` builds one from the store;
``sector.build`` builds one from files via the ingest, extract and coding stages.

Conventions:
- ``council_gss`` is the ONS code; ``None`` when extraction could not tell.
- A passage of kind ``council`` carries the codes the coder gave it. A passage of kind
  ``requirement`` (the council restating what government asked) carries in ``headings`` /
  ``questions`` what it restates, so coverage can tell "answered" from "only restated".
- Offsets are character offsets into the document's text; ``page`` is 1-based.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from productivity_plans.framework.schema import Framework

Matrix = NDArray[np.float32]
PassageKind = Literal["requirement", "council"]


@dataclass(frozen=True, slots=True)
class CouncilRow:
    gss_code: str
    name: str
    type: str
    region: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    council_gss: str | None
    doc_type: str
    title: str | None
    source: str  # path or URL it was read from
    url: str | None = None  # page it was published at
    published: bool | None = None  # True when found on the council's public site
    pages: int = 1
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """The decision a document records about the plan (one per document at most)."""

    document_id: str
    council_gss: str | None
    body: str | None
    body_kind: str | None
    date: date | None
    outcome: str
    evidence_sentence: str | None = None
    start: int | None = None
    end: int | None = None
    page: int = 1


@dataclass(frozen=True, slots=True)
class EventRow:
    """An earlier or later governance step a document mentions, or the plan's submission."""

    document_id: str
    council_gss: str | None
    date: date
    body: str | None
    action: str  # approved, endorsed, noted, considered, submitted, ...
    sentence: str
    start: int
    end: int
    page: int = 1


@dataclass(frozen=True, slots=True)
class PassageRow:
    id: str
    document_id: str
    council_gss: str | None
    page: int
    start: int
    end: int
    text: str
    kind: PassageKind
    headings: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    is_measure: bool = False
    is_initiative: bool = False
    confidence: float = 1.0  # confidence of the passage's main code
    confidences: Mapping[str, float] = field(default_factory=dict)  # per code, as the coder gave

    def confidence_of(self, key: str) -> float:
        """Confidence for one code (``transformation``, ``barrier:send_costs``, ``measure``…)."""
        return float(self.confidences.get(key, self.confidence))


@dataclass(frozen=True, slots=True)
class RecordedStepRow:
    """A governance step, submission or publication the council recorded itself."""

    council_gss: str
    kind: str  # decision, submission, publication
    body: str | None
    date: date | None
    outcome: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class ProgressActionRow:
    """An action or milestone from a published progress update."""

    council_gss: str
    update: str
    title: str
    status: str  # not_started, in_progress, done, delayed
    date: date | None
    note: str | None


@dataclass(frozen=True, slots=True)
class MeasureValueRow:
    """One value of one measure (KPI) from a published progress update."""

    council_gss: str
    update: str
    measure: str
    date: date
    period: str | None
    value: float
    unit: str | None
    source: str | None
    note: str | None


@dataclass(slots=True)
class SectorSnapshot:
    """Everything the sector analyses read. ``vectors`` (optional) are passage embeddings
    aligned with ``passages``; analyses that need them compute them once when absent."""

    framework: Framework
    councils: list[CouncilRow]
    documents: list[DocumentRow]
    decisions: list[DecisionRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    passages: list[PassageRow] = field(default_factory=list)
    model_version: str = ""
    vectors: Matrix | None = None
    # What councils recorded in their workspace (published progress only); exported as is.
    recorded_steps: list[RecordedStepRow] = field(default_factory=list)
    progress_actions: list[ProgressActionRow] = field(default_factory=list)
    measure_values: list[MeasureValueRow] = field(default_factory=list)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    def council(self, gss: str) -> CouncilRow | None:
        return self.council_index.get(gss)

    @property
    def council_index(self) -> dict[str, CouncilRow]:
        found = self._cache.get("council_index")
        if found is None:
            found = {c.gss_code: c for c in self.councils}
            self._cache["council_index"] = found
        return found  # type: ignore[return-value]

    @property
    def document_index(self) -> dict[str, DocumentRow]:
        found = self._cache.get("document_index")
        if found is None:
            found = {d.id: d for d in self.documents}
            self._cache["document_index"] = found
        return found  # type: ignore[return-value]

    def councils_with_documents(self) -> list[CouncilRow]:
        """Councils (in the register) that at least one document is tied to, by name."""
        have = {d.council_gss for d in self.documents if d.council_gss}
        return sorted((c for c in self.councils if c.gss_code in have), key=lambda c: c.name)

    def council_passages(self) -> list[PassageRow]:
        """Passages in the council's own words, tied to a council in the register."""
        index = self.council_index
        return [p for p in self.passages if p.kind == "council" and p.council_gss in index]

    def passage_vectors(self) -> Matrix:
        """Embeddings of every passage (L2-normalised), computed once with the bundled embedder."""
        if self.vectors is None or len(self.vectors) != len(self.passages):
            from productivity_plans.coding.embeddings import load_embedder

            self.vectors = load_embedder().encode([p.text for p in self.passages])
        return self.vectors

    def vectors_for(self, passages: Sequence[PassageRow]) -> Matrix:
        position = self._cache.get("position")
        if position is None:
            position = {p.id: i for i, p in enumerate(self.passages)}
            self._cache["position"] = position
        matrix = self.passage_vectors()
        rows = [position[p.id] for p in passages]  # type: ignore[index]
        return matrix[rows] if rows else np.zeros((0, matrix.shape[1]), dtype=np.float32)

    @property
    def source_line(self) -> str:
        n_docs = len(self.documents)
        n_councils = len(self.councils_with_documents())
        model = f", coded by model {self.model_version}" if self.model_version else ""
        return f"Source: {n_docs} documents from {n_councils} councils{model}."


@dataclass(frozen=True, slots=True)
class Cite:
    """A pointer to evidence: a passage (or decision sentence) at page and offsets in a document."""

    document_id: str
    council_gss: str | None
    page: int
    start: int
    end: int
    text: str
    passage_id: str | None = None

    @classmethod
    def of(cls, passage: PassageRow) -> Cite:
        return cls(
            passage.document_id,
            passage.council_gss,
            passage.page,
            passage.start,
            passage.end,
            passage.text,
            passage.id,
        )

    @property
    def ref(self) -> str:
        """Compact, stable reference: ``<document id> p<page> [start–end]``."""
        return f"{self.document_id} p{self.page} [{self.start}-{self.end}]"
