import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from productivity_plans.accuracy import load_labels, validation_councils
from productivity_plans.coding import (
    TrainingExample,
    code_document,
    code_text,
    passages_from_parsed,
    passages_from_text,
    train,
)
from productivity_plans.coding.evaluate import corpus_examples, evaluate_coding
from productivity_plans.coding.passages import _wraps
from productivity_plans.coding.train import load_model
from productivity_plans.framework import load_framework
from productivity_plans.ingest import read_document
from productivity_plans.ingest.records import Block, BlockKind, Page, ParsedDocument

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

HEADINGS = [
    "How you have transformed the way you design and deliver services to make better use of "
    "resources.",
    "How you plan to take advantage of technology and make better use of data to improve "
    "decision making, service design and use of resources.",
    "Your plans to reduce wasteful spend within your organisation and systems.",
    "The barriers preventing progress that the Government can help to reduce or remove.",
]
FOUR_HEADINGS = (
    "Productivity Plan 2024\n\nThe Government expects the Productivity Plans to cover four "
    "main areas:\n\n" + "".join(f"- {h}\n" for h in HEADINGS)
)

SETTLEMENTS = (
    "The most significant barrier to productivity for us is the continued reliance on "
    "single-year finance settlements, which stop the council planning its budget and "
    "transformation over the medium term."
)


def test_text_passages_cite_exact_offsets_into_the_text():
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        passages = passages_from_text(text)
        assert passages, path.name
        for p in passages:
            assert text[p.start : p.end] == p.text


def test_a_text_is_split_the_same_way_from_a_string_and_from_the_parser():
    for path in sorted((CORPUS / "docs").glob("*.txt")):
        parsed = read_document(path).parsed
        from_parser = [(p.start, p.end, p.block) for p in passages_from_parsed(parsed)]
        assert from_parser == [(p.start, p.end, p.block) for p in passages_from_text(parsed.text)]


def test_a_block_of_many_lines_is_cut_again_by_its_line_structure():
    text = (
        "- Share this item\n"
        "Decision:\n"
        "Cabinet approved the productivity plan for submission.\n"
        "Reasons for the decision:\n"
        "To respond to the Minister's request.\n"
    )
    passages = passages_from_text(text)
    assert len(passages) >= 3
    assert any(p.text == "Cabinet approved the productivity plan for submission." for p in passages)
    assert all(text[p.start : p.end] == p.text for p in passages)


def test_text_passages_split_bullets_and_carry_the_heading_as_context():
    text = (
        "Our approach\n\nWe did three things to cut costs last year:\n"
        "- moved to one contact centre\n- closed two offices\n"
    )
    passages = passages_from_text(text)
    assert [p.block for p in passages] == ["paragraph", "list_item", "list_item"]
    assert all(p.heading == "Our approach" for p in passages)


def test_parsed_document_passages_use_blocks_pages_and_headings():
    text = "Barriers\nShort-term funding stops us planning.\nRow a\tRow b\n"
    doc = ParsedDocument(
        text=text,
        pages=[Page(1, 0, 9), Page(2, 9, len(text))],
        blocks=[
            Block(BlockKind.HEADING, 1, 0, 8),
            Block(BlockKind.PARAGRAPH, 2, 9, 47),
            Block(BlockKind.TABLE_ROW, 2, 47, len(text)),
        ],
        parser="test",
        parser_version="0",
    )
    passages = passages_from_parsed(doc)
    assert [(p.block, p.page, p.heading) for p in passages] == [
        ("paragraph", 2, "Barriers"),
        ("table_row", 2, "Barriers"),
    ]
    assert all(text[p.start : p.end] == p.text for p in passages)


def test_restating_the_four_headings_is_requirement_and_yields_no_theme_or_barrier():
    codes = code_text(FOUR_HEADINGS)
    restated = [c for c in codes.passages if c.passage.block == "list_item"]
    assert len(restated) == 4
    assert all(c.kind == "requirement" for c in restated)
    assert codes.themes == []
    assert codes.barriers == []


