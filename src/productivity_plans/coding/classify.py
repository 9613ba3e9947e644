"""Code passages to the framework and roll them up into a document's codes.

Per passage: kind (``requirement`` restates what government asked; ``council`` is the council's
own text), headings, sub-questions, barriers, whether it says how the council measures
productivity, and whether it describes an initiative. Each code carries a confidence and its
evidence span. Requirement passages never yield themes or barriers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from productivity_plans.coding.embeddings import Embedder, load_embedder
from productivity_plans.coding.features import (
    ACTION_CUE,
    BARRIER_CUE,
    about_others_measuring,
    evidence_cue,
    measurement_cue,
    measurement_title,
    measuring_a_quantity,
    opens_a_quotation_of_others,
    passage_inputs,
    reports_a_national_view,
    says_it_has_no_measures,
    without_reported_questions,
)
from productivity_plans.coding.passages import (
    HARD_BULLET,
    passages_from_parsed,
    passages_from_text,
)
from productivity_plans.coding.records import (
    BarrierCode,
    DocumentCodes,
    Evidence,
    MeasureCode,
    Passage,
    PassageCode,
    ThemeCode,
)
from productivity_plans.coding.rules import Rules, compile_rules, rise_told_in_figures, sentences
from productivity_plans.coding.train import CodingModel, load_model, text_key
from productivity_plans.framework.loader import load_framework
from productivity_plans.framework.schema import Framework
from productivity_plans.ingest.records import ParsedDocument

MAX_EVIDENCE = 5
MIN_WORDS = 4  # shorter passages (menu items, labels) are not coded
# A document answers a heading when one of its council passages does: a passage answers by its
# section, by two content cues, or by one cue where the document speaks of the heading's
# subject in another way elsewhere too (see _headings).
MIN_DOCUMENT_CUES = 2  # distinct cues of a heading across a document's loose council text
# Confidences are a ranking of the evidence, not a cut-off: a paraphrase rule is strong
# evidence, a passage under a section that answers a heading answers it, a passage with three
# distinct content cues of a heading does too, and similarity counts a little less than a rule.
RULE_CONFIDENCE = 0.9
TOPIC_CONFIDENCE = 0.8  # a barrier's topic with a word of trouble or an ask, not a paraphrase
SECTION_CONFIDENCE = 0.9
MEASURE_CONFIDENCE = 0.9
CUE_CEILING = 0.9  # three distinct content cues: a passage rich enough to answer on its own
SIMILARITY_WEIGHT = 0.9
MAX_TITLE_WORDS = 20  # a passage this short without a full stop may be a section title
# A word broken across lines by a hyphen, as PDFs print justified text ("govern-\nment"): the
# rules read it whole.
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.?!]\s+[A-Z]")  # not "3. Waste", "St. Helens"


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
    rules = compile_rules(framework)
    # structure is read over every passage: a two-word title ("4. Barriers") is too short to
    # code but still opens its section
    readings = _structure(passages, [_read(p, rules) for p in passages], rules)
    # an item of a list led in by an ask, or listed under a title about barriers, is an ask or
    # a barrier however short ("Our asks of government" / "• Multi-year settlements", round 31)
    barrier_sections = {h.id for h in framework.headings if h.names_barriers}
    codable = [
        i
        for i, p in enumerate(passages)
        if len(p.text.split()) >= MIN_WORDS
        or readings[i].asked
        or (p.block == "list_item" and readings[i].section in barrier_sections)
    ]
    results = [
        PassageCode(p, "council", (), (), (), False, False, {}, model.version, framework.id)
        for p in passages
    ]
    if codable:
        chosen = [passages[i] for i in codable]
        coded = _code(chosen, [readings[i] for i in codable], rules, framework, model)
        for i, code in zip(codable, coded, strict=True):
            results[i] = code
    return results


@dataclass
class _Reading:
    """One passage read by the rules: its kind and its own (non-restating) sentences."""

    kind: str
    own: list[str]
    section: str | None  # the heading whose section it is in (set by _structure)
    share: float = 1.0  # the share of the passage's words that are of its kind
    title: bool = False  # a section title: it opens a section but answers nothing itself
    measuring: bool = False  # under a title about measuring ("How we measure productivity")
    asked: bool = False  # an item of a list led in by an ask ("We ask government to:")


_POUNDS = re.compile(r"\b(\d[\d,.]*)(\s*(?:million|billion|m|bn|k))?\s+pounds\b", re.IGNORECASE)


def _read(passage: Passage, rules: Rules) -> _Reading:
    """A passage restates the requirement when most of its words are in sentences that do; the
    council's own sentences (asks of government included) are what the other codes read."""
    own: list[str] = []
    restated = total = 0
    for start, end in sentences(passage.text):
        # one line, as the rules read it: a PDF paragraph keeps its line breaks; sums written
        # in words ("1.2 million pounds") read as the rules write them ("£1.2 million")
        sentence = " ".join(_HYPHEN_BREAK.sub("", passage.text[start:end]).split())
        sentence = _POUNDS.sub(r"£\1\2", sentence)
        words = len(sentence.split())
        total += words
        if rules.restates(sentence):
            restated += words
        else:
            own.append(sentence)
    kind = "requirement" if total and restated * 2 >= total else "council"
    share = (restated if kind == "requirement" else total - restated) / total if total else 1.0
    return _Reading(kind, own, None, round(share, 4))


def _structure(
    passages: Sequence[Passage], readings: list[_Reading], rules: Rules
) -> list[_Reading]:
    """What a passage's neighbours say about it. A title (a parser heading, or a title-like
    passage the parser took for a paragraph) that names a heading opens that heading's section
    for the passages after it; see ``_Outline`` for what closes it. The items of a list led in
    by a restatement ("The letter asked councils to cover:") restate too."""
    outline = _Outline(rules)
    context: str | None = None
    measuring = False
    lead_in_restates = lead_in_asks = False
    for i, (passage, reading) in enumerate(zip(passages, readings, strict=True)):
        if passage.heading != context:
            context = passage.heading
            outline.title(context or "")
            measuring = bool(context and measurement_title(context))
            # a lead-in the splitter took for the list's heading ("We ask the Government to:")
            # leads its items in as it does as a paragraph (round 31)
            if context and context.rstrip().endswith(":"):
                lead_in_restates = _leads_in_restating(context, rules)
                lead_in_asks = not lead_in_restates and _leads_in_asking(context, rules)
        if _section_title(passages, i):
            reading.title = True
            outline.title(passage.text)
            measuring = measurement_title(passage.text)
        reading.section = outline.section
        reading.measuring = measuring
        if passage.block == "list_item":
            if lead_in_restates:
                reading.kind, reading.own, reading.share = "requirement", [], 1.0
            reading.asked = lead_in_asks
        else:
            lead_in = passage.text.rstrip().endswith(":")
            lead_in_restates = lead_in and _leads_in_restating(passage.text, rules)
            lead_in_asks = (
                lead_in and not lead_in_restates and _leads_in_asking(passage.text, rules)
            )
    return readings


