"""Dates in UK council papers: found by regex, parsed by library, always day-first.

Forms: "16th April 2024", "16 th April 2024", "Wednesday 3 July 2024", "Tuesday, 30th July,
2024", "18/06/2024", "18.06.24", "2024-06-18", "15 July" with the year inferred from the
document, and the month first as the press writes it ("Tuesday (July 16)", "July 16, 2024";
without a year only where a mark, a dash, "and" or a preposition ends it ("on July 16 and
submitted …", "submitted on July 18 by the managing director"), so "in March 12 members" is no
date; numeric dates stay day-first) (the commonest explicit year
near the regime, else the framework deadline's year).

The regex hands over a date in one of a few shapes ("16 April 2024", "18/06/2024", ...), and
the standard library's ``datetime.strptime`` parses those with fixed day-first formats. Any
other shape ("3 Sept 2024", a day that does not exist) goes to dateparser, always with
``languages=['en']`` and ``DATE_ORDER='DMY'``: "04/06/2024" is 4 June, never 6 April. dateparser
is imported only then, because its import and first parse cost each worker process ≈ 0.35 s
and each new date string ≈ 1–3 ms (``tests/extract/test_dates.py`` checks both paths agree on
every date in the corpus).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

_SETTINGS = {
    "PARSERS": ["absolute-time"],  # the text is a date the regex found, never "in two weeks"
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
}
# The months' full names, as an alternation (other extract rules read them too).
MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTHS = MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
DATE_RE = re.compile(
    rf"""
    (?P<long>
        (?<![\w/])(?P<day>[0-3]?\d)\s?(?:st|nd|rd|th)?\s+(?:of\s+)?
        (?P<month>{_MONTHS})\b\.?
        (?:,?\s+(?P<year>(?:19|20)\d\d)\b)?
    )
    | (?P<month_first>
        (?<![\w/])(?P<m_month>{_MONTHS})\.?\s+(?P<m_day>[0-3]?\d)(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<m_year>(?:19|20)\d\d)\b|(?=\s*[),.;:]|\s*$|\s+(?:and|[–—-])\s
            |\s+(?:by|at|when|after|before|following|under|from|until)\b))
    )
    | (?P<numeric>(?<![\w/.])[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d(?![\w/]|\.\d))
    | (?P<iso>(?<![\w-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\w-]))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The same, allowing a weekday before the day ("Tuesday, 30th July, 2024"): used inside
# larger header patterns; find_dates uses DATE_RE, which is faster to scan with.
DATE_WITH_WEEKDAY = DATE_RE.pattern.replace(
    "(?<![\\w/])(?P<day>", f"(?<![\\w/]){_WEEKDAY}?(?P<day>", 1
)
# Where a match of DATE_RE can start, found in C: a digit (one that a word character precedes
# fails DATE_RE's look-behinds), then what each of its forms has next: up to one more digit,
# whitespace, an ordinal, "of" and the first three letters of a month ("16th of Sept"); a
# separator and a digit ("18/06/2024", "18.06.24"); or three more digits, "-" and a digit
# ("2024-06-18"). It matches wherever DATE_RE does (with the same flag, so letters fold
# alike), but skips in C past the digits (page numbers, amounts) where DATE_RE cannot, and
# starts with a digit so that ``re`` skips non-digits without trying it.
_MONTH_STARTS = "|".join(sorted({month[:3] for month in _MONTHS.split("|")}))
_DATE_START = re.compile(
    rf"\d(?:\d?(?:\s?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_STARTS})|[/.]\d)|\d\d\d-\d)"
    # month first, as the press writes a day ("on Tuesday (July 16)", "July 16, 2024")
    rf"|\b(?:{_MONTH_STARTS})[a-z]*\.?\s+\d",
    re.IGNORECASE,
)


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``DATE_RE.finditer(text)``, found faster: DATE_RE is tried only where
    ``_DATE_START`` matches (wherever DATE_RE can, and then some), in order from the end of
    the last match, not at every run of digits (a Python step and a ``match`` call each)."""
    pos = 0
    while (hit := _DATE_START.search(text, pos)) is not None:
        m = DATE_RE.match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
        else:
            pos = m.end()
            yield m


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text: its value, where it is, and whether its year was inferred."""

    value: date
    start: int
    end: int
    text: str
    year_inferred: bool = False


# The shapes DATE_RE hands over, day first, for datetime.strptime (%B and %b match English
# month names in any case: Python leaves LC_TIME at the C locale unless a program changes it).
_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d")
_ORDINAL = re.compile(r"(\d)\s*(?:st|nd|rd|th)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """One date string → date, day-first, English only (cached)."""
    cleaned = re.sub(r"\s+", " ", text.replace(",", " ")).strip()
    plain = _ORDINAL.sub(r"\1", cleaned)
    for form in _FORMATS:
        try:
            return datetime.strptime(plain, form).date()
        except ValueError:
            continue
    return parse_date_flexibly(cleaned)


def parse_date_flexibly(text: str) -> date | None:
    """A date string in any form dateparser reads, day-first, English only."""
    import dateparser  # here, not at the top: see the module's docstring

    cleaned = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text.strip(), flags=re.IGNORECASE)
    cleaned = re.sub(r"\s+", " ", cleaned.replace(",", " "))
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None


def _numeric(text: str) -> date | None:
    """ "18/06/2024", "2024-06-18": checked day-first before dateparser sees it, so a
    month-first date such as "06/13/2024" is rejected rather than silently re-read."""
    parts = [int(p) for p in re.split(r"[/.-]", text)]
    day, month = (parts[2], parts[1]) if parts[0] > 31 else (parts[0], parts[1])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return parse_date(text)


def context_year(text: str, default: int) -> int:
    """The year a bare "15 July" most likely belongs to: the commonest explicit date year."""
    years = Counter(
        m.value.year
        for m in find_dates(text[:15_000], default_year=None)
        if not m.year_inferred and abs(m.value.year - default) <= 10
    )
    if years:
        return years.most_common(1)[0][0]
    return default


def _written(m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """(day, month, year or None) of a date written with its month's name, either way round."""
    if m.group("long"):
        return m.group("day"), m.group("month"), m.group("year")
    if m.group("month_first"):
        return m.group("m_day"), m.group("m_month"), m.group("m_year")
    return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date in ``text`` in order. Dates without a year get ``default_year`` (or are
    skipped when it is None)."""
    out: list[DateMention] = []
    for m in date_matches(text):
        inferred = False
        if (written := _written(m)) is not None:
            day, month, year = written
            if not year:
                if default_year is None:
                    continue
                year, inferred = str(default_year), True
            value = parse_date(f"{int(day)} {month} {year}")
        else:
            value = _numeric(m.group(0))
        if value is not None:
            out.append(DateMention(value, m.start(), m.end(), m.group(0), inferred))
    return out


@dataclass(frozen=True, slots=True)
class DateScan:
    """Every date in a document, found in one pass, with the context year applied.

    The timeline, the submission date and the context year all need the document's dates;
    scanning a long text once and slicing by offset is several times cheaper than scanning it
    once per use.
    """

    year: int
    mentions: tuple[DateMention, ...]
    _starts: tuple[int, ...]

    def between(self, start: int, end: int) -> list[DateMention]:
        """The mentions that start inside ``text[start:end]``, in order."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]


_CONTEXT_SPAN = 15_000  # the year is judged from the front of the document, as context_year does


def scan_dates(text: str, default: int) -> DateScan:
    """One pass over ``text``: the context year (see :func:`context_year`) and every mention,
    year-less ones given that year."""
    raw: list[tuple[re.Match[str], date | None]] = []
    years: Counter[int] = Counter()
    for m in date_matches(text):
        value: date | None = None
        if (written := _written(m)) is not None:
            if written[2]:
                value = parse_date(f"{int(written[0])} {written[1]} {written[2]}")
        else:
            value = _numeric(m.group(0))
        if value is not None and m.start() < _CONTEXT_SPAN and abs(value.year - default) <= 10:
            years[value.year] += 1
        raw.append((m, value))
    year = years.most_common(1)[0][0] if years else default
    mentions: list[DateMention] = []
    for m, value in raw:
        inferred = False
        written = _written(m)
        if value is None and written is not None and not written[2]:
            value = parse_date(f"{int(written[0])} {written[1]} {year}")
            inferred = True
        if value is not None:
            mentions.append(DateMention(value, m.start(), m.end(), m.group(0), inferred))
    return DateScan(year, tuple(mentions), tuple(m.start for m in mentions))
