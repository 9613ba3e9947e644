"""The coder's rules on made-up council text: what counts as a restatement, which barrier a
council names, which heading a section answers. The sentences are written for these tests, in
the ways councils commonly write; none is copied from a labelled document."""

from pathlib import Path

import pytest

from productivity_plans.coding import code_text
from productivity_plans.coding.features import measurement_cue
from productivity_plans.coding.rules import compile_rules
from productivity_plans.framework import load_framework

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_framework())


# One sentence per taxonomy item, as a council might put it, and the ids it names.
NAMED = [
    (
        "Annual settlements announced in December leave us unable to plan.",
        "single_year_settlements",
    ),
    (
        "We need a return to multi-year funding settlements for local government.",
        "single_year_settlements",
    ),
    (
        "Uncertainty over future funding makes it hard to commit to invest-to-save schemes.",
        "funding_uncertainty",
    ),
    ("Greater certainty over longer-term funding would let us plan ahead.", "funding_uncertainty"),
    (
        "Our core spending power has fallen by a fifth in real terms since 2010.",
        "insufficient_funding",
    ),
    (
        "The medium term financial strategy shows a funding gap of £12m by 2027.",
        "insufficient_funding",
    ),
    ("Local government remains chronically underfunded.", "insufficient_funding"),
    ("Demand keeps growing while our budgets are being reduced.", "insufficient_funding"),
    (
        "The fair funding review has been delayed again, so allocations rest on old data.",
        "funding_formula",
    ),
    ("Councils spend weeks on competitive bidding for small pots of money.", "competitive_bidding"),
    ("Ring-fenced grants stop us moving money to where it is most needed.", "ringfenced_grants"),
    ("Short-term, ring-fenced funding pots cost time to manage.", "ringfenced_grants"),
    ("New duties arrive without the corresponding funding.", "new_burdens_unfunded"),
    ("We struggle to recruit planners and building control surveyors.", "recruitment_retention"),
    ("Workforce challenges in care and planning slow our progress.", "recruitment_retention"),
    (
        "Legacy systems from a small number of software suppliers are costly to replace.",
        "legacy_it_systems",
    ),
    (
        "Restrictions on sharing data with the DWP prevent us targeting support.",
        "data_sharing_restrictions",
    ),
    (
        "Duplicative reporting requirements for each grant take officer time.",
        "regulation_reporting_burden",
    ),
    (
        "The council tax referendum limit constrains what we can raise locally.",
        "council_tax_referendum_limits",
    ),
    ("A business rates reset would remove the growth we have worked for.", "business_rates_reset"),
    (
        "Rising demand in adult social care takes a growing share of the budget.",
        "social_care_demand",
    ),
    ("The high needs deficit on the dedicated schools grant keeps growing.", "send_costs"),
    ("Spending on home to school transport has doubled in three years.", "send_costs"),
    ("The cost of temporary accommodation has risen sharply.", "housing_temporary_accommodation"),
    ("Planning fees are set nationally and do not cover our costs.", "planning_system"),
    ("Procurement rules add time and cost to every contract we let.", "procurement_rules"),
    # the same barriers put in other common ways
    (
        "Funding continues to be allocated annually, which hampers longer-term planning.",
        "single_year_settlements",
    ),
    (
        "The late confirmation of grant allocations each year makes budget setting difficult.",
        "single_year_settlements",
    ),
    (
        "The lack of clarity on the future of the New Homes Bonus creates real uncertainty.",
        "funding_uncertainty",
    ),
    (
        "The current distribution of funding does not reflect the needs of rural areas.",
        "funding_formula",
    ),
    (
        "Bidding for small pots of money takes officer time with no guarantee of success.",
        "competitive_bidding",
    ),
    (
        "New duties such as the extended producer responsibility scheme have not been fully "
        "funded.",
        "new_burdens_unfunded",
    ),
    (
        "We struggle to attract qualified planning officers and environmental health staff.",
        "recruitment_retention",
    ),
    ("We are unable to fill social work vacancies without agency staff.", "recruitment_retention"),
    (
        "The number of households in temporary accommodation has doubled in two years.",
        "housing_temporary_accommodation",
    ),
]

