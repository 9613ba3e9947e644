"""Which steps are decisions on the plan: by the regime's dates and the subject, never by name."""

from __future__ import annotations

from datetime import date

import pytest

from productivity_plans.framework import load_framework
from productivity_plans.sector.plan_steps import follows_the_plan_up, step_kind

FW = load_framework()
LETTER, DEADLINE = FW.letter.date, FW.deadline
LATER = date(DEADLINE.year + 1, 6, 3)


@pytest.mark.parametrize(
    "subject",
    [
        "Corporate Plan 2024-27 & Productivity Plan 2024/25 - End of Year Review 2024/25",
        "Productivity Plan: six-month update",
        "Productivity Plan refresh 2025",
        "Cabinet noted the review of the delivery of the Corporate Plan.",
        "Progress against the Productivity Plan",
        "Productivity Plan delivery summary, quarterly monitoring report",
        "Annual report on the productivity plan",
    ],
)
def test_subjects_that_follow_a_plan_up_make_a_later_step_a_progress_review(
    subject: str,
) -> None:
    assert follows_the_plan_up(subject)
    assert step_kind(LATER, [subject], LETTER, DEADLINE) == "progress_review"
    assert step_kind(None, [subject], LETTER, DEADLINE) == "progress_review"


@pytest.mark.parametrize(
    "subject",
    [
        "Productivity Plan",
        "RESOLVED that Council notes the Productivity Plan.",
        "Following review by the scrutiny committee, Council approved the Productivity Plan.",
        None,
    ],
)
def test_a_later_step_about_the_plan_itself_stays_a_decision_on_the_plan(
    subject: str | None,
) -> None:
    assert step_kind(LATER, [subject], LETTER, DEADLINE) == "plan_decision"


def test_between_the_letter_and_the_deadline_every_step_is_about_the_plan() -> None:
    review = "Productivity Plan: progress update"
    assert step_kind(LETTER, [review], LETTER, DEADLINE) == "plan_decision"
    assert step_kind(DEADLINE, [review], LETTER, DEADLINE) == "plan_decision"


def test_a_step_before_the_letter_cannot_be_about_the_plan() -> None:
    day = date(LETTER.year, LETTER.month - 1, 1)
    assert step_kind(day, ["Productivity Plan"], LETTER, DEADLINE) == "before_letter"
