"""Governance facts: decision body, meeting/decision date, outcome, author, recommendations,
key-decision and call-in flags, submission date, and a dated timeline of earlier steps.

Method (general house styles, not any one council's wording):

* **Body and date** come from the furniture democracy systems and report templates print, tried
  in order of reliability: "Decision Maker:" / "Date of decision:" (decision records),
  "Meeting: 25/06/2024 - Cabinet (Item 11)" (issue pages), "Meeting of Cabinet, Tuesday, 30th
  July, 2024", a meeting header line ("Governance and Resources Committee 18 July 2024",
  "Cabinet - Wednesday 17th July, 2024"), "Report To:"/"Date of Meeting", then who the report is
  addressed to ("Recommendation(s) to Cabinet Executive", "THAT CABINET:", "To provide Cabinet
  with") and narrative minutes ("The Executive considered a report"). Plans and web pages
  report their own sign-off ("agreed by the cabinet on 15 July").
* **Dates** are never the Minister's letter date or the submission deadline (both from the
  framework): those are quoted by every paper.
* **Outcome** is read only from decision zones (after "RESOLVED", "ORDERED", "Decision:", a
  recommendations heading, numbered "That …" clauses) and only from the part of the text that
  is about the productivity plan, with precedence deferred > approved > delegated > endorsed >
  noted. A delegation's own powers ("delegates … authority to agree") are not an approval;
  sign-off lines ("Approved by the Portfolio Holder") are not the decision. Papers with a
  decision but no visible outcome get ``unknown``; plans and web pages without one get ``none``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from productivity_plans.extract.dates import (
    DATE_WITH_WEEKDAY,
    DateMention,
    DateScan,
    find_dates,
    scan_dates,
)
from productivity_plans.extract.records import Author, Decision, GovernanceEvent, Quote
from productivity_plans.extract.scan import scanner
from productivity_plans.framework import load_regime
from productivity_plans.lowercase import Lowered, lowered

_M = re.IGNORECASE | re.MULTILINE
_DATE = DATE_WITH_WEEKDAY
_DATE_AGAIN = _DATE.replace("(?P<", "(?P<again_")  # a second date in one pattern

# A body name as papers print it.
_BODY_CORE = (
    r"(?:the\s+)?(?:"
    r"Leader\s+of\s+the\s+Council(?:\s+and\s+(?:the\s+)?Chief\s+Executive)?|Leader"
    r"|(?:Cabinet|Executive)\s+(?:Member|Portfolio\s+Holder)\s+for\s+[A-Z][\w,&' ]+?"
    r"|(?:[A-Z][\w&]*\s+)*Portfolio\s+Holder(?:\s+for\s+[A-Z][\w,&' ]+?)?"
    r"|[Cc]abinet(?:\s+Executive|\s+and\s+Junior\s+Cabinet\s+Members)?"
    r"|Executive(?:\s+Committee)?"
    r"|(?:Full\s+|City\s+|County\s+|Borough\s+|District\s+)?Council"
    r"|Corporate\s+(?:Leadership|Management)\s+Team|(?:Senior|Extended)\s+Leadership\s+Team"
    r"|(?:[A-Z][\w&',]*\s+(?:(?:and|&|of|the|for)\s+)?){1,6}"
    r"(?:Committee|Sub-Committee|Board|Panel|Group)"
    r"|Chief\s+Executive(?:\s+Officer)?"
    r")"
)
BODY_RE = re.compile(_BODY_CORE)
# Minutes headings print the body in capitals: "MINUTES of a meeting of the CABINET held …".
_UPPER_BODY = (
    r"CABINET(?:\s+EXECUTIVE)?|EXECUTIVE(?:\s+COMMITTEE)?|(?:FULL\s+)?COUNCIL"
    r"|(?:[A-Z&,']+\s+){1,6}(?:COMMITTEE|SUB-COMMITTEE|BOARD|PANEL)"
)

_PAPER_TYPES = frozenset({"committee_report", "decision_record", "minutes", "agenda_item"})
_LETTER = load_regime().letter_date
_DEADLINE = load_regime().deadline
_EXCLUDED_DATES = frozenset({_LETTER, _DEADLINE})


def _clean_body(body: str) -> str:
    body = body.strip().split("\n")[-1]
    body = re.sub(r"\s+", " ", body).strip(" \t:-–—,.;")
    body = re.sub(r"^(?:the|a|an)\s+", "", body, flags=re.IGNORECASE)
    body = re.sub(r"\s*\((?:item|minute)[^)]*\)\s*$", "", body, flags=re.IGNORECASE)
    if body.isupper():
        body = body.title().replace(" And ", " and ").replace(" Of ", " of ")
    elif body.islower():
        body = body[:1].upper() + body[1:]
    return body


def body_kind(body: str | None) -> str | None:
    """Canonical kind of a decision body: cabinet, executive, council, committee, leader,
    mayor, portfolio_holder, officer or other."""
    if not body:
        return None
    low = body.lower()
    if re.search(r"\bmayor\b", low):
        return "mayor"
    if re.search(r"\bportfolio holder\b|\b(?:cabinet|executive) member\b", low):
        return "portfolio_holder"
    if re.match(r"(?:the )?leader\b", low):
        return "leader"
    if re.search(r"\b(?:leadership|management)\s+team\b", low):
        return "officer"  # Corporate Leadership Team, Senior Management Team: officers
    if re.search(r"\bcabinet\b", low):
        return "cabinet"
    if re.search(r"\b(?:committee|sub-committee|board|panel|group|team)\b", low):
        return "executive" if low.strip() == "executive committee" else "committee"
    if re.search(r"\bexecutive\b", low) and not re.search(r"chief executive", low):
        return "executive"
    if re.search(r"\bcouncil\b", low):
        return "council"
    if re.search(r"\b(?:chief executive|director|officer|manager|head of)\b", low):
        return "officer"
    # "Decision Maker: Policy and Finance" — a named committee without the word.
    return "committee"


# ---------------------------------------------------------------- body and meeting date

_HEADER_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "decision_maker",
        re.compile(r"^\s*Decision[\s-]+(?:Maker|Taker)\s*:\s*(?P<body>[^\n]+?)\s*$", _M),
    ),
    ("committee_label", re.compile(r"^\s*Committee\s*:[ \t]*(?P<body>[^\n]+?)\s*$", _M)),
    (
        "decision_of",
        re.compile(
            rf"^\s*(?:(?:Executive|Individual|Officer|Delegated|Key)\s+)?Decisions?\s+"
            rf"(?:of|by|taken\s+by)\s+(?:the\s+)?(?P<body>{_BODY_CORE})\s*$",
            re.MULTILINE | re.X,
        ),
    ),
    (
        "decided_at",
        re.compile(
            rf"^\s*Decided\s+at\s+meeting\s*:\s*(?P<date>{_DATE})\s*-\s*(?P<body>[^\n(]+)",
            _M | re.X,
        ),
    ),
    (
        "date_of_decision",
        re.compile(rf"^\s*Date\s+of\s+decision\s*:\s*(?P<date>{_DATE})", _M | re.X),
    ),
    (
        "issue_meeting",
        re.compile(rf"^\s*Meeting\s*:\s*(?P<date>{_DATE})\s*[-–]\s*(?P<body>[^\n(]+)", _M | re.X),
    ),
    (
        "meeting_of",
        re.compile(
            rf"\b(?i:meeting|minutes)\s+of\s+(?i:a\s+meeting\s+of\s+)?(?i:the\s+)?"
            rf"(?P<body>{_BODY_CORE}|{_UPPER_BODY})(?:\s+meeting)?"
            rf"(?:\s+held(?:\s+(?:at|in)\s+[^\n]{{1,100}}?)?)?"
            rf"(?:\s*,|\s+on|\s+-|\s)\s*(?P<date>{_DATE})",
            re.X,
        ),
    ),
    (
        "header_line",
        re.compile(
            rf"^[ \t]*(?P<body>[A-Z][^\n]{{2,120}}?)\s+[-–]\s+(?P<date>{_DATE})[^\n]*$", _M | re.X
        ),
    ),
    (
        "body_then_date",
        re.compile(
            rf"^[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t,]+(?P<date>{_DATE})[ \t]*$", _M | re.X
        ),
    ),
    (
        "body_over_date",  # "Cabinet" on one line, "Tuesday 16 July 2024" on the next
        re.compile(
            rf"^[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t]*\n(?:[ \t]*\n)?"
            rf"[ \t]*(?P<date>{_DATE})[ \t]*(?:(?:at\s+)?\d[^\n]*)?$",
            _M | re.X,
        ),
    ),
    (
        "report_to",
        re.compile(
            rf"^\s*Report\s+To\s*:?[ \t]+(?P<body>[^\n]+?)"
            rf"(?:[ \t]*[-–—,][ \t]*(?P<date>{_DATE})[^\n]*"
            # or the date alone on the next line: "Report to Cabinet\n\n16 July 2024"
            rf"|[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<date2>{_DATE_AGAIN})[ \t]*$)?\s*$",
            _M | re.X,
        ),
    ),
    (
        "meeting_date",
        re.compile(
            rf"^\s*(?:Date\s+of\s+(?:the\s+)?Meeting|Meeting\s+Date|Date)\s*:?[ \t]*"
            rf"(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        "title_line",
        re.compile(
            r"\A(?:[^\n]*\n){0,8}?[ \t]*(?P<body>(?-i:Cabinet(?:[ \t]+Executive)?|CABINET|Executive"
            r"|EXECUTIVE|Full[ \t]+Council|(?:[A-Z][\w&]+[ \t]+(?:and[ \t]+)?)+Committee))[ \t]*$",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    (
        "addressed_to",
        re.compile(
            r"(?:\bRecommendations?(?:\(s\))?\s+to\s+|\bTHAT\s+(?=[A-Z]{4,}\b)|"
            r"\bThat\s+(?=(?:Cabinet|Council|Executive|the\s+Executive)(?:\s*\n|\s+(?:approves|notes|endorses|agrees|delegates)\b))|"
            r"\bTo\s+provide\s+|\bFor\s+|\breport\s+to\s+)(?:the\s+)?"
            r"(?P<body>(?-i:Cabinet(?:\s+Executive)?|CABINET|Executive(?:\s+Committee)?|EXECUTIVE"
            r"|Council|COUNCIL|Full\s+Council|[A-Z][\w&]+(?:\s+(?:and\s+)?[A-Z][\w&]+)*\s+Committee))"
            r"(?=\s*:|\s+with\b|\s+to\s+note\b|\s*\n|\s+is\s+RECOMMENDED|\s+(?:approves|notes|endorses|agrees|delegates)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "narrative",
        re.compile(
            r"\b(?P<body>(?-i:(?:The\s+)?(?:Cabinet|Executive|Council)|[A-Z][\w&]+(?:\s+(?:and\s+)?[A-Z][\w&]+)*\s+Committee))"
            r"[ \t]+(?:received|considered|noted|approved|agreed|endorsed)[ \t]+(?:a|the)\b",
            re.IGNORECASE,
        ),
    ),
]

_PLAN_SIGNOFF = re.compile(
    rf"\b(?:productivity\s+plan|(?:our|the|this)\s+plan)\b[^.\n]{{0,80}}?"
    rf"\b(?P<verb>approved|agreed|endorsed|signed\s+off|adopted)\s+by\s+(?P<body>{_BODY_CORE})"
    rf"(?:[^.\n]{{0,60}}?\b(?:on|at\s+its\s+meeting\s+on)\s+(?P<date>{_DATE}))?",
    re.IGNORECASE | re.X,
)
_BAD_BODIES = re.compile(
    r"^(?:council|the council)'s$|^(?:report|item|minutes|agenda|productivity)\b|^local government"
    r"|\bgovernment\b|\bassociation\b|\bnetwork\b|\bDLUHC\b|\bMHCLG\b|\bministry\b|\bdepartment\b"
    r"|\bchief executives group\b|\bworking group\b",
    re.IGNORECASE,
)


# A meeting body as running text names it (not people: a person does not "meet").
_MEETING_BODY = (
    r"(?-i:Cabinet(?:\s+Executive)?|CABINET|Executive(?:\s+Committee)?|EXECUTIVE"
    r"|(?:Full\s+|City\s+|County\s+|Borough\s+|District\s+)?Council|COUNCIL"
    r"|(?:[A-Z][\w&]+\s+(?:(?:and|&|of|the|for)\s+)?){1,6}(?:Committee|Sub-Committee|Board|Panel))"
)
# "RECOMMENDED TO CABINET:", "resolved to recommend to Council that": the named body *receives*
# the recommendation; the minute is of the body that makes it.
_RECOMMENDED_TO = re.compile(
    rf"\b(?:RECOMMENDED|(?i:recommends?|recommended))\s+(?:TO|(?i:to))\s+(?:the\s+|THE\s+)?"
    rf"(?P<body>{_MEETING_BODY})(?=\s*[:,]|\s+that\b|\s+THAT\b|\s*\n)",
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A meeting named by its month in running text: "following July's Executive", "at the June
# Cabinet meeting", "the 15 July Cabinet". Papers name their own meeting this way when the
# page header is not in the capture.
_MONTH_MEETING = re.compile(
    rf"\b(?:{_MONTHS}['’]s\s+|the\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTHS}(?:\s+\d{{4}})?\s+)"
    rf"(?P<body>{_MEETING_BODY})\b(?!\s*['’]s|\s+(?i:tax|plan|strategy|report|budget|offices?)\b)"
)
# The report as addressed in running text: "the report submitted to the Executive", "for the
# consideration of the Executive Committee", "for consideration by Cabinet".
_PROSE_ADDRESS = re.compile(
    rf"(?:\b(?:report|paper)\s+(?:submitted|presented)\s+to|\bfor\s+the\s+consideration\s+of"
    rf"|\bfor\s+consideration\s+by)\s+(?:the\s+)?(?P<body>{_MEETING_BODY})\b",
)


def _norm_body(body: str) -> str:
    return re.sub(r"\s+", " ", body).strip().lower()


def _recommending_body(doc: Lowered, end: int, receivers: set[str]) -> str | None:
    """For a minute whose decision is a recommendation passed on ("RECOMMENDED TO CABINET"),
    the committee making it: the one committee other than the receiver named in the decision
    passage (in ``doc.text[:end]``). None when there is no such committee or more than one."""
    text = doc.text
    found: set[str] = set()
    for m in scanner(_RECOMMENDED_TO).finditer(doc, 0, end):
        zone_end = min(len(text), end, m.end() + _ZONE_MAX)
        stop = scanner(_ZONE_END).search(doc, m.end(), zone_end)
        zone = text[m.end() : stop.start() if stop else zone_end]
        for b in re.finditer(_MEETING_BODY, zone):
            body = _clean_body(b.group(0))
            if (
                body_kind(body) == "committee"
                and _norm_body(body) not in receivers
                and not _BAD_BODIES.search(body)
            ):
                found.add(body)
    return found.pop() if len(found) == 1 else None


def _body_from_prose(doc: Lowered, end: int) -> tuple[str | None, str]:
    """A body named in running text (``doc.text[:end]``) when the paper's own furniture names
    none: a meeting referred to by its month, or the body the report was addressed to. All
    such mentions must agree on the kind of body; otherwise None (unknown beats wrong)."""
    for name, pattern in (("month_meeting", _MONTH_MEETING), ("prose_address", _PROSE_ADDRESS)):
        found = scanner(pattern).finditer(doc, 0, end)
        bodies = [_clean_body(m.group("body")) for m in found]
        bodies = [b for b in bodies if b and not _BAD_BODIES.search(b)]
        if bodies and len({body_kind(b) for b in bodies}) == 1:
            return bodies[0], name
    return None, ""


# Every "narrative" match ends with this phrase, and before it has only word characters, "&"
# and whitespace (the body): the pattern, which has no finder, is tried only in those stretches.
_NARRATIVE_VERB = re.compile(
    r"\b(?:received|considered|noted|approved|agreed|endorsed)[ \t]+(?:a|the)\b", re.IGNORECASE
)
_NOT_BODY_CHAR = re.compile(r"[^\w&\s]")
# Its verbs: each match of _NARRATIVE_VERB starts with one.
_NARRATIVE_VERB_WORDS = ("received", "considered", "noted", "approved", "agreed", "endorsed")


def _header_matches(
    name: str, pattern: re.Pattern[str], doc: Lowered, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(doc.text, 0, end)`` for the header pattern ``name``."""
    if name in _BODY_LINE_PATTERNS and doc.low is not None:
        yield from _matches_at(pattern, doc.text, _body_line_starts(doc.text, end), end)
    elif name == "header_line":
        yield from _matches_at(pattern, doc.text, _header_line_starts(doc.text, end), end)
    elif name != "narrative":
        yield from scanner(pattern).finditer(doc, 0, end)
    else:
        for start, stop in _narrative_stretches(doc, end):
            yield from pattern.finditer(doc.text, start, stop)


