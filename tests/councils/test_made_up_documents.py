"""Made-up documents in the styles councils, the press and national bodies write in
(``tests/fixtures/councils/``), each with the council a reader would give it, or none."""

import json
from pathlib import Path

import pytest

from productivity_plans.councils.identify import identify_council

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "councils"
CASES = [json.loads(line) for line in (FIXTURES / "expected.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", CASES, ids=[case["file"].removesuffix(".txt") for case in CASES])
def test_a_made_up_document_gets_the_council_a_reader_would_give_it(case):
    text = (FIXTURES / case["file"]).read_text()
    match = identify_council(text, url=case["url"])
    assert getattr(match, "gss_code", None) == case["council_code"], case["style"]


def test_the_made_up_documents_cover_both_answers():
    answers = [case["council_code"] is None for case in CASES]
    assert len(CASES) >= 15 and 5 <= sum(answers) <= len(CASES) - 5
