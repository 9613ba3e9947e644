"""Plain records the coding stage returns: passages, their codes and a document's codes.

Every code carries its evidence: the passage text with page and character offsets into the
document text (``ParsedDocument.text`` or the plain string given to ``code_text``), plus a
confidence in [0, 1]. The shapes follow the ``inspect --json`` contract:
``themes`` [{id, questions, evidence: [{text, page, start, end, confidence}]}],
``barriers`` [{id, evidence}], ``measures`` [{text, evidence}].
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PassageKind = Literal["requirement", "council"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph, list item or table row, with the nearest preceding heading as context."""

    text: str
    page: int
    start: int  # character offset into the document text; text == doc[start:end]
    end: int
    block: str = "paragraph"  # paragraph | list_item | table_row
    heading: str | None = None  # nearest preceding heading text, if any
    index: int = 0  # position in the document


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    page: int
    start: int
    end: int
    confidence: float

    @classmethod
    def of(cls, passage: Passage, confidence: float) -> Evidence:
        return cls(passage.text, passage.page, passage.start, passage.end, round(confidence, 4))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PassageCode:
    """What the model says about one passage. ``confidences`` maps every code given to its score
    (keys: ``kind``, heading ids, question ids, ``barrier:<id>``, ``measure``, ``initiative``)."""

    passage: Passage
    kind: PassageKind
    headings: tuple[str, ...]
    questions: tuple[str, ...]
    barriers: tuple[str, ...]
    is_measure: bool
    is_initiative: bool
    confidences: dict[str, float]
    model_version: str
    framework_id: str

    def evidence(self, key: str) -> Evidence:
        return Evidence.of(self.passage, self.confidences.get(key, 0.0))


@dataclass(frozen=True, slots=True)
class ThemeCode:
    id: str
    questions: list[str]
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "questions": list(self.questions),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class BarrierCode:
    id: str
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class MeasureCode:
    text: str
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(slots=True)
class DocumentCodes:
    """A document's codes: themes the council answers with its own content, barriers it names,
    the ways it says it measures productivity, plus every passage code for drill-down."""

    themes: list[ThemeCode] = field(default_factory=list)
    barriers: list[BarrierCode] = field(default_factory=list)
    measures: list[MeasureCode] = field(default_factory=list)
    passages: list[PassageCode] = field(default_factory=list)
    model_version: str = ""
    framework_id: str = ""

    @property
    def theme_ids(self) -> list[str]:
        return [t.id for t in self.themes]

    @property
    def barrier_ids(self) -> list[str]:
        return [b.id for b in self.barriers]

    @property
    def states_measurement(self) -> bool:
        return bool(self.measures)

    def to_dict(self) -> dict[str, Any]:
        """The ``inspect --json`` shape: themes, barriers, measures."""
        return {
            "themes": [t.to_dict() for t in self.themes],
            "barriers": [b.to_dict() for b in self.barriers],
            "measures": [m.to_dict() for m in self.measures],
            "model_version": self.model_version,
            "framework_id": self.framework_id,
        }
