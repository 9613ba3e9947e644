"""Code passages to the framework and roll them up into a document's codes.

Per passage: kind (``requirement`` restates what government asked; ``council`` is the council's
own text), headings, sub-questions, barriers, whether it says how the council measures
productivity, and whether it describes an initiative. Each code carries a confidence and its
evidence span. Requirement passages never yield themes or barriers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from productivity_plans.coding.barriers import match_barriers
from productivity_plans.coding.embeddings import load_embedder
from productivity_plans.coding.features import (
    ACTION_CUE,
    BARRIER_CUE,
    measurement_cue,
    passage_inputs,
    states_measures,
)
from productivity_plans.coding.passages import passages_from_parsed, passages_from_text
from productivity_plans.coding.records import (
    BarrierCode,
    DocumentCodes,
    Evidence,
    MeasureCode,
    Passage,
    PassageCode,
    ThemeCode,
)
from productivity_plans.coding.train import CodingModel, load_model, text_key
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.ingest.records import ParsedDocument

MAX_EVIDENCE = 5
MIN_WORDS = 4  # shorter passages (menu items, labels) are not coded
# A document answers a heading when at least two of its council passages do, or one does with
# high confidence: a single mid-confidence passage is usually a generic introduction.
MIN_THEME_PASSAGES = 2
STRONG_THEME = 0.9


@lru_cache(maxsize=1)
def default_model() -> CodingModel:
    return load_model()


def code_passages(
    passages: Sequence[Passage],
    *,
    framework: Framework | None = None,
    model: CodingModel | None = None,
) -> list[PassageCode]:
    framework = framework or load_framework()
    model = (model or default_model()).bind(framework)
    codable = [p for p in passages if len(p.text.split()) >= MIN_WORDS]
    empty = {id(p) for p in passages} - {id(p) for p in codable}
    results: dict[int, PassageCode] = {}
    for p in passages:
        if id(p) in empty:
            results[id(p)] = PassageCode(
                p, "council", (), (), (), False, False, {}, model.version, framework.id
            )
    if codable:
        for p, code in zip(codable, _code(codable, framework, model), strict=True):
            results[id(p)] = code
    return [results[id(p)] for p in passages]


def _code(
    passages: Sequence[Passage], framework: Framework, model: CodingModel
) -> list[PassageCode]:
    texts, contexts = passage_inputs(passages)
    th = model.thresholds
    emb = load_embedder().encode(texts) if model.mode == "embedding" else None
    X = model.features(texts, contexts, emb)
    n = len(passages)
    zeros = np.zeros(n, dtype=np.float32)
    p_req = model.proba("kind", X)
    p_req = zeros if p_req is None else p_req
    p_measure = model.proba("measure", X)
    p_measure = zeros if p_measure is None else p_measure
    head_p = np.zeros((n, len(model.heading_ids)), dtype=np.float32)
    protos = model.protos if model.mode == "embedding" else None
    for j, hid in enumerate(model.heading_ids):
        p = model.proba(f"heading:{hid}", X)
        if p is None and protos is not None and emb is not None:
            # no training examples: fall back to similarity with the framework's own texts
            sims = emb @ protos.heading_protos[protos.heading_ids.index(hid)]
            p = 1.0 / (1.0 + np.exp(-(sims - 0.6) * 20.0))
        head_p[:, j] = zeros if p is None else p
    bar_p: dict[str, np.ndarray] = {}
    for bid in model.barrier_ids:
        p = model.proba(f"barrier:{bid}", X)
        if p is not None:
            bar_p[bid] = p
    council = p_req < th.kind
    matched: list[dict[str, float]] = [{} for _ in range(n)]
    if protos is not None:
        gate = model.proba("any_barrier", X)
        gate = zeros if gate is None else gate
        cue = [BARRIER_CUE.search(t) is not None for t in texts]
        candidates = [i for i in range(n) if council[i] and (gate[i] >= th.barrier_gate or cue[i])]
        # requirement passages are matched only to see whether they name a barrier outright
        # (whole clauses, strong matches): "Barriers to local government progress include ..."
        restated = [i for i in range(n) if not council[i] and cue[i]]
        embedder = load_embedder()
        found = match_barriers(
            [texts[i] for i in candidates], protos, embedder, th.barrier_similarity
        )
        for i, f in zip(candidates, found, strict=True):
            matched[i] = {b: s for b, s in f.items() if b in model.barrier_ids}
        found = match_barriers(
            [texts[i] for i in restated], protos, embedder, th.barrier_override, windows=False
        )
        for i, f in zip(restated, found, strict=True):
            f = {b: s for b, s in f.items() if b in model.barrier_ids}
            if f:
                council[i] = True
                matched[i] = f
    barrier_headings = [h.id for h in framework.headings if h.names_barriers]
    questions_by_heading = {h.id: [q.id for q in h.questions] for h in framework.headings}
    out: list[PassageCode] = []
    for i, passage in enumerate(passages):
        conf: dict[str, float] = {}
        kind = "council" if council[i] else "requirement"
        conf["kind"] = float(1.0 - p_req[i] if council[i] else p_req[i])
        if council[i] and p_req[i] >= th.kind:  # overridden by a strong barrier match
            conf["kind"] = max(matched[i].values())
        headings: list[str] = []
        questions: list[str] = []
        barriers: list[str] = []
        measure = False
        if kind == "council":
            for j, hid in enumerate(model.heading_ids):
                if head_p[i, j] >= th.heading:
                    headings.append(hid)
                    conf[hid] = float(head_p[i, j])
            for bid, p in bar_p.items():
                if p[i] >= 0.5:
                    matched[i][bid] = max(matched[i].get(bid, 0.0), float(p[i]))
            for bid, s in matched[i].items():
                barriers.append(bid)
                conf[f"barrier:{bid}"] = round(float(s), 4)
            if barriers:  # naming a barrier answers the barriers heading
                for hid in barrier_headings:
                    if hid not in headings:
                        headings.append(hid)
                        conf[hid] = max(conf[f"barrier:{b}"] for b in barriers)
            # saying how it measures needs measurement vocabulary, not just a performance figure
            if p_measure[i] >= th.measure and measurement_cue(texts[i]):
                measure = True
                conf["measure"] = float(p_measure[i])
            elif states_measures(texts[i]):
                measure = True  # said outright; confidence floored like a strong match
                conf["measure"] = max(float(p_measure[i]), th.measure)
            if protos is not None and emb is not None:
                for hid in headings:
                    qids = questions_by_heading.get(hid, [])
                    if not qids:
                        continue
                    idx = [protos.question_ids.index(q) for q in qids]
                    sims = protos.question_protos[idx] @ emb[i]
                    best = float(sims.max())
                    for q, s in zip(qids, sims, strict=True):
                        if s >= best - th.question_margin:
                            questions.append(q)
                            conf[q] = round(float(conf[hid] * max(s, 0.0) / max(best, 1e-6)), 4)
        initiative = bool(kind == "council" and headings and ACTION_CUE.search(passage.text))
        if initiative:
            conf["initiative"] = max(conf.get(h, 0.0) for h in headings)
        memory = model.memory.get(text_key(passage.text))
        if memory is not None:  # a human decision on this very passage wins
            kind = memory["kind"]
            headings, questions = list(memory["headings"]), list(memory["questions"])
            barriers, measure = list(memory["barriers"]), bool(memory["is_measure"])
            conf = {"kind": 1.0, **{k: 1.0 for k in headings + questions}}
            conf.update({f"barrier:{b}": 1.0 for b in barriers})
            if measure:
                conf["measure"] = 1.0
            initiative = bool(kind == "council" and headings and ACTION_CUE.search(passage.text))
        out.append(
            PassageCode(
                passage=passage,
                kind="requirement" if kind == "requirement" else "council",
                headings=tuple(headings),
                questions=tuple(questions),
                barriers=tuple(barriers),
                is_measure=measure,
                is_initiative=initiative,
                confidences={k: round(v, 4) for k, v in conf.items()},
                model_version=model.version,
                framework_id=framework.id,
            )
        )
    return out


def summarise(codes: Sequence[PassageCode], framework: Framework, version: str) -> DocumentCodes:
    """Roll passage codes up: themes answered with the council's own content, barriers named,
    ways of measuring productivity; evidence sorted by confidence."""
    doc = DocumentCodes(passages=list(codes), model_version=version, framework_id=framework.id)
    council = [c for c in codes if c.kind == "council"]
    for heading in framework.headings:
        hits = sorted(
            (c for c in council if heading.id in c.headings),
            key=lambda c: -c.confidences.get(heading.id, 0.0),
        )
        if hits and (
            len(hits) >= MIN_THEME_PASSAGES
            or hits[0].confidences.get(heading.id, 0.0) >= STRONG_THEME
        ):
            qs = sorted({q for c in hits for q in c.questions if q.startswith(f"{heading.id}.")})
            doc.themes.append(
                ThemeCode(heading.id, qs, [c.evidence(heading.id) for c in hits[:MAX_EVIDENCE]])
            )
    for bid in framework.barrier_ids:
        key = f"barrier:{bid}"
        hits = sorted(
            (c for c in council if bid in c.barriers), key=lambda c: -c.confidences.get(key, 0.0)
        )
        if hits:
            doc.barriers.append(BarrierCode(bid, [c.evidence(key) for c in hits[:MAX_EVIDENCE]]))
    for c in sorted(
        (c for c in council if c.is_measure), key=lambda c: -c.confidences.get("measure", 0.0)
    ):
        doc.measures.append(MeasureCode(_measure_text(c.passage.text), [c.evidence("measure")]))
    return doc


def _measure_text(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def code_document(
    parsed: ParsedDocument,
    *,
    framework: Framework | None = None,
    model: CodingModel | None = None,
) -> DocumentCodes:
    """Code every passage of a parsed document and summarise them."""
    framework = framework or load_framework()
    model = model or default_model()
    codes = code_passages(passages_from_parsed(parsed), framework=framework, model=model)
    return summarise(codes, framework, model.version)


def code_text(
    text: str, *, framework: Framework | None = None, model: CodingModel | None = None
) -> DocumentCodes:
    """Code a plain string (offsets in the evidence are into ``text``)."""
    framework = framework or load_framework()
    model = model or default_model()
    codes = code_passages(passages_from_text(text), framework=framework, model=model)
    return summarise(codes, framework, model.version)


__all__ = ["Evidence", "code_document", "code_passages", "code_text", "summarise"]
