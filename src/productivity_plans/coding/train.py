"""Train, save and load the coding model.

``train(examples, framework)`` fits logistic regressions on passage examples. An example is a
``TrainingExample`` or a tuple ``(passage_text, heading_ids, question_ids, barrier_ids,
is_measure, kind[, human])``. Where the same passage text appears more than once, a human
decision overrides a machine one; human examples also weigh more in the fit and are remembered
verbatim, so a correction always applies to its own passage at the next run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from productivity_plans.coding.embeddings import EMBEDDER_ID, Embedder, Matrix, load_embedder
from productivity_plans.coding.features import Prototypes
from productivity_plans.framework.schema import Framework
from productivity_plans.trained_models import MODEL_FILE

Mode = Literal["embedding", "tfidf"]
HUMAN_WEIGHT = 5.0
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model" / "default"
# The examples a model was trained on, beside it: retraining from analysts' decisions starts
# from them, so the installed package needs no source checkout to retrain.
EXAMPLES_FILE = "examples.jsonl"


@dataclass(frozen=True, slots=True)
class TrainingExample:
    text: str
    headings: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    is_measure: bool = False
    kind: str = "council"
    human: bool = False
    context: str = ""


ExampleLike = TrainingExample | Sequence[Any]


def as_example(item: ExampleLike) -> TrainingExample:
    if isinstance(item, TrainingExample):
        return item
    text, headings, questions, barriers, is_measure, kind, *rest = item
    return TrainingExample(
        str(text),
        tuple(headings),
        tuple(questions),
        tuple(barriers),
        bool(is_measure),
        str(kind),
        bool(rest[0]) if rest else False,
        str(rest[1]) if len(rest) > 1 else "",
    )


def text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def merge_decisions(examples: Iterable[ExampleLike]) -> list[TrainingExample]:
    """One example per passage text; a human decision wins over a machine one, later wins ties."""
    chosen: dict[str, TrainingExample] = {}
    for item in examples:
        ex = as_example(item)
        key = text_key(ex.text)
        old = chosen.get(key)
        if old is None or ex.human or not old.human:
            chosen[key] = ex
    return list(chosen.values())


@dataclass
class Thresholds:
    heading: float = 0.5  # the content classifier's say, beside a heading's content cues
    barrier_similarity: float = 0.8  # a sentence this close to a barrier paraphrase names it
    question_margin: float = 0.03


@dataclass
class CodingModel:
    """Fitted classifiers plus what they need at prediction time."""

    mode: Mode
    framework_id: str
    version: str
    heading_ids: list[str]
    classifiers: dict[str, Any]  # target -> LogisticRegression, or None if untrainable
    tfidf: TfidfVectorizer | None
    thresholds: Thresholds = field(default_factory=Thresholds)
    question_extra: dict[str, list[float]] = field(default_factory=dict)
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)  # human decisions by text
    examples: list[TrainingExample] = field(default_factory=list, repr=False)
    _framework: Framework | None = field(default=None, repr=False)
    _protos: Prototypes | None = field(default=None, repr=False)

    # -- runtime helpers -------------------------------------------------------------------
    def bind(self, framework: Framework, embedder: Embedder | None = None) -> CodingModel:
        if framework.id != self.framework_id:
            raise ValueError(f"model trained for {self.framework_id!r}, not {framework.id!r}")
        if self._framework is not framework or self._protos is None:
            self._framework = framework
            self._protos = Prototypes(framework, embedder or load_embedder())
            for qid, vec in self.question_extra.items():
                if qid in self._protos.question_ids:
                    i = self._protos.question_ids.index(qid)
                    merged = self._protos.question_protos[i] + np.asarray(vec, dtype=np.float32)
                    self._protos.question_protos[i] = merged / (np.linalg.norm(merged) or 1.0)
        return self

    @property
    def protos(self) -> Prototypes:
        if self._protos is None:
            raise RuntimeError("call bind(framework) first")
        return self._protos

    def features(self, texts: Sequence[str], contexts: Sequence[str], emb: Matrix | None) -> Any:
        joined = [f"{c} {t}" if c else t for t, c in zip(texts, contexts, strict=True)]
        if self.mode == "tfidf":
            assert self.tfidf is not None
            return self.tfidf.transform(joined)
        assert emb is not None
        embedder = load_embedder()
        # many passages share a section heading: encode each distinct context once
        distinct = sorted(set(contexts))
        where = {c: i for i, c in enumerate(distinct)}
        ctx = embedder.encode(distinct)[[where[c] for c in contexts]] * 0.5
        dense = np.hstack([emb, ctx, self.protos.similarity_features(emb)])
        if self.tfidf is not None:
            return sparse.hstack([sparse.csr_matrix(dense), self.tfidf.transform(joined)]).tocsr()
        return dense

    def proba(self, target: str, X: Any) -> Matrix | None:
        clf = self.classifiers.get(target)
        if clf is None:
            return None
        out: Matrix = clf.predict_proba(X)[:, 1].astype(np.float32)
        return out

    # -- persistence -----------------------------------------------------------------------
    def save(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        state = {
            k: v for k, v in self.__dict__.items() if not k.startswith("_") and k != "examples"
        }
        state["thresholds"] = self.thresholds.__dict__
        joblib.dump(state, directory / MODEL_FILE, compress=3)
        rows = (json.dumps(asdict(e), ensure_ascii=False) for e in self.examples)
        (directory / EXAMPLES_FILE).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
        meta = {"version": self.version, "mode": self.mode, "framework_id": self.framework_id}
        (directory / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return directory / MODEL_FILE


def load_model(directory: Path | None = None) -> CodingModel:
    state = joblib.load((directory or DEFAULT_MODEL_DIR) / MODEL_FILE)
    state["thresholds"] = Thresholds(**state["thresholds"])
    return CodingModel(**state)


def load_examples(directory: Path | None = None) -> list[TrainingExample]:
    """The examples the model in ``directory`` (default: the shipped one) was trained on."""
    path = (directory or DEFAULT_MODEL_DIR) / EXAMPLES_FILE
    if not path.is_file():
        return []
    rows = (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
    return [
        TrainingExample(
            r["text"],
            tuple(r["headings"]),
            tuple(r["questions"]),
            tuple(r["barriers"]),
            bool(r["is_measure"]),
            r["kind"],
            bool(r["human"]),
            r["context"],
        )
        for r in rows
    ]


def _fit(
    X: Any, y: np.ndarray, weights: np.ndarray, c: float, balanced: bool = True
) -> LogisticRegression | None:
    if y.sum() < 2 or y.sum() == len(y):
        return None
    clf = LogisticRegression(
        C=c, class_weight="balanced" if balanced else None, max_iter=3000, solver="liblinear"
    )
    clf.fit(X, y, sample_weight=weights)
    return clf


def train(
    labelled_passages: Iterable[ExampleLike],
    framework: Framework,
    *,
    mode: Mode = "embedding",
    with_tfidf: bool = True,
    embedder: Embedder | None = None,
    c: float = 1.0,
    balanced_headings: bool = True,
) -> CodingModel:
    """Fit the coding model on labelled passages (human decisions override machine ones)."""
    examples = merge_decisions(labelled_passages)
    if not examples:
        raise ValueError("no training examples")
    texts = [e.text for e in examples]
    contexts = [e.context for e in examples]
    joined = [f"{c_} {t}" if c_ else t for t, c_ in zip(texts, contexts, strict=True)]
    digest = hashlib.sha1(
        json.dumps(
            [[e.text, e.headings, e.barriers, e.kind, e.is_measure] for e in examples]
        ).encode("utf-8")
    ).hexdigest()[:10]
    tfidf = None
    if mode == "tfidf" or with_tfidf:
        tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=5000)
        tfidf.fit(joined)
    tag = "tfidf-lr" if mode == "tfidf" else f"{EMBEDDER_ID}-lr{'+tfidf' if tfidf else ''}"
    model = CodingModel(
        mode=mode,
        framework_id=framework.id,
        version=f"{tag}-{digest}",
        heading_ids=[h.id for h in framework.headings],
        classifiers={},
        tfidf=tfidf,
        examples=examples,
    )
    emb = None
    if mode == "embedding":
        embedder = embedder or load_embedder()
        model.bind(framework, embedder)
        emb = embedder.encode(texts)
    X = model.features(texts, contexts, emb)
    weights = np.array([HUMAN_WEIGHT if e.human else 1.0 for e in examples])

    def target(values: list[bool]) -> np.ndarray:
        return np.array(values, dtype=int)

    # Only the headings are learned, as a second signal for text outside the sections that
    # answer them. Restatement, barriers and measurement are rules from the framework file:
    # a few dozen labelled passages are too few to learn them, let alone to veto a rule's code.
    for hid in model.heading_ids:
        model.classifiers[f"heading:{hid}"] = _fit(
            X, target([hid in e.headings for e in examples]), weights, c, balanced_headings
        )
    if emb is not None:
        for qid in [q.id for q in framework.questions]:
            rows = [i for i, e in enumerate(examples) if qid in e.questions]
            if rows:
                model.question_extra[qid] = emb[rows].mean(axis=0).tolist()
    for e in examples:
        if e.human:
            model.memory[text_key(e.text)] = {
                "kind": e.kind,
                "headings": list(e.headings),
                "questions": list(e.questions),
                "barriers": list(e.barriers),
                "is_measure": e.is_measure,
            }
    return model
