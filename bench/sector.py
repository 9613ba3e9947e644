"""Sector analyses and report at full scale: a synthetic sector of the real register's 317 councils.

    PYTHONPATH=src python bench/sector.py [--out /tmp/sector-bench] [--no-pdf] [--threads 2]

The corpus documents (tests/fixtures/corpus/docs) are read, extracted and coded once; their coded
passages and decisions are the pool. Each of the 317 councils in force on the deadline then gets
a 3–5 page plan (about 10 passages a page, sampled from the pool with their codes) and 0–6
committee papers (decision record, report or minutes with a decision sampled from the pool and
its date moved by up to ±3 weeks), so about 1,300 plan pages and 1,000 papers. Prints the time
of each analysis and of the full report (HTML + PDF).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus" / "docs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/sector-bench"))
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from productivity_plans.coding.embeddings import load_embedder
    from productivity_plans.report import build_report
    from productivity_plans.sector.build import read_results, snapshot_from_results
    from productivity_plans.sector.results import run_analyses
    from productivity_plans.sector.snapshot import DocumentRow, PassageRow, SectorSnapshot

    t0 = time.perf_counter()
    corpus = snapshot_from_results(read_results([(p, None) for p in sorted(CORPUS.glob("*.txt"))]))
    print(
        f"pool: {len(corpus.documents)} corpus documents coded in {time.perf_counter() - t0:.1f} s"
    )
    load_embedder()

    rng = random.Random(args.seed)
    own = [p for p in corpus.passages if p.kind == "council" and len(p.text.split()) >= 6]
    restating = [p for p in corpus.passages if p.kind == "requirement"]
    decisions = [d for d in corpus.decisions if d.outcome not in {"none"}]
    events = list(corpus.events)
    documents: list[DocumentRow] = []
    passages: list[PassageRow] = []
    decision_rows = []
    event_rows = []
    plan_pages = papers = 0
    for c in corpus.councils:
        n_doc = 0

        def new_doc(
            doc_type: str, pages: int, n_passages: int, gss: str = c.gss_code, name: str = c.name
        ) -> str:
            nonlocal n_doc
            n_doc += 1
            doc_id = f"{gss}-{n_doc}"
            documents.append(
                DocumentRow(
                    doc_id,
                    gss,
                    doc_type,
                    f"{name}: {doc_type.replace('_', ' ')}",
                    f"synthetic/{doc_id}.pdf",
                    f"https://example.invalid/{doc_id}",
                    doc_type == "plan",
                    pages,
                )
            )
            offset = 0
            for i in range(n_passages):
                src = rng.choice(restating if rng.random() < 0.08 else own)
                length = src.end - src.start
                passages.append(
                    replace(
                        src,
                        id=f"{doc_id}:{i}",
                        document_id=doc_id,
                        council_gss=gss,
                        page=1 + i * pages // n_passages,
                        start=offset,
                        end=offset + length,
                    )
                )
                offset += length + 2
            return doc_id

        if rng.random() < 0.95:  # a few plans were not found
            pages = rng.randint(3, 5)
            plan_pages += pages
            new_doc("plan", pages, pages * 10)
        for _ in range(rng.choice([0, 1, 2, 3, 3, 4, 6])):
            papers += 1
            doc_type = rng.choice(["committee_report", "decision_record", "minutes"])
            doc_id = new_doc(doc_type, rng.randint(2, 8), rng.randint(6, 14))
            d = rng.choice(decisions)
            day = d.date + timedelta(days=rng.randint(-21, 21)) if d.date else None
            decision_rows.append(replace(d, document_id=doc_id, council_gss=c.gss_code, date=day))
            if events and rng.random() < 0.5:
                e = rng.choice(events)
                event_rows.append(
                    replace(
                        e,
                        document_id=doc_id,
                        council_gss=c.gss_code,
                        date=e.date + timedelta(days=rng.randint(-14, 14)),
                    )
                )
    snapshot = SectorSnapshot(
        framework=corpus.framework,
        councils=corpus.councils,
        documents=documents,
        decisions=decision_rows,
        events=event_rows,
        passages=passages,
        model_version=corpus.model_version,
    )
    print(
        f"synthetic sector: {len(corpus.councils)} councils, {len(documents)} documents "
        f"({plan_pages} plan pages, {papers} papers), {len(passages)} passages"
    )

    t1, c1 = time.perf_counter(), time.process_time()
    results = run_analyses(snapshot)
    analyses_s = time.perf_counter() - t1
    for name, seconds in results.timings.items():
        print(f"  {name:<20} {seconds:7.2f} s")
    print(f"analyses total: {analyses_s:.1f} s")
    paths = build_report(snapshot, args.out, pdf=not args.no_pdf, results=results)
    print(f"report: html {paths.timings['html']:.1f} s", end="")
    if paths.pdf:
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(paths.pdf))
        print(f", pdf {paths.timings['pdf']:.1f} s ({pages} pages)", end="")
    print(
        f"; report total incl. analyses {analyses_s + paths.timings['total']:.1f} s wall, "
        f"{time.process_time() - c1:.1f} s CPU; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"written: {paths.html} {paths.pdf or ''}")


if __name__ == "__main__":
    main()
