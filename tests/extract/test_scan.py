"""Scanner: the same matches as ``re.Pattern.finditer``, found through a finder over the
lowercased text."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from productivity_plans.extract import doctype, governance
from productivity_plans.extract.dates import DATE_RE, date_matches
from productivity_plans.extract.scan import Scanner, line_starts, scanner
from productivity_plans.lowercase import CASE_TRAPS, Lowered, lower, lowered

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern of the extract rules (whether or not a rule scans with it today)."""
    found: dict[str, re.Pattern[str]] = {}
    for module in (doctype, governance):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module.__name__}.{name}"] = value
    for name, pattern in governance._HEADER_PATTERNS:
        found[f"header.{name}"] = pattern
    for i, pattern in enumerate(governance._AUTHOR_PATTERNS):
        found[f"author.{i}"] = pattern
    for outcome, pattern in governance._VERBS:
        found[f"verb.{outcome}"] = pattern
    for doc_type, cues in doctype.CUES.items():
        for i, (cue, _weight) in enumerate(cues):
            found[f"cue.{doc_type}.{i}"] = cue.pattern
    return found


PATTERNS = _patterns()
SCANNERS = {name: Scanner(pattern) for name, pattern in PATTERNS.items()}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _check(text: str, pos: int = 0, endpos: int | None = None) -> None:
    doc = lowered(text)
    end = len(text) if endpos is None else endpos
    for name, pattern in PATTERNS.items():
        expected = _spans(pattern.finditer(text, pos, end))
        assert _spans(SCANNERS[name].finditer(doc, pos, endpos)) == expected, name
        first = pattern.search(text, pos, end)
        got = SCANNERS[name].search(doc, pos, endpos)
        assert (got and got.span()) == (first and first.span()), name


def test_most_rules_get_a_finder() -> None:
    with_finder = [name for name, s in SCANNERS.items() if s.fast]
    assert len(with_finder) > 0.7 * len(SCANNERS)
    assert SCANNERS["cue.decision_record.1"].anchored  # ^\s*decision maker\s*:


def test_case_sensitive_patterns_look_in_the_text_itself() -> None:
    zones = SCANNERS["productivity_plans.extract.governance._ZONE_ANCHOR"]
    assert zones.cased and zones.anchored and "RESOLVED" in zones.words
    # A case-insensitive part in an anchored lead is copied with its flag.
    assert Scanner(re.compile(r"^\s*(?i:minutes)\b", re.M)).cased
    # One that starts a lead cannot be looked for as literal text: the lowercase copy is used.
    leading = Scanner(re.compile(r"\b(?i:meeting|minutes)\s+of\b"))
    assert leading.fast and not leading.cased
    assert not SCANNERS["header.body_then_date"].cased  # re.IGNORECASE


def test_a_finder_is_one_flat_alternation() -> None:
    """Alternatives that each start with a literal character, so ``re`` skips to those."""
    finder = Scanner(re.compile(r"^\s*Decision:|\bCabinet\s+noted\b|\bCouncil\s+agreed", re.M))
    assert [f.pattern for f in finder.finders] == [
        r"\n\s*Decision:|C(?:abinet(?:[\s]){1,}noted|ouncil(?:[\s]){1,}agreed)"
    ]


def test_a_finder_led_by_a_few_words_is_split_into_one_pattern_each() -> None:
    """Each then starts with two or more literal characters, which ``re`` skips to in C."""
    finder = Scanner(re.compile(r"\b(?:is|are|comprises)\s+(?:a\s+)?set\s+of\b", re.I))
    assert [f.pattern for f in finder.finders] == [
        r"is(?:[\s]){1,}(?:a(?:[\s]){1,}){0,1}set(?:[\s]){1,}of",
        r"are(?:[\s]){1,}(?:a(?:[\s]){1,}){0,1}set(?:[\s]){1,}of",
        r"comprises(?:[\s]){1,}(?:a(?:[\s]){1,}){0,1}set(?:[\s]){1,}of",
    ]
    # One lead character shared by different words ("is", "it") stays one alternation.
    assert len(Scanner(re.compile(r"\b(?:is|it|are)\s+set\b", re.I)).finders) == 1


def test_corpus_documents_match_exactly() -> None:
    house_styles = CORPUS.parent / "house_styles"
    for path in sorted((CORPUS / "docs").glob("*.txt")) + sorted(house_styles.glob("*.txt")):
        text = path.read_text("utf-8")
        _check(text)
        _check(text, 0, 4000)
        _check(text, 150, 6000)


