"""Build a :class:`SectorSnapshot` from files, through the ingest, extract and coding stages.

For tests, the bundled examples and the CLI until the store can hand over a snapshot. Pure apart
from reading the given files: no database, no network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from productivity_plans.coding.records import DocumentCodes
from productivity_plans.extract import submission_to_come
from productivity_plans.extract.records import Facts
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.sector.snapshot import (
    CouncilRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    Matrix,
    PassageRow,
    SectorSnapshot,
)

# A restating passage is tied to the framework text it is nearest to, above this cosine.
RESTATEMENT_MIN_SIMILARITY = 0.45
PUBLISHED_TYPES = frozenset({"plan", "web_page", "news"})


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One document after ingest, extract and coding: what a snapshot row is made from."""

    id: str
    source: str
    url: str | None
    title: str | None
    text: str
    page_starts: tuple[int, ...]  # start offset of each page, in order
    sha256: str | None
    facts: Facts
    codes: DocumentCodes
    # Embeddings of ``codes.passages``, one row each, when the caller has them (the store keeps
    # them); None: the snapshot encodes its passages when an analysis first needs them.
    passage_vectors: Matrix | None = None


def register_councils(framework: Framework) -> list[CouncilRow]:
    """English councils in force on the framework's deadline (317 for the 2024 regime)."""
    from productivity_plans.councils import load_register

    return [
        CouncilRow(c.gss_code, c.official_name, c.type, c.region)
        for c in load_register().in_force(framework.deadline)
    ]


def _page_of(page_starts: Sequence[int], offset: int) -> int:
    page = 1
    for number, start in enumerate(page_starts, start=1):
        if start <= offset:
            page = number
    return page


def snapshot_from_results(
    results: Iterable[DocumentResult],
    *,
    framework: Framework | None = None,
    councils: list[CouncilRow] | None = None,
) -> SectorSnapshot:
    """Turn stage outputs into a snapshot; requirement passages are tied to what they restate."""
    framework = framework or load_framework()
    councils = councils if councils is not None else register_councils(framework)
    documents: list[DocumentRow] = []
    decisions: list[DecisionRow] = []
    events: list[EventRow] = []
    passages: list[PassageRow] = []
    vectors: list[Matrix] | None = []  # rows aligned with passages, while every result has them
    versions: set[str] = set()
    for r in results:
        facts, gss = r.facts, r.facts.council_code
        documents.append(
            DocumentRow(
                id=r.id,
                council_gss=gss,
                doc_type=facts.doc_type,
                title=r.title,
                source=r.source,
                url=r.url,
                published=True if facts.doc_type in PUBLISHED_TYPES and r.url else None,
                pages=max(1, len(r.page_starts)),
                sha256=r.sha256,
            )
        )
        d = facts.decision
        if d.outcome != "none" or d.body:
            decisions.append(
                DecisionRow(
                    r.id,
                    gss,
                    d.body,
                    d.body_kind,
                    # a meeting still to come ("none": no decision here) is not a dated step
                    d.date if d.outcome != "none" else None,
                    d.outcome,
                    d.evidence,
                    d.start,
                    d.end,
                    _page_of(r.page_starts, d.start or 0),
                )
            )
        for e in facts.timeline:
            events.append(
                EventRow(
                    r.id,
                    gss,
                    e.date,
                    e.body,
                    e.action,
                    e.sentence,
                    e.start,
                    e.end,
                    _page_of(r.page_starts, e.start),
                )
            )
        if (
            facts.submitted_date is not None
            and not submission_to_come(facts.submission.sentence if facts.submission else None)
            and not any(
                e.action == "submitted" and e.date == facts.submitted_date for e in facts.timeline
            )
        ):
            events.append(_submission_event(r, gss, facts.submitted_date))
        if r.codes.model_version:
            versions.add(r.codes.model_version)
        if r.passage_vectors is None and r.codes.passages:
            vectors = None
        for position, code in enumerate(r.codes.passages):
            p = code.passage
            if not p.text.strip():
                continue
            if vectors is not None and r.passage_vectors is not None:
                vectors.append(r.passage_vectors[position])
            conf = dict(code.confidences)
            main = max(
                [conf.get(h, 0.0) for h in code.headings] or [conf.get("kind", 1.0)],
            )
            passages.append(
                PassageRow(
                    id=f"{r.id}:{p.index}",
                    document_id=r.id,
                    council_gss=gss,
                    page=p.page,
                    start=p.start,
                    end=p.end,
                    text=p.text,
                    kind=code.kind,
                    headings=code.headings,
                    questions=code.questions,
                    barriers=code.barriers,
                    is_measure=code.is_measure,
                    is_initiative=code.is_initiative,
                    confidence=round(float(main), 4),
                    confidences=conf,
                )
            )
    snapshot = SectorSnapshot(
        framework=framework,
        councils=councils,
        documents=documents,
        decisions=decisions,
        events=events,
        passages=passages,
        model_version=", ".join(sorted(versions)),
        vectors=np.vstack(vectors).astype(np.float32) if vectors else None,
    )
    tie_restatements(snapshot)
    return snapshot


