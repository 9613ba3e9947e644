from datetime import date

import pytest

from productivity_plans.extract.dates import context_year, find_dates, parse_date


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