def _narrative_stretches(doc: Lowered, end: int) -> list[tuple[int, int]]:
    """Disjoint stretches of ``doc.text[:end]`` that hold every "narrative" match: each runs
    from the start of the body characters before a verb phrase to the phrase's end (merged
    where they overlap). A match cannot reach past them, and the text outside is the same as
    the whole scan sees up to where a match can end, so scanning them finds the same matches."""
    out: list[tuple[int, int]] = []
    for start, verb in _run_starts(doc.text, end, _narrative_verbs(doc, end), _NOT_BODY_CHAR):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], verb.end())
        else:
            out.append((start, verb.end()))
    return out


def _run_starts(
    text: str, end: int, matches: Iterable[re.Match[str]], outside: re.Pattern[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Each of ``matches`` (in ``text[:end]``, in order) with the start of the run of
    characters before it that ``outside`` does not match, found by searching one reversed
    copy of ``text[:end]`` (made at the first match) in C instead of stepping back in Python."""
    backwards = ""
    for m in matches:
        backwards = backwards or text[end - 1 :: -1]
        other = outside.search(backwards, end - m.start())
        yield (0 if other is None else end - other.start()), m


def _narrative_verbs(doc: Lowered, end: int) -> Iterator[re.Match[str]]:
    """``_NARRATIVE_VERB.finditer(doc.text, 0, end)``, tried only where the lowercased copy has
    one of its verbs: str.find skips to them in C, where the scanner's finder tries the
    pattern at every "a", "c", "e", "n" and "r"."""
    if doc.low is None:
        return scanner(_NARRATIVE_VERB).finditer(doc, 0, end)
    words = _NARRATIVE_VERB_WORDS
    starts = sorted({at for word in words for at in _find_all(doc.low, word, 0, end)})
    return _matches_at(_NARRATIVE_VERB, doc.text, starts, end)


# "body_then_date" and "body_over_date" start "^[ \t]*(?:the\s+)?(?P<body>_BODY_CORE)". Their
# finder tries every body name at every line start, and the free ones (any words, then
# "Committee" or "Portfolio Holder") run on over the words of the lines below: most of the cost
# of find_body_and_date. So their ``match`` is tried only at the line starts a match can begin
# at, found as follows.
_BODY_LINE_PATTERNS = frozenset({"body_then_date", "body_over_date"})
# Every body name opens with one of these words (after blanks and up to two "the"; looked for
# in the lowercased text, which has the text's offsets and cases, see scan.Lowered) ...
_BODY_OPENING = (
    r"[ \t]*(?:the\s+){0,2}(?:leader|cabinet|executive|chief|corporate|senior|extended"
    r"|(?:(?:full|city|county|borough|district)\s+)?council)"
)
_BODY_OPENING_AT_START = re.compile(_BODY_OPENING)
# (a look-ahead: each match is a newline alone, so none hides the next line start) ...
_BODY_OPENING_LINE = re.compile(rf"\n(?={_BODY_OPENING})")
# ... or is words ending in one of these, with only name characters (word characters, "&",
# "'", ",", blanks and the "-" of "Sub-Committee") from the line start to it. A name's last
# word follows a blank, "-" or the line start, so no match of an earlier word overlaps it.
_BODY_LAST_WORDS = re.compile("portfolio|committee|board|panel|group", re.IGNORECASE)
_NOT_NAME_CHAR = re.compile(r"[^\w&',\s-]")
# And from the line start to the first digit of the date there are only name characters and
# the "." of a weekday ("Cabinet Tues. 16 July 2024").
_REACHES_DIGIT = re.compile(r"[\w&',.\s-]*?\d")


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, end)`` when every match starts at one of ``starts`` (in
    order): its ``match`` at each of them from the last match's end on, as ``finditer`` tries
    them; it tries the other offsets in vain."""
    at = 0
    for start in starts:
        found = pattern.match(text, start, end) if start >= at else None
        if found is not None:
            yield found
            at = found.end()


@lru_cache(maxsize=4)
def _body_line_starts(text: str, end: int) -> tuple[int, ...]:
    """The line starts of ``text[:end]`` (whose lowercased copy must stand for it) where a
    body name can begin and a digit follows, in order: those where the line opens with a
    body's first word, and those before one of _BODY_LAST_WORDS with only name characters
    between. Every match of _BODY_LINE_PATTERNS starts at one (cached: both patterns ask;
    keyed by the text, whose hash is kept, not by its Lowered, whose copy would be hashed)."""
    doc = lowered(text)
    low = doc.low
    assert low is not None
    starts = {m.start() + 1 for m in _BODY_OPENING_LINE.finditer(low, 0, end)}
    if _BODY_OPENING_AT_START.match(low, 0, end):
        starts.add(0)
    last_words = scanner(_BODY_LAST_WORDS).finditer(doc, 0, end)
    for first, word in _run_starts(text, end, last_words, _NOT_NAME_CHAR):
        starts.update(_line_start_offsets(text, first, word.start()))
    return tuple(s for s in sorted(starts) if _REACHES_DIGIT.match(text, s, end))


# "header_line" has no literal lead, so its finder tries every line start. But each match has
# whitespace, a dash and whitespace before its date, and only whitespace between its body (on
# the line the match starts) and that dash: the pattern is tried only at the start of the line
# that holds the last character before such a dash.
_SPACED_DASH = re.compile(r"[-–](?<=\s[-–])(?=\s)")


def _header_line_starts(text: str, end: int) -> list[int]:
    """The line starts of ``text[:end]`` where a "header_line" match can begin, in order."""
    starts: list[int] = []
    for dash in _SPACED_DASH.finditer(text, 0, end):
        last = _after_text(text, dash.start()) - 1
        start = text.rfind("\n", 0, last) + 1 if last >= 0 else -1
        if start >= 0 and (not starts or start > starts[-1]):
            starts.append(start)
    return starts


def _line_start_offsets(text: str, first: int, last: int) -> list[int]:
    """The line starts of ``text`` from ``first`` to ``last`` (both included)."""
    out = [0] if first == 0 else []
    newline = text.find("\n", max(first - 1, 0), last)
    while newline >= 0:
        out.append(newline + 1)
        newline = text.find("\n", newline + 1, last)
    return out


@dataclass(frozen=True, slots=True)
class _Found:
    body: str | None
    date: date | None
    how: str


def _date_in(text: str, year: int) -> date | None:
    for mention in find_dates(text, default_year=year):
        if mention.value not in _EXCLUDED_DATES:
            return mention.value
    return None


# Characters of the opening blocks searched for the meeting header and the body addressed.
BODY_HEAD = 6_000


def find_body_and_date(text: str, doc_type: str, year: int) -> tuple[str | None, date | None, str]:
    """(body, meeting or decision date, how it was found) for the decision in ``text``."""
    doc = lowered(text)
    head = min(len(text), BODY_HEAD)
    body: str | None = None
    when: date | None = None
    how: list[str] = []
    # Bodies a recommendation is passed on to are not the body whose minute this is.
    receivers = (
        {
            _norm_body(_clean_body(m.group("body")))
            for m in scanner(_RECOMMENDED_TO).finditer(doc, 0, head)
        }
        if doc_type in _PAPER_TYPES
        else set()
    )
    for name, pattern in _HEADER_PATTERNS:
        if body is not None and when is not None:
            break
        if name == "narrative" and body is not None:
            break
        for m in _header_matches(name, pattern, doc, head):
            groups = m.groupdict()
            found_body = groups.get("body")
            if found_body is not None:
                found_body = _clean_body(found_body)
                if not found_body or _BAD_BODIES.search(found_body) or len(found_body) > 120:
                    continue
                if name in {"addressed_to", "narrative"} and _norm_body(found_body) in receivers:
                    continue
            date_text = groups.get("date") or groups.get("date2")
            found_date = _date_in(date_text, year) if date_text else None
            if date_text and found_date is None:
                continue  # the date is the letter/deadline: not this meeting
            # a free header line must name a body with a body word in it
            if (
                name == "header_line"
                and found_body
                and not re.search(
                    r"committee|cabinet|council|executive|board|panel|mayor|leader",
                    found_body,
                    re.IGNORECASE,
                )
            ):
                continue
            took = False
            if body is None and found_body:
                body, took = found_body, True
            if when is None and found_date:
                when, took = found_date, True
            if took:
                how.append(name)
                break
    if body is None and doc_type in _PAPER_TYPES:
        if receivers:
            body = _recommending_body(doc, head, receivers)
            if body is not None:
                how.append("recommending_body")
        else:
            body, prose = _body_from_prose(doc, head)
            if body is not None:
                how.append(prose)
    if doc_type in {"plan", "web_page", "news", "other"} and body is None:
        signoff = _plan_signoff(text)
        if signoff and not _BAD_BODIES.search(signoff.group("body")):
            body = _clean_body(signoff.group("body"))
            if signoff.group("date"):
                when = _date_in(signoff.group("date"), year)
            how.append("plan_signoff")
    return body, when, "+".join(how)


# ---------------------------------------------------------------- outcome

# Where a decision is written down. Factored into line-start forms and in-line forms so the
# scanner tries two branches per character instead of fourteen (the same alternatives as before).
_ZONE_ANCHOR = re.compile(
    r"^\s*(?:"
    r"Decisions?\s*:?\s*$|Decisions?\s*:"
    r"|(?:\d+\.?\s*)?(?i:Recommendations?\b)(?:\(s\))?(?!\s+for\b)[^\n]{0,40}$"
    r"|Recommendations?\t"
    r"|(?:\(?\d+[.)]|\(?[a-z][.)]|[-•·])?\s*That\s+(?:the\s+)?(?:Cabinet|Council|Executive|Committee)\b"
    r"|(?:\d\)\s*)?(?:APPROVED|NOTED|AGREED|ENDORSED)\b|(?:Approved|Noted|Agreed|Endorsed)\s+the\b"
    r")"
    r"|\b(?:RESOLVED\b|Resolved\b(?:\s+unanimously)?\s*(?:that|:)|ORDERED\b"
    r"|RECOMMENDED\s+TO\b|is\s+RECOMMENDED\s+to\b|Recommendations?\s+approved\b"
    r"|(?:Cabinet|Council|Executive|Committee|Leader|Mayor|Holder)\s+(?:has\s+)?"
    r"(?:noted|approved|agreed|endorsed)\b)",
    re.MULTILINE,
)
_ZONE_END = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:Reasons?\b|Alternative\s+options|Options\s+considered|Other\s+options"
    r"|Implications|Background\b|Purpose\b|List\s+of\s+Appendices|IMPLICATIONS)",
    re.MULTILINE | re.IGNORECASE,
)
_ZONE_MAX = 700
OUTCOME_HEAD = 15_000  # decisions sit in the front matter of reports and in short minutes
_SIGNOFF = re.compile(r"\b(?:approved|agreed|endorsed|signed\s+off)\s+by\b", re.IGNORECASE)
_VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("deferred", re.compile(r"\b(?:deferred|withdrawn|postponed)\b", re.IGNORECASE)),
    (
        "delegated",
        re.compile(r"\bdelegat(?:e|es|ed|ing)\b|\bdelegated\s+authority\b", re.IGNORECASE),
    ),
    (
        "approved",
        re.compile(
            r"\b(?:approved?|approves|agreed|agree|agrees|adopted?|adopts)\b", re.IGNORECASE
        ),
    ),
    ("endorsed", re.compile(r"\bendors(?:e|es|ed)\b", re.IGNORECASE)),
    ("noted", re.compile(r"\b(?:notes?|noted|noting)\b(?!\s+that\b)", re.IGNORECASE)),
]
# "to seek approval", "failure to agree", "councils were asked to agree": not this decision.
# A body asked to decide ("Cabinet is asked to approve") is a report's recommendation, which
# is its outcome.
_NOT_A_DECISION = re.compile(
    r"\b(?:to\s+seek|failure\s+to|not\s+to|(?P<asked>asked\s+to))\s*$", re.IGNORECASE
)
_ASKED_TO_DECIDE = (
    "cabinet is ",
    "council is ",
    "executive is ",
    "committee is ",
    "members are ",
    "board is ",
    "panel is ",
)
# Lowercase text every match of each verb pattern contains. Most sentences of a zone hold none
# of them, which ``in`` on the lowercased copy tells far cheaper than the case-insensitive
# patterns (each tried at every offset): a verb is searched for only where its stem is.
_VERB_STEMS = {
    "deferred": ("deferred", "withdrawn", "postponed"),
    "delegated": ("delegat",),
    "approved": ("approv", "agree", "adopt"),
    "endorsed": ("endors",),
    "noted": ("note", "noting"),
}
_PRECEDENCE = ["deferred", "approved", "delegated", "endorsed", "noted"]
_PRODUCTIVITY = re.compile(r"productivity", re.IGNORECASE)