def _leads_in_restating(text: str, rules: Rules) -> bool:
    """Whether the sentence that leads into a list (the passage's last) restates the
    requirement: "The letter asked councils to cover:" does; "The Plan follows the Minister's
    four headings. Among the points it makes are:" leads into the plan's own points."""
    spans = list(sentences(text))
    if not spans:
        return False
    start, end = spans[-1]
    return rules.restates(" ".join(text[start:end].split()))


# A lead-in that asks government for what its list holds: "Our plan asks the government to:",
# "We would like ministers to:", "What we need from government:".
_ASK_LEAD_IN = re.compile(
    r"\b(?:asks?|asking|urges?|urging|calls?\s+on|calling\s+on|would\s+(?:like|welcome)|wants?"
    r"|needs?|invites?|inviting)\s+(?:the\s+)?(?:new\s+|incoming\s+|next\s+)?(?:government|ministers?"
    r"|whitehall|the\s+department|dluhc|mhclg)\s+(?:to|for)\s*:\s*$"
    r"|\b(?:asks?|requests?|needs?)\s+(?:of|from)\s+(?:the\s+)?(?:new\s+)?government"
    r"\s*(?:are|is|include)?\s*:\s*$",
    re.IGNORECASE,
)


def _leads_in_asking(text: str, rules: Rules) -> bool:
    """Whether the sentence that leads into a list asks government for what the list holds: its
    items are asks, as a barriers section's are ("Our plan asks the government to:" / "give
    councils settlements covering several years")."""
    spans = list(sentences(text))
    if not spans:
        return False
    start, end = spans[-1]
    lead = " ".join(text[start:end].split())
    return bool(_ASK_LEAD_IN.search(lead)) or rules.asks_government(lead)


# "Part B", "Section 2", "3.", "3)", "3.1", "3.1.2", "(a)", "a)": the numbering of a title
_NUMBERING = re.compile(
    r"^\s*(?:(?P<part>(?:part|section|chapter)\s+\w+\b)|(?P<number>\d{1,2}(?:\.\d{1,2})*)[.)]?\s"
    r"|(?P<letter>\(?[a-zA-Z][.)]\s))",
    re.IGNORECASE,
)


def _numbering_depth(title: str) -> int | None:
    """How deep a title's numbering sits: parts 0, "3." 1, "3.1" 2, letters 4; None unnumbered."""
    found = _NUMBERING.match(title)
    if found is None:
        return None
    if found["part"]:
        return 0
    if found["number"]:
        return found["number"].count(".") + 1
    return 4


_APPENDIX = re.compile(r"^\W*(?:appendix|appendices|annex|annexe)\b", re.IGNORECASE)


@dataclass
class _Outline:
    """The section a document is in, as its titles go by. A title that names a heading opens
    its section. One that names none closes the section, unless it sits below the title that
    opened it: unnumbered under a numbered title ("4. Barriers" then "Procurement") or numbered
    deeper ("4.2" under "4."). So "Part D: Efficiency" ends "Part C: Digital" whatever it says,
    and an appendix or annex ends any section."""

    rules: Rules
    section: str | None = None
    depth: int | None = None  # the numbering depth of the title that opened the section

    def title(self, text: str) -> None:
        depth = _numbering_depth(text)
        named = self.rules.section_heading(text) if text else None
        if named is not None:
            self.section, self.depth = named, depth
        elif _APPENDIX.match(text) or not (
            self.section is not None
            and self.depth is not None
            and (depth is None or depth > self.depth)
        ):
            # an appendix or annex is a part of its own, whatever sits above it (round 38:
            # "Appendix: the borough in figures" after "4. Barriers")
            self.section, self.depth = None, depth


def _section_title(passages: Sequence[Passage], i: int) -> bool:
    """A short unpunctuated paragraph, or a numbered item ("3. Reducing wasteful spend")
    followed by paragraphs or by bulleted items rather than further numbered ones, titles the
    passages after it."""
    passage = passages[i]
    if not _title_like(passage.text):
        return False
    if passage.block == "paragraph":
        return True
    following = passages[i + 1] if i + 1 < len(passages) else None
    if passage.block != "list_item" or following is None:
        return False
    # a numbered item followed by bulleted ones, or by items numbered deeper, heads them
    # ("2. Technology and data" / "- …"; "5. Barriers" / "5.1 …")
    if following.block != "list_item":
        return True
    depth, next_depth = _numbering_depth(passage.text), _numbering_depth(following.text)
    if depth is None:
        return False
    return bool(HARD_BULLET.match(following.text)) or (
        next_depth is not None and next_depth > depth
    )


def _says_how_it_measures(reading: _Reading) -> bool:
    """A statement with vocabulary for a way of measuring, or, under a title about measuring
    (the council answering "How do you measure productivity?" in its own section), a statement
    about evidence of any kind. A question or a section title only announces an answer."""
    if reading.title:
        return False
    # a question about measuring inside the passage heads its answer as a title would
    asked = any(q.rstrip().endswith("?") and measurement_title(q) for q in reading.own)
    if not _speaks_of_measuring(reading.own, reading.measuring or asked):
        return False  # most passages: no need to set aside questions and others' measuring
    own = [
        s
        for s in map(without_reported_questions, reading.own)
        if s.strip()
        and not s.rstrip().endswith("?")
        and not about_others_measuring(s)
        and not says_it_has_no_measures(s)
    ]
    return _speaks_of_measuring(own, reading.measuring or asked)


