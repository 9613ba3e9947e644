import re
from collections.abc import Iterable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from productivity_plans.extract.dates import (
    DATE_RE,
    context_year,
    date_matches,
    find_dates,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16th April 2024", date(2024, 4, 16)),
        ("16 th April 2024", date(2024, 4, 16)),
        ("18/06/2024", date(2024, 6, 18)),
        ("Wednesday 3 July 2024", date(2024, 7, 3)),
        ("Tuesday, 30th July, 2024 5.00 pm", date(2024, 7, 30)),
        ("24 June 2024", date(2024, 6, 24)),
        ("Date: 16 SEPTEMBER 2024", date(2024, 9, 16)),
        ("2024-06-18", date(2024, 6, 18)),
        ("1 Apr 2025", date(2025, 4, 1)),
    ],
)
def test_common_uk_date_forms_are_found_and_parsed(text, expected):
    [mention] = find_dates(text)
    assert mention.value == expected


def test_numeric_dates_are_always_day_first():
    assert parse_date("04/06/2024") == date(2024, 6, 4)
    [mention] = find_dates("Decided at meeting: 03/06/2025")
    assert mention.value == date(2025, 6, 3)


def test_a_numeric_date_that_only_works_month_first_is_not_read_month_first():
    assert find_dates("on 06/13/2024") == []


def test_a_day_and_month_without_a_year_takes_the_year_from_context():
    text = "The plan was submitted on 19 July 2024. It was endorsed by the Leader on 15 July."
    year = context_year(text, 2030)
    assert year == 2024
    mentions = find_dates(text, default_year=year)
    assert mentions[-1].value == date(2024, 7, 15) and mentions[-1].year_inferred


def test_without_a_default_year_a_bare_day_and_month_is_skipped():
    assert find_dates("endorsed on 15 July") == []


def test_initials_and_dates_run_together_are_not_dates():
    assert find_dates("(KH13.08.24)") == []


def _shapes_the_regex_hands_over() -> set[str]:
    """Every date string in the corpus fixtures, in the shape find_dates passes to parse_date,
    and a grid of the same shapes around the edges (day 0, 29-32, month 0 and 13, two-digit
    years, upper and lower case, "Sept")."""
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    found = set()
    for path in fixtures.rglob("*.txt"):
        for m in date_matches(path.read_text(encoding="utf-8")):
            if m.group("numeric") or m.group("iso"):
                found.add(m.group(0))
            elif m.group("year"):
                found.add(f"{int(m.group('day'))} {m.group('month')} {m.group('year')}")
    months = ["January", "february", "MARCH", "Apr", "May", "Jun", "Sept", "Sep", "December"]
    for day in (0, 1, 9, 12, 13, 29, 30, 31, 32):
        found.update(f"{day} {month} 2024" for month in months)
        for month in (0, 2, 6, 12, 13):
            found.update(
                {
                    f"{day:02d}/{month:02d}/2024",
                    f"{day}/{month}/24",
                    f"{day}.{month:02d}.24",
                    f"2024-{month:02d}-{day:02d}",
                }
            )
    return found


def test_the_fast_parse_agrees_with_dateparser_on_every_shape():
    from productivity_plans.extract.dates import parse_date_flexibly

    shapes = _shapes_the_regex_hands_over()
    assert len(shapes) > 250
    differ = {s: (parse_date(s), parse_date_flexibly(s)) for s in shapes}
    differ = {s: pair for s, pair in differ.items() if pair[0] != pair[1]}
    assert differ == {}
    assert parse_date("3 Sept 2024") == date(2024, 9, 3)  # not a strptime form: dateparser's
    assert parse_date("31 June 2024") is None


# ------------------------------------------- date_matches finds exactly what DATE_RE does


def _spans(
    matches: Iterable[re.Match[str]],
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _every_form() -> list[str]:
    """Dates in every form DATE_RE accepts, and near misses."""
    days = ["1", "01", "9", "16", "31", "39", "123", "٣", "１６"]
    gaps = ["", " ", "\t", "\u2009", "\xa0", "\n", " \r\n "]
    ordinals = ["", "st", "ND", "Rd", "th", "tH"]
    months = ["January", "SEPT", "sept", "Sep", "may", "Dec.", "ſept", "ſep", "Juneteenth", "Ma"]
    forms = []
    for day in days:
        for gap in gaps:
            for ordinal in ordinals:
                for month in months:
                    forms.append(f"{day}{gap}{ordinal} {month} 2024")
                forms.append(f"{day}{ordinal}{gap} of {months[0]}, 1999")
    for sep in "/.-":
        for day, month, year in [("18", "06", "2024"), ("3", "4", "24"), ("31", "13", "1999")]:
            forms += [f"{day}{sep}{month}{sep}{year}", f"{year}{sep}{month}{sep}{day}"]
    forms += ["2024-06-18", "2024-6-18", "1999-12-31x", "18.06.24.5", "12/13/2024/", "2024-06-1"]
    return forms


CONTEXTS = [
    "{}",
    "x{}",
    "_{}",
    "/{}",
    ".{}",
    "-{}",
    "9{}",
    "On {}.",
    "\r\n{}\r\n",
    "  \t{}",
    "({})",
]


def test_date_matches_are_date_re_finditer_for_every_form_and_context():
    forms = _every_form()
    for form in forms:
        for context in CONTEXTS:
            text = context.format(form)
            assert _spans(date_matches(text)) == _spans(DATE_RE.finditer(text)), repr(text)
    together = " ".join(forms)  # each date's end the next one's start
    assert _spans(date_matches(together)) == _spans(DATE_RE.finditer(together))
    assert len(list(date_matches(together))) > 500


DATE_TOKENS = st.one_of(
    st.sampled_from(["1", "16", "2024", "06", "٣", "/", ".", "-", " ", "\n", "\t", "\xa0"]),
    st.sampled_from(["st", "th", "of", "July", "SEPT", "ſept", "Dec", "x", "_", ",", "on "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_TOKENS, max_size=40))
def test_date_matches_are_date_re_finditer_on_generated_texts(tokens):
    text = "".join(tokens)
    assert _spans(date_matches(text)) == _spans(DATE_RE.finditer(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The committee met on Tuesday evening (July 16).", date(2024, 7, 16)),
        ("It was sent on Thursday, July 18.", date(2024, 7, 18)),
        ("Published July 16, 2024", date(2024, 7, 16)),
        ("Members backed it on June 25 and sent it on.", date(2024, 6, 25)),
        ("It goes to the minister on Friday, July 12 – a week early.", date(2024, 7, 12)),
        ("Signed off on July 3 - the last cabinet before recess.", date(2024, 7, 3)),
    ],
)
def test_a_day_written_month_first_as_the_press_writes_it_is_read(text, expected):
    assert [m.value for m in find_dates(text, default_year=2024)] == [expected]


def test_a_month_followed_by_a_count_is_no_date():
    assert find_dates("In March 12 members of staff left the team.", default_year=2024) == []
    assert find_dates("Our May 2024 budget", default_year=2024) == []