def test_a_council_paragraph_about_single_year_settlements_names_that_barrier_with_evidence():
    text = "Barriers to progress\n\n" + SETTLEMENTS + "\n"
    codes = code_text(text)
    assert "single_year_settlements" in codes.barrier_ids
    barrier = next(b for b in codes.barriers if b.id == "single_year_settlements")
    ev = barrier.evidence[0]
    assert text[ev.start : ev.end] == ev.text == SETTLEMENTS
    assert 0 < ev.confidence <= 1
    assert codes.to_dict()["barriers"][0]["evidence"][0]["start"] == ev.start


def test_code_document_codes_a_parsed_document():
    text = "Barriers\n" + SETTLEMENTS
    doc = ParsedDocument(
        text=text,
        pages=[Page(1, 0, len(text))],
        blocks=[Block(BlockKind.HEADING, 1, 0, 8), Block(BlockKind.PARAGRAPH, 1, 9, len(text))],
        parser="test",
        parser_version="0",
    )
    codes = code_document(doc)
    assert "single_year_settlements" in codes.barrier_ids
    assert codes.model_version and codes.framework_id == "productivity-2024"


def test_the_embedder_and_the_shipped_model_load_offline():
    script = (
        "from productivity_plans.coding.embeddings import load_embedder\n"
        "from productivity_plans.coding.train import load_model\n"
        "e = load_embedder(); v = e.encode(['short-term funding'])\n"
        "assert v.shape == (1, e.dim)\n"
        "print(load_model().version)\n"
    )
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == load_model().version


def test_a_human_correction_changes_the_next_training():
    framework = load_framework()
    examples = corpus_examples(CORPUS / "passages.jsonl", CORPUS / "docs")
    passage = (
        "The council recycles more household waste than any neighbouring authority and "
        "publishes its collection calendar every spring."
    )
    before = train(examples, framework)
    code = code_text(passage, model=before).passages[0]
    assert "barriers" not in code.headings
    corrected = [
        *examples,
        TrainingExample(passage, ("transformation",), (), (), False, "council"),  # machine
        TrainingExample(passage, ("barriers",), (), ("other",), False, "council", human=True),
    ]
    after = train(corrected, framework)
    assert after.version != before.version
    code = code_text(passage, model=after).passages[0]
    assert code.headings == ("barriers",)
    assert code.barriers == ("other",)


def test_tuples_are_accepted_as_training_examples():
    framework = load_framework()
    examples = [
        (e.text, e.headings, e.questions, e.barriers, e.is_measure, e.kind)
        for e in corpus_examples(CORPUS / "passages.jsonl", CORPUS / "docs")
    ]
    assert train(examples, framework, mode="tfidf").version.startswith("tfidf-lr")


def test_a_list_of_barriers_in_the_councils_own_words_is_its_content():
    text = (
        "Introduction\n\nBarriers to local government progress include insufficient resources "
        "and ineffective methods of financial distribution, short term funding and competitive "
        "bidding.\n"
    )
    codes = code_text(text)
    [code] = codes.passages
    assert code.kind == "council"
    assert {"competitive_bidding", "single_year_settlements"} <= set(code.barriers)
    assert "barriers" in code.headings  # the framework marks it names_barriers


def test_value_for_money_alone_is_not_a_way_of_measuring_productivity():
    text = (
        "This plan outlines the activities we are undertaking to ensure we continue to provide "
        "modern value for money services while keeping council tax low.\n"
    )
    assert not code_text(text).states_measurement