NOT_NAMED = [
    "The local government finance settlement was published on 5 February.",
    "Our recruitment and retention strategy was refreshed last year.",
    "We received Exceptional Financial Support in 2024/25.",
    "The council set a balanced budget of £18.4m for 2024/25.",
    "The adult social care team moved into the new civic offices.",
    "Our procurement team ran 40 tenders last year.",
    "The planning committee meets monthly.",
    "The ring-fenced public health grant for 2024/25 is £6.1m.",
    "We cut internal bureaucracy by merging two approval boards.",
    "Business rates growth of £2m was retained in the pool this year.",
    "We replaced the finance system in 2023.",
    "We share data with health partners through a joint dashboard.",
    "Planning fee income rose by 5% last year.",
    "The allocation of resources to the council's priorities is set in the budget.",
    "The contract was let through a competitive process.",
    "Growth in retained business rates is forecast to continue.",
]


@pytest.mark.parametrize(("sentence", "barrier"), NAMED)
def test_each_barrier_is_recognised_in_a_plain_council_sentence(rules, sentence, barrier):
    assert barrier in rules.barriers_in(sentence)


@pytest.mark.parametrize("sentence", NOT_NAMED)
def test_a_routine_mention_of_a_topic_names_no_barrier(rules, sentence):
    assert rules.barriers_in(sentence) == []


def test_every_barrier_with_rules_is_covered_by_a_test_sentence():
    framework = load_framework()
    covered = {b for _, b in NAMED}
    assert {b.id for b in framework.barriers if b.patterns} <= covered


def test_the_councils_own_asks_of_government_are_its_content_not_a_restatement(rules):
    for sentence in (
        "We ask government to provide multi-year settlements.",
        "Government should remove ring-fencing from public health funding.",
        "Our asks of government are set out below.",
    ):
        assert not rules.restates(sentence), sentence
    codes = code_text("Barriers\n\nWe ask government to provide multi-year settlements.\n")
    assert codes.passages[0].kind == "council"
    assert "single_year_settlements" in codes.barrier_ids


def test_reporting_what_government_asked_is_a_restatement(rules):
    for sentence in (
        "The Minister asked councils to set out the barriers government could remove.",
        "All councils were required to submit a productivity plan by 19 July 2024.",
        "Plans should cover four main areas.",
        "Individual plans will not be rated or scored.",
        "The plans aim to set out how councils will reduce wasteful spend.",
    ):
        assert rules.restates(sentence), sentence


def test_a_barrier_named_only_in_reported_speech_is_not_the_councils():
    text = (
        "Background\n\nThe Minister asked councils to describe barriers such as single-year "
        "settlements and competitive bidding.\n"
    )
    codes = code_text(text)
    assert codes.passages[0].kind == "requirement"
    assert codes.barriers == []


def test_a_section_that_answers_a_heading_decides_its_passages_headings():
    text = (
        "Reducing wasteful spend\n\n"
        "We cut agency spend by a third and moved our payroll to a digital platform last year.\n\n"
        "Spend controls mean every purchase over £5,000 is approved by a director.\n"
    )
    codes = code_text(text)
    assert [c.headings for c in codes.passages] == [("wasteful_spend",), ("wasteful_spend",)]
    assert codes.theme_ids == ["wasteful_spend"]


def test_a_restated_heading_used_as_a_title_introduces_its_section():
    text = (
        "How we plan to take advantage of technology and make better use of data\n"
        "Residents can now report and pay for most services online, around the clock.\n"
        "A new data warehouse gives managers live figures on demand and cost.\n"
    )
    codes = code_text(text)
    assert codes.theme_ids == ["technology_data"]


def test_the_items_of_a_list_led_in_by_a_restatement_restate_too():
    text = (
        "Context\n\nThe Minister's letter asked councils to cover:\n"
        "- how they have transformed services, including by cutting spend on consultants\n"
        "- how they will use technology and data to improve decisions\n"
    )
    codes = code_text(text)
    assert {c.kind for c in codes.passages} == {"requirement"}
    assert codes.themes == []


def test_text_without_sections_is_coded_by_its_content():
    text = (
        "Since 2019 we have restructured the organisation around a new operating model and "
        "delivered £4m of recurring efficiency savings.\n\n"
        "Our transformation programme redesigned customer services and cut management layers.\n"
    )
    assert "transformation" in code_text(text).theme_ids


def test_saying_how_productivity_is_measured_answers_the_measurement_question():
    text = (
        "We measure productivity through a basket of key performance indicators and benchmark "
        "unit costs against similar councils using LG Inform.\n"
    )
    codes = code_text(text)
    assert codes.states_measurement
    [code] = codes.passages
    assert "transformation.measuring_productivity" in code.questions
    assert "transformation" in code.headings


