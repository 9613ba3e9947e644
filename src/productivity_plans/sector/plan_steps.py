"""Which dated steps in a council's papers are decisions about the productivity plan itself.

Councils go on writing about their plans long after the deadline: a six-month update, an
end-of-year review of the corporate plan and the productivity plan together, a refresh of the
plan the next year. Such a paper records a real decision (Cabinet noted the review), but not the
decision on the plan, and counting it made councils with a timely decision look late. The rules
use only what the regime fixes (the date of the letter and the deadline, from the framework) and
the subject of the paper or sentence, never a particular council's wording:

* a step dated before the letter cannot be about a plan not yet asked for;
* a step between the letter and the deadline is about the plan, whatever else the paper says
  (a review of a plan not yet due makes no sense);
* a step after the deadline, or undated, is a progress review when its subject says it follows
  the plan up (review, progress, update, refresh, monitoring, delivery summary, performance,
  a year-end, six-month or quarterly report); otherwise it is a (late) decision on the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

StepKind = Literal["plan_decision", "progress_review", "before_letter"]
STEP_KINDS: tuple[StepKind, ...] = ("plan_decision", "progress_review", "before_letter")
STEP_KIND_LABELS: dict[StepKind, str] = {
    "plan_decision": "decision on the plan",
    "progress_review": "progress review",
    "before_letter": "before the letter",
}

# Subject words of a paper that follows a plan up rather than deciding on it. "Review" alone is
# too common in a decision ("following review by scrutiny, Council approved the plan"), so it
# counts only as "a review of …" or a named kind of review.
FOLLOW_UP = re.compile(
    r"\b(?:"
    r"progress|updates?|updated|refresh(?:ed|es)?|monitoring|performance|outturn"
    r"|reviews? of|(?:end[- ]of[- ]year|year[- ]end|annual|interim|mid[- ]year|half[- ]year"
    r"|six[- ]months?|twelve[- ]months?|quarterly|first[- ]year|year[- ]one) (?:review|report)"
    r"|end[- ]of[- ]year|year[- ]end|six[- ]monthly|half[- ]yearly|quarterly|q[1-4] \d{4}"
    r"|delivery (?:summary|report|update|review)|(?:review|report) on (?:the )?delivery"
    r")\b",
    re.IGNORECASE,
)


def follows_the_plan_up(subject: str | None) -> bool:
    """Whether a subject line or sentence is about progress on a plan rather than the plan."""
    return bool(subject and FOLLOW_UP.search(subject))


def step_kind(
    day: date | None, subjects: Iterable[str | None], letter: date, deadline: date
) -> StepKind:
    """The kind of a step dated ``day`` (None: undated) whose paper or sentence is about
    ``subjects``, judged against the regime's letter and deadline."""
    if day is not None and day < letter:
        return "before_letter"
    if day is not None and day <= deadline:
        return "plan_decision"
    if any(follows_the_plan_up(s) for s in subjects):
        return "progress_review"
    return "plan_decision"