def _speaks_of_measuring(sentences: list[str], under_measuring: bool) -> bool:
    """Vocabulary for a way of measuring in the sentences, or evidence of any kind where the
    passage answers a question about measuring."""
    if not sentences:
        return False
    statements = " ".join(sentences)
    return (
        measurement_cue(statements)
        or any(map(measuring_a_quantity, sentences))
        or (under_measuring and evidence_cue(statements))
    )


def _title_like(text: str) -> bool:
    """Short, without a closing full stop, and one phrase: a sentence ending inside it ("How do
    you measure productivity? Through KPIs") or table cells ("| … | … |") make it content."""
    text = text.strip()
    return (
        len(text.split()) <= MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";"))
        and "|" not in text
        and not _INNER_SENTENCE_END.search(text)
    )


def _code(
    passages: Sequence[Passage],
    readings: list[_Reading],
    rules: Rules,
    framework: Framework,
    model: CodingModel,
) -> list[PassageCode]:
    texts, contexts = passage_inputs(passages)
    embedder = load_embedder()
    emb = embedder.encode(texts) if model.mode == "embedding" else None
    X = model.features(texts, contexts, emb)
    head_p = _heading_probabilities(model, X, emb, len(passages))
    barrier_headings = [h.id for h in framework.headings if h.names_barriers]
    barriers = _barriers(readings, rules, model, embedder, set(barrier_headings))
    measure_questions = [q.id for q in framework.questions if q.measurement]
    spoken_of = _spoken_of(readings, rules)
    # a document that gives the barriers heading a section of its own, with text under its
    # title, answers it there: a barrier named elsewhere as context ("1.2 Home-to-school
    # transport is our largest pressure") does not answer it when that section's text is not
    # the council's own ("The Leader will write separately with our asks")
    own_barrier_section = any(r.section in barrier_headings and not r.title for r in readings)
    declined = _declined_headings(readings, rules)
    out: list[PassageCode] = []
    for i, (passage, reading) in enumerate(zip(passages, readings, strict=True)):
        named = barriers[i]
        own = " ".join(reading.own)
        measure = _says_how_it_measures(reading)
        if reading.kind == "requirement" and (measure or named):
            # a restated question followed by the council's answer ("The Minister asked how
            # councils measure productivity. We use KPIs."): the answer is the council's
            reading.kind, reading.share = "council", round(1.0 - reading.share, 4)
        # the share of words of the passage's kind, read as 0.5 + 0.45 × share (0.725 to 0.95
        # for a passage decided by its words' majority): a rule's reading is never as certain
        # as an analyst's decision (1.0)
        conf: dict[str, float] = {"kind": round(0.5 + 0.45 * reading.share, 4)}
        headings: dict[str, float] = {}
        if reading.kind == "council" and not reading.title:
            headings = _headings(reading, own, rules, model, head_p[i], spoken_of)
            for hid in declined - {reading.section}:
                headings.pop(hid, None)
            for bid, score in named.items():
                conf[f"barrier:{bid}"] = round(score, 4)
            if named:  # naming a barrier answers the barriers heading (see above)
                for hid in barrier_headings:
                    if own_barrier_section and reading.section != hid:
                        continue
                    headings[hid] = max(headings.get(hid, 0.0), max(named.values()))
            if measure:  # saying how it measures answers the measurement question's heading
                conf["measure"] = MEASURE_CONFIDENCE
                for qid in measure_questions:
                    hid = framework.heading_of(qid).id
                    headings[hid] = max(headings.get(hid, 0.0), MEASURE_CONFIDENCE)
        conf.update(headings)
        questions = _questions(model, emb, i, headings, conf, framework)
        if measure:
            for qid in measure_questions:
                if qid not in questions:
                    questions.append(qid)
                conf[qid] = MEASURE_CONFIDENCE
        out.append(
            _with_memory(
                model,
                PassageCode(
                    passage=passage,
                    kind="requirement" if reading.kind == "requirement" else "council",
                    headings=tuple(headings),
                    questions=tuple(questions),
                    barriers=tuple(named),
                    is_measure=measure,
                    is_initiative=bool(headings and ACTION_CUE.search(passage.text)),
                    confidences=conf,
                    model_version=model.version,
                    framework_id=framework.id,
                ),
            )
        )
    return out


# The council saying its plan has no section on a heading ("We have not included a separate
# section on reducing wasteful spend: our savings programme is in the MTFS", "This plan does not
# cover wasteful spend") declines to answer it (round 38): content elsewhere that the heading's
# cues would claim (an asset disposal, a saving) is read under the headings the council put it.
_DECLINED_SECTION = re.compile(
    r"\b(?:(?:have|has|had|do|does|did)\s+not|haven't|hasn't|don't|doesn't|didn't)\s+"
    r"(?:included|include|written|write|provided|provide|set\s+out|got|given)\s+(?:a|any|an)\s+"
    r"(?:(?:separate|specific|dedicated|distinct|standalone|stand-alone|full)\s+)?(?:section"
    r"|chapter|part|heading)\s+(?:on|about|for|covering|dealing\s+with|addressing)\s+"
    r"([^.:;]{3,80})"
    r"|\bno\s+(?:separate|specific|dedicated|distinct|standalone|stand-alone)\s+(?:section|chapter"
    r"|part|heading)\s+(?:on|about|for|covering|dealing\s+with|addressing)\s+([^.:;]{3,80})"
    r"|\b(?:this|the|our)\s+(?:productivity\s+)?plan\s+(?:does\s+not|doesn't|will\s+not|won't)"
    r"\s+(?:cover|address|include|deal\s+with)\s+([^.:;]{3,80})",
    re.IGNORECASE,
)


def _declined_headings(readings: Sequence[_Reading], rules: Rules) -> set[str]:
    """The headings the council says its plan gives no section to (see ``_DECLINED_SECTION``)."""
    declined: set[str] = set()
    for reading in readings:
        if reading.kind != "council":
            continue
        for sentence in reading.own:
            for found in _DECLINED_SECTION.finditer(sentence):
                subject = next(g for g in found.groups() if g)
                hid = rules.section_heading(subject)
                if hid is not None:
                    declined.add(hid)
    return declined