def _submission_event(r: DocumentResult, gss: str | None, day: date) -> EventRow:
    iso = day.isoformat()
    return EventRow(r.id, gss, day, None, "submitted", f"Submitted on {iso}", 0, 0, 1)


def tie_restatements(snapshot: SectorSnapshot) -> None:
    """Give each uncoded requirement passage the heading and sub-question it restates, when the
    nearest framework text is close enough (cosine ≥ RESTATEMENT_MIN_SIMILARITY)."""
    fw = snapshot.framework
    todo = [
        i for i, p in enumerate(snapshot.passages) if p.kind == "requirement" and not p.headings
    ]
    if not todo:
        return
    from productivity_plans.coding.embeddings import load_embedder

    targets = [(q.id, f"{fw.heading_of(q.id).title}. {q.text}") for q in fw.questions]
    targets += [(h.id, f"{h.title}. {h.text}") for h in fw.headings]
    embedder = load_embedder()
    target_vectors = embedder.encode([t for _, t in targets])
    vectors = snapshot.passage_vectors()[todo]
    sims = vectors @ target_vectors.T
    for row, i in enumerate(todo):
        best = int(np.argmax(sims[row]))
        if sims[row, best] < RESTATEMENT_MIN_SIMILARITY:
            continue
        target = targets[best][0]
        p = snapshot.passages[i]
        heading = target.split(".", 1)[0]
        questions = (target,) if "." in target else ()
        snapshot.passages[i] = PassageRow(
            **{
                **{f: getattr(p, f) for f in PassageRow.__slots__},
                "headings": (heading,),
                "questions": questions,
                "confidence": round(float(sims[row, best]), 4),
            }
        )


def read_results(items: Sequence[tuple[Path, str | None]]) -> list[DocumentResult]:
    """Read, extract and code each (path, url); unreadable files are skipped (ingest reports
    them). Document ids are ``D01``, ``D02``… in the order given."""
    from productivity_plans.coding import code_document
    from productivity_plans.extract import extract_facts
    from productivity_plans.ingest import IngestError, read_document

    out: list[DocumentResult] = []
    width = max(2, len(str(len(items))))
    for n, (path, url) in enumerate(items, start=1):
        try:
            doc = read_document(path, url=url)
        except IngestError:
            continue
        parsed = doc.parsed
        if not parsed.has_text:
            continue
        out.append(
            DocumentResult(
                id=f"D{n:0{width}d}",
                source=str(path),
                url=url,
                title=parsed.title or path.name,
                text=parsed.text,
                page_starts=tuple(p.start for p in parsed.pages),
                sha256=doc.provenance.sha256,
                facts=extract_facts(parsed.text, url=url, title=parsed.title),
                codes=code_document(parsed),
            )
        )
    return out


def examples_dir() -> Path:
    return Path(str(resources.files("productivity_plans") / "examples"))


def manifest_items(manifest: Path) -> list[tuple[Path, str | None]]:
    """(path, url) pairs from a JSON Lines manifest; paths are relative to the manifest."""
    items: list[tuple[Path, str | None]] = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            items.append((manifest.parent / entry["path"], entry.get("url")))
    return items


def examples_snapshot() -> SectorSnapshot:
    """The bundled example documents as a snapshot (about 10 s: every document is coded)."""
    return snapshot_from_results(read_results(manifest_items(examples_dir() / "manifest.jsonl")))
