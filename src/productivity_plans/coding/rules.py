"""The framework's paraphrase rules, compiled: the first signal for every code.

The framework file holds, as case-insensitive regular expressions, how a sentence restates the
requirement, how a council asks government for something, how councils title the section that
answers each heading, content cues for each heading and paraphrase rules for each barrier.
Nothing here names a heading or a barrier: all come from the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from productivity_plans.framework.schema import Framework

# A sentence ends at . ! ? or ; followed by space and a capital, digit, bullet or quote, or at a
# line break; abbreviations such as "e.g." rarely start a capitalised word, so they seldom cut.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"“‘'(•\-–])|\n\s*\n|\n(?=\s*[-•–*]\s)")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words that carry no topic: left out when a passage is compared with the framework's wording.
_STOP_WORDS = """
a an the and or of to in on for with by from as at is are was were be been this that these those
it its their our your you we us they how what which who will would can could should may might has
have had do does did not no any all each more most other such into over about also there here
than then so if
"""
_STOP = frozenset(_STOP_WORDS.split())


def _any(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One alternation of the patterns (None when there are none)."""
    parts = [f"(?:{p})" for p in patterns]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass(frozen=True)
class Rules:
    """The framework's rules, compiled once per framework."""

    restatement: re.Pattern[str] | None
    council_ask: re.Pattern[str] | None
    sections: dict[str, re.Pattern[str]]  # heading id -> its section title patterns, as one
    cues: dict[str, list[re.Pattern[str]]]  # heading id -> content cue patterns
    barriers: dict[str, re.Pattern[str]]  # barrier id -> paraphrase rules
    wording: list[frozenset[str]]  # content words of each heading and question text

    def restates(self, sentence: str) -> bool:
        """Whether a sentence restates the requirement: it reports what government asked or the
        regime's own terms, or repeats a heading's or question's wording, and is not the
        council asking government for something."""
        asks = self.council_ask is not None and self.council_ask.search(sentence) is not None
        if self.restatement is not None and self.restatement.search(sentence):
            # "The Minister asked what government could remove" is reported speech; "we ask
            # government, as the letter invited, to ..." is the council speaking
            return not (asks and _FIRST_PERSON.search(sentence))
        return not asks and repeats_wording(sentence, self.wording)

    def section_heading(self, title: str | None) -> str | None:
        """The heading a section title introduces: the one whose section patterns it matches
        most often ("How we plan to use technology and data to improve service design" is
        about technology and data, though it also speaks of service design)."""
        if not title:
            return None
        scores = {hid: len(p.findall(title)) for hid, p in self.sections.items()}
        ranked = sorted(((n, hid) for hid, n in scores.items() if n), reverse=True)
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
        return None  # as much evidence for two headings: neither

    def cue_count(self, heading_id: str, text: str) -> int:
        """How many distinct content cues of a heading the text has."""
        return sum(1 for p in self.cues.get(heading_id, ()) if p.search(text))

    def barriers_in(self, sentence: str) -> list[str]:
        """Barrier ids whose paraphrase rules match the sentence."""
        return [bid for bid, pattern in self.barriers.items() if pattern.search(sentence)]


@lru_cache(maxsize=8)
def compile_rules(framework: Framework) -> Rules:
    wording = [content_words(h.text) | content_words(h.title) for h in framework.headings]
    wording += [content_words(q.text) for q in framework.questions]
    wording.append(content_words(framework.purpose))
    return Rules(
        restatement=_any(framework.restatement_patterns),
        council_ask=_any(framework.council_ask_patterns),
        sections={
            h.id: p for h in framework.headings if (p := _any(h.section_patterns)) is not None
        },
        cues={h.id: [re.compile(c, re.IGNORECASE) for c in h.cues] for h in framework.headings},
        barriers={b.id: p for b in framework.barriers if (p := _any(b.patterns)) is not None},
        wording=wording,
    )


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (m.group().lower().rstrip("'’") for m in _WORD.finditer(text)) if w not in _STOP
    )


def repeats_wording(sentence: str, wording: list[frozenset[str]], share: float = 0.7) -> bool:
    """A sentence of at least four content words, most of them from one heading or question:
    "How we have transformed the way we design and deliver services" repeats heading 1."""
    words = content_words(sentence)
    if len(words) < 4:
        return False
    return any(len(words & w) >= share * len(words) for w in wording)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of a passage, whitespace trimmed."""
    pos = 0
    for m in _SENTENCE_BREAK.finditer(text):
        yield from _trim(text, pos, m.start())
        pos = m.end()
    yield from _trim(text, pos, len(text))


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