def _heading_probabilities(
    model: CodingModel, X: object, emb: np.ndarray | None, n: int
) -> np.ndarray:
    """The content classifier's probability per passage and heading; a heading without training
    examples falls back to similarity with the framework's own texts."""
    head_p = np.zeros((n, len(model.heading_ids)), dtype=np.float32)
    protos = model.protos if model.mode == "embedding" else None
    for j, hid in enumerate(model.heading_ids):
        p = model.proba(f"heading:{hid}", X)
        if p is None and protos is not None and emb is not None:
            sims = emb @ protos.heading_protos[protos.heading_ids.index(hid)]
            p = 1.0 / (1.0 + np.exp(-(sims - 0.6) * 20.0))
        if p is not None:
            head_p[:, j] = p
    return head_p


def _spoken_of(readings: Sequence[_Reading], rules: Rules) -> set[str]:
    """The headings whose subject the council's own text outside any section speaks of in at
    least two distinct ways across the document (a short plan that says "digital" in one
    paragraph and "technology" in another has spoken of technology, though no one paragraph
    holds two cues)."""
    loose = " \n".join(
        " ".join(r.own) for r in readings if r.kind == "council" and not r.title and not r.section
    )
    return {hid for hid, n in rules.cue_counts(loose).items() if n >= MIN_DOCUMENT_CUES}


# A passage that only points to another document and declines to say more ("Our approach is
# set out in our Digital Strategy and we have not repeated it here", "We have nothing further to
# add under this heading") answers no heading: it gives no content of the council's own
# (rounds 24 and 28, two writers reading it so).
_DECLINES = re.compile(
    r"\bnothing\s+(?:further|more|else|new)\s+to\s+(?:add|say|report)\b"
    r"|\b(?:not|n't)\s+(?:been\s+)?repeated\s+(?:it\s+|them\s+|that\s+|this\s+)?(?:here|in\s+this\s+"
    r"(?:plan|document|section))\b"
    # declining to add to a sector body's response: "… and does not wish to add further points in
    # this plan" (round 34)
    r"|\b(?:(?:does|do|did)\s+not|doesn't|don't)\s+(?:wish|intend|propose|need|want|plan)\s+to\s+add"
    r"\s+(?:any\s+)?(?:further|more|other|additional|its\s+own)\s+(?:\w+\s+)?(?:points|comments"
    r"|barriers|detail|observations|asks)\b"
    r"|\b(?:has|have)\s+no\s+(?:further|other|additional)\s+(?:points|comments|barriers|asks)\s+to"
    r"\s+add\b",
    re.IGNORECASE,
)
_POINTS_ELSEWHERE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:our|the\s+council.s|its|the)\s+(?:[\w-]+\s+){0,6}?(?:is|are)"
    r"\s+(?:already\s+|fully\s+)?(?:set\s+out|described|covered|explained|detailed|found)\s+"
    r"(?:in\s+full\s+|fully\s+)?in\s+(?:our|the|its|a\s+separate)\b"
    # an offer to say more elsewhere adds no answer: "We would be happy to discuss our experience
    # with officials" (round 34)
    r"|^\W*(?:we|the\s+council|officers)\s+(?:would|will)\s+be\s+(?:happy|pleased|glad|willing)\s+"
    r"to\s+(?:discuss|share|explain|expand\s+on|provide\s+more|talk)\b[^.;]*[.;]?\s*$",
    re.IGNORECASE,
)


def _only_points_elsewhere(own: Sequence[str], restates: bool = False) -> bool:
    """Whether the council's sentences only point elsewhere and decline to say more (see
    ``_DECLINES``), or only point elsewhere after the passage restates what was asked ("The
    Minister asked councils to set out their plans to reduce wasteful spend. The council's
    approach to this is set out in the Medium Term Financial Forecast": round 39, and round
    37's 04.html, two writers reading it as no answer): the question and a pointer say nothing
    of the council's own."""
    return (
        bool(own)
        and (restates or any(_DECLINES.search(s) for s in own))
        and all(_DECLINES.search(s) or _POINTS_ELSEWHERE.search(s) for s in own)
    )


def _headings(
    reading: _Reading,
    own: str,
    rules: Rules,
    model: CodingModel,
    probs: np.ndarray,
    spoken_of: set[str],
) -> dict[str, float]:
    """Structure first: a council passage in a section that answers a heading answers that
    heading, and no other (the content classifier does not claim other sections' passages).
    Outside such a section, a heading's content cues decide, with the classifier's say: two
    cues in the passage, or one where the classifier agrees or the document speaks of the
    heading's subject elsewhere too. A passage that only points elsewhere and declines to say
    more answers nothing (``_only_points_elsewhere``)."""
    if _only_points_elsewhere(reading.own, restates=reading.share < 1.0):
        return {}
    if reading.section is not None:
        return {reading.section: SECTION_CONFIDENCE}
    found: dict[str, float] = {}
    counts = rules.cue_counts(own)
    for j, hid in enumerate(model.heading_ids):
        cues = counts.get(hid, 0)
        p = float(probs[j])
        if cues >= 2 or (cues == 1 and (p >= model.thresholds.heading or hid in spoken_of)):
            found[hid] = round(min(max(p, 0.3 + 0.2 * cues), CUE_CEILING), 4)
    return found