# _ZONE_ANCHOR's finder tries its line-start forms at every line and its in-line forms at every
# "i" and most capitals: most of find_outcome's cost. Every match starts instead at one of
# these, found in C (see _zone_starts): the start of a line, or of blank lines before a line,
# whose first character other than whitespace opens a line-start form ...
_ZONE_LINE_FORM = (
    r"\s*+(?=Decision|\d|(?i:recommendation)|\(|[a-z][.)]|[-•·]|That"
    r"|APPROVED|NOTED|AGREED|ENDORSED|Approved|Noted|Agreed|Endorsed)"
)
_ZONE_LINE = re.compile(rf"\n{_ZONE_LINE_FORM}")
_ZONE_LINE_AT_START = re.compile(_ZONE_LINE_FORM)
# ... one of these words (and the "is" before "RECOMMENDED") ...
_ZONE_WORDS = ("RESOLVED", "Resolved", "ORDERED", "RECOMMENDED", "Recommendation")
# ... or a body's name, whitespace and perhaps "has" before one of these verbs.
_ZONE_VERBS = ("noted", "approved", "agreed", "endorsed")
_ZONE_BODIES = ("Cabinet", "Council", "Executive", "Committee", "Leader", "Mayor", "Holder")


def _zone_starts(text: str, begin: int, end: int) -> list[int]:
    """Offsets of ``text[begin:end]`` where a match of _ZONE_ANCHOR can start, in order."""
    starts: set[int] = set()
    if begin == 0 and _ZONE_LINE_AT_START.match(text, 0, end):
        starts.add(0)
    for line in _ZONE_LINE.finditer(text, max(begin - 1, 0), end):
        # each line start in the whitespace before the form
        starts.update(_line_start_offsets(text, line.start() + 1, line.end()))
    for word in _ZONE_WORDS:
        for at in _find_all(text, word, begin, end):
            starts.add(at)
            before = _after_text(text, at)
            if word == "RECOMMENDED" and 2 <= before < at and text.startswith("is", before - 2):
                starts.add(before - 2)
    for verb in _ZONE_VERBS:
        for at in _find_all(text, verb, begin, end):
            ends = [_after_text(text, at)]
            if ends[0] >= 3 and text.startswith("has", ends[0] - 3):
                ends.append(_after_text(text, ends[0] - 3))
            for body_end in ends:
                for body in _ZONE_BODIES:
                    if body_end >= len(body) and text.startswith(body, body_end - len(body)):
                        starts.add(body_end - len(body))
    return sorted(start for start in starts if start >= begin)