def test_evaluation_reads_the_corpus_from_any_paths(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    wanted = {"docs/d003.txt", "docs/d044.txt", "docs/seed_004_eac6520c8767f337.txt"}
    for name in wanted:
        (texts / Path(name).name).write_bytes((CORPUS / name).read_bytes())
    labels = tmp_path / "labels.jsonl"
    passages = tmp_path / "passages.jsonl"
    for src, dst in ((CORPUS / "labels.jsonl", labels), (CORPUS / "passages.jsonl", passages)):
        lines = src.read_text(encoding="utf-8").splitlines()
        dst.write_text(
            "".join(x + "\n" for x in lines if any(f'"{w}"' in x for w in wanted)),
            encoding="utf-8",
        )
    report = evaluate_coding(labels, texts, passages, systems={"tfidf LR (baseline)": "tfidf"})
    assert report.documents == 3 and report.folds == 3
    assert report.passages == sum(1 for _ in passages.open(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Cross-validation of the learned part over the development councils only."""
    sealed = validation_councils(CORPUS / "split.yaml")
    development = [
        x for x in load_labels(CORPUS / "labels.jsonl") if x["council_code"] not in sealed
    ]
    labels = tmp_path_factory.mktemp("cv") / "labels.jsonl"
    labels.write_text("".join(json.dumps(x) + "\n" for x in development), encoding="utf-8")
    return evaluate_coding(labels, CORPUS / "docs", CORPUS / "passages.jsonl")


def test_cross_validated_coding_of_development_councils_beats_the_baseline(report):
    model = "embedding+tfidf LR"
    baseline = "tfidf LR (baseline)"
    assert baseline in report.format_table()
    # Floors a little under the figures reached (docs/coding.md). Restatement, barriers and
    # measurement are rules, the same in every fold; only the heading classifier is learned.
    assert report.f1(model, "doc: themes (plans)") >= 0.8
    assert report.f1(model, "doc: barriers") >= 0.9
    assert report.f1(model, "doc: states measurement") >= 0.85
    assert report.f1(model, "passage: requirement kind") >= 0.6
    assert report.f1(model, "passage: headings") >= 0.42
    assert report.f1(model, "doc: barriers") >= report.f1(baseline, "doc: barriers")


# ---- the measurement gate on made-up council text (rules, not the model)


def test_a_service_review_programme_alone_is_not_a_way_of_measuring():
    from productivity_plans.coding.features import measurement_cue

    text = (
        "Tendring District Council runs a rolling service review programme so that every "
        "service stays fit for purpose as residents' needs change."
    )
    assert not measurement_cue(text)
    assessed = text + " Each review includes a review of productivity against similar councils."
    assert measurement_cue(assessed)


def test_kpi_reports_going_to_a_committee_are_reporting_not_measuring():
    from productivity_plans.coding.features import measurement_cue

    text = (
        "Scrutiny committees lead on oversight at Mid Devon. Quarterly KPI reports will be "
        "presented to the scrutiny committees, and performance is also reported to Cabinet."
    )
    assert not measurement_cue(text)
    own = text + " Our performance management framework sets targets for every service."
    assert measurement_cue(own)


def test_a_numbered_paragraph_wrapped_onto_the_next_lines_is_one_passage():
    text = (
        "5.1 Our core spending power per head is among the lowest in\n"
        "England. The absence of any update to relative needs and\n"
        "resources since 2013/14 has compounded this.\n"
        "5.2 Demand for social care is rising\n"
        "faster than our funding.\n"
    )
    passages = passages_from_text(text)
    assert [p.text.split()[0] for p in passages] == ["5.1", "5.2"]
    assert all(text[p.start : p.end] == p.text for p in passages)


def test_a_long_lower_case_item_runs_on_into_a_line_that_starts_with_a_year_or_a_name():
    text = (
        "The main barriers are:\n"
        "• the new duty to collect garden waste free of charge from October\n"
        "2025, for which no revenue funding has been offered;\n"
        "• the cost of bidding for small pots such as the Coastal Communities\n"
        "Fund, which takes officers away from delivery;\n"
        "\n"
        "Our plan sets out how we will respond.\n"
    )
    passages = passages_from_text(text)
    items = [p.text for p in passages if p.text.startswith("•")]
    assert len(items) == 2
    assert items[0].endswith("offered;") and items[1].endswith("delivery;")
    # a short item in lower case is a whole item: the capitalised line after it starts anew
    assert not _wraps("• street cleaning\n", "Parks and open spaces\n")
    assert all(text[p.start : p.end] == p.text for p in passages)