# Welcoming something announced or done ("We welcome the Government's commitment to
# multi-year settlements", "Councillor Reid welcomed the one-year settlement") names no barrier;
# "we would welcome multi-year settlements" is an ask and still does.
_WELCOMES_WHAT_EXISTS = re.compile(
    r"\bwelcom(?:e|es|ed|ing)\s+the\s+(?:\w+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:announcement|commitment"
    r"|introduction|return|confirmation|news|decision|settlement|increase|extension|award)\b"
    # a settlement of several years the council says it received, as a fact ("we were given a
    # three-year allocation of the Public Health Grant in 2022"), is no complaint; "we last
    # received one in 2015" or "… but it ends in March" still is (round 27)
    # a cost the council's work avoids or saves, told in pounds ("each prevention avoids an
    # average of £4,800 in temporary accommodation costs"), is a success, not the cost's rise
    # (round 37); "… but demand keeps rising" still speaks of trouble
    r"|\b(?:avoid(?:s|ed|ing)?|sav(?:e|es|ed|ing))\s+(?:us\s+|the\s+council\s+|councils\s+)?(?:an\s+"
    r"average\s+of\s+|around\s+|about\s+|some\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+|up\s+"
    r"to\s+)?£[\d.,]+\s*(?:m|k|million|bn|billion)?\s+(?:a\s+year\s+|each\s+year\s+|per\s+\w+\s+)?"
    r"(?:in|of|on)\s+(?:[\w-]+\s+){0,3}?(?:costs?|spend(?:ing)?|bills?)\b"
    r"(?![^.;]*\b(?:but|however|yet|still|despite|although|though)\b)"
    r"|\b(?:we|the\s+council|it)\s+(?:(?:have|has|had)\s+)?(?:received|were\s+given|was\s+given"
    r"|been\s+given|secured|obtained|won|agreed)\s+(?:a|an)\s+(?:multi-?|two-|three-|four-|five-"
    r"|\d-)\s?years?\s+(?:[\w-]+\s+)?(?:settlement|allocation|deal|grant|funding)\b"
    r"(?![^.;]*\b(?:until|expire\w*|ended|ends|ending|since|but|however|only|last)\b)"
    # government's stated intention to give councils settlements of several years, reported as
    # a fact ("Ministers have said they plan to return to multi-year settlements from 2026/27")
    # is no complaint; "… but have not said when" or "… again" still is (round 34)
    r"|^\W*(?:the\s+)?(?:new\s+|incoming\s+)?(?:government|ministers?|the\s+minister|the\s+department"
    r"|the\s+chancellor|the\s+treasury|mhclg|dluhc)\s+(?:has|have|had)\s+(?:now\s+|since\s+|also\s+)?"
    r"(?:said|announced|confirmed|stated|indicated|signalled|committed|pledged|promised)\s+"
    r"(?:that\s+)?(?:it|they|ministers|government)?\s*(?:intends?|plans?|aims?|wants?|will|would"
    r"|is\s+(?:going|planning)|are\s+(?:going|planning)|to)\s+(?:to\s+)?(?:(?:give|provide|offer"
    r"|return\s+to|move\s+to|introduce|restore|bring\s+back|deliver)\s+(?:councils\s+|local"
    r"\s+(?:government|authorities)\s+)?(?:a\s+|with\s+)?"
    # or its approach to local government finance set out, settlements of several years among it
    # ("has indicated that it will set out its own approach …, including multi-year settlements,
    # in the autumn", round 35)
    r"|(?:set\s+out|publish|announce|bring\s+forward|consult\s+on)\s+(?:its\s+|their\s+|an?\s+)?"
    r"(?:own\s+|new\s+)?(?:approach|plans?|proposals?|reforms?)\b[^.;]{0,60}?\b(?:including|with"
    r"|such\s+as)\s+(?:a\s+)?)(?:multi-?|longer[- ]term\s+|two-|three-"
    r"|four-|five-|\d-)\s?(?:years?\s+)?(?:[\w-]+\s+)?(?:settlements?|allocations?|deals?|funding)\b"
    r"(?![^.;]*\b(?:but|however|yet|again|still|not|never|until|repeated\w*|before|promised\s+before"
    r"|too\s+late|only)\b)",
    re.IGNORECASE,
)

# The uncertainty of bidding is the bidding barrier's own ("the cost and uncertainty of
# competing for pots"), not uncertainty about the council's future funding: read as a risk.
_BIDDING_UNCERTAINTY = re.compile(
    r"\buncertaint(?:y|ies)\s+(?:of|in|around|about|over|involved\s+in|that\s+comes\s+with)\s+"
    r"(?:\w+\s+){0,2}?(?:competing|competitive|competitions?|bidding|bids?|applying|applications?)\b",
    re.IGNORECASE,
)


# Words read as they are meant before the barrier rules see a sentence (round 38):
# - a long-term settlement "for (adult) social care" is the reform of how care is funded, not the
#   local government finance settlement: "a long-term settlement for adult social care remains
#   the change we most need" asks about care, not for multi-year settlements ("a long-term
#   settlement for councils" still does);
# - the council's own work on its old systems, told as what it does ("the consolidation of 900
#   legacy applications into 300", "we have retired our ageing ledger"), is transformation, not
#   a complaint about them; "replacing them is slow and expensive" and "until they are replaced
#   these legacy systems will limit …" still are (see ``_as_meant``).
_CARE_SETTLEMENT = re.compile(
    r"\blong[- ]term\s+(?:funding\s+|finance\s+|financial\s+)?settlements?\s+(?:for|on)\s+"
    r"(?:adult\s+|adults['’]?\s+)?(?:social\s+)?care\b",
    re.IGNORECASE,
)
_OWN_WORK_ON_OLD_SYSTEMS = re.compile(
    r"\b((?:consolidat|replac|decommission|retir|rationalis|rationaliz|switch\w*\s+off|turn\w*\s+off"
    r"|clos|migrat)\w*\s+(?:of\s+|from\s+|away\s+from\s+)?(?:(?:more\s+than|over|some|around"
    r"|about|nearly|almost|all|most|many)\s+)?(?:\d[\d,]*\s+|our\s+|the\s+|its\s+|their\s+"
    r"|these\s+|several\s+|a\s+number\s+of\s+){0,3})(?:legacy|old|older|ageing|aging|outdated"
    r"|obsolete)\b",
    re.IGNORECASE,
)
# the same told in the passive, the old system named first ("with the old system decommissioned
# in March 2024", "our legacy ledger was switched off"; round 40)
_OLD_SYSTEMS_RETIRED = re.compile(
    r"\b(?:legacy|old|older|ageing|aging|outdated|obsolete)(\s+(?:[\w-]+\s+){0,2}?(?:systems?"
    r"|applications?|software|platforms?|databases?|servers?|ledgers?)\s+(?:(?:was|were|has\s+been"
    r"|have\s+been|had\s+been|being|is\s+being|now|then|finally)\s+){0,2}(?:decommissioned"
    r"|retired|switched\s+off|turned\s+off|replaced|closed(?:\s+down)?|shut\s+down|removed"
    r"|withdrawn))\b",
    re.IGNORECASE,
)