def _find_all(text: str, word: str, begin: int, end: int) -> Iterator[int]:
    """The offsets of ``word`` in ``text[begin:end]``."""
    at = text.find(word, begin, end)
    while at >= 0:
        yield at
        at = text.find(word, at + 1, end)


def _after_text(text: str, at: int) -> int:
    """The start of the whitespace that ends at ``at`` (``at`` when there is none)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _zones(doc: Lowered, begin: int = 0, stop_at: int | None = None) -> list[tuple[int, int]]:
    text = doc.text
    out: list[tuple[int, int]] = []
    end = len(text) if stop_at is None else min(stop_at, len(text))
    for m in _matches_at(_ZONE_ANCHOR, text, _zone_starts(text, begin, end), end):
        start = m.start()
        if out and start < out[-1][1]:
            continue
        end = min(len(text), start + _ZONE_MAX)
        stop = scanner(_ZONE_END).search(doc, m.end(), end)
        if stop:
            end = stop.start()
        out.append((start, end))
    return out


def find_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    """(outcome, evidence sentence, start, end) from the decision zones, or Nones."""
    doc = lowered(text)
    first = scanner(_PRODUCTIVITY).search(doc)
    offset = 0
    if first:
        # Start at the line where the plan is first mentioned: earlier agenda items are other
        # business.
        offset = text.rfind("\n", 0, first.start()) + 1
    hits: dict[str, tuple[int, int, str]] = {}
    # Anchors before the line that mentions the plan only matter if their zone reaches past
    # it (a zone is at most _ZONE_MAX long), so the scan starts just before that line.
    for z_start, z_end in _zones(doc, max(0, offset - _ZONE_MAX), OUTCOME_HEAD):
        if z_end <= offset:
            continue  # a decision on earlier business
        zone = text[z_start:z_end]
        for sentence_m in re.finditer(r"[^.\n;]+(?:[.;]|\n|$)", zone):
            # An outcome found already keeps its first sentence: no need to look for it again.
            verbs = _verbs_in(doc, z_start + sentence_m.start(), z_start + sentence_m.end())
            if all(outcome in hits for outcome in verbs):
                continue
            sentence = sentence_m.group(0)
            if _SIGNOFF.search(sentence):
                sentence = _SIGNOFF.split(sentence)[0]
            delegation = _VERBS[1][1].search(sentence) if "delegated" in verbs else None
            for outcome, pattern in _VERBS:
                if outcome not in verbs or outcome in hits:
                    continue
                for vm in pattern.finditer(sentence):
                    if outcome == "approved" and delegation and delegation.start() < vm.start():
                        continue  # "delegates ... authority to agree": the delegate's power
                    if outcome == "approved" and _not_a_decision(sentence[: vm.start()]):
                        continue
                    if outcome not in hits:
                        s = z_start + sentence_m.start()
                        hits[outcome] = (s, z_start + sentence_m.end(), sentence.strip())
                    break
    for outcome in _PRECEDENCE:
        if outcome in hits:
            s, e, sentence = hits[outcome]
            return outcome, sentence, s, e
    return None, None, None, None


def _not_a_decision(before: str) -> bool:
    """Whether the words ``before`` an approval verb make it someone else's or no decision
    ("to seek approval", "councils were asked to agree"), but not a body asked to decide."""
    found = _NOT_A_DECISION.search(before)
    if found is None or found.group("asked") is None:
        return found is not None
    return not before[: found.start()].lower().endswith(_ASKED_TO_DECIDE)


def _verbs_in(doc: Lowered, start: int, end: int) -> list[str]:
    """The outcomes whose verb can occur in ``doc.text[start:end]``: those with a stem in its
    lowercased copy (all of them when the text has no copy)."""
    if doc.low is None:
        return list(_VERB_STEMS)
    folded = doc.low[start:end]
    return [outcome for outcome, stems in _VERB_STEMS.items() if any(s in folded for s in stems)]


@lru_cache(maxsize=4)
def _plan_signoff(text: str) -> re.Match[str] | None:
    """The first _PLAN_SIGNOFF match in ``text`` (cached: a plan's body and its outcome are
    both read from it, and the search runs over the whole text)."""
    return scanner(_PLAN_SIGNOFF).search(lowered(text))


def _plan_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    m = _plan_signoff(text)
    if not m:
        return None, None, None, None
    verb = m.group("verb").lower()
    outcome = "endorsed" if verb == "endorsed" else "approved"
    return outcome, m.group(0), m.start(), m.end()


# ---------------------------------------------------------------- timeline, submission

_EVENT_VERBS = re.compile(
    r"\b(?P<verb>approved|approval|endorsed|endorsement|agreed|noted|considered|discussed"
    r"|taken\s+to|submitted|pre-scrutinised|scrutinised|signed\s+off|sought|presented)\b",
    re.IGNORECASE,
)
_FUTURE_OR_DUTY = re.compile(
    r"\b(?:must|should|required|requirement|requesting|deadline\s+(?:for|of)|to\s+be|would\s+be"
    r"|will\s+be|asked|expect\w*|needed)\b",
    re.IGNORECASE,
)
# A date something is due by is not a step taken: "submit the plan by 19 July 2024".
_DUE_BY = re.compile(
    r"\b(?:by|before|until|deadline(?:\s+(?:of|for))?|no\s+later\s+than)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.\n]+(?:\.(?!\d)[^.\n]*)*?(?:\.(?=\s|$)|\n|$)")
_PAST_SUBMITTED = re.compile(
    r"\b(?:was|were|been|has\s+been|had\s+been|which\s+was|it\s+was|has|have|had)\s+"
    r"(?:then\s+|today\s+|now\s+|already\s+)?(?P<verb>submitted)\b"
    # "was approved by Cabinet on 9 July and submitted on 12 July"
    r"|\b(?:was|were)\s+(?:\w+ly\s+)?\w+ed\b[^.\n;]{0,80}?\band\s+(?:then\s+)?(?P<verb2>submitted)\b",
    re.IGNORECASE,
)


def _verb_start(m: re.Match[str]) -> int:
    return m.start("verb") if m.group("verb") else m.start("verb2")


def _action(verb: str) -> str:
    verb = re.sub(r"\s+", " ", verb.lower())
    return {
        "approval": "approved",
        "endorsement": "endorsed",
        "taken to": "considered",
        "sought": "approval sought",
        "pre-scrutinised": "scrutinised",
        "presented": "considered",
    }.get(verb, verb)


@dataclass(frozen=True, slots=True)
class _Span:
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


# A sentence ends at a full stop or a line break, but not at a soft wrap: a break inside a
# paragraph, after a line that does not end in punctuation and before one that starts in lower
# case or with a number ("submitted to the government on\n12 July 2024"), as PDFs and
# hard-wrapped captures print them. Each alternative starts with its "." or "\n" (the character
# before a line break is looked at from after it), so ``re`` skips in C to those two characters
# instead of trying the look-behinds at every offset: the same matches.
_SENTENCE_END = re.compile(r"\.(?=\s)|\n(?<![\n.:;!?]\n)(?![ \t]*[a-z0-9(£])|\n(?<=[\n.:;!?]\n)")
_SOFT_WRAP_NEXT = re.compile(r"[ \t]*[a-z0-9(£]")


def _line_start(text: str, pos: int) -> int:
    """The start of the line holding ``pos``, reaching back over soft wraps."""
    nl = text.rfind("\n", 0, pos)
    while (
        nl > 0 and text[nl - 1] not in "\n.:;!?" and _SOFT_WRAP_NEXT.match(text, nl + 1) is not None
    ):
        nl = text.rfind("\n", 0, nl)
    return nl + 1


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence (or line) around ``pos``: from after the previous full stop or line break
    to the next one."""
    stop = text.rfind(". ", 0, pos)
    start = max(_line_start(text, pos), stop + 1 if stop >= 0 else 0)
    m = _SENTENCE_END.search(text, pos)
    end = m.end() if m else len(text)
    return start, end


