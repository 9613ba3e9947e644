"""Coding throughput: passages/s and peak RSS on the dev corpus replicated to >= 50,000 passages.

    PYTHONPATH=src python bench/code.py [--target 50000] [--threads 2] [--documents]

Model load time is printed separately. The TF-IDF baseline model (trained on the same labels)
runs the same passages for a side-by-side ratio.

The replicated corpus repeats 500 passages, so every text after the first round is one the
matchers have seen. ``--documents`` also codes the blind rounds' documents (about 600 files,
parsed as ingest parses them), one call per document and each passage once, as ingest meets a
sector's documents: text the matchers have not seen (docs/coding.md, "Speed").
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
FRESH = CORPUS.parent / "fresh"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", type=int, default=50_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--documents", action="store_true")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from productivity_plans.coding.classify import code_passages
    from productivity_plans.coding.evaluate import corpus_examples
    from productivity_plans.coding.passages import passages_from_text
    from productivity_plans.coding.train import load_model, train
    from productivity_plans.framework.loader import load_framework

    framework = load_framework()
    t0 = time.perf_counter()
    model = load_model().bind(framework)
    load_s = time.perf_counter() - t0
    baseline = train(
        corpus_examples(CORPUS / "passages.jsonl", CORPUS / "docs"), framework, mode="tfidf"
    )

    corpus = []
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        corpus.extend(passages_from_text(path.read_text(encoding="utf-8")))
    passages = (corpus * (args.target // len(corpus) + 1))[: max(args.target, len(corpus))]

    def run(m: object) -> float:
        start = time.perf_counter()
        for i in range(0, len(passages), args.batch):
            code_passages(passages[i : i + args.batch], framework=framework, model=m)  # type: ignore[arg-type]
        return time.perf_counter() - start

    emb_s = run(model)
    base_s = run(baseline)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(passages)
    print(f"passages: {n} ({len(corpus)} unique, replicated); threads: {args.threads}")
    print(f"model load: {load_s:.2f} s ({model.version})")
    print(f"{'system':28}{'seconds':>10}{'passages/s':>14}")
    print(f"{'embedding+tfidf LR':28}{emb_s:>10.2f}{n / emb_s:>14,.0f}")
    print(f"{'tfidf LR (baseline)':28}{base_s:>10.2f}{n / base_s:>14,.0f}")
    print(f"ratio model/baseline throughput: {base_s / emb_s:.2f}")
    if args.documents:
        docs = _documents()
        count = sum(map(len, docs))
        unseen_s = _per_document(docs, model, framework)
        unseen_base_s = _per_document(docs, baseline, framework)
        print(f"documents: {len(docs)} ({count} passages, each once, one call per document)")
        print(f"{'embedding+tfidf LR':28}{unseen_s:>10.2f}{count / unseen_s:>14,.0f}")
        print(f"{'tfidf LR (baseline)':28}{unseen_base_s:>10.2f}{count / unseen_base_s:>14,.0f}")
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (whole process): {rss_mb:.0f} MB")


def _documents() -> list[list[object]]:
    """The passages of every blind round's document, as ingest parses and splits them."""
    from productivity_plans.coding.passages import passages_from_parsed
    from productivity_plans.ingest import IngestError, read_document

    docs: list[list[object]] = []
    for path in sorted(FRESH.glob("*/docs/*")):
        try:
            docs.append(list(passages_from_parsed(read_document(path).parsed)))
        except IngestError:
            continue
    return docs


def _per_document(docs: list[list[object]], model: object, framework: object) -> float:
    from productivity_plans.coding.classify import code_passages

    start = time.perf_counter()
    for passages in docs:
        code_passages(passages, framework=framework, model=model)  # type: ignore[arg-type]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
