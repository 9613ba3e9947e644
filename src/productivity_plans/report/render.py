"""Build the sector report: one self-contained HTML file (inline CSS and SVG) and its PDF."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from productivity_plans.councils.register import ATTRIBUTION
from productivity_plans.report import charts
from productivity_plans.report.evidence import LISTED_PER_GROUP, EvidenceIndex, focus, quote
from productivity_plans.sector.governance import BODY_LABELS
from productivity_plans.sector.groups import TYPE_LABELS, group_label
from productivity_plans.sector.results import SectorResults, run_analyses
from productivity_plans.sector.snapshot import Cite, SectorSnapshot

# Above this many councils the neighbour table is left to the exports (similar_same_type.csv).
SIMILAR_IN_REPORT = 60


@dataclass(frozen=True, slots=True)
class ReportPaths:
    html: Path
    pdf: Path | None
    timings: dict[str, float] = field(default_factory=dict)


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("productivity_plans.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quote"] = quote
    env.filters["focus"] = focus
    env.filters["pct"] = lambda v: f"{round(100 * v)}%"
    env.filters["type_label"] = group_label
    env.filters["union"] = lambda a, b: set(a) | set(b)
    return env


def _types(results: SectorResults) -> list[str]:
    present = {c.type for c in results.snapshot.councils_with_documents()}
    return [t for t in TYPE_LABELS if t in present] + sorted(present - set(TYPE_LABELS))


def _cell(
    ev: EvidenceIndex, title: str, count: int, total: int | None, cites: Any
) -> dict[str, Any]:
    return {
        "count": count,
        "total": total,
        "anchor": ev.link(title, cites) if count else "",
    }


def context(results: SectorResults) -> dict[str, Any]:
    s = results.snapshot
    fw = s.framework
    ev = EvidenceIndex(s)
    types = _types(results)
    with_docs = s.councils_with_documents()
    source = s.source_line
    headings = {h.id: h for h in fw.headings}
    questions = {q.id: q for q in fw.questions}

    # Collection
    docs_by_type = Counter(
        s.council_index[d.council_gss].type for d in s.documents if d.council_gss in s.council_index
    )
    collection = [
        {
            "type": t,
            "in_register": sum(1 for c in s.councils if c.type == t),
            "with_documents": sum(1 for c in with_docs if c.type == t),
            "documents": docs_by_type.get(t, 0),
        }
        for t in [t for t in TYPE_LABELS if any(c.type == t for c in s.councils)]
    ]
    unidentified = [d for d in s.documents if d.council_gss not in s.council_index]

    ev.table = "coverage_by_type"
    # Coverage: headings × council types
    share = {(r.group, r.item): r for r in results.coverage_by_type}
    coverage_rows = []
    for h in fw.headings:
        cells = []
        for t in types:
            r = share[(t, h.id)]
            cell = _cell(
                ev,
                f"Councils ({group_label(t)}) answering “{h.title}” in their own words",
                r.answered,
                r.councils_with_documents,
                r.evidence,
            )
            cell["share"] = r.share_answered
            cell["restated"] = r.restated
            cells.append(cell)
        coverage_rows.append({"heading": h, "cells": cells})
    heatmap_svg = charts.heatmap(
        [f"{h.number}. {h.title}" for h in fw.headings],
        [
            f"{group_label(t)} (n={share[(t, fw.headings[0].id)].councils_with_documents})"
            for t in types
        ],
        [
            [
                share[(t, h.id)].share_answered
                if share[(t, h.id)].councils_with_documents
                else None
                for t in types
            ]
            for h in fw.headings
        ],
        [
            [
                f"{share[(t, h.id)].answered}/{share[(t, h.id)].councils_with_documents}"
                for t in types
            ]
            for h in fw.headings
        ],
        "Heatmap: share of councils with documents answering each heading in their own words, "
        "by council type",
    )
    ev.table = "coverage_questions_by_type"
    qshare = {(r.group, r.item): r for r in results.coverage_questions_by_type}
    question_rows = []
    for q in fw.questions:
        cells = []
        for t in types:
            r = qshare[(t, q.id)]
            cells.append(
                _cell(
                    ev,
                    f"Councils ({group_label(t)}) answering: {q.text}",
                    r.answered,
                    r.councils_with_documents,
                    r.evidence,
                )
            )
        question_rows.append({"question": q, "cells": cells})

    ev.table = "barriers_by_type"
    # Barriers by type
    by_type = {(r.barrier, r.group): r for r in results.barriers_by_type}
    overall = {r.barrier: r for r in results.barriers_all}
    named = [b for b in fw.barriers if overall[b.id].councils]
    named.sort(key=lambda b: (-overall[b.id].councils, b.label))
    barrier_rows = []
    for b in named:
        cells = [
            _cell(
                ev,
                f"{group_label(t)} councils naming “{b.label}”",
                by_type[(b.id, t)].councils,
                None,
                by_type[(b.id, t)].evidence,
            )
            for t in types
        ]
        total = overall[b.id]
        barrier_rows.append(
            {
                "barrier": b,
                "cells": cells,
                "all": _cell(
                    ev,
                    f"All councils naming “{b.label}”",
                    total.councils,
                    total.councils_with_documents,
                    total.evidence,
                ),
                "share": total.share,
            }
        )
    barriers_svg = (
        charts.stacked_bars(
            [b.label for b in named],
            [
                (group_label(t), [by_type[(b.id, t)].councils for b in named])
                for t in types
                if any(by_type[(b.id, t)].councils for b in named)
            ],
            "Councils naming the barrier",
            "Bar chart: councils naming each barrier, stacked by council type",
        )
        if named
        else ""
    )
    examples_by_barrier: dict[str, list[Any]] = defaultdict(list)
    for e in results.barrier_examples:
        examples_by_barrier[e.barrier].append(e)
    ev.table = "barrier_pairs"
    pairs = [
        {
            "a": fw_barrier_label(fw, p.barrier_a),
            "b": fw_barrier_label(fw, p.barrier_b),
            **_cell(
                ev,
                f"Councils naming both “{fw_barrier_label(fw, p.barrier_a)}” "
                f"and “{fw_barrier_label(fw, p.barrier_b)}”",
                p.councils,
                None,
                p.evidence,
            ),
            "jaccard": p.jaccard,
        }
        for p in results.barrier_pairs[:12]
    ]

    ev.table = "timeline"
    # Governance
    letter, deadline = fw.letter.date, fw.deadline
    dated = [r for r in results.timeline if r.date is not None]
    lanes = [BODY_LABELS[k] for k in BODY_LABELS if any(r.body_kind == k for r in dated)]
    timeline_svg = (
        charts.timeline(
            [(r.date, BODY_LABELS[r.body_kind], r.source == "decision") for r in dated if r.date],
            lanes,
            [(letter, f"Letter {letter:%d %b}"), (deadline, f"Deadline {deadline:%d %b}")],
            "Timeline: dated decisions and governance steps on plans, by kind of body, "
            "against the letter and the deadline",
        )
        if dated
        else ""
    )
    months = sorted({(r.date.year, r.date.month) for r in dated if r.date})
    month_rows = []
    for y, m in months:
        here = [r for r in dated if r.date and (r.date.year, r.date.month) == (y, m)]
        cells = []
        for lane in lanes:
            mine = [r for r in here if BODY_LABELS[r.body_kind] == lane]
            cells.append(
                _cell(
                    ev,
                    f"{lane}: decisions and steps in {date(y, m, 1):%B %Y}",
                    len(mine),
                    None,
                    [r.evidence for r in mine],
                )
            )
        month_rows.append({"month": date(y, m, 1), "cells": cells, "total": len(here)})
    when_rows = []
    # Progress reviews and updates of plans are a row of their own, never "after the deadline".
    reviews = [r for r in results.timeline if r.kind == "progress_review"]
    for key, text in (
        ("before_letter", f"Before the letter ({letter:%d %B %Y})"),
        ("by_deadline", f"Between the letter and the deadline ({deadline:%d %B %Y})"),
        ("after_deadline", "After the deadline"),
        ("undated", "Date not found"),
        ("progress_review", "Later progress reviews and updates of plans"),
    ):
        if key == "progress_review":
            mine = reviews
        else:
            mine = [r for r in results.timeline if r.when == key and r.kind != "progress_review"]
        when_rows.append(
            {
                "text": text,
                "decisions": _cell(
                    ev,
                    f"Decisions: {text}",
                    sum(1 for r in mine if r.source == "decision"),
                    None,
                    [r.evidence for r in mine if r.source == "decision"],
                ),
                "events": _cell(
                    ev,
                    f"Other governance steps: {text}",
                    sum(1 for r in mine if r.source == "event"),
                    None,
                    [r.evidence for r in mine if r.source == "event"],
                ),
                "councils": len({r.council_gss for r in mine if r.council_gss}),
            }
        )
    ev.table = "oversight_bodies"
    body_rows = [
        {
            "label": b.label,
            **_cell(ev, f"Decisions by: {b.label}", b.councils, None, b.evidence),
            "decisions": b.decisions,
        }
        for b in results.bodies
    ]
    ev.table = "oversight"
    overseen = [o for o in results.oversight if o.documents]
    no_oversight = [o for o in overseen if not o.oversight]
    no_publication = [o for o in overseen if not o.published]
    without_docs = [o for o in results.oversight if not o.documents]
    by_region: dict[str, list[str]] = defaultdict(list)
    for o in without_docs:
        by_region[o.region].append(o.council)
    oversight_summary = {
        "with_documents": len(overseen),
        "oversight": ev.link(
            "Councils with a recorded decision on the plan",
            [c for o in overseen if o.oversight for c in o.evidence[:1]],
        ),
        "oversight_n": sum(1 for o in overseen if o.oversight),
        "no_oversight": no_oversight,
        "no_publication": no_publication,
        "without_documents": len(without_docs),
        "without_by_region": sorted(by_region.items()),
    }

    ev.table = "gaps"
    # Gaps
    gap_rows = [
        {
            "gap": g,
            "question": questions[g.question],
            "heading": headings[g.heading],
            **_cell(
                ev,
                f"Councils answering: {g.text}",
                g.answered,
                g.councils_with_documents,
                g.evidence,
            ),
        }
        for g in results.gaps
    ]

    # Exemplars
    exemplar_groups = []
    for q in fw.questions:
        picked = [e for e in results.exemplars if e.question == q.id]
        if picked:
            exemplar_groups.append(
                {"question": q, "heading": headings[fw.heading_of(q.id).id], "items": picked}
            )

    def clusters(items: list[Any], kind: str, table: str) -> list[dict[str, Any]]:
        ev.table = table
        return [
            {
                "c": c,
                **_cell(ev, f"{kind} {c.id}: {c.label}", c.passages, None, c.evidence),
            }
            for c in items
        ]

    similar_by: dict[str, list[Any]] = defaultdict(list)
    for sim in results.similar_like_for_like:
        similar_by[sim.council].append(sim)
    similar_any: dict[str, list[Any]] = defaultdict(list)
    for sim in results.similar:
        similar_any[sim.council].append(sim)

    return {
        "fw": fw,
        "generated": datetime.now(UTC).strftime("%d %B %Y"),
        "source": source,
        "n_documents": len(s.documents),
        "n_councils": len(s.councils),
        "n_with_documents": len(with_docs),
        "n_passages": len(s.passages),
        "n_council_passages": len(s.council_passages()),
        "model_version": s.model_version or "not recorded",
        "types": types,
        "collection": collection,
        "unidentified": unidentified,
        "coverage_rows": coverage_rows,
        "heatmap_svg": heatmap_svg,
        "question_rows": question_rows,
        "barrier_rows": barrier_rows,
        "barriers_svg": barriers_svg,
        "barrier_examples": [
            (b, examples_by_barrier[b.id], [b.label, *b.exemplars]) for b in named
        ],
        "pairs": pairs,
        "timeline_svg": timeline_svg,
        "lanes": lanes,
        "month_rows": month_rows,
        "when_rows": when_rows,
        "body_rows": body_rows,
        "oversight": oversight_summary,
        "gap_rows": gap_rows,
        "exemplar_groups": exemplar_groups,
        "measurement": clusters(results.measurement, "Measurement group", "measurement"),
        "themes": clusters(results.themes, "Theme", "themes"),
        "similar_limit": SIMILAR_IN_REPORT,
        "n_similar": len(similar_any),
        "similar": [
            (name, similar_by.get(name, []), similar_any[name]) for name in sorted(similar_any)
        ],
        "ev": ev,
        "quoted_documents": _quoted_documents(results),
        "council_name": ev.council_name,
        "documents": sorted(s.documents, key=lambda d: d.id),
        "doc_index": s.document_index,
        "register_attribution": ATTRIBUTION,
        "ev_listed": LISTED_PER_GROUP,
        "headings": headings,
        "questions": questions,
    }


def _quoted_documents(results: SectorResults) -> set[str]:
    """Documents quoted in the body of the report (examples, measurement groups, themes)."""
    cites = [e.evidence for e in results.exemplars]
    cites += [b.evidence for b in results.barrier_examples]
    cites += [c for group in (*results.measurement, *results.themes) for c in group.examples]
    return {c.document_id for c in cites}


def fw_barrier_label(fw: Any, barrier_id: str) -> str:
    for b in fw.barriers:
        if b.id == barrier_id:
            return str(b.label)
    return barrier_id


def render_html(results: SectorResults) -> str:
    template = _env().get_template("report.html.j2")
    return template.render(**context(results))


def build_report(
    snapshot: SectorSnapshot,
    out_dir: Path,
    *,
    pdf: bool = True,
    results: SectorResults | None = None,
) -> ReportPaths:
    """Write ``sector-report.html`` (self-contained) and ``sector-report.pdf`` into ``out_dir``."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    results = results or run_analyses(snapshot)
    timings["analyses"] = round(time.perf_counter() - t0, 3)
    out_dir.mkdir(parents=True, exist_ok=True)
    t1 = time.perf_counter()
    html = render_html(results)
    html_path = out_dir / "sector-report.html"
    html_path.write_text(html, encoding="utf-8")
    timings["html"] = round(time.perf_counter() - t1, 3)
    pdf_path: Path | None = None
    if pdf:
        from weasyprint import HTML

        t2 = time.perf_counter()
        pdf_path = out_dir / "sector-report.pdf"
        HTML(string=html, base_url=str(out_dir)).write_pdf(pdf_path)
        timings["pdf"] = round(time.perf_counter() - t2, 3)
    timings["total"] = round(time.perf_counter() - t0, 3)
    return ReportPaths(html_path, pdf_path, timings)


__all__ = ["Cite", "ReportPaths", "build_report", "context", "render_html"]