def _event_body(sentence: str, verb_at: int) -> str | None:
    """The body acting in ``sentence``: the first one named after the verb ("endorsed by the
    Leader", "a meeting of Cabinet"), else the nearest before it; never a possessive
    ("the Council's plan")."""
    candidates: list[tuple[int, str]] = []
    for m in BODY_RE.finditer(sentence):
        if re.match(r"\s*['’]s\b", sentence[m.end() :]):
            continue
        body = _clean_body(m.group(0))
        if body and not _BAD_BODIES.search(body):
            candidates.append((m.start(), body))
    after = [b for at, b in candidates if at > verb_at]
    before = [b for at, b in candidates if at <= verb_at]
    if after:
        return after[0]
    return before[-1] if before else None


def find_timeline(text: str, year: int, scan: DateScan | None = None) -> list[GovernanceEvent]:
    """Dated governance steps the text mentions, with their sentence and offsets."""
    scan = scan or scan_dates(text, year)
    events: list[GovernanceEvent] = []
    done: set[int] = set()
    for found in scan.mentions:
        start, end = _sentence_bounds(text, found.start)
        if start in done:
            continue
        sentence = text[start:end]
        verb = _EVENT_VERBS.search(sentence)
        if not verb:
            continue
        done.add(start)
        sm = _Span(start, end)
        for mention in scan.between(start, end):
            if mention.value == _LETTER or _DUE_BY.search(
                text, max(0, mention.start - 30), mention.start
            ):
                continue
            action = _action(verb.group("verb"))
            if mention.value == _DEADLINE and (
                _FUTURE_OR_DUTY.search(sentence) and not _PAST_SUBMITTED.search(sentence)
            ):
                continue
            if (
                action != "submitted"
                and _PAST_SUBMITTED.search(sentence)
                and mention.value == _DEADLINE
            ):
                action = "submitted"
            body = _event_body(sentence, verb.start())
            if body is None and action not in {"submitted"}:
                continue
            events.append(
                GovernanceEvent(
                    date=mention.value,
                    body=body,
                    action=action,
                    sentence=sentence.strip(),
                    start=sm.start(),
                    end=sm.end(),
                )
            )
            # A second step in the same sentence: "... and was submitted on 18 July".
            sub = _PAST_SUBMITTED.search(sentence)
            if action != "submitted" and sub and _verb_start(sub) > mention.end - start:
                later = [d for d in scan.between(start + sub.end(), end) if d.value != _LETTER]
                if later and later[0].value != mention.value:
                    events.append(
                        GovernanceEvent(
                            later[0].value, None, "submitted", sentence.strip(), start, end
                        )
                    )
            break
    events.sort(key=lambda e: (e.date, e.start))
    # One step told twice ("approved by the Executive on 2 July" in the heading and the minute).
    seen: set[tuple[date, str | None, str]] = set()
    unique = []
    for event in events:
        if (event.date, event.body, event.action) not in seen:
            seen.add((event.date, event.body, event.action))
            unique.append(event)
    return unique