# A figure or a topic the council says will be reported or published ("the number of children
# with an EHCP will be reported in the annual sufficiency statement") is a report to come: with
# no word of trouble in the sentence, it names no barrier (round 38). "The high needs deficit
# will be reported to Cabinet" still does, by its word of trouble.
_REPORTED_TO_COME = re.compile(
    r"\b(?:will|would|is\s+to|are\s+to|shall)\s+(?:\w+\s+)?be\s+(?:reported|published|presented"
    r"|set\s+out|included)\s+(?:to|in|at|through|within|alongside)\b",
    re.IGNORECASE,
)
# A count of what the council holds or supports, stated alone ("There are 1,420 children with an
# education, health and care plan maintained by the council", "We maintain 2,300 EHCPs") is a
# neutral figure, as the conventions read a budget total (round 39): with no word of trouble and
# nothing it is compared with, it names no barrier. "… up from 900 in 2019" or "… more than any
# neighbouring county" still does, by its comparison.
_PLAIN_COUNT = re.compile(
    r"^\W*(?:there\s+(?:are|were)\s+(?:now\s+|currently\s+|today\s+)?|(?:we|the\s+council"
    r"|the\s+authority)\s+(?:now\s+|currently\s+|also\s+)?(?:maintains?|maintained|supports?"
    r"|supported|looks?\s+after|holds?)\s+)(?:around\s+|about\s+|some\s+|over\s+|more\s+than\s+"
    r"|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?\d[\d,]*\s",
    re.IGNORECASE,
)
_COMPARED = re.compile(
    r"\b(?:than|from|compared|versus|up|since|more|fewer|rise|rises|risen|rose|increas\w*"
    r"|doubl\w*|trebl\w*|tripl\w*|grow\w*|grew|highest|record)\b",
    re.IGNORECASE,
)


def _plain_count(sentence: str) -> bool:
    """A count stated alone, compared with nothing (see ``_PLAIN_COUNT``)."""
    return bool(_PLAIN_COUNT.search(sentence)) and not _COMPARED.search(sentence)


# a passive before the next clause ("until they are replaced these legacy systems will limit …")
# leaves the old systems the subject of what follows
_PASSIVE_THEN_OLD_SYSTEMS = re.compile(
    r"\b(?:are|is|be|been|were|was|being)\s+(?:\w+\s+)?\w+ed,?\s+(?:these|those|the|our|its"
    r"|their|all)\s+(?:legacy|old|older|ageing|aging|outdated|obsolete)\b",
    re.IGNORECASE,
)


def _as_meant(sentence: str, rules: Rules) -> str:
    """The sentence with words that name a barrier without meaning it read as meant (see
    ``_CARE_SETTLEMENT``): the council's work on its old systems is read as work only where
    nothing else in the sentence speaks of trouble ("… which is slow and costly" still does)."""
    sentence = _CARE_SETTLEMENT.sub("long-term plan for adult social care", sentence)
    retired = _OLD_SYSTEMS_RETIRED.search(sentence)
    if (retired or _OWN_WORK_ON_OLD_SYSTEMS.search(sentence)) and not (
        _PASSIVE_THEN_OLD_SYSTEMS.search(sentence)
    ):
        read = _OWN_WORK_ON_OLD_SYSTEMS.sub(r"\1former", sentence)
        read = _OLD_SYSTEMS_RETIRED.sub(r"former\1", read) if retired else read
        if not rules.speaks_of_trouble(read):
            return read
    return sentence


# The council setting its own tax ("Council tax for a Band D home will rise by 4.99%, of which 2%
# is the adult social care precept") is a neutral fact: the rise is the council's decision, not a
# word of trouble for the topics beside it. Read without it when topics are matched; a limit on
# the rise ("can only rise by", "the maximum without a referendum") stays.
_OWN_TAX_RISE = re.compile(
    r"\b(?:council\s+tax|band\s+d|precept)\b"
    r"(?:(?!\b(?:only|cannot|can't|capped|cap|limit\w*|maximum|most|referend\w*|without|allowed"
    r"|permitted|more\s+than)\b)[^.;]){0,60}?"
    r"\b(?:rise|rises|rising|rose|risen|increase|increases|increased|increasing|go\s+up|goes\s+up"
    r"|went\s+up|gone\s+up)\s+by\s+(?:£\d[\d,.]*|\d+(?:\.\d+)?\s?(?:%|per\s?cent))",
    re.IGNORECASE,
)


# A rise in what a service gets done is its productivity, not a word of trouble: "the benefits
# team increased the number of claims processed per FTE by a tenth" is a gain, as the council
# raising its own tax is a decision (round 33). Read without it when topics are matched; a rise
# in what a service must do ("the number of cases per social worker has increased") stays.
_OUTPUT_RISE = re.compile(
    r"\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|boost(?:s|ed|ing)?"
    r"|lift(?:s|ed|ing)?|doubl(?:e|es|ed|ing))\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:number"
    r"|volume|share|proportion|percentage)\s+of\s+(?:[\w-]+\s+){0,3}?(?:completed|processed"
    r"|handled|decided|determined|resolved|closed|cleared|answered|assessed|delivered)\b"
    # homelessness prevented or relieved for a count of households is the council's output, a
    # success ("we prevented homelessness for 412 households, up from 288"; round 37)
    r"|\b(?:prevent(?:s|ed|ing)?|reliev(?:e|es|ed|ing)|end(?:s|ed|ing)?)\s+homelessness\s+(?:for|in)\b",
    re.IGNORECASE,
)