def test_saying_how_performance_is_measured_is_a_measure():
    assert code_text(
        "We measure our performance against a set of service standards.\n"
    ).states_measurement


def test_measurement_vocabulary_in_a_restatement_is_not_the_councils_measure():
    text = "The letter asked: How do you measure productivity in your organisation?\n"
    assert not code_text(text).states_measurement
    assert measurement_cue(text)  # the vocabulary is there; the restatement test decides


def test_no_barrier_paraphrase_is_copied_from_a_labelled_document():
    """The framework's paraphrases are written from the regime and general knowledge: none of
    them (of four words or more) may appear word for word in the labelled corpus."""
    corpus = " ".join(
        " ".join(p.read_text(encoding="utf-8").lower().split())
        for p in (CORPUS / "docs").glob("*.txt")
    )
    copied = [
        phrase
        for barrier in load_framework().barriers
        for phrase in barrier.exemplars
        if len(phrase.split()) >= 4 and " ".join(phrase.lower().split()) in corpus
    ]
    assert copied == []


def test_a_complaint_about_what_government_requires_is_the_councils_content(rules):
    """Only reported requests about the plans restate the regime; "requires" and "expects"
    about anything else are the council describing its situation."""
    for sentence in (
        "Government rules require a referendum for increases above the limit, which "
        "restricts our income.",
        "The department expected councils to absorb the cost of new duties without funding.",
        "The council is required to provide home-to-school transport, the cost of which has "
        "doubled.",
        "New burdens, such as the requirement to introduce food waste collections, are unfunded.",
    ):
        assert not rules.restates(sentence), sentence
    for sentence in (
        "The Secretary of State expects all councils to publish their plans.",
        "Local authorities are required to produce productivity plans.",
        "We were asked to describe barriers the government could remove.",
        "The Minister's letter asks us to consider the barriers that Government could remove.",
    ):
        assert rules.restates(sentence), sentence


def test_a_question_or_a_title_only_announces_how_productivity_is_measured():
    assert not code_text("How do we measure productivity?\n").states_measurement
    assert not code_text("Measuring productivity in the council\n\nIntro.\n").states_measurement


@pytest.mark.parametrize(
    "sentence",
    [
        "We compare our unit costs with those of our nearest neighbours.",
        "Our corporate performance dashboard tracks over sixty measures each quarter.",
        "We track productivity by looking at output per full-time member of staff.",
        "The effects of these changes will be measured through our outcomes framework.",
        "There is no single measure of productivity for a council, so we look at several.",
    ],
)
def test_common_ways_of_saying_how_productivity_is_measured(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_numbered_and_short_section_titles_open_their_sections():
    text = (
        "1. Transforming our services\n"
        "1.1 We redesigned the planning service around residents and cut waiting times.\n"
        "2. Waste\n"
        "2.1 Every contract over £25,000 is now reviewed by the procurement board.\n"
        "3. Barriers\n"
        "3.1 Recruitment and retention of planners and environmental health officers remains "
        "very difficult.\n"
    )
    codes = code_text(text)
    assert codes.theme_ids == ["transformation", "wasteful_spend", "barriers"]
    assert "recruitment_retention" in codes.barrier_ids
    titles = [
        c for c in codes.passages if c.passage.text[:1].isdigit() and "." not in c.passage.text[2:]
    ]
    assert all(c.headings == () for c in titles)  # a title answers nothing itself


def test_a_title_on_the_first_line_of_a_paragraph_opens_its_section():
    text = (
        "Theme 3: Our plans to reduce wasteful spend within our organisation and systems\n"
        "Our spending controls have been strengthened and agency spend has halved since 2023.\n"
    )
    codes = code_text(text)
    assert [c.kind for c in codes.passages] == ["council"]
    assert codes.theme_ids == ["wasteful_spend"]


def test_a_short_plan_that_speaks_of_a_subject_in_two_paragraphs_answers_its_heading():
    text = (
        "Our ambition is to be excellent in every service, driven by digital change.\n\n"
        "We will make better use of technology so that residents can reach us any time.\n"
    )
    assert "technology_data" in code_text(text).theme_ids


def test_one_passing_mention_answers_no_heading():
    text = (
        "We have reduced sickness absence and improved staff wellbeing over three years.\n\n"
        "Residents can now also pay for garden waste collections online.\n"
    )
    assert "technology_data" not in code_text(text).theme_ids