def find_submitted_date(text: str, year: int) -> date | None:
    """The date the plan was submitted, when the text states it in the past tense."""
    return find_submission(text, scan_dates(text, year))[0]


def find_submission(text: str, scan: DateScan) -> tuple[date | None, Quote | None]:
    """(date, sentence) of the plan's submission, when the text states it in the past tense."""
    for pm in _past_submissions(lowered(text)):
        if _RELATIVE_TO.search(text, max(0, pm.start() - 20), pm.start()):
            continue  # "approved on 15 July, before it was submitted": no date of its own
        start, end = _sentence_bounds(text, pm.start())
        mentions: list[DateMention] = [d for d in scan.between(start, end) if d.value != _LETTER]
        if not mentions and _TODAY.search(text, start, end):
            # "The council has today submitted its plan": the day of the page's dateline.
            mentions = _dateline(text, scan)
        if mentions:
            # "approved on 15 July and was submitted on 18 July": the date after the verb.
            after = [d for d in mentions if d.start >= pm.end()]
            if pm.group("verb2") and not after:
                continue  # "was agreed on 15 July and submitted": 15 July is the agreement
            # "On 18 July the plan was submitted": else the nearest date before the verb.
            when = after[0].value if after else mentions[-1].value
            return when, Quote(text[start:end].strip(), *_stripped(text, start, end))
    return None, None