# Words that name a topic without being about it (round 23), read without them when topics are
# matched (a barrier's own rules still read the whole sentence):
# - paperwork named after money: "statistical and grant returns each year" are returns, not
#   grants given a year at a time;
# - a tender as a point in time: "prices have risen since the last tender" speaks of prices,
#   not of the procurement rules;
# - money given "by formula" as the remedy for bidding or small pots ("allocate it by formula
#   and let us decide") asks for formula funding; it does not fault the formula ("allocated by
#   a formula that ignores need" still does, through its own rules and words);
# - a service named as part of an IT system's name ("our ageing social care case management
#   system", "the housing records database"): the system is the subject, not the service;
# - the adult social care precept (round 24): "the referendum limit of 2.99% (plus 2% for adult
#   social care)", "the social care precept" name a share of the council's tax, not its care
#   service or the demand on it;
# - the council balancing or setting its own budget each year (round 38): "we have balanced the
#   budget each year, but only by using reserves" is its own duty done, not funding given a year
#   at a time ("we set the budget each year without knowing next year's grant" still is);
# - a speaker's office (round 32): "the Cabinet Member for Children's Services said school
#   transport costs had doubled", "the Director of Adult Social Care" name who speaks, not the
#   service's demand (what they say is read as it is).
_NAMED_NOT_MEANT = (
    # core funding named as what a formula shares out ("the formula that distributes core funding
    # is based on data more than a decade old", "the allocation of revenue support grant") is the
    # formula's subject, not the council's funding told as too low (round 40)
    (
        re.compile(
            r"(\b(?:distribut(?:e|es|ed|ing|ion)|allocat(?:e|es|ed|ing|ion)|shar(?:e|es|ed|ing)\s+out"
            r"|divid(?:e|es|ed|ing))\s+(?:of\s+)?(?:the\s+|councils.\s+|local\s+government\s+)?)"
            r"(?:core\s+funding|spending\s+power|revenue\s+support\s+grant)\b",
            re.I,
        ),
        r"\1funding",
    ),
    (
        re.compile(
            r"\b(?:core\s+funding|spending\s+power|revenue\s+support\s+grant)(\s+(?:is|are|was|were"
            r"|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:distributed|allocated|shared\s+out|divided))\b",
            re.I,
        ),
        r"funding\1",
    ),
    # a specialist or out-of-area placement after schools, pupils, EHCPs or school travel is a
    # school place, not a care placement ("children with education, health and care plans who
    # travel long distances to specialist placements"; round 40)
    (
        re.compile(
            r"(\b(?:schools?|schooling|education(?:al)?|pupils?|ehcps?|send|transport"
            r"|travel\w*|learners?)\b[^.;]{0,80}?\b)(?:specialist|independent"
            r"|out[- ]of[- ](?:area|county|borough))\s+(placements?)\b",
            re.I,
        ),
        r"\1school \2",
    ),
    (
        re.compile(
            r"\b(?:(?:cabinet|executive|lead|portfolio)\s+(?:member|holder|councillor|lead)"
            r"|(?:executive\s+|corporate\s+|strategic\s+|assistant\s+|deputy\s+)?director|head"
            r"|chair(?:man|woman|person)?)\s+(?:for|of)\s+(?:[\w'’-]+\s+){0,3}?(?:services|care"
            r"|housing|homelessness|education|health|wellbeing|families|children|adults|people"
            r"|communities|send)\b",
            re.I,
        ),
        " office",
    ),
    (
        re.compile(
            r"\b(?:(?:plus|and|with|including|of\s+which|incl\.?)\s+(?:a\s+further\s+|another\s+"
            r"|an\s+extra\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent)\s+(?:for|on|towards)\s+"
            r"(?:adults?['’]?\s+)?social\s+care\b|(?:adults?['’]?\s+)?social\s+care\s+precepts?\b)",
            re.I,
        ),
        " precept",
    ),
    (re.compile(r"\b(?:grant|funding)\s+(returns?|claims?|monitoring|reporting)\b", re.I), r"\1"),
    (
        re.compile(
            r"\b(?:balanc\w*|set|sets|setting|agree[ds]?|agreeing|deliver\w*)\s+(?:a\s+|the\s+"
            r"|our\s+|its\s+)?(?:[\w-]+\s+)?budgets?\s+(?:each|every)\s+year\b"
            r"(?![^.;]{0,60}\b(?:without|not\s+knowing|weeks|days|late|until|before)\b)",
            re.I,
        ),
        " budget",
    ),
    (
        re.compile(
            r"\b(?:since|at|after|before|in|from)\s+(?:the|our|its)\s+(?:last|previous|most\s+"
            r"recent|next|latest|current)\s+(?:re-?)?(?:tender(?:ing)?|procurement)"
            r"(?:\s+(?:exercise|round|process))?\b",
            re.I,
        ),
        " ",
    ),
    (
        re.compile(
            r"\b(?:by|through|via|using|on)\s+(?:a\s+|the\s+)?(?:simple\s+|fair\s+"
            r"|needs[- ]based\s+|transparent\s+)?formula(?:\s+basis)?\b"
            r"(?![^.;]{0,80}\b(?:fails?|failed|not|no\s+longer"
            r"|never|unfair\w*|outdated|out[- ]of[- ]date|ignor\w+|penalis\w+|penaliz\w+|old"
            r"|flawed|broken|based\s+on|built\s+on|rests?\s+on|reflects?|doesn.t|don.t|isn.t)\b)",
            re.I,
        ),
        " ",
    ),
    (
        re.compile(
            r"\b(?:[\w'’-]+\s+){1,3}?(?:case[- ]management|case[- ]recording|case|records?"
            r"|information|client|line[- ]of[- ]business|management)\s+(?:systems?|software"
            r"|platforms?|databases?|applications?|solutions?)\b"
            # an enterprise resource planning (ERP) system is finance and HR software, not the
            # planning system (round 34)
            r"|\b(?:enterprise\s+)?resource\s+planning\s+(?:\(erp\)\s+)?(?:systems?|software"
            r"|platforms?|solutions?|suites?)\b",
            re.I,
        ),
        " system",
    ),
)


def _topic_reading(sentence: str) -> str:
    """The sentence as its topics and words of trouble are read: without the council setting
    its own tax or raising its output, and without words that name a topic without being
    about it."""
    sentence = _OUTPUT_RISE.sub(" ", _OWN_TAX_RISE.sub(" ", sentence))
    for pattern, repl in _NAMED_NOT_MEANT:
        sentence = pattern.sub(repl, sentence)
    return sentence


# The items of a lettered or numbered list inside one sentence ("we ask government to: (a) …;
# (b) …; and (c) …"): each item is its own ask, so one item's barrier is no setting for a topic
# another item names (round 27). So are the items of a list run on with semicolons after a colon
# ("the barriers …, in particular: the obstacles to sharing data …; the cost of competing for
# funding …; and the growth in the high needs deficit", round 35): the sentence splitter leaves
# a semicolon followed by a lower-case word inside the sentence.
_LIST_ITEM = re.compile(
    r"(?:^|[:;,]\s*(?:and\s+|or\s+)?)\((?:[a-h]|i{1,3}|iv|v|vi{0,3}|\d{1,2})\)\s"
)
_SEMICOLON_ITEM = re.compile(r";\s+(?:and\s+|or\s+)?")


