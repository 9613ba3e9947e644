"""Framework prototypes in embedding space and key-term labels for groups of passages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from productivity_plans.framework.schema import Framework
from productivity_plans.sector.snapshot import Matrix

# Words too common in these documents to label anything.
DOMAIN_STOP = frozenset(
    {
        "council",
        "councils",
        "local",
        "government",
        "plan",
        "plans",
        "productivity",
        "will",
        "also",
        "including",
        "work",
        "working",
        "services",
        "service",
        "authority",
        "year",
        "years",
        "new",
        "use",
        "make",
        "ensure",
        "within",
        "across",
        "number",
        "district",
        "borough",
        "county",
        "city",
        "support",
        "continue",
        "council's",
        "councils'",
        "et",
        "al",
    }
)


def _unit(v: Matrix) -> Matrix:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def question_prototypes(framework: Framework) -> tuple[list[str], Matrix]:
    """Question ids and one vector each: the mean of the question text and its exemplars."""
    from productivity_plans.coding.embeddings import load_embedder

    embedder = load_embedder()
    ids: list[str] = []
    rows: list[Matrix] = []
    for q in framework.questions:
        texts = [q.text, *q.exemplars]
        ids.append(q.id)
        rows.append(_unit(embedder.encode(texts).mean(axis=0)))
    return ids, np.vstack(rows).astype(np.float32)


def framework_prototypes(framework: Framework) -> Matrix:
    """One vector per heading, sub-question and barrier (text + exemplars), for "is this
    something the framework names?" similarity."""
    from productivity_plans.coding.embeddings import load_embedder

    embedder = load_embedder()
    groups: list[list[str]] = []
    for h in framework.headings:
        groups.append([f"{h.title}. {h.text}", *h.exemplars])
        groups.extend([q.text, *q.exemplars] for q in h.questions)
    groups.extend(
        [f"{b.label}: {b.description}", *b.exemplars] for b in framework.barriers if b.exemplars
    )
    return np.vstack([_unit(embedder.encode(g).mean(axis=0)) for g in groups]).astype(np.float32)


def key_terms(groups: Sequence[Sequence[str]], top: int = 5) -> list[list[str]]:
    """Top TF-IDF terms of each group of texts, each group taken as one document (class-based
    TF-IDF), so a label says what sets the group apart from the others."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    docs = [" ".join(g) for g in groups]
    if not any(d.strip() for d in docs):
        return [[] for _ in groups]
    vectorizer = TfidfVectorizer(
        stop_words=sorted(ENGLISH_STOP_WORDS | DOMAIN_STOP),
        ngram_range=(1, 2),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]{2,}\b",
        sublinear_tf=True,
        min_df=1,
    )
    try:
        weights = vectorizer.fit_transform(docs)
    except ValueError:  # only stop words
        return [[] for _ in groups]
    vocab = np.asarray(vectorizer.get_feature_names_out())
    out: list[list[str]] = []
    for i in range(len(docs)):
        row = weights.getrow(i).toarray().ravel()
        order = [j for j in np.argsort(-row) if row[j] > 0]
        terms: list[str] = []
        for j in order:
            term = str(vocab[j])
            if any(term in t or t in term for t in terms):
                continue
            terms.append(term)
            if len(terms) == top:
                break
        out.append(terms)
    return out


def mmr(vectors: Matrix, relevance: Sequence[float], k: int, lambda_: float = 0.7) -> list[int]:
    """Maximal marginal relevance: pick k rows trading relevance against similarity to rows
    already picked. Returns row positions in pick order."""
    chosen: list[int] = []
    left = list(range(len(relevance)))
    while left and len(chosen) < k:
        best, best_value = left[0], -np.inf
        for i in left:
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            value = lambda_ * relevance[i] - (1 - lambda_) * redundancy
            if value > best_value:
                best, best_value = i, value
        chosen.append(best)
        left.remove(best)
    return chosen