def _past_submissions(doc: Lowered) -> Iterator[re.Match[str]]:
    """``_PAST_SUBMITTED.finditer(doc.text)``, scanned only in the stretches between full stops
    and semicolons that hold "submitted" (in the lowercased copy, see scan.Lowered): every
    match has the word and no "." or ";", so none crosses a stretch's ends, where ``\\b`` sees
    what it sees in the whole text. Most of a text is far from the word."""
    low = doc.low
    found = scanner(_PAST_SUBMITTED)
    if low is None:
        yield from found.finditer(doc)
        return
    word = low.find("submitted")
    while word >= 0:
        start = max(low.rfind(".", 0, word), low.rfind(";", 0, word)) + 1
        stop = min(_find_or_end(low, ".", word), _find_or_end(low, ";", word))
        yield from found.finditer(doc, start, stop)
        word = low.find("submitted", stop)


def _find_or_end(text: str, sub: str, start: int) -> int:
    """The offset of ``sub`` in ``text`` from ``start`` on, else the text's end."""
    at = text.find(sub, start)
    return len(text) if at < 0 else at


_RELATIVE_TO = re.compile(
    r"\b(?:before|after|prior\s+to|until|once|when|since)\s+(?:(?:it|this|the\s+plan)\s+)?$",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_DATELINE_LABEL = re.compile(
    r"(?:published|posted|updated|date|issued)(?:\s+on)?\s*:?\s*$", re.IGNORECASE
)


def _dateline(text: str, scan: DateScan) -> list[DateMention]:
    """The date a news item or page is dated, when its head prints one alone on a line or
    after "Published:"."""
    for mention in scan.between(0, 400):
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        before = text[line_start : mention.start]
        after = text[mention.end : len(text) if line_end < 0 else line_end]
        if not after.strip() and (not before.strip() or _DATELINE_LABEL.search(before)):
            return [mention]
    return []


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Published, uploaded or made available on the website, stated as done (not "will be").
_PUBLISHED = re.compile(
    # "was published on …", and the coordinated "was submitted … and uploaded to the website".
    r"\b(?:has\s+been|have\s+been|was|were|is\s+now|is|are|now|and(?:\s+then)?)\s+(?:also\s+)?"
    r"(?:published|uploaded|made\s+available|available|placed|posted)\b"
    r"[^.\n]{0,80}?\b(?:website|web\s*site|webpages?|web\s+pages?|online|\.gov\.uk)",
    re.IGNORECASE,
)


_WEBSITE = re.compile(r"website|web\s*site|web\s*pages?|online|\.gov\.uk", re.IGNORECASE)


def find_publication(text: str) -> Quote | None:
    """A sentence saying the plan was published on the council's website, if any.

    Scans for the rare word (website, online) first and checks its sentence for a done
    "published/uploaded/made available": far cheaper than the verb pattern over the text."""
    checked: set[int] = set()
    for w in scanner(_WEBSITE).finditer(lowered(text)):
        start, end = _sentence_bounds(text, w.start())
        if start in checked:
            continue
        checked.add(start)
        sentence = text[start:end]
        m = _PUBLISHED.search(sentence)
        if m is None or not _about_the_plan(text, start, sentence):
            continue
        if re.search(r"\b(?:will|must|should|to)\s+be\b", sentence[: m.end()], re.I):
            continue
        return Quote(sentence.strip(), *_stripped(text, start, end))
    return None


def _about_the_plan(text: str, start: int, sentence: str) -> bool:
    """The sentence names the plan, or refers back to it ("It was then … uploaded to the
    Council's website") and the sentence before it names the plan."""
    if re.search(r"\bplan\b", sentence, re.IGNORECASE):
        return True
    if start < 2 or not _BACK_REFERENCE.match(sentence):
        return False
    previous_start = _sentence_bounds(text, start - 2)[0]
    return bool(re.search(r"\bplan\b", text[previous_start:start], re.IGNORECASE))


# "It was …", "This was …", "- 1.6 It was …": a sentence about the one before it.
_BACK_REFERENCE = re.compile(r"\s*(?:[-–•]\s*)?(?:[\d.]+\s+)?(?:it|this)\b", re.IGNORECASE)


# ---------------------------------------------------------------- author, flags, recs

_AUTHOR_PATTERNS = [
    re.compile(
        r"Report\s+Author(?:\s+and\s+Contact\s+(?:Details|Officer))?\s*:?[ \t]*\n*[ \t]*"
        r"(?P<line>[^\n]+)(?:\n\s*\n?[ \t]*(?P<next>[A-Z][^\n]{3,80}))?",
        re.IGNORECASE,
    ),
    re.compile(r"Report\s+By\s*[:\t ]\s*(?P<line>[^\n]+)", re.IGNORECASE),
]
_REPORT_OF = re.compile(r"^\s*Report\s+of\s+(?:the\s+)?(?P<role>[^\n]{3,80})$", re.MULTILINE | re.I)
_NAME = re.compile(r"^(?:Cllr\.?\s+|Councillor\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
_ROLE_WORDS = re.compile(
    r"\b(?:chief|director|officer|manager|head|executive|assistant|leader|deputy|monitoring|"
    r"section\s+151|strategic|lead|project|policy|finance|corporate)\b",
    re.IGNORECASE,
)


AUTHOR_HEAD = 8_000  # the author is named on the report's first pages


def find_author(text: str) -> Author | None:
    doc = lowered(text)
    for pattern in _AUTHOR_PATTERNS:
        m = scanner(pattern).search(doc, 0, AUTHOR_HEAD)
        if not m:
            continue
        line = re.sub(r"\s+", " ", m.group("line")).strip(" :\t")
        line = re.split(r"\s+(?:\d{4,}|\S+@\S+)", line)[0].strip(" ,")
        name: str | None = None
        role: str | None = None
        if "," in line:
            first, rest = (p.strip() for p in line.split(",", 1))
            if _NAME.match(first):
                name, role = first, rest or None
        elif _NAME.match(line) and not _ROLE_WORDS.search(line):
            name = line
            nxt = m.groupdict().get("next")
            if nxt and _ROLE_WORDS.search(nxt):
                role = nxt.strip()
        elif _ROLE_WORDS.search(line):
            role = line
        if role and role.isupper():
            role = role.title()
        if name or role:
            return Author(name=name, role=role)
    m = scanner(_REPORT_OF).search(doc, 0, AUTHOR_HEAD)
    if m and _ROLE_WORDS.search(m.group("role")):
        return Author(name=None, role=m.group("role").strip())
    return None


_KEY_YESNO = re.compile(
    r"\bkey\s+decision\s*(?:\?|:)[^\n]{0,400}?\b(?P<v>yes|no)\b", re.IGNORECASE | re.DOTALL
)
_KEY_NOT = re.compile(
    r"\b(?:is\s+not|was\s+not|not\s+(?:considered\s+to\s+be\s+)?)a\s+key\s+decision\b", re.I
)
_KEY_IS = re.compile(r"\bthis\s+is\s+a\s+key\s+decision\b", re.IGNORECASE)
_CALLIN_YESNO = re.compile(
    r"\bsubject\s+to\s+call[\s-]?in\s*(?:\?|:)(?:\s*\([^)]*\))?[^\n]{0,200}?\b(?P<v>yes|no)\b",
    re.IGNORECASE,
)
_CALLIN_NOT = re.compile(
    r"\b(?:excluded|exempt)\s+from\s+(?:the\s+)?call[\s-]?in\b|\bnot\s+subject\s+to\s+call[\s-]?in\b",
    re.IGNORECASE,
)


def find_key_decision(text: str) -> bool | None:
    doc = lowered(text)
    m = scanner(_KEY_YESNO).search(doc)
    if m:
        return m.group("v").lower() == "yes"
    if scanner(_KEY_NOT).search(doc):
        return False
    if scanner(_KEY_IS).search(doc):
        return True
    return None


def find_call_in(text: str) -> bool | None:
    doc = lowered(text)
    m = scanner(_CALLIN_YESNO).search(doc)
    if m:
        return m.group("v").lower() == "yes"
    if scanner(_CALLIN_NOT).search(doc):
        return False
    return None


_RECS_HEAD = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:Recommendations?(?:\(s\))?(?:\s+to\s+[^\n]{2,40})?|RESOLVED(?:\s+THAT)?"
    r"(?:\s+\w+)?|Decisions?)\s*:?[ \t]*(?P<inline>[^\n]*)$",
    re.MULTILINE,
)
_ITEM_SPLIT = re.compile(r"(?:^|\s)(?:\(?\d{1,2}(?:\.\d)?[.)]|\(?[a-h][.)]|[-•·])\s+")


RECOMMENDATIONS_HEAD = 15_000  # where the recommendations heading is looked for


def find_recommendations(text: str) -> list[str]:
    doc = lowered(text)
    m = scanner(_RECS_HEAD).search(doc, 0, RECOMMENDATIONS_HEAD)
    if not m:
        return []
    end = min(len(text), m.end() + 1500)
    stop = scanner(_ZONE_END).search(doc, m.end(), end)
    body = m.group("inline") + "\n" + text[m.end() : stop.start() if stop else end]
    items: list[str] = []
    for part in _ITEM_SPLIT.split(body):
        part = re.sub(r"\s+", " ", part).strip(" \t-")
        if len(part) < 12 or re.fullmatch(r"THAT [A-Z ]+:?", part):
            continue
        if re.match(r"(?:Approved by|List of|Appendix)\b", part):
            break
        items.append(part)
    return items[:10]


# ---------------------------------------------------------------- together


def extract_decision(
    text: str, doc_type: str, scan: DateScan | None = None
) -> tuple[Decision, int]:
    """The decision in ``text`` and the context year used for year-less dates."""
    year = (scan or scan_dates(text, _DEADLINE.year)).year
    body, when, _how = find_body_and_date(text, doc_type, year)
    if doc_type in {"plan", "web_page", "news", "other"}:
        outcome, sentence, start, end = _plan_outcome(text)
        if outcome is None:
            outcome, sentence, start, end = (
                find_outcome(text)
                if doc_type == "other"
                else (
                    None,
                    None,
                    None,
                    None,
                )
            )
        if outcome is None:
            outcome = "none"
    else:
        outcome, sentence, start, end = find_outcome(text)
        if outcome is None:
            outcome = "unknown"
    allowed = load_regime().outcome_ids
    if outcome not in allowed:
        outcome = "unknown" if "unknown" in allowed else allowed[-1]
    return (
        Decision(
            body=body,
            body_kind=body_kind(body),
            date=when,
            outcome=outcome,
            evidence=sentence,
            start=start,
            end=end,
        ),
        year,
    )
