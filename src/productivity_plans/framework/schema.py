"""The shape a framework file must have, validated on load so a typo fails at start-up."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import re2
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Source = Literal["verbatim", "paraphrase", "derived"]


def _compiles(pattern: str) -> str:
    """A pattern that does not compile fails the framework at load, not the first document."""
    options = re2.Options()
    options.case_sensitive = False
    try:
        re2.compile(pattern, options=options)
    except re2.error as exc:
        raise ValueError(f"pattern {pattern!r} is not RE2 syntax: {exc}") from exc
    return pattern


# A case-insensitive regular expression in RE2's syntax (coding matches many at once with RE2),
# matched against the sentences of a passage.
Pattern = Annotated[str, AfterValidator(_compiles)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(_Strict):
    id: str
    text: str
    source: Source
    note: str | None = None
    # Phrases that typically answer the question; coding uses them as exemplars.
    exemplars: tuple[str, ...] = ()
    # True for the question of how productivity is measured: a passage that says how the
    # council measures answers it (and so its heading).
    measurement: bool = False


class Heading(_Strict):
    id: str
    number: int
    title: str
    text: str
    source: Source
    questions: tuple[Question, ...] = ()
    exemplars: tuple[str, ...] = ()
    # How councils title a section that answers this heading (structure, the first signal) and
    # content cues for passages outside such a section (the second).
    section_patterns: tuple[Pattern, ...] = ()
    cues: tuple[Pattern, ...] = ()
    # True for the heading under which a council names barriers: a passage coded with a barrier
    # id answers this heading.
    names_barriers: bool = False


class Barrier(_Strict):
    id: str
    label: str
    description: str
    # General paraphrases (sentence similarity, the second signal) and paraphrase rules (the
    # first): see the framework file.
    exemplars: tuple[str, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    # What the barrier is about; named together with one of the framework's barrier signals.
    topics: tuple[Pattern, ...] = ()
    # Barriers whose topics, in a sentence this barrier's rules name, are only its setting (the
    # service whose data cannot be shared or whose system is old): there they name nothing
    # unless their own rules match.
    settings: tuple[str, ...] = ()
    # Barriers that, in a sentence this barrier's rules name, are part of it and name nothing
    # there, whatever matched them: the shortfall or the uncertainty of a new duty's own funding
    # is the unfunded burden, not underfunding or uncertain funding in general.
    absorbs: tuple[str, ...] = ()


class Choice(_Strict):
    id: str
    description: str


class Letter(_Strict):
    date: date
    from_: str = Field(alias="from")
    title: str


class PageRange(_Strict):
    min: int
    max: int


class Requirements(_Strict):
    member_oversight: bool
    publication: bool
    progress_updates: bool
    rated_or_scored: bool


class Framework(_Strict):
    """One regime: its letter, deadline, headings with sub-questions, barriers and vocabularies."""

    id: str
    version: int
    title: str
    letter: Letter
    deadline: date
    expected_pages: PageRange
    requirements: Requirements
    purpose: str
    # Sentences that restate the requirement, and sentences in the council's own voice asking
    # government for something (which are never a restatement).
    restatement_patterns: tuple[Pattern, ...] = ()
    council_ask_patterns: tuple[Pattern, ...] = ()
    barrier_signals: tuple[Pattern, ...] = ()
    headings: tuple[Heading, ...] = Field(min_length=1)
    barriers: tuple[Barrier, ...] = ()
    outcomes: tuple[Choice, ...] = Field(min_length=1)
    document_types: tuple[Choice, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_are_unique_and_scoped(self) -> Framework:
        for kind, ids in (
            ("heading", [h.id for h in self.headings]),
            ("question", [q.id for q in self.questions]),
            ("barrier", [b.id for b in self.barriers]),
            ("outcome", [o.id for o in self.outcomes]),
            ("document type", [d.id for d in self.document_types]),
        ):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(duplicates)}")
        barrier_ids = {b.id for b in self.barriers}
        for barrier in self.barriers:
            unknown = sorted(set(barrier.settings) - barrier_ids)
            if unknown:
                raise ValueError(
                    f"barrier {barrier.id!r} names unknown setting(s): {', '.join(unknown)}"
                )
            unknown = sorted(set(barrier.absorbs) - barrier_ids)
            if unknown or barrier.id in barrier.absorbs:
                raise ValueError(
                    f"barrier {barrier.id!r} absorbs unknown or its own id(s): "
                    f"{', '.join(unknown or [barrier.id])}"
                )
        for heading in self.headings:
            for question in heading.questions:
                if not question.id.startswith(f"{heading.id}."):
                    raise ValueError(
                        f"question {question.id!r} must be prefixed with its heading "
                        f"{heading.id!r}."
                    )
        if self.letter.date > self.deadline:
            raise ValueError("the letter must come before the deadline")
        return self

    @property
    def questions(self) -> list[Question]:
        return [q for h in self.headings for q in h.questions]

    def heading(self, heading_id: str) -> Heading:
        for heading in self.headings:
            if heading.id == heading_id:
                return heading
        raise KeyError(heading_id)

    def heading_of(self, question_id: str) -> Heading:
        return self.heading(question_id.split(".", 1)[0])

    @property
    def barrier_ids(self) -> list[str]:
        return [b.id for b in self.barriers]

    @property
    def outcome_ids(self) -> list[str]:
        return [o.id for o in self.outcomes]

    @property
    def document_type_ids(self) -> list[str]:
        return [d.id for d in self.document_types]