EDGES = [
    "",
    "minutes:",
    "\n\n  Minutes:\n",
    "x\n \n Decision Maker: Cabinet\n",
    "Decision Maker:\n\nCabinet\nDECISION MAKER : Council",
    "We are, we have; WE WILL",
    "RESOLVED that\nresolved:\n  Resolved  \n",
    "Report Author: Jane Smith\nHead of Policy\n",
    "The plan was approved by Cabinet on 15 July 2024 and was then submitted on 18 July.",
    "Key decision? No\nSubject to call-in: Yes",
    "ı was submitted; ſeconded by Councillor X",  # re.IGNORECASE letters: plain scan
    "İ was submitted to the Cabinet",  # lowercase longer than the text: plain scan
    "That the Cabinet\nTHAT THE CABINET\n that the cabinet\n(a) That Council\nAPPROVED\n",
    "RECOMMENDATIONS\n2. recommendations: x\nDecisions\nCabinet noted the\nCABINET NOTED",
]


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases_match_exactly(text: str) -> None:
    for pos in range(0, min(len(text), 12)):
        _check(text, pos)
    _check(text, 0, len(text) // 2)


def test_texts_lowercase_cannot_stand_for_fall_back() -> None:
    assert lowered("ı").low is None
    assert lowered("İ").low is None
    assert lowered("Cabinet").low == "cabinet"


LOWER_EDGES = [
    "",
    "Plain ASCII Text",
    "The Council’s plan – 2024 • £1m",
    "ÉTÉ Straße ẞ",  # letters outside ASCII with a lowercase: str.lower
    "ΟΔΟΣ ΟΔΟΣ",  # final sigma depends on what follows
    "İstanbul",  # lowercase longer than the text
    "ǅ Ⅰ Ⓐ",  # titlecase, and uppercase outside the letters
    "a\ud83d\ude00b\udc80 X",  # lone surrogates
    "😀 Emoji",
]


@pytest.mark.parametrize("text", LOWER_EDGES)
def test_lower_is_str_lower(text: str) -> None:
    assert lower(text) == text.lower()


def test_lower_is_str_lower_on_the_corpus_and_every_character() -> None:
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        text = path.read_text("utf-8")
        assert lower(text) == text.lower(), path.name
    chars = [chr(code) for code in range(0x80, 0x110000)]
    # Those lower() keeps together (the quick path, in blocks for time), each other one alone.
    for i in range(0, len(chars), 4096):
        block = chars[i : i + 4096]
        kept = "Ab".join(c for c in block if c.lower() == c)
        for text in (kept, *("X" + c + "y" for c in block if c.lower() != c)):
            assert lower(text) == text.lower(), ascii(text[:20])


def test_case_traps_are_the_only_letters_lower_misses() -> None:
    """Every character re.IGNORECASE equates with an ASCII letter lowercases to that letter,
    and lowercasing keeps word, space and digit classes, except for CASE_TRAPS (and
    characters whose lowercase is longer, which change the length)."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    traps = []
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) != 1:
            continue
        same_letter = low in string.ascii_lowercase and re.fullmatch(low, char, re.I)
        misread = (letters.fullmatch(char) or low in string.ascii_lowercase) and not same_letter
        classes = (char.isalnum(), char.isspace(), char.isdecimal())
        if misread or classes != (low.isalnum(), low.isspace(), low.isdecimal()):
            traps.append(char)
    assert "".join(traps) == CASE_TRAPS


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for pattern in PATTERNS.values():
        words.update(re.findall(r"[A-Za-z]{2,}", pattern.pattern))
    return sorted(words)


WORDS = _vocabulary()
SEPARATORS = [" ", " ", "\n", "\n\n", " \n ", "\t", ":", ": ", ".", ". ", " - ", "’s ", ",", "("]
TOKENS = st.one_of(
    st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from([w, w.lower(), w.upper(), w.title()])),
    st.sampled_from(SEPARATORS),
    st.sampled_from(["12", "2024", "15 July 2024", "3)", "(a)", "1.", "Yes", "No", "?"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(TOKENS, max_size=40), st.integers(0, 30), st.integers(0, 200))
def test_generated_texts_match_exactly(tokens: list[str], pos: int, end: int) -> None:
    text = "".join(tokens)
    _check(text)
    _check(text, min(pos, len(text)), max(min(pos, len(text)), min(end, len(text))))


def test_date_matches_are_date_re_finditer() -> None:
    texts = [p.read_text("utf-8") for p in sorted((CORPUS / "docs").glob("*.txt"))]
    texts += ["3/4/2024 12/13/2024 2024-06-18 x12 July 2024", "_15 July, 2024 /18.06.24 18.06.24"]
    for text in texts:
        assert _spans(date_matches(text)) == _spans(DATE_RE.finditer(text))


def test_lowered_is_shared_per_text() -> None:
    text = json.dumps({"a": "Cabinet"})
    assert lowered(text) is lowered(text)
    assert isinstance(lowered(text), Lowered)


def test_count_agrees_with_finditer_up_to_its_limit() -> None:
    """The doc-type loop's count, with the line-start pre-check, on the corpus and edges."""
    texts = [p.read_text("utf-8") for p in sorted((CORPUS / "docs").glob("*.txt"))] + EDGES
    for text in texts:
        doc = lowered(text)
        first_words = "" if doc.low is None else line_starts(doc.low, 4000)
        for name, pattern in PATTERNS.items():
            expected = min(3, sum(1 for _ in pattern.finditer(text, 0, 4000)))
            assert SCANNERS[name].count(doc, 0, 4000, first_words, 3) == expected, name


def test_scanner_is_built_once_per_pattern_object() -> None:
    pattern = re.compile(r"\bcabinet\b", re.IGNORECASE)
    assert scanner(pattern) is scanner(pattern)
    re.purge()
    twin = re.compile(r"\bcabinet\b", re.IGNORECASE)
    assert twin is not pattern and twin == pattern
    assert scanner(twin) is not scanner(pattern)  # looked up by identity, not by equality
    doc = lowered("The Cabinet met. CABINET agreed.")
    assert [m.span() for m in scanner(twin).finditer(doc)] == [(4, 11), (17, 24)]
