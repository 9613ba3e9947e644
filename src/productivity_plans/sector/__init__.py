"""Sector stage: pure analyses over a plain :class:`SectorSnapshot` of councils, documents,
decisions and coded passages. Tidy rows out, each linked to its evidence (document, page,
offsets). Councils are never scored or ranked: coverage, counts of councils and evidence only.

``sector.compliance`` is the per-council view over the store's facts (governance trail and
requirement statuses); the rest work on a snapshot.
"""

from productivity_plans.sector.barriers import (
    BarrierCount,
    BarrierExample,
    BarrierPair,
    barrier_counts,
    barrier_examples,
    barrier_pairs,
)
from productivity_plans.sector.clusters import Cluster
from productivity_plans.sector.coverage import (
    CoverageCell,
    CoverageShare,
    coverage_cells,
    coverage_shares,
)
from productivity_plans.sector.exemplars import Exemplar, exemplars
from productivity_plans.sector.gaps import QuestionGap, question_gaps
from productivity_plans.sector.governance import (
    BodyCount,
    OversightRow,
    TimelineRow,
    body_counts,
    decision_timeline,
    oversight,
)
from productivity_plans.sector.measurement import measurement_groups
from productivity_plans.sector.similar import SimilarCouncil, similar_councils
from productivity_plans.sector.snapshot import (
    Cite,
    CouncilRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    PassageRow,
    SectorSnapshot,
)
from productivity_plans.sector.topics import emergent_themes

__all__ = [
    "BarrierCount",
    "BarrierExample",
    "BarrierPair",
    "BodyCount",
    "Cite",
    "Cluster",
    "CouncilRow",
    "CoverageCell",
    "CoverageShare",
    "DecisionRow",
    "DocumentRow",
    "EventRow",
    "Exemplar",
    "OversightRow",
    "PassageRow",
    "QuestionGap",
    "SectorSnapshot",
    "SimilarCouncil",
    "TimelineRow",
    "barrier_counts",
    "barrier_examples",
    "barrier_pairs",
    "body_counts",
    "coverage_cells",
    "coverage_shares",
    "decision_timeline",
    "emergent_themes",
    "exemplars",
    "measurement_groups",
    "oversight",
    "question_gaps",
    "similar_councils",
]
