"""Plain records the extract stage returns. No database, no I/O: dataclasses only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.extract.makers import decision_makers

# Bumped whenever a rule change can change the output; stored with every facts row so a
# re-extraction (``prodplans extract``) can tell stale machine output from current.
EXTRACTOR_VERSION = "35"

# Canonical kinds of decision body (see governance.body_kind).
BODY_KINDS = (
    "cabinet",
    "executive",
    "council",
    "committee",
    "leader",
    "mayor",
    "portfolio_holder",
    "officer",
    "other",
)
# Bodies of elected members: their decision is member oversight. Officers are not.
MEMBER_KINDS = frozenset(BODY_KINDS) - {"officer", "other"}


@dataclass(frozen=True, slots=True)
class Decision:
    """Who took or considered the decision on the plan, when, and what it came to.

    ``outcome`` is one of the framework's outcome ids (approved, endorsed, noted, delegated,
    deferred, none, unknown).
    """

    body: str | None
    body_kind: str | None
    date: date | None
    outcome: str
    evidence: str | None = None  # the sentence the outcome came from
    start: int | None = None
    end: int | None = None

    @property
    def makers(self) -> tuple[str, ...]:
        """The decision-makers ``body`` names: several when a decision is taken jointly
        ("Cabinet Member for Finance, Leader of the Council"), derived from the one string so
        that a decision loaded from the store has them too."""
        return decision_makers(self.body)


@dataclass(frozen=True, slots=True)
class GovernanceEvent:
    """An earlier (or later) step the paper mentions: "endorsed by the Leader on 15 July"."""

    date: date
    body: str | None
    action: str  # approved, endorsed, noted, considered, submitted, ...
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence of the document that evidences a fact, with offsets into the text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Author:
    name: str | None
    role: str | None


@dataclass(slots=True)
class Facts:
    """Everything the extract stage found in one document."""

    council: CouncilMatch | None
    doc_type: str
    decision: Decision
    author: Author | None = None
    recommendations: list[str] = field(default_factory=list)
    key_decision: bool | None = None
    call_in: bool | None = None
    submitted_date: date | None = None
    timeline: list[GovernanceEvent] = field(default_factory=list)
    submission: Quote | None = None  # the sentence giving ``submitted_date``
    publication: Quote | None = None  # "published on the council's website"
    version: str = EXTRACTOR_VERSION

    @property
    def council_code(self) -> str | None:
        return self.council.gss_code if self.council else None
