"""The framework's paraphrase rules, compiled: the first signal for every code.

The framework file holds, as case-insensitive regular expressions, how a sentence restates the
requirement, how a council asks government for something, how councils title the section that
answers each heading, content cues for each heading and paraphrase rules for each barrier.
Nothing here names a heading or a barrier: all come from the file.

Each group of rules is matched in one pass with RE2's set matching (``google-re2``), which
reports every rule that matches a text: Python's ``re`` would try each of the ~200 rules at
every position of every sentence, about ten times slower. The rules are therefore written in
RE2's syntax: no look-arounds or back-references.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import re2

from productivity_plans.framework.schema import Framework

# A sentence ends at . ! ? or ; followed by space and a capital, digit, bullet or quote, or at a
# line break; abbreviations such as "e.g." rarely start a capitalised word, so they seldom cut.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"“‘'(•\-–])|\n\s*\n|\n(?=\s*[-•–*]\s)")
_FIRST_PERSON = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
# A speaker's comment on what the council's own plan should say ("Councillor Reid said the plan
# should be clearer that homelessness is the biggest pressure"): the words about the plan are not
# the regime's request, and what follows them is the speaker's point.
_COMMENT_ON_PLAN = re.compile(
    r"\b(?:the|this|our)\s+(?:draft\s+)?(?:productivity\s+)?plan\s+(?:should|must|ought\s+to"
    r"|needed\s+to|needs\s+to|could)\s+(?:be\s+(?:clearer|more\s+explicit|more\s+forceful|stronger"
    r"|firmer|more\s+direct|(?:more\s+|as\s+|very\s+|fully\s+|quite\s+)?(?:frank|honest|candid|open"
    r"|up-?front|blunt|realistic|plain|explicit|direct|forthright))"
    r"|make\s+(?:it\s+)?(?:clear|clearer|plain|explicit)|say\s+more"
    r"|(?:stress|emphasise|emphasize|highlight|spell\s+out|acknowledge|reflect|recognise|mention)"
    r"(?:\s+more\s+(?:strongly|clearly))?)\s+(?:that|about|how)\b",
    re.IGNORECASE,
)
# Many departments asking ("Each department asks for its own monitoring return, and we …",
# round 23) is the council's complaint about their demands, not the department that asked for
# the plans: the regime's request comes from one department and its minister.
_MANY_DEPARTMENTS = re.compile(
    r"\b(?:each|every|different|separate|several|multiple|numerous|many|various|other|individual)"
    r"\s+(?:government\s+|whitehall\s+|central\s+)?departments?\b",
    re.IGNORECASE,
)
# A cost told against an earlier year's figure ("we spent £4.1m on it last year, compared with
# £1.3m in 2018"): a word of trouble told in figures when the later sum is the larger by a
# quarter or more; a fall, or two sums close together, is no trouble (round 28).
_SUM = r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m|million|k|thousand)?\b"
_THEN_AND_NOW = re.compile(
    _SUM + r"[^.;£]{0,80}?\b(?:compared\s+(?:with|to)|against|up\s+from|from|versus|vs\.?)\s+"
    r"(?:just\s+|only\s+|around\s+|about\s+|some\s+|roughly\s+)?" + _SUM + r"[^.;£]{0,20}?"
    r"\b(?:(?:19|20)\d\d(?:/\d\d)?|last\s+year|a\s+decade\s+ago|(?:\w+\s+)?years\s+(?:ago|earlier)"
    r"|before\s+the\s+pandemic)\b",
    re.IGNORECASE,
)
_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}


def _pounds(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get((unit or "").lower(), 1.0)


def rise_told_in_figures(sentence: str) -> bool:
    """Whether a sentence tells a sum against a smaller one of an earlier year (see
    ``_THEN_AND_NOW``)."""
    for m in _THEN_AND_NOW.finditer(sentence):
        now, then = _pounds(m.group(1), m.group(2)), _pounds(m.group(3), m.group(4))
        if then > 0 and now >= 1.25 * then:
            return True
    return False


_WORD = re.compile(r"[a-z][a-z-]*")
# Words that carry no topic: left out when a passage is compared with the framework's wording.
_STOP_WORDS = """
a an the and or of to in on for with by from as at is are was were be been this that these those
it its their our your you we us they how what which who will would can could should may might has
have had do does did not no any all each more most other such into over about also there here
than then so if
"""
_STOP = frozenset(_STOP_WORDS.split())


class PatternSet:
    """Case-insensitive patterns matched together: which of them a text matches.

    RE2's filtered matcher (``re2.Filter``, FilteredRE2): the literal words each pattern needs
    are looked for in one pass, and only the patterns whose words are all there are run. One
    automaton for all the patterns (``re2.Set``, used before) multiplied its states across the
    barrier rules' gaps ("[^.;]{0,80}" counts on its own in each of them) and rebuilt them for
    every text it had not seen: about 0.5 ms a sentence on the blind rounds' documents, against
    0.04 ms now, with the same matches (docs/coding.md, "Speed")."""

    def __init__(self, patterns: Sequence[str]) -> None:
        options = re2.Options()
        options.case_sensitive = False
        self._filter = re2.Filter()
        for pattern in patterns:
            self._filter.Add(pattern, options)
        self.size = len(patterns)
        if self.size:
            self._filter.Compile()

    def matches(self, text: str) -> list[int]:
        """The indices of the patterns the text matches."""
        if not self.size:
            return []
        found: list[int] = self._filter.Match(text) or []
        return found


class _Grouped:
    """Patterns that each belong to one id (a heading or a barrier), matched together."""

    def __init__(self, groups: Iterable[tuple[str, Sequence[str]]]) -> None:
        self.owners: list[str] = []
        patterns: list[str] = []
        for owner, owned in groups:
            self.owners.extend([owner] * len(owned))
            patterns.extend(owned)
        self.set = PatternSet(patterns)

    def counts(self, text: str) -> dict[str, int]:
        """For each id, how many of its patterns the text matches."""
        out: dict[str, int] = {}
        for i in self.set.matches(text):
            out[self.owners[i]] = out.get(self.owners[i], 0) + 1
        return out


@dataclass(frozen=True)
class Wording:
    """The content words of each heading's and question's text, and all of them together."""

    each: tuple[frozenset[str], ...]
    every: frozenset[str]

    def repeated_in(self, sentence: str, share: float = 0.7) -> bool:
        """A sentence of at least four content words, most of them from one heading or
        question: "How we have transformed the way we design and deliver services" repeats
        heading 1. (One whose words are mostly in none of them repeats none: most sentences,
        told apart in one step.)"""
        words = content_words(sentence)
        least = share * len(words)
        if len(words) < 4 or len(words & self.every) < least:
            return False
        return any(len(words & w) >= least for w in self.each)


@dataclass(frozen=True)
class Rules:
    """The framework's rules, compiled once per framework."""

    # how a sentence restates the requirement ("restates") and how a council asks government
    # ("asks"): every sentence is read for both, so they are matched together
    speech: _Grouped
    sections: _Grouped  # heading id -> how councils title its section
    cues: _Grouped  # heading id -> content cues
    barriers: _Grouped  # barrier id -> paraphrase rules
    topics: _Grouped  # barrier id -> what it is about
    signals: PatternSet  # trouble, or an ask for change
    order: dict[str, int]  # barrier id -> its place in the framework
    settings: dict[str, frozenset[str]]  # barrier id -> barriers that are only its setting
    absorbs: dict[str, frozenset[str]]  # barrier id -> barriers that are part of it
    wording: Wording  # the content words of the headings' and questions' texts

    def restates(self, sentence: str) -> bool:
        """Whether a sentence restates the requirement: it reports what government asked or the
        regime's own terms, or repeats a heading's or question's wording, and is not the
        council asking government for something."""
        sentence = _MANY_DEPARTMENTS.sub("they", _COMMENT_ON_PLAN.sub(" ", sentence))
        speech = self.speech.counts(sentence)
        asks = "asks" in speech
        if "restates" in speech:
            # "The Minister asked what government could remove" is reported speech; "we ask
            # government, as the letter invited, to ..." is the council speaking
            return not (asks and _FIRST_PERSON.search(sentence))
        return not asks and self.wording.repeated_in(sentence)

    def asks_government(self, text: str) -> bool:
        """Whether the text is the council asking government for something."""
        return "asks" in self.speech.counts(text)

    def section_heading(self, title: str | None) -> str | None:
        """The heading a section title introduces: the one whose section patterns it matches
        most ("How we plan to use technology and data to improve service design" is about
        technology and data, though it also speaks of service design)."""
        if not title:
            return None
        ranked = sorted(((n, hid) for hid, n in self.sections.counts(title).items()), reverse=True)
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
        return None  # as much evidence for two headings: neither

    def cue_counts(self, text: str) -> dict[str, int]:
        """For each heading, how many distinct content cues of it the text has."""
        return self.cues.counts(text)

    def barriers_in(self, sentence: str) -> list[str]:
        """Barrier ids whose paraphrase rules match the sentence, in framework order."""
        return sorted(self.barriers.counts(sentence), key=self.order.__getitem__)

    def barrier_topics_in(self, sentence: str) -> list[str]:
        """Barrier ids whose topic the sentence names, in framework order: weaker evidence than
        a paraphrase rule, counted only where the sentence speaks of trouble or asks for change
        (``speaks_of_trouble``) or stands in a section about barriers, whose title speaks of
        trouble for it ("What's stopping us" / "Homelessness. 4,200 households live in
        temporary accommodation")."""
        return sorted(self.topics.counts(sentence), key=self.order.__getitem__)

    def speaks_of_trouble(self, sentence: str) -> bool:
        """A word of trouble or an ask for change, or a sum told against a smaller one of an
        earlier year (``rise_told_in_figures``)."""
        return bool(self.signals.matches(sentence)) or rise_told_in_figures(sentence)

    def beyond_settings(self, topics: Iterable[str], named: Iterable[str]) -> list[str]:
        """The topics that are not only the setting of a barrier the sentence's rules named
        ("we cannot use DWP data to find households at risk of homelessness" names data
        sharing, not homelessness), unless their own rules named them too."""
        named = set(named)
        setting = set().union(*(self.settings.get(b, frozenset()) for b in named)) - named
        return [t for t in topics if t not in setting]

    def absorbed_by(self, named: Iterable[str]) -> set[str]:
        """The barriers that are part of one the sentence's rules named, and so name nothing of
        their own there: a new duty whose funding "does not cover the ongoing cost", or that the
        council "does not know will be funded", names the unfunded burden, not underfunding or
        funding uncertainty in general."""
        return set().union(*(self.absorbs.get(b, frozenset()) for b in named))


@lru_cache(maxsize=8)
def compile_rules(framework: Framework) -> Rules:
    wording = [content_words(h.text) | content_words(h.title) for h in framework.headings]
    wording += [content_words(q.text) for q in framework.questions]
    wording.append(content_words(framework.purpose))
    return Rules(
        speech=_Grouped(
            [("restates", framework.restatement_patterns), ("asks", framework.council_ask_patterns)]
        ),
        sections=_Grouped((h.id, h.section_patterns) for h in framework.headings),
        cues=_Grouped((h.id, h.cues) for h in framework.headings),
        barriers=_Grouped((b.id, b.patterns) for b in framework.barriers),
        topics=_Grouped((b.id, b.topics) for b in framework.barriers),
        signals=PatternSet(framework.barrier_signals),
        order={b.id: i for i, b in enumerate(framework.barriers)},
        settings={b.id: frozenset(b.settings) for b in framework.barriers if b.settings},
        absorbs={b.id: frozenset(b.absorbs) for b in framework.barriers if b.absorbs},
        wording=Wording(tuple(wording), frozenset().union(*wording)),
    )


def content_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower())) - _STOP


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