def _beyond_settings(rules: Rules, sentence: str, topics: list[str], hits: list[str]) -> list[str]:
    """The topics that are not only the setting of a barrier the sentence's rules named (see
    ``Rules.beyond_settings``), read item by item in a sentence that lists several asks or
    barriers, lettered or numbered, or run on with semicolons after a colon."""
    kept = rules.beyond_settings(topics, hits)
    if len(kept) == len(topics):
        return kept
    items = [item for item in _LIST_ITEM.split(sentence) if item.strip()]
    if len(items) < 2 and ";" in sentence.partition(":")[2]:
        lead, _, listed = sentence.partition(":")
        items = [lead] + [item for item in _SEMICOLON_ITEM.split(listed) if item.strip()]
    if len(items) < 2:
        return kept
    for item in items:
        named = rules.topics.counts(_topic_reading(item))
        for bid in rules.beyond_settings(named, rules.barriers_in(item)):
            if bid in topics and bid not in kept:
                kept.append(bid)
    return sorted(kept, key=rules.order.__getitem__)


# A quotation closed and given to "she", "he" or "they": "…," she said.
_QUOTED_BY_PRONOUN = re.compile(
    r"[\"”’'],?\s+(?:she|he|they)\s+(?:said|says|added|argued|warned|told|continued|explained)\b"
    r"|^\W*(?:she|he|they)\s+(?:said|added|argued|warned|continued|explained)\b",
    re.IGNORECASE,
)


def _barriers(
    readings: Sequence[_Reading],
    rules: Rules,
    model: CodingModel,
    embedder: Embedder,
    barrier_sections: set[str],
) -> list[dict[str, float]]:
    """Per passage, {barrier id: confidence}. The framework's paraphrase rules on each of the
    council's own sentences come first, then a barrier's topic named with a word of trouble or
    an ask, or named at all in a section about barriers; a sentence that neither matches but
    that speaks of a barrier is compared with the barriers' paraphrases (similarity, the last
    signal)."""
    found: list[dict[str, float]] = [{} for _ in readings]
    unmatched: list[tuple[int, str]] = []
    for i, reading in enumerate(readings):
        national = False  # the last sentence reported a national body's view
        for sentence in reading.own:
            # the commentator's own words, quoted after the sentence that names them ("…," she
            # said.), are still the commentator's view (round 30)
            # and so is a quotation opened right after it, the commentator's words (round 40)
            national = reports_a_national_view(sentence) or (
                national
                and bool(
                    _QUOTED_BY_PRONOUN.search(sentence) or opens_a_quotation_of_others(sentence)
                )
            )
            if _WELCOMES_WHAT_EXISTS.search(sentence) or national:
                continue  # "We welcome the commitment to multi-year settlements": no barrier
            sentence = _BIDDING_UNCERTAINTY.sub(
                lambda m: "risk" + m.group(0)[m.group(0).index(" ") :], sentence
            )
            sentence = _as_meant(sentence, rules)
            hits = rules.barriers_in(sentence)
            signalled = bool(rules.signals.matches(sentence))
            if hits and not signalled and _REPORTED_TO_COME.search(sentence):
                hits = []  # "the number of EHCPs will be reported in November": a report
            if hits and not signalled and _plain_count(sentence):
                hits = []  # "There are 1,420 children with an EHCP": a neutral figure
            absorbed = rules.absorbed_by(hits)
            hits = [bid for bid in hits if bid not in absorbed]
            for bid in hits:
                found[i][bid] = RULE_CONFIDENCE
            in_section = reading.section in barrier_sections or reading.asked
            topics: list[str] = []
            if in_section or signalled or rise_told_in_figures(sentence):
                # the reading takes words out ("we raised council tax"): outside a section about
                # barriers it must still speak of trouble (made only where topics may count)
                read = _topic_reading(sentence)
                if in_section or read == sentence or rules.speaks_of_trouble(read):
                    topics = _beyond_settings(rules, sentence, rules.barrier_topics_in(read), hits)
                    topics = [bid for bid in topics if bid not in absorbed]
            for bid in topics:
                found[i][bid] = max(found[i].get(bid, 0.0), TOPIC_CONFIDENCE)
            if not hits and not topics and (BARRIER_CUE.search(sentence) or signalled):
                unmatched.append((i, sentence))
    protos = model.protos if model.mode == "embedding" else None
    if unmatched and protos is not None and len(protos.barrier_phrases):
        sims = embedder.encode([s for _, s in unmatched]) @ protos.barrier_matrix.T
        ids = [b for b, _ in protos.barrier_phrases]
        for (i, _), row in zip(unmatched, sims, strict=True):
            col = int(row.argmax())
            if row[col] >= model.thresholds.barrier_similarity:
                score = round(float(row[col]) * SIMILARITY_WEIGHT, 4)
                found[i][ids[col]] = max(found[i].get(ids[col], 0.0), score)
    return found


def _questions(
    model: CodingModel,
    emb: np.ndarray | None,
    i: int,
    headings: dict[str, float],
    conf: dict[str, float],
    framework: Framework,
) -> list[str]:
    """Within each heading answered, the nearest sub-questions (and any within a margin)."""
    protos = model.protos if model.mode == "embedding" else None
    if protos is None or emb is None:
        return []
    questions: list[str] = []
    for hid, hconf in headings.items():
        qids = [q.id for q in framework.heading(hid).questions]
        if not qids:
            continue
        sims = protos.question_protos[[protos.question_ids.index(q) for q in qids]] @ emb[i]
        best = float(sims.max())
        for q, s in zip(qids, sims, strict=True):
            if s >= best - model.thresholds.question_margin:
                questions.append(q)
                conf[q] = round(float(hconf * max(s, 0.0) / max(best, 1e-6)), 4)
    return questions


def _with_memory(model: CodingModel, code: PassageCode) -> PassageCode:
    """A human decision on this very passage wins over the machine."""
    memory = model.memory.get(text_key(code.passage.text))
    if memory is None:
        return code
    kind = memory["kind"]
    headings, questions = list(memory["headings"]), list(memory["questions"])
    barriers, measure = list(memory["barriers"]), bool(memory["is_measure"])
    conf = {"kind": 1.0, **{k: 1.0 for k in headings + questions}}
    conf.update({f"barrier:{b}": 1.0 for b in barriers})
    if measure:
        conf["measure"] = 1.0
    return replace(
        code,
        kind="requirement" if kind == "requirement" else "council",
        headings=tuple(headings),
        questions=tuple(questions),
        barriers=tuple(barriers),
        is_measure=measure,
        is_initiative=bool(kind == "council" and headings and ACTION_CUE.search(code.passage.text)),
        confidences=conf,
    )


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
        if hits:
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
