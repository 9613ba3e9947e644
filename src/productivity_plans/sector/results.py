"""Run every analysis once and flatten the results into named tidy tables (for exports)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

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
from productivity_plans.sector.snapshot import Cite, SectorSnapshot
from productivity_plans.sector.topics import emergent_themes

Row = dict[str, Any]


@dataclass(slots=True)
class SectorResults:
    snapshot: SectorSnapshot
    coverage_heading: list[CoverageCell]
    coverage_question: list[CoverageCell]
    coverage_by_type: list[CoverageShare]
    coverage_by_region: list[CoverageShare]
    coverage_questions_by_type: list[CoverageShare]
    barriers_all: list[BarrierCount]
    barriers_by_type: list[BarrierCount]
    barriers_by_region: list[BarrierCount]
    barrier_examples: list[BarrierExample]
    barrier_pairs: list[BarrierPair]
    timeline: list[TimelineRow]
    bodies: list[BodyCount]
    oversight: list[OversightRow]
    gaps: list[QuestionGap]
    exemplars: list[Exemplar]
    measurement: list[Cluster]
    themes: list[Cluster]
    similar: list[SimilarCouncil]
    similar_like_for_like: list[SimilarCouncil]
    timings: dict[str, float] = field(default_factory=dict)


def run_analyses(snapshot: SectorSnapshot) -> SectorResults:
    """Every analysis over one snapshot; ``timings`` holds seconds per analysis."""
    timings: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        value = fn()
        timings[name] = round(time.perf_counter() - t0, 3)
        return value

    timed("embeddings", snapshot.passage_vectors)
    heading = timed("coverage", lambda: coverage_cells(snapshot, "heading"))
    question = timed("coverage_questions", lambda: coverage_cells(snapshot, "question"))
    return SectorResults(
        snapshot=snapshot,
        coverage_heading=heading,
        coverage_question=question,
        coverage_by_type=coverage_shares(heading, "type"),
        coverage_by_region=coverage_shares(heading, "region"),
        coverage_questions_by_type=coverage_shares(question, "type"),
        barriers_all=timed("barriers", lambda: barrier_counts(snapshot, "all")),
        barriers_by_type=barrier_counts(snapshot, "type"),
        barriers_by_region=barrier_counts(snapshot, "region"),
        barrier_examples=barrier_examples(snapshot),
        barrier_pairs=timed("barrier_pairs", lambda: barrier_pairs(snapshot)),
        timeline=timed("governance", lambda: decision_timeline(snapshot)),
        bodies=body_counts(snapshot),
        oversight=oversight(snapshot),
        gaps=timed("gaps", lambda: question_gaps(snapshot)),
        exemplars=timed("exemplars", lambda: exemplars(snapshot)),
        measurement=timed("measurement", lambda: measurement_groups(snapshot)),
        themes=timed("themes", lambda: emergent_themes(snapshot)),
        similar=timed("similar", lambda: similar_councils(snapshot, 3)),
        similar_like_for_like=similar_councils(snapshot, 3, same_type=True),
        timings=timings,
    )


def _cell(value: Any) -> Any:
    if isinstance(value, Cite):
        return value.ref
    if isinstance(value, tuple | list):
        if value and isinstance(value[0], Cite):
            return "; ".join(c.ref for c in value)
        return "; ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def flatten(rows: list[Any]) -> list[Row]:
    """Dataclass rows → flat dicts: evidence as ``D01 p1 [120-310]; …``, dates ISO, tuples
    joined. An evidence column ``evidence_text`` carries the first cited passage's text."""
    out: list[Row] = []
    for r in rows:
        assert is_dataclass(r)
        flat: Row = {}
        for f in fields(r):
            value = getattr(r, f.name)
            flat[f.name] = _cell(value)
            if isinstance(value, Cite):
                flat[f"{f.name}_text"] = value.text
        out.append(flat)
    return out


def tables(results: SectorResults) -> dict[str, list[Row]]:
    """Named tidy tables, one per analysis view (the CSV files / XLSX sheets / JSON keys)."""
    s = results.snapshot
    return {
        "coverage_headings": flatten(
            [c for c in results.coverage_heading if c.status != "no_documents"]
        ),
        "coverage_questions": flatten(
            [c for c in results.coverage_question if c.status != "no_documents"]
        ),
        "coverage_by_type": flatten(results.coverage_by_type),
        "coverage_by_region": flatten(results.coverage_by_region),
        "coverage_questions_by_type": flatten(results.coverage_questions_by_type),
        "barriers": flatten(results.barriers_all),
        "barriers_by_type": flatten(results.barriers_by_type),
        "barriers_by_region": flatten(results.barriers_by_region),
        "barrier_examples": flatten(results.barrier_examples),
        "barrier_pairs": flatten(results.barrier_pairs),
        "timeline": flatten(results.timeline),
        "oversight_bodies": flatten(results.bodies),
        "oversight": flatten(results.oversight),
        "gaps": flatten(results.gaps),
        "exemplars": flatten(results.exemplars),
        "measurement": flatten(results.measurement),
        "themes": flatten(results.themes),
        "similar_councils": flatten(results.similar),
        "similar_same_type": flatten(results.similar_like_for_like),
        "documents": flatten(s.documents),
        "recorded_steps": flatten(s.recorded_steps),
        "progress_actions": flatten(s.progress_actions),
        "progress_measures": flatten(s.measure_values),
    }
