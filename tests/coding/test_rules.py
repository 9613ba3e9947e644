"""The coder's rules on made-up council text: what counts as a restatement, which barrier a
council names, which heading a section answers. The sentences are written for these tests, in
the ways councils commonly write; none is copied from a labelled document."""

import re
from pathlib import Path

import pytest

from productivity_plans.coding import code_text
from productivity_plans.coding.features import measurement_cue
from productivity_plans.coding.rules import PatternSet, compile_rules, rise_told_in_figures
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
    ("The dedicated schools grant deficit keeps growing as high needs rise.", "send_costs"),
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


@pytest.mark.parametrize(
    "sentence",
    [
        "We compare what our services cost per resident against similar district councils.",
        "Our statistical neighbours, chosen with CIPFA's model, are the group we compare with.",
        "We think of productivity as the outputs we achieve for each pound we spend.",
        "A benefits realisation register follows every saving from business case to budget.",
    ],
)
def test_benchmarking_and_definitions_in_other_words_say_how_productivity_is_measured(
    sentence,
):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_under_a_title_about_measuring_the_councils_evidence_answers_the_question():
    text = (
        "How we know we are productive\n\n"
        "Each quarter the leadership team looks at the data for every service and how it has "
        "changed over the year.\n\n"
        "Our digital programme\n\n"
        "Each quarter the leadership team looks at the data for every service and how it has "
        "changed since the move online.\n"
    )
    measures = code_text(text).measures
    assert len(measures) == 1
    assert "over the year" in measures[0].text


@pytest.mark.parametrize(
    "sentence",
    [
        "The new Government has not said whether a different mechanism for measuring "
        "productivity will be developed.",
        "Local authorities will be expected to monitor and assess delivery with their own metrics.",
        "Oflog has published a first set of metrics on council performance.",
        "Officers will ensure the plan incorporates how productivity is measured.",
    ],
)
def test_someone_elses_measuring_is_not_the_councils_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence
    assert code_text("We use Oflog's metrics to benchmark our costs.\n").states_measurement


@pytest.mark.parametrize(
    "sentence",
    [
        "Each year the council compares its spending per head, service by service, with that "
        "of the other county councils.",
        "The council judges its productivity by two numbers it already reports.",
        "We measure how productive we are by the applications decided per planning officer.",
    ],
)
def test_more_ways_of_saying_how_a_council_measures(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Our housing team works out the rent lost per void property every month.",
        "Complaints handled per adviser are logged by the contact centre.",
        "Each quarter the Corporate Management Board reviews overtime, vacancy rates and the "
        "average age of open repair jobs.",
        "We timed every step of a blue badge application and found half of it was rework.",
        "Street cleansing is judged on the share of streets graded clean in a sample of 300.",
        "A tenant panel is surveyed twice a year and its satisfaction scores feed the plan.",
        "Our efficiency ratio is estimated as back-office cost divided by gross spend.",
    ],
)
def test_an_act_of_measuring_and_a_quantity_in_one_sentence_say_how_a_council_measures(
    sentence,
):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Unit costs have risen sharply in children's residential care.",
        "We monitor the situation closely and will respond as needed.",
        "Members agreed a programme of scrutiny reviews assessing the efficiency of services.",
        "The risk of legal challenge to the decision as per the recommendation is assessed as low.",
        "The council counted more than 170 data returns required by government in 2023/24.",
        "Oflog publishes a range of metrics on council performance, including waste and roads.",
    ],
)
def test_an_act_of_measuring_without_a_quantity_or_a_quantity_alone_is_not_a_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


def test_progress_reported_through_a_performance_report_is_reporting_not_measuring():
    text = "Progress will be reported through the quarterly corporate performance report.\n"
    assert not code_text(text).states_measurement


def test_a_small_number_of_care_providers_is_not_an_it_supplier_market():
    text = "A small number of providers now charge more than £8,000 a week for one placement.\n"
    assert "legacy_it_systems" not in code_text(text).barrier_ids


def test_a_restated_question_with_the_councils_answer_in_one_paragraph_is_the_councils():
    answered = "The Minister asked councils how they measure productivity. We use KPIs.\n"
    asked = "The Minister asked councils how they measure productivity in their organisation.\n"
    assert code_text(answered).passages[0].kind == "council"
    assert code_text(answered).states_measurement
    assert code_text(asked).passages[0].kind == "requirement"
    assert not code_text(asked).states_measurement


def test_a_title_of_measures_taken_is_not_a_title_about_measuring():
    text = (
        "Measures to reduce waste\n\n"
        "We cut the cost of agency staff by a third and closed two offices.\n"
    )
    assert not code_text(text).states_measurement


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


def test_a_title_numbered_like_the_one_that_opened_a_section_closes_it():
    text = (
        "Part C: Digital and data\n\n"
        "C1. Our insight platform joins up social care and education records.\n\n"
        "Part D: Running the organisation\n\n"
        "D1. We moved out of four of our nine buildings and let two floors of the civic centre.\n"
    )
    codes = code_text(text).passages
    assert codes[1].headings == ("technology_data",)
    assert "technology_data" not in codes[3].headings


def test_an_unnumbered_subtitle_stays_in_its_numbered_section():
    text = "4. Barriers\n\nProcurement\n\nCompliant tenders for small contracts take months.\n"
    codes = code_text(text)
    assert codes.passages[-1].headings == ("barriers",)
    assert codes.barrier_ids == ["procurement_rules"]


def test_a_numbered_item_followed_by_items_numbered_deeper_titles_them():
    text = (
        "4. Reducing wasteful spend\n"
        "4.1 Spending on external legal advice has fallen by a third.\n"
        "5. Barriers\n"
        "5.1 We would welcome a longer settlement period.\n"
        "5.2 Our spending power per head is among the lowest in England.\n"
    )
    codes = code_text(text)
    assert [c.headings for c in codes.passages[-2:]] == [("barriers",)] * 2
    assert codes.barrier_ids == ["single_year_settlements", "insufficient_funding"]


def test_a_numbered_item_followed_by_bullets_titles_them():
    text = (
        "1. Transformation\n"
        "- Four service counters became one contact centre.\n"
        "3. Reducing wasteful spend\n"
        "- Consultancy spend: £388k (2021/22) to £142k (2023/24)\n"
        "- Office space: one floor of the civic centre let to the NHS\n"
    )
    codes = code_text(text).passages
    assert [c.headings for c in codes[-2:]] == [("wasteful_spend",)] * 2


def test_in_a_section_about_barriers_a_topic_alone_names_the_barrier():
    fact = "More than 4,200 households are living in temporary accommodation."
    assert code_text(fact + "\n").barrier_ids == []
    under = code_text("What is holding us back\n\n" + fact + "\n")
    assert under.barrier_ids == ["housing_temporary_accommodation"]


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


# Barriers put in the many other ways councils put them: a topic of the taxonomy with a word of
# trouble or an ask (the framework's barrier topics and signals), or a paraphrase rule.
IN_OTHER_WORDS = [
    ("We urge the government to return to three-year settlements.", "single_year_settlements"),
    (
        "Short-term funding announcements make it hard to invest in prevention.",
        "single_year_settlements",
    ),
    (
        "Not knowing our funding beyond next March makes medium-term planning almost impossible.",
        "funding_uncertainty",
    ),
    (
        "The ongoing delay to local government finance reform leaves us unable to plan with "
        "confidence.",
        "funding_uncertainty",
    ),
    ("Our spending power remains below 2010 levels in real terms.", "insufficient_funding"),
    (
        "Inflation and pay awards have far outstripped increases in our funding.",
        "insufficient_funding",
    ),
    (
        "There is a structural deficit in our budget that savings alone cannot close.",
        "insufficient_funding",
    ),
    (
        "The formula used to allocate funding has not been updated for more than a decade.",
        "funding_formula",
    ),
    ("Districts have borne a disproportionate share of the cuts.", "funding_formula"),
    (
        "The time and cost of preparing bids for national funds is significant for a small "
        "council.",
        "competitive_bidding",
    ),
    (
        "Funding is too often provided through numerous small grants, each with its own "
        "conditions.",
        "ringfenced_grants",
    ),
    ("We want greater flexibility to pool grants across services.", "ringfenced_grants"),
    (
        "Government policy changes, such as the Environment Act requirements, bring extra costs "
        "that are not met in full.",
        "new_burdens_unfunded",
    ),
    (
        "There is a national shortage of qualified social workers and occupational therapists.",
        "recruitment_retention",
    ),
    (
        "We are losing experienced staff to better-paid jobs in the private sector.",
        "recruitment_retention",
    ),
    ("Much of our technology is old and was not designed to work together.", "legacy_it_systems"),
    (
        "A small number of large suppliers dominate the market for local government software.",
        "legacy_it_systems",
    ),
    (
        "Barriers to sharing data between public bodies prevent us from identifying families "
        "early.",
        "data_sharing_restrictions",
    ),
    (
        "Each government department asks for its own monitoring data, duplicating effort.",
        "regulation_reporting_burden",
    ),
    (
        "The limit on council tax rises means local people cannot choose to pay more for services.",
        "council_tax_referendum_limits",
    ),
    (
        "The business rates baseline reset could remove growth we have worked to achieve.",
        "business_rates_reset",
    ),
    ("The cost of adult social care packages has risen by 12% this year.", "social_care_demand"),
    ("Children's social care placements now cost over £300,000 a year each.", "social_care_demand"),
    ("Our high needs deficit is growing, and the statutory override ends in 2026.", "send_costs"),
    ("Demand for education, health and care plans has risen by 40%.", "send_costs"),
    (
        "Spending on temporary accommodation has increased fivefold since 2019.",
        "housing_temporary_accommodation",
    ),
    (
        "Planning fees are set nationally and do not cover the cost of the service.",
        "planning_system",
    ),
    (
        "Public procurement rules make it hard to buy from local small businesses quickly.",
        "procurement_rules",
    ),
    (
        "Councils only find out their allocations a few weeks before budgets must be set.",
        "single_year_settlements",
    ),
    ("We still do not know what our grant will be after 2025/26.", "funding_uncertainty"),
    ("Our funding per head is among the lowest of any unitary council.", "insufficient_funding"),
    (
        "Since 2010 the council has lost more than half of its government grant.",
        "insufficient_funding",
    ),
    (
        "The needs formula takes no account of the higher costs of delivering services in "
        "coastal towns.",
        "funding_formula",
    ),
    (
        "A great deal of officer effort goes into bidding rounds that we often lose.",
        "competitive_bidding",
    ),
    (
        "Too much funding arrives in narrow, ring-fenced pots with tight deadlines for spending.",
        "ringfenced_grants",
    ),
    (
        "Extended producer responsibility payments have not covered the full costs of the new "
        "duty.",
        "new_burdens_unfunded",
    ),
    ("Vacancy rates in children's social work remain above 20%.", "recruitment_retention"),
    (
        "Our finance system is more than twenty years old and cannot be upgraded.",
        "legacy_it_systems",
    ),
    (
        "Legal uncertainty about GDPR makes partners reluctant to share information.",
        "data_sharing_restrictions",
    ),
    ("We complete more than 150 statutory data returns each year.", "regulation_reporting_burden"),
    (
        "We would like the freedom to set council tax locally without a referendum.",
        "council_tax_referendum_limits",
    ),
    (
        "The cost of supporting older people with complex needs continues to climb.",
        "social_care_demand",
    ),
    (
        "Transport for pupils with SEND now costs us £9 million a year, up from £4 million.",
        "send_costs",
    ),
    (
        "Homeless families are staying longer in bed and breakfast accommodation.",
        "housing_temporary_accommodation",
    ),
    ("Planning appeals and national policy changes add delay and cost.", "planning_system"),
    (
        "The thresholds in public contract regulations force us into lengthy tenders for modest "
        "contracts.",
        "procurement_rules",
    ),
]

IN_OTHER_WORDS += [
    ("Statutory duties have been added without money to pay for them.", "new_burdens_unfunded"),
    (
        "The new duty to collect food waste weekly has not yet been matched by revenue funding.",
        "new_burdens_unfunded",
    ),
    (
        "We could not fill environmental health and planning posts last year.",
        "recruitment_retention",
    ),
    ("We entered eleven grant competitions last year and won three.", "competitive_bidding"),
    ("Settlements for a single year leave no room to invest to save.", "single_year_settlements"),
    (
        "Families placed in bed and breakfast have risen from 20 to 90.",
        "housing_temporary_accommodation",
    ),
    ("National planning rules have held up three housing schemes this year.", "planning_system"),
    ("We are budgeting without knowing a large part of next year's income.", "funding_uncertainty"),
]

# Neutral facts about a topic of the taxonomy: no trouble, no ask.
NEUTRAL = [
    "The council's net revenue budget for 2024/25 is £18.2 million.",
    "The council received £2 million of Exceptional Financial Support in 2024.",
    "We have delivered £5 million of savings since 2020.",
    "The productivity plan was submitted to government on 18 July 2024.",
    "We have launched a new website and customer portal.",
    "The report sets out the budget for adult social care for the coming year.",
    "We will increase investment in adult social care.",
    "Our new social care case management system went live in March.",
    "We have reduced the number of households in temporary accommodation by a quarter.",
    "The planning service determined 95% of major applications on time.",
    "We share data with the NHS through a shared care record.",
    "Procurement rules were followed in awarding the contract.",
    "The business rates team collected 98% of rates due.",
    "Council tax was increased by 2.99% in line with the limit.",
    "We have successfully bid for £20 million from the Levelling Up Fund.",
    "The children's services improvement plan has been completed.",
    "The dedicated schools grant supports schools across the county.",
    "A three-year medium-term financial strategy was approved by Council.",
    "We are recruiting a new head of digital services.",
    "Our IT systems were upgraded to the cloud in 2023.",
    "Demand for our garden waste service has grown, bringing in more income.",
    "The number of people using our online services has doubled.",
    "We ran a campaign to increase foster carer numbers.",
    "The settlement funding assessment is published each December.",
]


@pytest.mark.parametrize(("sentence", "barrier"), IN_OTHER_WORDS)
def test_a_barrier_in_other_words_is_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_a_neutral_fact_about_a_barriers_topic_names_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == []


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We are often asked to bid for small pots of money, each with its own conditions.",
            "competitive_bidding",
        ),
        (
            "The council has spent a great deal of officer time bidding for funding this year.",
            "competitive_bidding",
        ),
        (
            "What holds us back is the rules around sharing data with health partners.",
            "data_sharing_restrictions",
        ),
        (
            "We need capital to replace out-of-date case systems, which do not link together.",
            "legacy_it_systems",
        ),
        (
            "We complete hundreds of separate statutory returns for government departments.",
            "regulation_reporting_burden",
        ),
        (
            "The referendum limit stops us raising what our services need.",
            "council_tax_referendum_limits",
        ),
    ],
)
def test_a_barrier_told_in_a_plain_complaint_is_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


@pytest.mark.parametrize(
    ("sentence", "not_named"),
    [
        ("Case study: using data to prevent homelessness", "housing_temporary_accommodation"),
        (
            "Our social work academy reduced reliance on agency staff from 28 to 9 per cent.",
            "recruitment_retention",
        ),
        (
            "Councils like ours cannot keep making savings at this scale without harming services.",
            "recruitment_retention",
        ),
        (
            "Fewer providers working in set areas gives providers greater certainty.",
            "funding_uncertainty",
        ),
        (
            "The cost of bed and breakfast placements is not covered by the grant.",
            "social_care_demand",
        ),
        (
            "We have kept our council tax increases below the referendum limit in most years.",
            "council_tax_referendum_limits",
        ),
    ],
)
def test_a_success_or_a_fact_near_a_barriers_words_is_not_that_barrier(sentence, not_named):
    """Prevention, reduced reliance on agency staff, certainty for providers, homeless
    households' placements and a tax level kept low are not the barriers their words recall."""
    assert not_named not in code_text(sentence + "\n").barrier_ids


def test_a_sentence_wrapped_over_pdf_lines_reads_as_one_line():
    one_line = "Reporting: we submit hundreds of statutory data returns each year.\n"
    wrapped = "Reporting: we submit hundreds of\nstatutory data returns each year.\n"
    assert code_text(wrapped).barrier_ids == code_text(one_line).barrier_ids
    assert "regulation_reporting_burden" in code_text(wrapped).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "The Leader said the council could not keep meeting the cost of new "
            "responsibilities out of existing budgets.",
            "new_burdens_unfunded",
        ),
        (
            "The Portfolio Holder said the council had struggled for several years to fill "
            "posts in planning, where the private sector paid considerably more.",
            "recruitment_retention",
        ),
        (
            "Members said the planning system held back the area and that the councils could "
            "not match the salaries offered by consultancies.",
            "planning_system",
        ),
        (
            "A member said the council had had to set budgets year by year without knowing "
            "what would follow, which could not go on.",
            "single_year_settlements",
        ),
    ],
)
def test_barriers_members_raise_in_a_recorded_debate_are_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan does not set out specific productivity measures.",
        "The draft does not yet describe how productivity will be measured.",
        "Funding per resident is low because the assessment of need assumes low costs.",
        "Councillor Lee said the council's record on efficiency was strong, and the number of "
        "households in nightly-paid accommodation was unsustainable.",
        "- Quarter 1 Performance Report 2024/25 - Head of Paid Service",
    ],
)
def test_a_paper_saying_there_are_no_measures_or_naming_a_report_is_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


def test_a_report_that_shows_a_quantity_says_how_the_council_measures():
    text = (
        "A quarterly report goes to the Executive Board showing, for each directorate, spend per "
        "head of population.\n"
    )
    assert code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "The settlement covers twelve months and came five days before Christmas.",
            "single_year_settlements",
        ),
        (
            "The plan asked government for settlements covering at least three years.",
            "single_year_settlements",
        ),
        ("We have less money in real terms than we had a decade ago.", "insufficient_funding"),
        (
            "The data used to share out funding is years old and ignores our growth.",
            "funding_formula",
        ),
        (
            "We manage 28 separate grants, each with its own conditions and return.",
            "ringfenced_grants",
        ),
        (
            "Our finance system dates from 2005 and the supplier will end support for it soon.",
            "legacy_it_systems",
        ),
        (
            "We have advertised the post three times this year without making an appointment.",
            "recruitment_retention",
        ),
        (
            "Housing benefit subsidy for temporary accommodation is still frozen at old rates.",
            "housing_temporary_accommodation",
        ),
        (
            "Officers spend a great deal of time completing returns for different departments.",
            "regulation_reporting_burden",
        ),
        ("Planning fees set nationally do not cover the cost of the service.", "planning_system"),
        (
            "We are told to write a bid for every new idea and compete with our neighbours.",
            "competitive_bidding",
        ),
        (
            "If we were free to set our own council tax, residents could decide.",
            "council_tax_referendum_limits",
        ),
    ],
)
def test_a_barrier_in_a_councils_everyday_words_is_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


def test_being_expected_to_plan_is_not_a_restatement_of_the_plan_requirement():
    text = (
        "We get a budget from Whitehall one year at a time, and we are expected to plan a new "
        "housing scheme on that basis.\n"
    )
    codes = code_text(text)
    assert codes.passages[0].kind == "council"
    assert "single_year_settlements" in codes.barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not at present have a single corporate measure of productivity.",
        "The plan says that the Council does not currently measure productivity as such.",
        "(c) state how the Council will measure productivity.",
        "Our treasury strategy limits investment in line with the CIPFA Prudential Code.",
        "This plan shows how we are doing things differently.",
    ],
)
def test_saying_there_is_no_measure_or_restating_the_ask_is_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff cost per resident is the figure we watch most closely.",
        "Each saving is tracked monthly, and cashable savings delivered are our clearest test.",
        "Our dashboard combines sickness absence and the cost per household of each service.",
        "Every business case sets out the staff time it will release, and the board checks "
        "those hours a year after go-live.",
    ],
)
def test_watching_tracking_and_checking_a_quantity_say_how_a_council_measures(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We welcome the Government's commitment to multi-year settlements from 2026/27.",
        "Councillor Reid welcomed the one-year settlement, which gave a 6.5 per cent increase.",
    ],
)
def test_welcoming_what_was_announced_names_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == []


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        ("We would welcome a return to multi-year settlements.", "single_year_settlements"),
        (
            "The new employer national insurance contributions will cost us £420,000, and "
            "government has not yet confirmed that this will be met.",
            "new_burdens_unfunded",
        ),
        (
            "We urge government to set out funding for three years or more.",
            "single_year_settlements",
        ),
        ("The prevention grants come with separate conditions and reporting.", "ringfenced_grants"),
    ],
)
def test_an_ask_or_a_new_cost_not_met_names_its_barrier(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We set our budget knowing only what we will receive for the next twelve months.",
            "single_year_settlements",
        ),
        (
            "The settlement arrived a week before Christmas and covered a single year.",
            "single_year_settlements",
        ),
        (
            "Until we know what comes after March, our strategy rests on assumptions.",
            "funding_uncertainty",
        ),
        (
            "Our day-to-day funding is around 40 per cent lower than it was in 2010.",
            "insufficient_funding",
        ),
        (
            "We are being asked to do more with less, and there is nothing left to trim.",
            "insufficient_funding",
        ),
        ("The way grant is shared out rests on data from a decade ago.", "funding_formula"),
        (
            "Consultants' fees to prepare bids cost us tens of thousands of pounds.",
            "competitive_bidding",
        ),
        (
            "The duty to collect food waste comes with a capital grant but nothing towards crews.",
            "new_burdens_unfunded",
        ),
        ("Consultancies offer salaries we cannot match.", "recruitment_retention"),
        (
            "A clear legal basis for sharing data with the NHS would help us act sooner.",
            "data_sharing_restrictions",
        ),
        (
            "Officers spend six weeks a year completing government returns.",
            "regulation_reporting_burden",
        ),
        (
            "The number of adults needing long-term care has risen by 14 per cent.",
            "social_care_demand",
        ),
        (
            "The benefit we can reclaim covers less than half the cost of bed and breakfast.",
            "housing_temporary_accommodation",
        ),
        (
            "Current thresholds mean a small contract must go through a full tender process.",
            "procurement_rules",
        ),
    ],
)
def test_a_sixth_writers_ways_of_putting_a_barrier_are_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids


def test_doing_more_with_less_as_a_success_is_no_barrier():
    text = "The partnership has been our main route to doing more with less.\n"
    assert code_text(text).barrier_ids == []


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Once more we must balance the budget on a single year's figures.",
            "single_year_settlements",
        ),
        (
            "Our grant for rough sleeping is decided a year at a time.",
            "single_year_settlements",
        ),
        (
            "No business can plan without knowing how much money will come in next year.",
            "funding_uncertainty",
        ),
        (
            "The funding we have for each resident is a third lower than in 2010.",
            "insufficient_funding",
        ),
        (
            "New duties keep arriving, seldom with the money to carry them out.",
            "new_burdens_unfunded",
        ),
        (
            "The new garden waste service was announced without any certainty about its cost.",
            "new_burdens_unfunded",
        ),
        (
            "Hospitals want to share records with our social workers, but each case needs a "
            "separate agreement.",
            "data_sharing_restrictions",
        ),
        (
            "It would help us greatly if our staff had access to the shared care record.",
            "data_sharing_restrictions",
        ),
        (
            "Completing statutory returns takes the equivalent of three full-time posts.",
            "regulation_reporting_burden",
        ),
        (
            "Departments ask for information already published on our website.",
            "regulation_reporting_burden",
        ),
        (
            "The need to hold a referendum for rises above 3 per cent keeps our charge low.",
            "council_tax_referendum_limits",
        ),
        (
            "A reset of the retained rates would take away growth we worked for.",
            "business_rates_reset",
        ),
        (
            "Members questioned the cost of placing homeless families in hotels.",
            "housing_temporary_accommodation",
        ),
        (
            "A small cleaning contract requires a full tender exercise, whatever its value.",
            "procurement_rules",
        ),
        (
            "The cost of taking pupils to schools out of county has doubled since 2020.",
            "send_costs",
        ),
        (
            "We lose trained planners to the private sector and now pay market supplements.",
            "recruitment_retention",
        ),
        ("Our settlement was once again for a single year.", "single_year_settlements"),
        (
            "Grant is announced every December for the following April.",
            "single_year_settlements",
        ),
        ("We know nothing of our income after next March.", "funding_uncertainty"),
        (
            "The main obstacle is the time officers spend applying for small funding pots.",
            "competitive_bidding",
        ),
        (
            "Most of the pots we get are for things the department has decided, not local needs.",
            "ringfenced_grants",
        ),
        (
            "A grant of £15,000 came with a six-page monitoring form.",
            "regulation_reporting_burden",
        ),
        (
            "Our social workers cannot see hospital data without a separate agreement each time.",
            "data_sharing_restrictions",
        ),
    ],
)
def test_a_barrier_put_as_its_consequence_is_named(sentence, barrier):
    """Councils describe a barrier by what it does to them (one year's figures, a separate
    agreement for each exchange, staff lost to the private sector)."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The Local Government Association has argued that councils face a funding gap of "
        "£6 billion.",
        "According to the Institute for Fiscal Studies, spending power has fallen by a quarter.",
        "Commentators have warned that councils face rising demand for adult social care.",
    ],
)
def test_a_national_bodys_view_reported_is_not_the_councils_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_national_bodys_view_the_council_speaks_to_is_its_own():
    text = "The LGA has warned of a funding gap, and this council's share is a deficit of £4m.\n"
    assert "insufficient_funding" in code_text(text).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers spent an estimated 900 hours last year preparing bids for small funds.",
        "Claims are processed using automated evidence checks, and the average time to decide "
        "one has fallen from 20 days to 8.",
        "Our use of hotels remains low compared with the south, but the number of households "
        "in temporary accommodation has doubled.",
        "We have not yet settled on a measure of productivity and will develop one next year.",
        "The council has not yet determined a single measure of productivity.",
        "Productivity cannot be captured by a single number.",
        "Metrics alone cannot capture the value of early help.",
        "We welcome the government's intention to develop better measures of productivity.",
        "Oflog has published a set of metrics for councils, which we are considering.",
    ],
)
def test_a_figure_reported_or_a_measure_not_yet_chosen_is_no_measure(sentence):
    """A result or a hedged figure is not a way of measuring; nor is saying that productivity
    cannot be measured, that no measure is settled, or welcoming others' measures."""
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "For the libraries service the key figure is the cost per visit.",
        "In housing we look at the number of repairs completed per operative each week.",
        "For each project we record the baseline cost of the process and measure it again "
        "after six months.",
        "The PMO checks the hours each project releases twelve months after go-live.",
        "Our costs per tonne are compared with the county's other districts every year.",
    ],
)
def test_naming_the_key_figure_looking_at_a_rate_or_a_baseline_say_how_a_council_measures(
    sentence,
):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Over the next year we will develop a set of productivity measures with the LGA.",
        "We will explore with our peers what such a measure could look like.",
        "A set of measures would be developed as part of the new performance framework.",
        "Members asked that future versions set out how productivity would be measured.",
        "The Leader agreed that this would be picked up in the next version of the "
        "performance framework.",
        "We have begun to publish our performance data on an open dashboard.",
        "Borrowing was £246m and investment returns exceeded the benchmark.",
        "That Cabinet notes the treasury outturn and the prudential indicators.",
    ],
)
def test_measures_still_to_be_developed_published_data_and_treasury_figures_are_no_measure(
    sentence,
):
    """Intentions to develop or explore measures, a request for them, publishing performance
    data and the treasury's benchmarks say nothing of how the council measures productivity
    (docs/coding.md, "Intentions")."""
    assert not code_text(sentence + "\n").states_measurement, sentence


def test_measures_the_council_says_it_will_use_say_how_it_measures():
    text = "New measures of service performance would be used to measure productivity.\n"
    assert code_text(text).states_measurement


def test_a_title_telling_what_the_council_has_changed_opens_heading_one():
    text = (
        "What we have changed\n\n"
        "We moved from seven directorates to four and opened a single contact point for "
        "health and social care.\n"
    )
    assert code_text(text).theme_ids == ["transformation"]


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        ("Every year we simply don't know whether the money will be there.", "funding_uncertainty"),
        ("Our settlement today is smaller than it was in 2013.", "insufficient_funding"),
        (
            "The money we receive is no longer enough to run the services residents expect.",
            "insufficient_funding",
        ),
        (
            "Since 2010 we have lost over £90 million from our annual budget.",
            "insufficient_funding",
        ),
        ("Our funding has not kept up with the growth of the town.", "insufficient_funding"),
        (
            "We receive one of the lowest levels of funding per head of any county.",
            "insufficient_funding",
        ),
        (
            "New recycling duties have landed on us without any additional revenue.",
            "new_burdens_unfunded",
        ),
        (
            "We were told to introduce the new inspection timescales but received nothing "
            "towards the staff needed.",
            "new_burdens_unfunded",
        ),
        ("The first is the cost of new duties placed on districts.", "new_burdens_unfunded"),
        ("We estimate the unfunded cost at £900,000 a year.", "new_burdens_unfunded"),
        (
            "We advertised for six engineers and appointed one, who left within a year for "
            "private practice.",
            "recruitment_retention",
        ),
        (
            "Our repairs system cannot be connected to anything else, so requests are re-keyed "
            "by hand.",
            "legacy_it_systems",
        ),
        (
            "Councils need a legal basis to see the health records of the people they support.",
            "data_sharing_restrictions",
        ),
        (
            "Inspection regimes for housing and care all ask for the same evidence in different "
            "formats.",
            "regulation_reporting_burden",
        ),
        (
            "A 3% rise is the most we may ask of local taxpayers, however fast costs grow.",
            "council_tax_referendum_limits",
        ),
        (
            "The number of people needing home care has gone up every month this year.",
            "social_care_demand",
        ),
        (
            "The cost of one residential care placement has reached £8,000 a week.",
            "social_care_demand",
        ),
        (
            "We are paying hotels and nightly-let landlords because there is nowhere else to "
            "place families.",
            "housing_temporary_accommodation",
        ),
        ("Every contested application ends up at appeal.", "planning_system"),
        ("We spend £300,000 a year defending planning appeals.", "planning_system"),
        (
            "The rules that govern how we buy things add time and cost to every contract.",
            "procurement_rules",
        ),
        ("We want proportionate rules for small purchases.", "procurement_rules"),
        ("The distribution of grant has not been updated since 2013.", "funding_formula"),
    ],
)
def test_a_barrier_told_by_its_effect_on_the_council_is_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We are committed to improving productivity and we monitor our performance closely.",
        "The Scrutiny Committee has a standing role in monitoring the council's performance.",
        "Right first time: redesigning the most common customer journeys so people contact us "
        "once.",
        "Theme 1 also asks how we measure productivity; our approach is in our Corporate Plan.",
    ],
)
def test_an_aim_a_programme_name_or_the_question_restated_is_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We monitor our performance against a set of twelve service indicators.",
        "The right first time rate for repairs is reported monthly.",
        "Every automation project records the staff hours it releases.",
    ],
)
def test_monitoring_against_measures_a_rate_and_a_project_recording_hours_are_measures(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We would ask for an indicative view of funding for the next three years.",
            "funding_uncertainty",
        ),
        ("Our budget has already been cut to the bone.", "insufficient_funding"),
        (
            "The cost of introducing food waste collections goes well beyond the grant offered.",
            "new_burdens_unfunded",
        ),
        (
            "Each new responsibility comes with work for our staff but no money to pay for it.",
            "new_burdens_unfunded",
        ),
        (
            "A third of our social workers left within two years for agency work.",
            "recruitment_retention",
        ),
        (
            "We have difficulties attracting and retaining qualified planners.",
            "recruitment_retention",
        ),
        (
            "Staff ask families for information another part of government already holds.",
            "data_sharing_restrictions",
        ),
        (
            "We complete more than forty separate statistical returns a year.",
            "regulation_reporting_burden",
        ),
        (
            "The threshold for a referendum is set at under 3% for districts.",
            "council_tax_referendum_limits",
        ),
        (
            "A child placed in a residential home can cost more than £400,000 a year.",
            "social_care_demand",
        ),
        (
            "Taxis for pupils with additional needs now cost more than our roads budget.",
            "send_costs",
        ),
        ("Capital comes in small pots that we have to compete for.", "competitive_bidding"),
        ("Our finance system is no longer supported by its supplier.", "legacy_it_systems"),
        (
            "We are poorly served by funding formulas that have not been updated since 2013.",
            "funding_formula",
        ),
    ],
)
def test_more_barriers_told_by_their_effect_on_the_council_are_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "One child in an unregistered placement cost this council 14,000 pounds a week.",
            "social_care_demand",
        ),
        (
            "The subsidy we can reclaim covers barely a third of what we pay for bed and "
            "breakfast.",
            "housing_temporary_accommodation",
        ),
        ("We were once again given a settlement for 2024/25 only.", "single_year_settlements"),
        (
            "We ask for a settlement that runs for the life of a Parliament.",
            "single_year_settlements",
        ),
        (
            "Nobody here can tell you what our grant will be in April 2026.",
            "funding_uncertainty",
        ),
        (
            "The absence of any information about funding after March 2025 is our largest risk.",
            "funding_uncertainty",
        ),
        (
            "The gap between what we need and what we receive is now 11 million pounds a year.",
            "insufficient_funding",
        ),
        (
            "We spent more than 200,000 pounds on three bids, only one of which succeeded.",
            "competitive_bidding",
        ),
        (
            "These grants each arrive with their own conditions, and none can be used to support "
            "the others.",
            "ringfenced_grants",
        ),
        (
            "Implementing the recycling reforms will cost us 1.2 million pounds a year and the "
            "Government has yet to confirm any revenue support.",
            "new_burdens_unfunded",
        ),
        (
            "Where Parliament gives us a new duty, the money to carry it out should follow.",
            "new_burdens_unfunded",
        ),
        (
            "The number of adults needing support with personal care has risen by 9 per cent.",
            "social_care_demand",
        ),
    ],
)
def test_barriers_with_sums_in_words_and_in_other_phrasings_are_named(sentence, barrier):
    """Sums written "1.2 million pounds" read as "£1.2 million" for every rule."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief Economist of the Institute for Fiscal Studies has said that councils face a "
        "funding gap of several billion pounds.",
        "A spokesperson for the Local Government Association said councils faced a funding gap "
        "of £6.2 billion.",
        "The county has blamed soaring demand and an outdated funding system for its pressures.",
        "The provisional settlement for 2024/25 was published on 18 December 2023.",
    ],
)
def test_a_national_voice_a_policy_system_or_a_settlements_date_names_no_such_barrier(sentence):
    codes = code_text(sentence + "\n").barrier_ids
    assert "legacy_it_systems" not in codes and "insufficient_funding" not in codes, sentence
    assert "single_year_settlements" not in codes, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We are testing AI note-taking in social work, which saves each worker four hours a week.",
        "The plan's indicators would be included in the quarterly performance report to Cabinet.",
    ],
)
def test_a_trial_and_indicators_put_in_a_report_are_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


def test_an_answer_to_the_measurement_question_that_only_repeats_its_words_is_no_measure():
    text = (
        "How do you measure productivity?\n\n"
        "We are committed to improving productivity year on year and our officers will keep "
        "productivity under review.\n"
    )
    assert not code_text(text).states_measurement


def test_a_heading_block_that_runs_on_into_the_next_is_read_as_one_sentence():
    """A PDF table cell's first line, taken by the parser for a heading, ends on a function
    word; the sentence it starts is read whole."""
    from productivity_plans.coding.passages import passages_from_parsed
    from productivity_plans.ingest.records import Block, BlockKind, ParsedDocument

    text = (
        "Councils spend large sums preparing competitive bids for\n"
        "small pots. Our last bid cost us £100,000.\n"
    )
    first = text.index("\n") + 1
    parsed = ParsedDocument(
        text=text,
        pages=[],
        blocks=[
            Block(BlockKind.HEADING, 1, 0, first - 1),
            Block(BlockKind.PARAGRAPH, 1, first, len(text) - 1),
        ],
        parser="test",
        parser_version="0",
    )
    [passage] = passages_from_parsed(parsed)
    assert passage.text.startswith("Councils spend") and passage.text.endswith("£100,000.")


def test_costs_that_compare_well_are_a_result_not_a_way_of_measuring():
    text = "Our costs compare well with other Hampshire districts.\n"
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Each settlement told us what we would get for twelve months and nothing beyond.",
            "single_year_settlements",
        ),
        ("Needs assessments still rest on data from the early 2010s.", "funding_formula"),
        (
            "Our bids to national funds each cost between £20,000 and £60,000 to prepare.",
            "competitive_bidding",
        ),
        (
            "Our grants come with a narrow purpose and stop us pooling money.",
            "ringfenced_grants",
        ),
        (
            "Bring the dozens of small pots for housing into one allocation.",
            "ringfenced_grants",
        ),
        (
            "The new duty to collect food waste will cost us £900,000 a year, and only the "
            "vehicles have been paid for.",
            "new_burdens_unfunded",
        ),
        (
            "Responsibilities continue to be passed to councils without an assessment of cost.",
            "new_burdens_unfunded",
        ),
        (
            "A planner can earn a third more in the private sector, and our adverts attracted no "
            "suitable applicants.",
            "recruitment_retention",
        ),
        (
            "The NHS holds the information but is not permitted to pass it to us.",
            "data_sharing_restrictions",
        ),
        (
            "Clearer guidance on lawful data sharing would let us act earlier.",
            "data_sharing_restrictions",
        ),
        (
            "We would need a referendum to raise an extra £10 on a Band D bill.",
            "council_tax_referendum_limits",
        ),
        (
            "A child's placement in an unregistered home could cost more than our entire parks "
            "budget.",
            "social_care_demand",
        ),
        (
            "The nightly rate for a room has climbed faster than any subsidy we can reclaim.",
            "housing_temporary_accommodation",
        ),
        (
            "We ask that the rules on public procurement be simplified for small contracts.",
            "procurement_rules",
        ),
    ],
)
def test_still_more_barriers_told_by_their_effect_on_the_council_are_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Our annual residents' survey asks whether issues were sorted first time, and we treat "
        "the share who say yes as our measure of productivity.",
        "We will know the plan is working if the time from first contact to the case being "
        "closed falls by a quarter.",
    ],
)
def test_treating_a_result_as_the_measure_and_a_target_we_will_know_by_say_how(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_answering_how_we_know_with_a_rank_among_peers_says_how_a_council_measures():
    text = (
        "How do we know we are more productive? Because our spend per head on corporate "
        "services is now the fourth lowest among the 36 metropolitan boroughs.\n"
    )
    assert code_text(text).states_measurement


def test_a_performance_framework_being_developed_is_no_measure_yet():
    text = "A new performance framework is being developed and will go to Cabinet.\n"
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        ("Care workers are hard to find and keep in rural areas.", "recruitment_retention"),
        ("We go cap in hand, writing bid after bid.", "competitive_bidding"),
    ],
)
def test_staff_hard_to_find_and_bid_after_bid_are_named(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Spend per resident, set against the average for similar councils, is one way we judge "
        "whether we are lean.",
        "External inspection and the auditor's value-for-money report are the tests we use of "
        "whether money is well spent.",
        "Regular mystery shopping of the customer service centre tells us how well we deal with "
        "callers.",
        "Missed bins per thousand collections are now reported monthly so that we can see "
        "whether the new rounds are working.",
        "We use our budget and performance frameworks to monitor our efficiency.",
    ],
)
def test_naming_the_test_the_council_uses_or_a_figure_reported_to_see_if_it_works(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Our performance management framework is mature and makes sure performance is "
        "reported to councillors.",
        "Delivery of the corporate plan is monitored by the Executive and scrutinised by the "
        "Overview and Scrutiny Committee.",
        "Service performance is overseen by the Performance Board.",
        "The key performance indicators are refreshed each year so that they remain relevant.",
    ],
)
def test_a_performance_framework_named_alone_oversight_or_keeping_indicators_current_is_no_measure(
    sentence,
):
    """Governance of performance says who watches it, not what is measured (docs/coding.md,
    "Round 14")."""
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We only learn what we will be given for next year a week before Christmas.",
            "single_year_settlements",
        ),
        (
            "While the shape of the fair funding review is still unclear we are planning for three "
            "different scenarios.",
            "funding_uncertainty",
        ),
        (
            "Delays to the reform of local government finance leave our income beyond next year "
            "uncertain.",
            "funding_uncertainty",
        ),
        ("The council cannot be confident of its income after March 2025.", "funding_uncertainty"),
        (
            "Put plainly, the money is not there: we need an additional £6m a year just to keep "
            "services running.",
            "insufficient_funding",
        ),
        (
            "Money is shared out between councils using census figures from 2011, so we are funded "
            "for a town that has since grown by a fifth.",
            "funding_formula",
        ),
        (
            "The long delay in reviewing how funding is divided between councils hurts growing "
            "areas.",
            "funding_formula",
        ),
        (
            "The roll-out of the new inspection regime arrived with no extra funding for the "
            "officers it needs.",
            "new_burdens_unfunded",
        ),
        (
            "We were told to take on the new licensing duties without any additional funding.",
            "new_burdens_unfunded",
        ),
        (
            "Weekly food waste collections will cost us far more than the grant on offer.",
            "new_burdens_unfunded",
        ),
        (
            "Our council tax system was installed in the 1990s and its supplier will end support "
            "next spring.",
            "legacy_it_systems",
        ),
        (
            "HMRC holds the income data, yet we cannot see which households qualify for help.",
            "data_sharing_restrictions",
        ),
        (
            "Agreeing one data-sharing protocol with the hospital trust took eleven months.",
            "data_sharing_restrictions",
        ),
        (
            "Residents, not Whitehall, should decide their council tax, without the threat of a "
            "referendum.",
            "council_tax_referendum_limits",
        ),
        (
            "If a reset takes the business rates growth we have earned and hands it to others, no "
            "council will want to back development.",
            "business_rates_reset",
        ),
        (
            "The number of residents over 80 who need care at home has gone up by a third.",
            "social_care_demand",
        ),
        (
            "Changes to the planning system keep coming faster than our fees can pay for them.",
            "planning_system",
        ),
        (
            "A routine tender for a small cleaning contract took six months under rules written "
            "for government departments rather than district councils.",
            "procurement_rules",
        ),
        (
            "Bidding for small pots of money costs us more than some of the awards are worth.",
            "competitive_bidding",
        ),
        (
            "Give us capital on a formula over several years rather than through competitions.",
            "competitive_bidding",
        ),
        (
            "Our planners leave because we cannot compete with what the private sector pays.",
            "recruitment_retention",
        ),
        (
            "The Council has real difficulty hiring environmental health officers.",
            "recruitment_retention",
        ),
        (
            "The volume of returns and grant claims for separate departments absorbs much of our "
            "finance team's time.",
            "regulation_reporting_burden",
        ),
    ],
)
def test_barriers_told_by_their_effect_in_further_words(sentence, barrier):
    """Paraphrase rules written after blind round 14 (docs/coding.md, "Round 14")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The high needs block of the Dedicated Schools Grant is £41m in 2024/25.",
        "Average days to complete an education, health and care needs assessment fell to 14 "
        "weeks, a difficult target we met.",
        "We are reviewing our rounds ahead of the introduction of food waste collections.",
    ],
)
def test_a_budget_figure_a_childs_needs_assessment_or_a_new_service_named_is_no_barrier(
    sentence,
):
    assert not code_text(sentence + "\n").barrier_ids, sentence


def test_funding_reform_whose_outcome_is_unknown_is_uncertainty_not_the_formula():
    text = "With the outcome of funding reform still unknown we must model several scenarios.\n"
    assert code_text(text).barrier_ids == ["funding_uncertainty"]


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "The allocations never arrive until the week before Christmas.",
            "single_year_settlements",
        ),
        (
            "We are told what we will get only weeks before we set the budget, and never for more "
            "than a year at a time.",
            "single_year_settlements",
        ),
        (
            "Not knowing what, if anything, will replace the rural services grant leaves a gap we "
            "cannot plan for.",
            "funding_uncertainty",
        ),
        (
            "There is no more fat to trim; what we need is a fair level of funding.",
            "insufficient_funding",
        ),
        ("The grant we receive buys far less than it did a decade ago.", "insufficient_funding"),
        (
            "The assessment of need behind our share was last updated over a decade ago.",
            "funding_formula",
        ),
        ("We want an end to the beauty parade for capital funding.", "competitive_bidding"),
        (
            "The flood grant is tied to specific schemes, so we cannot move it to where it is "
            "needed.",
            "ringfenced_grants",
        ),
        (
            "The new duty has come with funding that covers barely half the cost.",
            "new_burdens_unfunded",
        ),
        (
            "Members noted that the adult care budget was growing faster than any other.",
            "social_care_demand",
        ),
        ("Taking pupils to school now costs more than we spend on our parks.", "send_costs"),
        (
            "Each family placed in a hotel costs us around £20,000 a year.",
            "housing_temporary_accommodation",
        ),
        (
            "Applications that should take eight weeks now take six months because of nutrient "
            "neutrality.",
            "planning_system",
        ),
        ("Homes are stuck in the planning system because of water neutrality.", "planning_system"),
        (
            "Running a full tender for a small contract is not a good use of anyone's time.",
            "procurement_rules",
        ),
    ],
)
def test_barriers_told_in_a_thirteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 15 (docs/coding.md, "Round 15")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_working_hard_to_attract_growth_is_no_recruitment_barrier():
    text = "Business rates growth we have worked hard to attract could be lost at a reset.\n"
    assert "recruitment_retention" not in code_text(text).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff fill in a short quarterly pulse survey on wasted time, and the number of fixes "
        "is reported each month.",
        "How will we know? By the average time to answer a call and the percentage of "
        "requests resolved online.",
        "We will measure the success of this plan against the savings target in our budget.",
    ],
)
def test_a_survey_an_answer_to_how_will_we_know_or_measuring_against_a_target(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_welcoming_national_measures_is_no_measure_of_the_councils():
    text = "We would welcome a consistent national set of productivity measures.\n"
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Our share is still set using population figures from over a decade ago.",
            "funding_formula",
        ),
        ("The funding formula hasn't been updated since 2013.", "funding_formula"),
        (
            "Each new duty from Whitehall has arrived without the money needed to deliver it.",
            "new_burdens_unfunded",
        ),
        (
            "The cost of the new weekly food waste collections is well above the funding offered.",
            "new_burdens_unfunded",
        ),
        (
            "We cannot build retained growth into our budget with any confidence.",
            "funding_uncertainty",
        ),
        (
            "Because we cannot see beyond next April, we hold more in reserves than we need.",
            "funding_uncertainty",
        ),
        (
            "The money comes in small, short-lived pots that can only be spent on narrowly defined "
            "projects.",
            "ringfenced_grants",
        ),
        (
            "Government should give councils certainty over more than a single year.",
            "single_year_settlements",
        ),
        (
            "We only find out in December what we will receive the following April.",
            "single_year_settlements",
        ),
        (
            "Every new initiative seems to come with a bidding round and a monitoring return.",
            "regulation_reporting_burden",
        ),
        (
            "The plan notes the burden of the reporting requirements attached to small grants.",
            "regulation_reporting_burden",
        ),
        (
            "The plan names the growing volume of government data returns.",
            "regulation_reporting_burden",
        ),
    ],
)
def test_barriers_told_in_a_fourteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 16 (docs/coding.md, "Round 16")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_a_delayed_fair_funding_review_alone_is_the_formula_not_uncertainty():
    text = "The long-delayed Fair Funding Review leaves us with an allocation based on 2013 data.\n"
    assert "funding_uncertainty" not in code_text(text).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "Our annual residents' survey asks whether people think we give value for money.",
        "We will commission a review of our costs against comparable councils every three years.",
    ],
)
def test_a_survey_that_asks_and_costs_reviewed_against_comparable_councils_measure(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_a_framework_not_yet_developed_is_no_measure():
    text = "We have not yet developed a framework for measuring productivity.\n"
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We have set four budgets on a settlement that says nothing about the year after.",
            "single_year_settlements",
        ),
        (
            "There simply isn't enough money in the system to pay for the services we provide.",
            "insufficient_funding",
        ),
        ("Our core funding has been cut year after year since 2015.", "insufficient_funding"),
        ("There is only so far we can stretch a shrinking budget.", "insufficient_funding"),
        (
            "The district has taken far more than its fair share of the cuts.",
            "insufficient_funding",
        ),
        (
            "The way funding is divided between councils no longer matches what it costs to "
            "serve a rural area.",
            "funding_formula",
        ),
        (
            "The assessment of our relative needs uses census figures from 2011.",
            "funding_formula",
        ),
        (
            "Our last two bids to national regeneration funds produced nothing.",
            "competitive_bidding",
        ),
        (
            "Setting up a data-sharing agreement with the police took us nearly a year and a "
            "half of meetings, eighteen months in all.",
            "data_sharing_restrictions",
        ),
        (
            "Our benefits team cannot routinely access HMRC income data for the families it "
            "supports.",
            "data_sharing_restrictions",
        ),
        (
            "Our housing and revenues systems cannot talk to each other.",
            "legacy_it_systems",
        ),
        (
            "We have held a vacancy for a senior surveyor for over two years.",
            "recruitment_retention",
        ),
        (
            "We lost three social workers to authorities that could pay more.",
            "recruitment_retention",
        ),
        (
            "The new duty to collect food waste comes without any confirmation of the running "
            "costs government will meet.",
            "new_burdens_unfunded",
        ),
        ("This new duty needs to be fully funded.", "new_burdens_unfunded"),
        (
            "The future of the Services Grant beyond 2025/26 is unknown.",
            "funding_uncertainty",
        ),
        (
            "We cannot set a balanced medium-term budget on one year's figures.",
            "funding_uncertainty",
        ),
        (
            "Residents, not a referendum threshold set by ministers, should decide.",
            "council_tax_referendum_limits",
        ),
        (
            "The council tax cap means increases can never keep pace with our costs.",
            "council_tax_referendum_limits",
        ),
        (
            "A developer can appeal at no cost to itself while the council pays for its defence.",
            "planning_system",
        ),
        (
            "Councils should be allowed to keep the money they collect from planning fees.",
            "planning_system",
        ),
        (
            "Placing a household in a hotel now costs us more than renting a flat for a year.",
            "housing_temporary_accommodation",
        ),
        (
            "The cost of caring for older and disabled adults has grown faster than anything "
            "else we pay for.",
            "social_care_demand",
        ),
    ],
)
def test_barriers_told_in_a_fifteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 17 (docs/coding.md, "Round 17")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Agency staff costs fell by a fifth as permanent posts were filled.",
            "recruitment_retention",
        ),
        (
            "Shared data lets us find households at risk of homelessness early.",
            "housing_temporary_accommodation",
        ),
        (
            "Writing bids for pots of money takes up a disproportionate share of the team's time.",
            "funding_formula",
        ),
        (
            "We spent months writing bids for pots of money we had no guarantee of winning.",
            "ringfenced_grants",
        ),
    ],
)
def test_a_success_a_risk_or_a_teams_time_is_not_that_barrier(sentence, barrier):
    assert barrier not in code_text(sentence + "\n").barrier_ids, sentence


def test_the_items_of_a_list_led_in_by_the_councils_own_words_are_its_content():
    text = (
        "The plan follows the four headings set out by the Minister in his letter of April "
        "2024. Among the points it makes are:\n\n"
        "- the budget gap of £4 million by 2026/27, which the plan attributes to a decade of "
        "reductions in government funding that have not been reversed;\n"
        "- the sharp rise in homeless households placed in temporary accommodation, now "
        "costing over £900,000 a year against a budget of £250,000.\n"
    )
    assert {"insufficient_funding", "housing_temporary_accommodation"} <= set(
        code_text(text).barrier_ids
    )


def test_a_paragraphs_first_line_with_a_sentence_in_it_is_not_a_title():
    text = (
        "Temporary accommodation is the biggest pressure on our budget. We now house more\n"
        "2,000 households in it, and the net cost has risen from £6m to £28m in three years.\n"
    )
    assert "housing_temporary_accommodation" in code_text(text).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "We have no single productivity measure yet, but will introduce one next year based on "
        "the cost of each of our twenty commonest transactions.",
        "In children's services we follow the proportion of cases closed within twelve weeks.",
        "A review of the repairs service established a baseline of 31 days from report to "
        "completion.",
    ],
)
def test_a_measure_to_come_with_its_basis_a_proportion_followed_and_a_baseline_measure(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Value in public services is hard to measure, since much of what we do is prevention.",
        "Twelve grants, each with its own conditions and monitoring, take up the number of "
        "hours of two officers.",
    ],
)
def test_measuring_said_to_be_hard_or_a_grants_monitoring_is_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Our team spent three weeks on an application to a fund that was oversubscribed.",
            "competitive_bidding",
        ),
        (
            "The national programme was oversubscribed ten times over, and we were not funded.",
            "competitive_bidding",
        ),
        (
            "Combine the homelessness grants and the household support money into one flexible "
            "allocation.",
            "ringfenced_grants",
        ),
        (
            "The new recycling requirements bring running costs that no one has offered to meet.",
            "new_burdens_unfunded",
        ),
        (
            "We have received nothing towards the ongoing costs of the new inspection duties.",
            "new_burdens_unfunded",
        ),
        (
            "The new collection duties come with capital money but no confirmed revenue funding.",
            "new_burdens_unfunded",
        ),
        ("Larger authorities poach our trained planners.", "recruitment_retention"),
        (
            "Information governance rules mean our care staff cannot see the hospital's records.",
            "data_sharing_restrictions",
        ),
        (
            "HMRC data cannot be re-used to award our discounts automatically.",
            "data_sharing_restrictions",
        ),
        (
            "Tendering a small contract takes as long as tendering a large one.",
            "procurement_rules",
        ),
        (
            "We are placing families in hotels at around £120 a night.",
            "housing_temporary_accommodation",
        ),
        (
            "The way the government distributes funding has not been reviewed since 2013.",
            "funding_formula",
        ),
        (
            "We still rely on several ageing on-premises finance systems.",
            "legacy_it_systems",
        ),
        (
            "We cannot increase council tax by more than 2.99% without a referendum.",
            "council_tax_referendum_limits",
        ),
        (
            "Grants each with their own return to government take up officer time on returns.",
            "regulation_reporting_burden",
        ),
    ],
)
def test_barriers_told_in_a_sixteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 18 (docs/coding.md, "Round 18")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_fewer_temporary_accommodation_placements_are_a_success_not_a_barrier():
    text = "Temporary accommodation placements fell from 140 to 90 over the year.\n"
    assert "housing_temporary_accommodation" not in code_text(text).barrier_ids


def test_a_table_of_measures_with_baselines_and_targets_is_a_measure():
    assert code_text("Measure | Baseline 2023/24 | Target 2025/26\n").states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We were given our settlement figures in late December, weeks before the budget.",
            "single_year_settlements",
        ),
        (
            "We cannot commit to a long contract when we only ever know our income a year ahead.",
            "single_year_settlements",
        ),
        (
            "We need a formula that reflects the real cost of serving a sparse rural area.",
            "funding_formula",
        ),
        (
            "The new safeguarding duty came with one year of funding, though it is permanent.",
            "new_burdens_unfunded",
        ),
        (
            "The collections become compulsory in 2026, with no confirmation of the revenue "
            "funding to run them.",
            "new_burdens_unfunded",
        ),
        (
            "Agency planners earn far more than our own staff, so experienced officers leave.",
            "recruitment_retention",
        ),
        (
            "Our housing benefit system was built in the 1990s and needs a bespoke fix from the "
            "supplier for every rule change.",
            "legacy_it_systems",
        ),
        (
            "We ask for routine access to Universal Credit data to award discounts automatically.",
            "data_sharing_restrictions",
        ),
        (
            "With a referendum required for any rise above the limit, we cannot raise enough.",
            "council_tax_referendum_limits",
        ),
        (
            "Speculative appeals have tied up our planning officers for months.",
            "planning_system",
        ),
        (
            "Without action on the cost of children's residential placements, we cannot balance "
            "the budget.",
            "social_care_demand",
        ),
    ],
)
def test_barriers_told_in_a_seventeenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 19 (docs/coding.md, "Round 19")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Repairs cost per job will be reported every three months against a 2023/24 baseline.",
        "We will publish a productivity index based on the real-terms cost of our services.",
    ],
)
def test_a_measure_reported_against_a_baseline_and_an_index_are_measures(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_saying_that_measuring_productivity_is_difficult_is_no_measure():
    text = "Measuring productivity in public services is notoriously difficult to do well.\n"
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "We have no idea what the next settlement will bring, yet we must set a three-year "
            "budget.",
            "funding_uncertainty",
        ),
        (
            "After inflation, the council has a quarter less to spend per resident than in 2015.",
            "insufficient_funding",
        ),
        (
            "Money from government has not kept up with the cost of running statutory services.",
            "insufficient_funding",
        ),
        (
            "Our costs have grown faster than government funding every year since 2016.",
            "insufficient_funding",
        ),
        (
            "The new tree-planting duty adds costs we have not been told will be funded.",
            "new_burdens_unfunded",
        ),
        (
            "The new licensing duty came with a grant that covers only a third of its cost.",
            "new_burdens_unfunded",
        ),
        (
            "The extra inspection requirements were imposed on councils with no additional "
            "funding.",
            "new_burdens_unfunded",
        ),
        (
            "New standards for council landlords arrived last year, and no additional money has "
            "been provided to meet them.",
            "new_burdens_unfunded",
        ),
        (
            "The new duties under the Act have brought costs for which the grant falls well short.",
            "new_burdens_unfunded",
        ),
        (
            "We re-advertised the post of senior surveyor three times before filling it with an "
            "interim.",
            "recruitment_retention",
        ),
        (
            "The service now relies on a locum at nearly double the salary of a permanent officer.",
            "recruitment_retention",
        ),
        (
            "Government should make it lawful for us to use HMRC data to award discounts "
            "automatically.",
            "data_sharing_restrictions",
        ),
        ("Demand for children's services has risen every year since 2019.", "social_care_demand"),
        (
            "The rule that stops us raising council tax by more than 2.99% without a referendum "
            "should go.",
            "council_tax_referendum_limits",
        ),
        (
            "Rises are capped at 2.99% without a referendum, which leaves us little room.",
            "council_tax_referendum_limits",
        ),
        ("We ask for greater freedom over local taxation.", "council_tax_referendum_limits"),
        (
            "Ministers could reduce the number of separate quarterly monitoring returns.",
            "regulation_reporting_burden",
        ),
        (
            "Grants are announced late and for a single year, so we cannot commit to longer "
            "contracts.",
            "single_year_settlements",
        ),
        (
            "Short-term pots of funding make it impossible to plan beyond a single year.",
            "single_year_settlements",
        ),
        (
            "We ask government for a long-term funding settlement for local government.",
            "single_year_settlements",
        ),
    ],
)
def test_barriers_told_in_an_eighteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 20 (docs/coding.md, "Round 20")."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # residents' budgets, not the council's
        "Households have less to spend than in 2019 because of rising prices.",
        # a budget fact: the rise taken, not the limit complained of
        "We raised council tax by 2.99%, the most allowed without a referendum.",
        # the council's own reporting streamlined
        "We reduced the number of reports to Cabinet by merging two of them.",
        # access already given is a success
        "The new system will allow us to use DWP data to identify eligible households.",
        "Spending on children's services fell for the second year running.",
        "The new food waste service is fully funded and will start in April.",
    ],
)
def test_a_households_budget_a_rise_taken_or_access_given_is_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # where indicators are kept
        "Key performance indicators are listed in each directorate's business plan.",
        # a result, not a way of measuring
        "Benchmarking shows that our costs compare favourably with similar councils.",
        "We benchmark favourably against other unitary authorities.",
        # a staff survey as listening
        "The staff survey tells us what our employees think about working here.",
        # measures still to come, recommended, or missing
        "A set of productivity measures was still being worked out when the plan was written.",
        "Members recommended that a small set of productivity indicators be included in the "
        "final plan.",
        "The Scrutiny Committee recommended that the final plan include measures with baselines.",
        "Members asked why the plan said so little about tracking results.",
    ],
)
def test_indicators_kept_somewhere_a_good_result_or_measures_still_wanted_are_no_measure(
    sentence,
):
    assert not code_text(sentence + "\n").states_measurement, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We benchmark our unit costs against comparable councils every year.",
        "Our KPIs, listed in the council plan, include average waiting time for repairs.",
    ],
)
def test_benchmarking_done_and_indicators_named_with_their_content_still_measure(sentence):
    assert code_text(sentence + "\n").states_measurement, sentence


def test_a_title_about_spending_money_well_introduces_the_wasteful_spend_heading():
    text = (
        "Spending public money well\n\n"
        "Every new contract over £50,000 goes to a panel of two directors before it is let.\n"
    )
    assert "wasteful_spend" in code_text(text).theme_ids


def test_vacancies_reviewed_and_buying_jointly_speak_of_wasteful_spend():
    text = "We review every vacancy before it is filled and buy jointly with our neighbours.\n"
    assert "wasteful_spend" in code_text(text).theme_ids


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Each spring officers are told to draw up fresh bids for capital pots that might "
            "never be awarded.",
            "competitive_bidding",
        ),
        (
            "Our three unsuccessful bids to the Active Travel Fund cost the transport team around "
            "six months of work.",
            "competitive_bidding",
        ),
        (
            "The planning team spent weeks of staff time bidding into the Shared Prosperity Fund.",
            "competitive_bidding",
        ),
        (
            "Money for high streets should be shared out to every town, not won in a competition.",
            "competitive_bidding",
        ),
        (
            "Any new responsibilities, such as the duty to inspect private rented homes, must come "
            "with full ongoing funding.",
            "new_burdens_unfunded",
        ),
        (
            "Legal restrictions stop us linking our housing benefit records with HMRC income data "
            "to target discounts.",
            "data_sharing_restrictions",
        ),
        (
            "Officers find it hard getting information from the NHS about residents leaving "
            "hospital.",
            "data_sharing_restrictions",
        ),
        (
            "The rules force a formal tendering exercise even on routine purchases of playground "
            "equipment.",
            "procurement_rules",
        ),
        (
            "Procurement law has added several months to the replacement of our refuse fleet.",
            "procurement_rules",
        ),
        (
            "Our final settlement was not confirmed until late January, weeks after the budget had "
            "been drafted.",
            "single_year_settlements",
        ),
        (
            "Ministers have yet to confirm whether the Household Support Fund will be extended "
            "beyond March.",
            "funding_uncertainty",
        ),
        (
            "Our adult skills allocation is still based on historic spending levels rather than "
            "current need.",
            "funding_formula",
        ),
        (
            "Since 2015 the borough has seen a bigger fall in its core funding than most London "
            "boroughs.",
            "funding_formula",
        ),
        (
            "Over the decade the council lost a quarter of its core spending power.",
            "insufficient_funding",
        ),
        (
            "The service could not attract enough qualified environmental health officers last "
            "year.",
            "recruitment_retention",
        ),
        (
            "Recruitment of building control surveyors, structural engineers and licensing "
            "officers in this part of the county remains extremely difficult.",
            "recruitment_retention",
        ),
        (
            "The cost of getting children with additional needs to school has risen by £3m in two "
            "years.",
            "send_costs",
        ),
        (
            "Members heard that emergency housing for homeless families is now the biggest threat "
            "to our financial stability.",
            "housing_temporary_accommodation",
        ),
    ],
)
def test_barriers_told_in_a_nineteenth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 21."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        # the uncertainty of bidding is the bidding barrier, not uncertain funding
        (
            "The cost and uncertainty of bidding for regeneration funds are a poor use of officer "
            "time.",
            "competitive_bidding",
            "funding_uncertainty",
        ),
        # the service whose data cannot be seen, or whose system is old, is only the setting
        (
            "We cannot yet see health records for residents in adult social care, which slows "
            "hospital discharge.",
            "data_sharing_restrictions",
            "social_care_demand",
        ),
        (
            "Our ageing housing register software cannot talk to the homelessness case system.",
            "legacy_it_systems",
            "housing_temporary_accommodation",
        ),
    ],
)
def test_bidding_uncertainty_and_a_data_or_systems_barriers_setting_name_only_that_barrier(
    sentence, named, not_named
):
    ids = code_text(sentence + "\n").barrier_ids
    assert named in ids and not_named not in ids, (sentence, ids)


@pytest.mark.parametrize(
    "sentence",
    [
        # a unit cost is a measure, not a rising cost
        "Our scorecard tracks the gross cost per children's social care case and the cost per "
        "household on the housing register.",
        # a settlement's date without complaint, a bid that later succeeded, a funded duty,
        # recruitment going well, a grant confirmed, a pressure that is the biggest in the budget
        "The final local government finance settlement was confirmed in February.",
        "An unsuccessful bid to the Towns Fund in 2021 was resubmitted and approved in 2023.",
        "The new food waste duty came with funding for its full running costs.",
        "Recruitment of apprentices has been a real success this year.",
        "Government has confirmed that the Services Grant will continue in 2025/26.",
        "Waste collection takes up a larger share of our budget than any other service.",
    ],
)
def test_a_unit_cost_a_settlement_date_or_a_bid_that_later_won_is_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # measures to be worked out with others
        "We will work with neighbouring districts and the LGA on a shared set of productivity "
        "indicators.",
        # what a performance report covers, told between commas, as it goes to a meeting
        "Our quarterly performance report, with 45 indicators on waste, housing and customer "
        "contact, is taken to the Executive.",
    ],
)
def test_measures_worked_out_with_others_or_a_report_going_to_a_meeting_are_no_measure(sentence):
    assert not code_text(sentence + "\n").states_measurement, sentence


def test_working_with_a_benchmarking_body_on_unit_costs_still_measures():
    sentence = "We work with APSE to benchmark the unit costs of our waste service."
    assert code_text(sentence + "\n").states_measurement


def test_a_performance_reports_name_as_an_agenda_title_is_no_title_about_measuring():
    text = (
        "Quarter 2 Performance Monitoring Report\n\n"
        "The Executive received a report setting out progress against the outcomes in the "
        "corporate plan for July to September.\n"
    )
    assert not code_text(text).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        (
            "Since 2018 we have not once received a settlement that ran for longer than a year.",
            "single_year_settlements",
        ),
        (
            "Settlements covering at least four years would let the county invest in prevention.",
            "single_year_settlements",
        ),
        (
            "The fate of the Rural Services Delivery Grant after this year is still in doubt.",
            "funding_uncertainty",
        ),
        (
            "The future of the Public Health Grant and of the Better Care Fund has remained "
            "unclear for three budget rounds.",
            "funding_uncertainty",
        ),
        (
            "We still do not know whether the Disabled Facilities and the Household Support "
            "allocations will continue next year.",
            "funding_uncertainty",
        ),
        (
            "Government should provide sustained new investment in frontline services.",
            "insufficient_funding",
        ),
        (
            "- Put substantially more money into councils' budgets for children's centres.",
            "insufficient_funding",
        ),
        (
            "We would ask HMRC to let councils see income data so that we can award free school "
            "meals automatically.",
            "data_sharing_restrictions",
        ),
        (
            "It would help if the DWP would let us match Pension Credit records against our "
            "council tax reduction caseload.",
            "data_sharing_restrictions",
        ),
        (
            "The Procurement Act means two sets of rules operating side by side until older "
            "contracts expire.",
            "procurement_rules",
        ),
        (
            "Smaller councils struggle to resource the extra training and notices the Procurement "
            "Act demands.",
            "procurement_rules",
        ),
        (
            "Extending licensing to every private landlord is a new duty whose grant will not "
            "meet the cost of the extra inspectors.",
            "new_burdens_unfunded",
        ),
        # a speaker's comment on what the plan should say is the speaker's point, not the
        # regime's request
        (
            "Councillor Patel said the plan should be clearer that the high needs deficit is now "
            "the council's largest financial risk.",
            "send_costs",
        ),
    ],
)
def test_barriers_told_in_a_twentieth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 22."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        # a new duty's own funding falling short is the unfunded burden, not underfunding
        (
            "Extending licensing to every private landlord is a new duty whose grant will not "
            "meet the cost of the extra inspectors.",
            "new_burdens_unfunded",
            "insufficient_funding",
        ),
        # the Act that brings an unfunded duty is its setting, not a complaint about procurement
        (
            "The Procurement Act and the new food waste duty both arrived without the money to "
            "carry them out.",
            "new_burdens_unfunded",
            "procurement_rules",
        ),
    ],
)
def test_a_new_duty_s_own_funding_and_the_act_that_brings_it_name_only_the_unfunded_burden(
    sentence, named, not_named
):
    ids = code_text(sentence + "\n").barrier_ids
    assert named in ids and not_named not in ids, (sentence, ids)


@pytest.mark.parametrize(
    "sentence",
    [
        # the council setting its own tax, with the social care precept as part of it
        "Next year the district's Band D charge will rise by £6.20, and the county's social "
        "care precept adds a further 2%.",
        "In April the average household's council tax will rise by 2.99 per cent, with the "
        "adult social care element set at 2 per cent.",
        # a department that has already agreed to share its data
        "The DWP agreed last year to let us use Universal Credit data for our discretionary "
        "housing payments.",
    ],
)
def test_a_council_tax_rise_set_or_data_access_already_given_is_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_the_items_of_a_list_led_in_by_an_ask_of_government_are_asks():
    asked = (
        "We would like the government to:\n\n"
        "- move to settlements over several years for district councils\n"
    )
    planned = (
        "Over the next year we will:\n\n"
        "- move to settlements over several years for district councils\n"
    )
    assert "single_year_settlements" in code_text(asked).barrier_ids
    assert code_text(planned).barrier_ids == []


def test_a_barrier_named_as_context_does_not_answer_a_barriers_section_that_only_restates():
    text = (
        "Productivity Plan\n\n"
        "1. Our district\n\n"
        "1.1 Looked-after children's placements now cost twice what they did in 2021 and are our "
        "largest single pressure.\n\n"
        "2. Transforming our services\n\n"
        "2.1 We merged our two contact centres into one in 2023, saving £400,000 a year.\n\n"
        "3. Barriers to productivity\n\n"
        "3.1 The Minister asked councils to describe the barriers that government could "
        "remove.\n"
    )
    codes = code_text(text)
    assert "social_care_demand" in codes.barrier_ids
    assert "barriers" not in [t.id for t in codes.themes]
    answered = text.replace(
        "3.1 The Minister asked councils to describe the barriers that government could remove.",
        "3.1 We ask government to return to multi-year settlements.",
    )
    assert "barriers" in [t.id for t in code_text(answered).themes]


@pytest.mark.parametrize(
    "sentence",
    [
        "Question three asks what barriers government could remove.",
        "The second heading asks how councils use technology and data.",
        "The plan should be agreed with members and published.",
    ],
)
def test_a_heading_told_by_what_it_asks_restates_the_requirement(rules, sentence):
    assert rules.restates(sentence), sentence


def test_a_speakers_comment_on_what_the_plan_should_say_is_no_restatement(rules):
    sentence = (
        "Members said the plan should be more explicit that temporary accommodation costs have "
        "tripled since 2021."
    )
    assert not rules.restates(sentence)


def test_measures_still_to_be_agreed_are_no_measure_but_measures_to_be_used_are():
    agreed = (
        "We will agree a small set of productivity indicators with the Cabinet member next spring."
    )
    used = "We will use the agreed indicators to report productivity to Cabinet each quarter."
    assert not code_text(agreed + "\n").states_measurement
    assert code_text(used + "\n").states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # not knowing future income, told in the past tense; no word of funding ahead
        (
            "The finance director warned that no one could say what the county's grant would be "
            "after the spending review.",
            "funding_uncertainty",
        ),
        (
            "With no information about our allocation beyond 2026, the ten-year capital "
            "programme is largely guesswork.",
            "funding_uncertainty",
        ),
        (
            "We have had no indication of grant levels after next March.",
            "funding_uncertainty",
        ),
        # staff turnover as a retention problem
        (
            "Staff turnover in our environmental health team rose to 31% in 2023/24.",
            "recruitment_retention",
        ),
        (
            "Persistently high turnover among our planning officers means applications are "
            "handed from one officer to another.",
            "recruitment_retention",
        ),
        (
            "Turnover of occupational therapists is the worst in the region and we cannot hold "
            "on to the people we train.",
            "recruitment_retention",
        ),
        # a burden told as the posts it takes
        (
            "Grant returns to five separate departments tie up the equivalent of three full-time "
            "officers in our finance team.",
            "regulation_reporting_burden",
        ),
        (
            "Every department wants its own quarterly return, and filling them in takes the "
            "equivalent of four posts.",
            "regulation_reporting_burden",
        ),
        (
            "We complete more than 50 statistical and grant returns for Whitehall every year.",
            "regulation_reporting_burden",
        ),
        # one cost larger than a whole budget
        (
            "A single out-of-area placement for a teenager now costs more than the entire budget "
            "for our leisure centres.",
            "social_care_demand",
        ),
        # a distribution that never recognised a cost; money shared out
        (
            "The way ministers hand out grant has never reflected the cost of serving scattered "
            "coastal villages.",
            "funding_formula",
        ),
        (
            "Funding shares have never properly recognised the cost of delivering services "
            "across the moors.",
            "funding_formula",
        ),
    ],
)
def test_barriers_told_in_a_twenty_first_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 23."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a national body's estimate, whatever its article, adjectives or lead-in
        "An independent think-tank has calculated that district councils face a shortfall of "
        "£900m by 2027.",
        "For context: a leading think-tank said this spring that social care faces a gap of "
        "several billion pounds.",
        # staff turnover down, or a business's turnover
        "Staff turnover fell to 9% last year, the lowest since 2015.",
        "Local businesses reported that turnover had risen by 12% since the market reopened.",
        # a success told in posts
        "Automating benefit claims saved the equivalent of six full-time posts.",
        # a tender as a point in time
        "The new catering contract started in April, after the last tender closed.",
    ],
)
def test_a_national_estimate_a_success_or_a_word_that_only_names_a_topic_is_no_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    ("text", "named", "not_named"),
    [
        # prices since the last tender are the transport's, not the procurement rules'
        (
            "Fares for pupils with special educational needs have gone up by 40% since the last "
            "tender.\n",
            "send_costs",
            "procurement_rules",
        ),
        # money given by formula is the remedy for bidding, not a complaint about the formula
        (
            "What government could do\n\nWe ask government to stop making districts bid against "
            "each other for small pots, and to pay the money by formula instead.\n",
            "competitive_bidding",
            "funding_formula",
        ),
        # grant returns are paperwork, not grants given a year at a time
        (
            "What government could do\n\nGrant monitoring. We submit 12 grant returns to the "
            "department each year.\n",
            "regulation_reporting_burden",
            "single_year_settlements",
        ),
    ],
)
def test_a_topic_named_only_as_a_time_a_remedy_or_paperwork_names_no_barrier(
    text, named, not_named
):
    ids = code_text(text).barrier_ids
    assert named in ids and not_named not in ids, (text, ids)


def test_a_service_named_in_an_it_systems_name_is_no_pressure_on_that_service():
    sentence = "We are replacing our ageing adult social care records system with a cloud product."
    assert code_text(sentence + "\n").barrier_ids == []


def test_a_formula_still_faulted_after_by_formula_names_the_formula():
    asked = (
        "What government could do\n\nWe ask that grant be allocated by a formula that reflects "
        "rural costs.\n"
    )
    faulted = "Grant is still allocated by a formula that ignores the cost of rural travel.\n"
    assert "funding_formula" in code_text(asked).barrier_ids
    assert "funding_formula" in code_text(faulted).barrier_ids


def test_many_departments_asking_for_returns_is_a_complaint_not_a_restatement(rules):
    assert not rules.restates(
        "Every department asks for its own data on the same households, and we re-enter it each "
        "time."
    )
    assert rules.restates("The department asked us to set out our plans by July.")


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # outputs set against inputs as a ratio
        ("Each team reports a ratio of outputs to inputs that managers review monthly.", True),
        ("We express productivity as cases closed divided by staff hours.", True),
        ("The service works out outputs divided by staff hours in every quarterly review.", True),
        # a ratio set aside is no measure
        (
            "A simple ratio of outputs to inputs would miss most of what the library service is "
            "for.",
            False,
        ),
        # the tax the council sets, compared, is a level of tax, not a way of measuring
        (
            "We compare our Band D council tax with the other Essex districts and remain below "
            "the average.",
            False,
        ),
        # the cost of collecting it is a measure
        ("We compare our council tax collection rate with our CIPFA nearest neighbours.", True),
        # a member's question about measures is a question; the answer given measures
        ("Councillor Ahmed asked whether productivity indicators would be published.", False),
        (
            "Members asked how productivity would be measured, and officers explained that unit "
            "costs are benchmarked against similar councils.",
            True,
        ),
        # a survey's question is a way of measuring
        (
            "Residents are asked whether they are satisfied, and the satisfaction rate is "
            "tracked each quarter.",
            True,
        ),
    ],
)
def test_ratios_of_outputs_a_tax_level_and_reported_questions(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # posts the council cannot fill, fills with agency cover, or pay it cannot match
        (
            "Nearly half of our environmental health officer posts are covered by agency staff.",
            "recruitment_retention",
        ),
        (
            "The district could not match the salaries offered by the water companies for "
            "drainage engineers.",
            "recruitment_retention",
        ),
        (
            "We still cannot fill building control and conservation officer posts after a year "
            "of trying.",
            "recruitment_retention",
        ),
        (
            "We compete with the county and two hospital trusts for qualified occupational "
            "therapists.",
            "recruitment_retention",
        ),
        # money lost from a government grant, however the grant is named
        (
            "The borough has lost £31m a year from its central government grant since 2012.",
            "insufficient_funding",
        ),
        # a new duty costing more than its funding; the ask that new duties be funded in full
        (
            "The new duty to inspect private rented homes will cost us more each year than the "
            "burdens grant we were given.",
            "new_burdens_unfunded",
        ),
        (
            "Ministers should fully fund the new responsibilities in the Renters Reform Act.",
            "new_burdens_unfunded",
        ),
        # rising numbers of children in a council's care
        (
            "The number of children in the council's care has grown by a fifth since 2021.",
            "social_care_demand",
        ),
        # endless rounds of bidding; bidding for small, named pots
        (
            "Officers are caught in a constant cycle of bids to one Whitehall fund after another.",
            "competitive_bidding",
        ),
        (
            "Members criticised the time spent bidding for small, short-lived pots.",
            "competitive_bidding",
        ),
        # funding that does not reflect an area's need or rurality is the formula
        (
            "Our grant fails to reflect the sparsity of a district with 90 parishes.",
            "funding_formula",
        ),
        # families placed in B&B or hotels at a cost in pounds
        (
            "Most nights we put up 40 households in hotels, costing more than £2m a year.",
            "housing_temporary_accommodation",
        ),
        # certainty asked about a named stream of money beyond a year
        (
            "We need certainty about our New Homes Bonus allocations after 2025.",
            "funding_uncertainty",
        ),
        # one cost larger than a whole programme
        (
            "Transport for pupils with special needs now costs more than our entire parks "
            "programme.",
            "send_costs",
        ),
    ],
)
def test_barriers_told_in_a_twenty_second_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 24."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # home-to-school transport named as a fact, with no word of trouble
        (
            "Home to school transport routes are planned by the passenger transport unit.",
            "send_costs",
        ),
        # the adult social care precept is tax, not care demand
        (
            "The referendum limit of 2.99% (plus 2% for adult social care) leaves us little room.",
            "social_care_demand",
        ),
        # funding that does not reflect need is the formula, not too little money
        (
            "Funding that does not reflect the age of our population.",
            "insufficient_funding",
        ),
        # a neutral count of children in care; a round of bidding that simply opens; no B&B
        ("There are 280 children in our care.", "social_care_demand"),
        ("The third round of bidding opens in May.", "competitive_bidding"),
        (
            "We have not placed any families in bed and breakfast since April.",
            "housing_temporary_accommodation",
        ),
        # a success in filling posts
        (
            "We filled all our social work posts with permanent staff this year.",
            "recruitment_retention",
        ),
    ],
)
def test_a_fact_a_precept_or_a_success_names_no_round_24_barrier(sentence, absent):
    assert absent not in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a unit cost or an output rate the council uses or reports
        ("For planning we use cost per application decided and decisions per case officer.", True),
        ("Each directorate reports its gross cost per client supported every quarter.", True),
        # measuring wished for and not begun; waiting on definitions; decided against a metric
        ("We hope to sign up to a regional benchmarking network next year.", False),
        (
            "Productivity indicators will be added to the corporate scorecard once definitions "
            "have been agreed.",
            False,
        ),
        ("The council has chosen not to set a single efficiency metric for all services.", False),
        # performance reported to a meeting through a named framework is governance
        (
            "Performance against the Corporate Plan is reported to the Executive every quarter "
            "through the Strategic Outcomes Framework.",
            False,
        ),
        # a framework said to hold targets still measures
        (
            "Performance is reported to Cabinet through our performance framework, which sets "
            "targets for every service.",
            True,
        ),
    ],
)
def test_unit_costs_used_measure_but_measures_wished_for_or_declined_do_not(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # a settlement that leaves officers days or weeks to set the budget
        (
            "Last winter the final settlement landed just before Christmas, leaving our finance "
            "team a fortnight to balance the budget.",
            "single_year_settlements",
        ),
        # no settlement beyond a single year
        (
            "Members regretted the absence of any multi-year settlement beyond a single year.",
            "single_year_settlements",
        ),
        # a budget gap told as the spread between the best and the worst case
        (
            "Our forecasts for 2026/27 show a gap of £3.4m between the best and worst outcomes.",
            "funding_uncertainty",
        ),
        # the lowest spending power per head; less to spend than in a past year; grant falling
        (
            "We have among the lowest core spending power per household of any shire district.",
            "insufficient_funding",
        ),
        (
            "The borough has less money to spend on each resident than it had in 2011.",
            "insufficient_funding",
        ),
        (
            "Since 2015 we have watched our core grant shrink year after year.",
            "insufficient_funding",
        ),
        (
            "Government grant to the county has fallen faster than to most metropolitan areas.",
            "insufficient_funding",
        ),
        # the case for a fairer share of the money
        (
            "The Mayor will keep pressing ministers for a fairer share of national funding for "
            "coastal towns.",
            "funding_formula",
        ),
        # a new requirement whose revenue funding government has not confirmed, even with a
        # decimal figure in between
        (
            "The new duty to provide free garden waste bins will cost us £1.2m to set up and "
            "the department has not confirmed any ongoing funding.",
            "new_burdens_unfunded",
        ),
        (
            "No revenue funding has been offered for the additional inspections the new "
            "regime brings.",
            "new_burdens_unfunded",
        ),
        # trouble hiring a profession; staff going to the private sector for more pay; scarcity
        (
            "Officers reported persistent problems recruiting building control surveyors.",
            "recruitment_retention",
        ),
        (
            "Our trainee engineers tend to go to the private sector for better salaries.",
            "recruitment_retention",
        ),
        (
            "Educational psychologists have become so scarce that statutory assessments are late.",
            "recruitment_retention",
        ),
        # partners reading data protection rules differently or too cautiously
        (
            "Joining our housing and hospital discharge records is held back by inconsistent "
            "interpretations of GDPR across the partnership.",
            "data_sharing_restrictions",
        ),
        # emergency housing and special needs transport named short, with a rise that keeps going
        (
            "The bill for emergency accommodation keeps rising month after month.",
            "housing_temporary_accommodation",
        ),
        (
            "Spending on special needs transport keeps going up faster than pupil numbers.",
            "send_costs",
        ),
    ],
)
def test_barriers_told_in_a_twenty_third_writers_kind_of_words(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # a settlement that arrives early enough, a modelled scenario without a spread
        (
            "The settlement arrived in early December, leaving us time to consult residents.",
            "single_year_settlements",
        ),
        ("The MTFS models three scenarios for 2025/26.", "funding_uncertainty"),
        # a grant that rose, a fair share of a cost the council pays, a success with staff
        ("Our core grant rose by 4% this year.", "insufficient_funding"),
        ("Each partner pays its fair share of the running costs.", "funding_formula"),
        (
            "Our graduate planners stay with us, and none went to the private sector last year.",
            "recruitment_retention",
        ),
        ("Staff time is a scarce resource and we protect it.", "recruitment_retention"),
        # emergency housing as a neutral fact; data protection training as a neutral fact
        (
            "We opened twelve units of emergency accommodation in May.",
            "housing_temporary_accommodation",
        ),
        (
            "All staff complete data protection training and our interpretation of the rules "
            "is reviewed by the DPO.",
            "data_sharing_restrictions",
        ),
    ],
)
def test_a_fact_a_success_or_an_early_settlement_names_no_round_25_barrier(sentence, absent):
    assert absent not in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # monitoring as a service the council runs is not measuring
        (
            "We cut the number of depots by a third and moved our community alarm monitoring "
            "to a shared control room.",
            False,
        ),
        # indicators reported, but which of them might show productivity still to be chosen
        (
            "Directorates report 36 service indicators every quarter and we will review which "
            "of them could show productivity.",
            False,
        ),
        # indicators reported and used still measure
        ("Directorates report 36 service indicators to the Executive every quarter.", True),
    ],
)
def test_service_monitoring_and_indicators_still_to_be_chosen_are_no_measure(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


def test_a_title_telling_how_the_council_is_changing_opens_heading_one():
    text = (
        "How we are changing\n\n"
        "Libraries and customer services now share buildings and one management team.\n"
    )
    assert code_text(text).theme_ids == ["transformation"]


def test_a_referendum_limit_capping_what_the_council_can_raise_names_the_limit():
    text = (
        "The referendum threshold limits how much the borough can raise from its own residents.\n"
    )
    assert "council_tax_referendum_limits" in code_text(text).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # a grant or a rate still frozen, unchanged or based on an old year's level
        (
            "Our rough sleeping outreach relies on a grant unchanged since 2018.",
            "housing_temporary_accommodation",
        ),
        # one cost larger than several other services put together
        (
            "Wanstead spends more on emergency accommodation than on its libraries, museums and "
            "sports centres put together.",
            "housing_temporary_accommodation",
        ),
        # a regime that brings extra notices, steps or paperwork
        (
            "The new procurement regime brings extra notices and publication steps to every "
            "contract we let, however small.",
            "procurement_rules",
        ),
        # money in pots that must be bid for, or awarded only through competitions
        (
            "Active travel money is mostly in pots that must be bid for, year after year.",
            "competitive_bidding",
        ),
        (
            "Capital grants for leisure centres are awarded only through competitions.",
            "competitive_bidding",
        ),
        # staff of a profession lost to agency work; a premium paid for interim or locum cover
        (
            "Our children's services have lost eleven qualified social workers to agency work in "
            "eighteen months.",
            "recruitment_retention",
        ),
        (
            "Covering vacant planning posts with interim staff carries a premium of roughly 40% on "
            "salary.",
            "recruitment_retention",
        ),
        # a funding system not reviewed for years, lost out under, or asked to be reformed
        (
            "The allocation methodology has not been properly revisited in eleven years.",
            "funding_formula",
        ),
        (
            "We urge ministers to reform the way that grant funding is distributed between "
            "authorities.",
            "funding_formula",
        ),
        # a small council held to the same monitoring as a large one; returns counted with their
        # kinds; a return for each small grant
        (
            "A district of 90,000 people faces the same monitoring requirements as a large county.",
            "regulation_reporting_burden",
        ),
        (
            "We complete over 60 statutory and quarterly returns each year.",
            "regulation_reporting_burden",
        ),
        (
            "We would like one return in place of the monitoring forms for each small grant.",
            "regulation_reporting_burden",
        ),
        # an information-sharing agreement that takes months
        (
            "Every information sharing agreement with the ambulance trust takes around four months "
            "to sign.",
            "data_sharing_restrictions",
        ),
        # a cost told, then its rise in a clause of its own
        (
            "Spending on residential placements for looked-after children, which has quadrupled "
            "over the decade, is our biggest risk.",
            "social_care_demand",
        ),
        # SEND with a word of trouble still names it
        ("Our SEND budget is under severe pressure from rising assessments.", "send_costs"),
    ],
)
def test_barriers_told_in_a_twenty_fourth_writers_kind_of_words(sentence, barrier):
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # SEND named as a team, a service or an offer is a fact, not a barrier
        ("The SEND team moved into the new civic offices in March.", "send_costs"),
        (
            "Special educational needs coordinators meet termly with the education welfare "
            "service.",
            "send_costs",
        ),
        # the council's own tax frozen; spending shifted to prevention; staff coming back
        (
            "Council tax was frozen at 2010 levels for three years under the freeze grant.",
            "council_tax_referendum_limits",
        ),
        (
            "We now spend more on preventing homelessness than on temporary accommodation.",
            "housing_temporary_accommodation",
        ),
        ("Two social workers returned to us from agency work this year.", "recruitment_retention"),
        ("The new procurement regime came into force in February 2025.", "procurement_rules"),
        ("We won £2m from the Levelling Up Fund in round two.", "competitive_bidding"),
    ],
)
def test_a_service_named_or_a_success_names_no_round_26_barrier(sentence, absent):
    assert absent not in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # others' ways of measuring still being studied are no measure
        (
            "We are looking at how neighbouring boroughs measure productivity and will bring "
            "options to members in the autumn.",
            False,
        ),
        # figures for a unit cost the council will publish are a measure told ahead
        (
            "We will publish baseline and quarterly figures for gross cost per tenancy sustained.",
            True,
        ),
    ],
)
def test_unit_cost_figures_to_be_published_measure_and_studying_others_does_not(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # grants folded into one allocation described by several words with commas
        (
            "We ask that the Public Health Grant and the Drug and Alcohol Treatment Grant be "
            "combined into one flexible, non-ring-fenced grant.",
            "ringfenced_grants",
        ),
        # the ask for fewer, larger allocations
        ("Funding: fewer, bigger and simpler grants in place of annual pots.", "ringfenced_grants"),
        (
            "Government should streamline the assurance and monitoring requirements attached to "
            "capital grants.",
            "regulation_reporting_burden",
        ),
        (
            "Compiling grant claims and returns for Whitehall takes the equivalent of three "
            "officers.",
            "regulation_reporting_burden",
        ),
        # new duties with only partial funding; the ask to fund the full costs of a new duty
        (
            "The new statutory duties on tenant satisfaction measures were only partly funded.",
            "new_burdens_unfunded",
        ),
        (
            "Government should meet the full ongoing costs of simpler recycling collections.",
            "new_burdens_unfunded",
        ),
        # a vacancy rate that has reached a figure; agency staff costing more than permanent ones
        (
            "The vacancy rate among our environmental health officers has risen to 31%.",
            "recruitment_retention",
        ),
        (
            "Locum planners cost us almost double what we pay a permanent officer.",
            "recruitment_retention",
        ),
        # data a department would share, or that may be used only for narrow purposes
        (
            "It would transform our debt advice if HMRC would share income data with councils.",
            "data_sharing_restrictions",
        ),
        (
            "NHS records can be accessed only for specific, pre-agreed purposes, so our "
            "reablement team works blind.",
            "data_sharing_restrictions",
        ),
        # bidding for a number of separate pots; the ask to end bidding
        (
            "Last year officers bid for nine separate capital funds from three departments.",
            "competitive_bidding",
        ),
        (
            "We ask ministers to end competitive bidding for regeneration money.",
            "competitive_bidding",
        ),
        # care costs told rising
        (
            "Residential care fees are rising well ahead of what the settlement allows.",
            "social_care_demand",
        ),
        # a member's view of how frank the council's own plan should be is the council's content
        (
            "Councillor Nwosu said the draft plan should be more candid about the unfunded "
            "cost of new duties.",
            "new_burdens_unfunded",
        ),
        (
            "The Cabinet Member said that the plan ought to be honest about the effect of "
            "one-year funding settlements on the budget.",
            "single_year_settlements",
        ),
    ],
)
def test_barriers_told_in_a_twenty_fifth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 27."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_each_ask_of_a_lettered_list_is_read_as_its_own_setting():
    sentence = (
        "We ask government to: (a) confirm funding beyond March; (b) fund the full costs of "
        "the new biodiversity net gain duty; and (c) tackle the high needs deficit."
    )
    named = code_text(sentence + "\n").barrier_ids
    assert "new_burdens_unfunded" in named and "send_costs" in named, named
    # in one clause the service stays the new duty's setting
    clause = "We ask government to fund the full costs of new duties for high needs pupils."
    assert "send_costs" not in code_text(clause + "\n").barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        # a settlement of several years received, as a fact
        "The council was given a three-year allocation of the Disabled Facilities Grant in "
        "2022, which paid for adaptations in 400 homes.",
        # a vacancy rate told as a fact, and agency use told without a comparison
        "The vacancy rate across the council is 6%.",
        "Agency staff covered two posts in the licensing team during the summer.",
        # data shared as a success
        "The DWP now shares Universal Credit data with us monthly under the new agreement.",
        # funds listed without their terms
        "The Shared Prosperity Fund and the Towns Fund each paid for a new market hall.",
    ],
)
def test_a_received_multi_year_settlement_or_a_neutral_staffing_fact_names_no_round_27_barrier(
    sentence,
):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_member_saying_what_the_plan_should_say_is_no_restatement():
    reported = (
        "The Deputy Leader said the plan needed to be frank about the one-year settlements "
        "that had left the council unable to plan."
    )
    assert "single_year_settlements" in code_text(reported + "\n").barrier_ids
    # the government's own request is still a restatement
    asked = "The Minister asked that plans be clear about how councils will use data."
    assert code_text(asked + "\n").barrier_ids == []


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a unit cost for outputs that a model gives or services report
        (
            "Our service costing model produces a unit cost for each transaction we handle.",
            True,
        ),
        ("Each directorate reports a unit cost for its key outputs to Cabinet.", True),
        ("Activity-based costing is used across the waste and parking services.", True),
        # a pointer to where the plan answers is no measure
        ("Chapter 5 of this document sets out our approach to assessing performance.", False),
        ("Appendix B describes the council's plans for measuring productivity.", False),
    ],
)
def test_unit_costs_for_outputs_measure_and_a_pointer_to_a_section_does_not(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # a late settlement leaving any number of weeks (in words) to set the budget
        (
            "The provisional figures came on 20 December, the settlement leaving our finance "
            "team nine weeks to balance the books.",
            "single_year_settlements",
        ),
        # not receiving, getting or being given enough money
        (
            "The Leader told members that the borough does not get enough funding to keep "
            "its libraries and leisure centres open.",
            "insufficient_funding",
        ),
        (
            "For a decade this county has not been given enough money to meet the needs of "
            "its residents.",
            "insufficient_funding",
        ),
        # a new duty that comes with no confirmed (or guaranteed) funding
        (
            "The new biodiversity duties arrived with no guaranteed funding for the districts "
            "that must carry them out.",
            "new_burdens_unfunded",
        ),
        # competing for a profession; staff lost to firms; employers who pay more
        (
            "Our building control team competes for surveyors with Exeter and with national "
            "engineering firms.",
            "recruitment_retention",
        ),
        (
            "We develop our own environmental health officers, only to lose them to private "
            "firms once they qualify.",
            "recruitment_retention",
        ),
        (
            "Neighbouring councils who pay a fifth more take our best accountants.",
            "recruitment_retention",
        ),
        # so many of the council's posts vacant
        (
            "Four of our nine occupational therapy posts remain vacant.",
            "recruitment_retention",
        ),
        # systems or suppliers that lock the council into contracts
        (
            "Our revenues and benefits software locks the council into a licence we cannot "
            "renegotiate.",
            "legacy_it_systems",
        ),
        (
            "We are locked into a housing management contract with a single supplier until 2029.",
            "legacy_it_systems",
        ),
        # money raised that falls short of a cost, with the referendum limit
        (
            "Under the referendum limit a 2.99% rise brings in less than the increase in our "
            "street lighting energy bill.",
            "council_tax_referendum_limits",
        ),
        # a cost told against a smaller sum of an earlier year
        (
            "Last year we paid £3.4m for bed and breakfast placements for homeless families, "
            "compared with £1.1m in 2018.",
            "housing_temporary_accommodation",
        ),
        # a count that has doubled, and a call on government in minutes
        (
            "Councillors heard that homelessness approaches had tripled and called on ministers "
            "to raise the housing benefit subsidy.",
            "housing_temporary_accommodation",
        ),
        # a sharp rise told by its verb, far from the cost
        (
            "The cost of transporting pupils with education, health and care plans to schools "
            "outside the county is spiralling.",
            "send_costs",
        ),
        # the funding system or formula that does not recognise a cost
        (
            "Sparse rural bus routes cost us more to support, a cost which the funding formula "
            "has never recognised.",
            "funding_formula",
        ),
    ],
)
def test_barriers_told_in_a_twenty_sixth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules and words of trouble written after blind round 28."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a cost that fell, or barely moved, against an earlier year
        "We spent £1.4m on temporary accommodation last year, compared with £2.0m in 2020.",
        "We spent £2.1m on temporary accommodation in 2023/24, compared with £2.0m in 2022/23.",
        # money raised as a fact, and a vacancy filled
        "The council tax rise raises £1.9m towards the capital programme.",
        "All of our planning posts were filled by September.",
        # competing for customers, not staff; a new duty funded
        "Our leisure centres compete for members with two private gyms in the town.",
        "The new food waste duty came with capital funding for 14 vehicles.",
        # a staffing success and a new system bought
        "We grow our own planners through an apprenticeship scheme with the university.",
        "We have moved to a cloud-based case management system this year.",
    ],
)
def test_a_fall_a_fact_or_a_success_names_no_round_28_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_rise_told_in_figures_needs_a_larger_later_sum():
    assert rise_told_in_figures("We paid £960,000 in 2023, against £410,000 in 2019.")
    assert not rise_told_in_figures("We paid £410,000 in 2023, against £960,000 in 2019.")
    assert not rise_told_in_figures("We paid £960,000 in 2023, against £900,000 last year.")


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # how staff feel, as a staff survey found it, is engagement
        ("Our 2024 employee survey found that 74% of colleagues feel valued at work.", False),
        ("The pulse survey shows most staff would recommend the council as an employer.", False),
        # a survey that is named a productivity measure still counts
        (
            "The share of staff who say in the annual survey that they have the tools to do "
            "their job is one of our productivity indicators.",
            True,
        ),
        # benchmarking still to be looked at is no measure
        ("The council will explore options for benchmarking with neighbouring districts.", False),
        ("We intend to look into benchmarking opportunities through the county network.", False),
        # benchmarking done is
        ("We benchmark our unit costs against our CIPFA nearest neighbours each year.", True),
        # returns to government, and the ask for fewer, are a reporting burden
        ("One combined quarterly return to government would save our finance team time.", False),
    ],
)
def test_staff_engagement_benchmarking_to_explore_and_returns_to_government_are_no_measure(
    sentence, measure
):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


def test_a_passage_that_only_points_elsewhere_and_declines_answers_no_heading():
    declined = (
        "2. Technology and data\n\n"
        "2.1 Our plans for digital services are set out in the Smarter Harrogate strategy. "
        "There is nothing more to add here at present.\n"
    )
    assert "technology_data" not in [t.id for t in code_text(declined).themes]
    # a pointer with the council's own content still answers
    answered = (
        "2. Technology and data\n\n"
        "2.1 Our plans for digital services are set out in the Smarter Harrogate strategy. "
        "Since 2022 we have moved 40 forms online and automated council tax direct debits.\n"
    )
    assert "technology_data" in [t.id for t in code_text(answered).themes]


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # a rise told before the referendum it triggers (a decimal point does not end the reach)
        (
            "Anything over 4.99% would mean holding a referendum, so the county cannot close "
            "the gap from its own taxpayers.",
            "council_tax_referendum_limits",
        ),
        # money a capped rise can raise, told after a modal ("can raise less than")
        (
            "With a Band D charge of £190, the most a referendum-free rise could raise is less "
            "than the inflation on our leisure contract.",
            "council_tax_referendum_limits",
        ),
        # a threshold that has not moved with inflation, as a word of trouble
        (
            "Our contract standing orders follow tendering thresholds that have not been uprated "
            "with inflation since they were set.",
            "procurement_rules",
        ),
        # a new collection whose running cost has not been funded (not general underfunding)
        (
            "We support the roll-out of separate garden waste collections, but the running cost "
            "of about £420,000 has not been funded.",
            "new_burdens_unfunded",
        ),
        # the ask that government say when a funding reform will come; knowing where we stand
        (
            "We urge ministers to confirm whether the needs review will go ahead in 2026.",
            "funding_uncertainty",
        ),
        (
            "Councils need a decision on the future of the grant so that they know where they "
            "stand.",
            "funding_uncertainty",
        ),
        # funding that has fallen behind inflation
        (
            "Councillor Amis said the borough's core grant had fallen well behind inflation "
            "since 2015.",
            "insufficient_funding",
        ),
        # a system told years old after a clause about it
        (
            "Our revenues system, bought jointly with two other districts, is now over twelve "
            "years old and slows every change we make.",
            "legacy_it_systems",
        ),
        # staff of a profession lost to neighbouring councils or the private sector
        (
            "We keep losing qualified environmental health officers to neighbouring boroughs.",
            "recruitment_retention",
        ),
        # the ask for guidance on what data may be shared
        (
            "We would welcome clearer rules on what information can be shared with the NHS.",
            "data_sharing_restrictions",
        ),
    ],
)
def test_barriers_told_in_a_twenty_seventh_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules and words of trouble written after blind round 29."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_a_new_collections_unfunded_cost_is_the_new_burden_not_underfunding():
    sentence = (
        "Extending collections to flats is right, but the revenue cost of £310,000 a year has "
        "not been funded and the grant does not cover the bins we need.\n"
    )
    found = code_text(sentence).barrier_ids
    assert "new_burdens_unfunded" in found and "insufficient_funding" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        # a rise within the limit, and a referendum held, as facts
        "We raised council tax by 2.99 per cent this year, within the limit.",
        "A parish referendum on the neighbourhood plan was held in May.",
        # a new collection funded; an old system replaced
        "The roll-out of weekly food waste collections was funded in full by Defra.",
        "Our payroll moved to a hosted system in 2022, retiring servers that were nine years old.",
        # the date of a settlement told as a fact
        "Ministers will confirm when the provisional settlement is published.",
        # staff moving on as a fact, and guidance received
        "Two officers left to join neighbouring boroughs on promotion this year.",
        "The Information Commissioner's guidance on what may be shared is on our intranet.",
        # time spent each year, as a fact
        "Members spend time each year visiting every ward.",
    ],
)
def test_a_fact_or_a_success_names_no_round_29_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # time spent each year is how often, not timing
        ("Officers spend time every quarter chasing partners for their contributions.", False),
        ("We timed each stage of a licence application before redesigning it.", True),
        # a view of what the plan should say about measuring is no measure
        (
            "Members felt the report ought to explain more clearly how the Council measures its "
            "productivity.",
            False,
        ),
        # a measure for the whole sector, missing or wished for, is no measure of the council's
        (
            "There is still no nationally agreed measure of productivity for local government.",
            False,
        ),
        # data others will publish
        (
            "Unit cost comparisons for every council are to be published by the Office for Local "
            "Government next year.",
            False,
        ),
        # a survey's result told as a share of opinion is a result
        ("The residents' survey showed 58% believe the council spends money wisely.", False),
        # the survey that asks, used as a measure, still counts
        (
            "Our annual residents' survey asks whether we give value for money, and the share "
            "agreeing is our headline measure.",
            True,
        ),
    ],
)
def test_frequency_wishes_national_measures_and_survey_results_are_no_measure(sentence, measure):
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a return on a change worked out as benefits (or savings) divided by its cost
        (
            "For each digital project we work out a payback figure: the annual savings divided by "
            "the investment, checked again a year after go-live.",
            True,
        ),
        # a framework that looks at quantities measures; the framework named alone does not
        (
            "Our efficiency framework looks at spend per resident, cases closed per officer and "
            "complaints upheld.",
            True,
        ),
        ("Our efficiency framework was refreshed by Cabinet last spring.", False),
        # a count of indicators that span everything, with nothing said of what they measure
        ("The Council Plan contains 85 indicators covering all directorates.", False),
        ("Our performance framework has over 70 KPIs across every service area.", False),
        # what they cover said: still a measure
        (
            "Our scorecard holds 20 indicators covering cost, speed and quality for each service, "
            "compared every year with similar districts.",
            True,
        ),
        # a body's review of how productivity is measured, to come
        (
            "The Audit and Governance Committee will consider how performance is measured when "
            "it meets in March.",
            False,
        ),
        # an action plan's row to develop measures
        (
            "Action | Owner | Date\nDevise efficiency indicators with the district partnership | "
            "Head of Policy | March 2025",
            False,
        ),
        # a national rate described in a glossary
        (
            "CTR Council Tax Reduction, the rate used to calculate support for low-income "
            "households.",
            False,
        ),
        (
            "LHA Local Housing Allowance, the figure used by DWP to work out rent allowances for "
            "private tenants.",
            False,
        ),
    ],
)
def test_ratios_frameworks_that_look_at_quantities_and_inventories_of_indicators(sentence, measure):
    """Measurement rules written after blind round 30."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # an allocation learned weeks before the budget (told in the past)
        (
            "The finance portfolio holder said the borough learnt its grant allocation only four "
            "weeks before the budget meeting.",
            "single_year_settlements",
        ),
        # the sum a capped rise raises, in pounds, short of a cost
        (
            "Under the referendum limit a 1.99% rise yields just £84,000, less than the increase "
            "in our street lighting energy bill.",
            "council_tax_referendum_limits",
        ),
        # money spent, in pounds, on putting families up in hotels or B&B
        (
            "We are paying £45,000 a week putting homeless families up in hotels across the "
            "county.",
            "housing_temporary_accommodation",
        ),
        # years or a decade of cuts
        (
            "A decade of cuts means the leisure service now runs with half the staff it had.",
            "insufficient_funding",
        ),
        (
            "After twelve successive years of austerity, councillors said, the district has no "
            "reserves left to draw on.",
            "insufficient_funding",
        ),
        # many grants each won through a competition
        (
            "Our town centre work depends on seven separate funds, each awarded through a national "
            "competition with different deadlines.",
            "competitive_bidding",
        ),
        # could not recruit or keep
        (
            "The county's libraries could not recruit or keep qualified archivists last year.",
            "recruitment_retention",
        ),
        # a budget that has not kept pace; efficiencies alone that cannot close the gap
        (
            "Demand for bin collections rises with every new estate, on a budget that has not kept "
            "pace.",
            "insufficient_funding",
        ),
        (
            "Efficiency savings on their own cannot close a shortfall of this scale.",
            "insufficient_funding",
        ),
        # better data sharing asked for as what would help
        (
            "Easier sharing of records with health visitors would let our early help team act "
            "sooner.",
            "data_sharing_restrictions",
        ),
    ],
)
def test_barriers_told_in_a_twenty_eighth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 30."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a commentator named with an appositive, and the commentator's quote given to "she"
        "Priya Shah, an analyst at a London-based think tank, said short-term settlements hold "
        "councils back.",
        "An economist for an independent think tank said annual settlements make planning hard. "
        '"Every council tells us the same," she said.',
        # one grant won in a competition, as a success
        "The new skate park was paid for by a grant awarded through a national competition.",
        # a rise and what it raises, as a fact
        "A 2.99% rise raises £1.2 million for services next year.",
        # a year of savings, a past cut as a fact, residents' reports
        "The year of savings delivered £3 million.",
        "Residents made 12,500 reports a month through the app, from fly-tipping to potholes.",
        # data sharing that works, told as a fact
        "Better data sharing with the police has already cut repeat call-outs.",
        # the council's own spending on hotels as a choice of venue
        "We spent £4,000 on hotels for the conference delegates.",
    ],
)
def test_a_commentator_a_success_or_a_fact_names_no_round_30_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_commentators_quote_given_to_a_pronoun_stays_the_commentators():
    text = (
        "Tom Reed, a researcher at a national think tank, said councils wanted longer settlements. "
        '"One-year settlements stop councils planning," he said.\n'
    )
    assert code_text(text).barrier_ids == []
    # the council's own voice after the commentator still names its barrier
    council = text + "\nOur one-year settlement left us unable to plan beyond March.\n"
    assert "single_year_settlements" in code_text(council).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # the figures a service reports on a schedule, called "numbers"
        (
            "Each directorate reports four numbers every month: spend, cases closed, backlog and "
            "days to decide.",
            True,
        ),
        # the prices the council sets, benchmarked when setting them, are a level of charges
        (
            "Car parking tariffs are compared with those of nearby towns before the budget is "
            "set; we compare our parking charges with other districts each autumn.",
            False,
        ),
        ("We benchmark our pest control fees against other unitary councils every year.", False),
        # costs benchmarked still measure
        ("We benchmark our cost per household of waste collection against similar councils.", True),
        # what a staff survey asks its staff, told alone, is listening to them
        (
            "Our biennial employee survey asks colleagues how supported they feel by their "
            "managers.",
            False,
        ),
        # the share agreeing, used as a measure, still counts
        (
            "The pulse survey asks staff whether systems help them work quickly; the share "
            "agreeing is one of our four productivity measures.",
            True,
        ),
        # the plan as it stands should have said more about measuring: a view, no measure
        (
            "One councillor felt the draft could have explained better how the authority would "
            "measure its productivity.",
            False,
        ),
        # an outcomes framework named alone among what a plan covers is governance ...
        (
            "The plan describes our new operating model and the Thrive outcomes framework.",
            False,
        ),
        # ... and measures when the council says what it holds
        (
            "Our outcomes framework sets indicators for each of the six priorities.",
            True,
        ),
    ],
)
def test_reported_numbers_measure_while_set_prices_staff_listening_and_named_frameworks_do_not(
    sentence, measure
):
    """Measurement rules written after blind round 31."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # a budget built on several scenarios because funding is unknown
        (
            "With the spending review still awaited, the budget strategy rests on two very "
            "different scenarios for grant income.",
            "funding_uncertainty",
        ),
        # no word of what will replace a grant
        (
            "There is no indication yet of what will replace the Services Grant after March.",
            "funding_uncertainty",
        ),
        # time taken told with "take" after a modal: an information-sharing agreement
        (
            "It can take eight months to agree a data-sharing agreement with each health partner.",
            "data_sharing_restrictions",
        ),
        # a budget cut by a share or a sum
        (
            "Successive governments have cut the borough's core funding by a third since 2011.",
            "insufficient_funding",
        ),
        # the council's share of the cuts larger than its share of need
        (
            "The district's share of grant reductions was bigger than its share of the national "
            "population.",
            "funding_formula",
        ),
        (
            "The district's share of grant reductions was bigger than its share of the national "
            "population.",
            "insufficient_funding",
        ),
        ("Across the region the more deprived boroughs have lost the most.", "funding_formula"),
        # costs that take all of a budget's growth
        (
            "Children's residential placements absorbed all of the increase in this year's net "
            "budget.",
            "social_care_demand",
        ),
        # full funding asked for new duties as a noun
        (
            "We are seeking full funding for any new statutory duties arising from the Renters' "
            "Reform Act.",
            "new_burdens_unfunded",
        ),
        # the limit on what a council can raise without a referendum
        (
            "Ministers should remove the cap on how much councils can raise without holding a "
            "referendum.",
            "council_tax_referendum_limits",
        ),
        # posts vacant for months or years
        (
            "Two of our three building control surveyor posts have been vacant for over eighteen "
            "months.",
            "recruitment_retention",
        ),
        # systems or applications told ageing and unsupported
        (
            "Our planning and licensing systems, bought by the former district councils, are now "
            "ageing and unsupported.",
            "legacy_it_systems",
        ),
        # a new duty the council does not expect to be funded
        (
            "New duties under the Victims and Prisoners Act will add work which we do not expect "
            "will be fully funded.",
            "new_burdens_unfunded",
        ),
    ],
)
def test_barriers_told_in_a_twenty_ninth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 31."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a research body named by its kind, about councils nationally
        "The Foundation's latest report found that councils nationally face a £2 billion gap.",
        # scenarios and time taken as neutral facts
        "The leisure review will take six months to complete.",
        "The climate plan models three different scenarios for carbon emissions.",
        # a share of growth that is not a cost's
        "Business rates growth accounted for most of the increase in income this year.",
        # a cut the council chose, as a fact
        "We reduced our office footprint by a third after the move to hybrid working.",
        # people ageing and unsupported, a building vacant for years
        "Many older residents in the rural wards are ageing and unsupported.",
        "The flat above the library has been vacant for two years.",
    ],
)
def test_a_research_body_a_fact_or_a_choice_names_no_round_31_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_short_item_of_an_ask_list_is_coded_however_short():
    text = "We ask the Government to provide:\n• Multi-year settlements\n• Fewer funding pots\n"
    assert "single_year_settlements" in code_text(text).barrier_ids
    # a short item of an ordinary list is still a label, coded for nothing
    menu = "Quick links:\n• Multi-year settlements\n• Council tax\n"
    assert code_text(menu).barrier_ids == []


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # the council naming its own measure of (in)efficiency
        (
            "Each housing repair is costed against a standard schedule of rates, and the variance "
            "is our measure of waste.",
            True,
        ),
        ("Cost per tonne collected is the council's main measure of efficiency.", True),
        # a performance report that reports against indicators and goes to a committee: governance
        (
            "The quarterly performance digest reports progress against the Borough Plan priorities "
            "and key performance indicators and is presented to Cabinet.",
            False,
        ),
        # indicators promised for a later meeting are still to come
        (
            "The Director said that productivity indicators would be brought back to a future "
            "meeting of the committee.",
            False,
        ),
        # an intention to measure or benchmark more, nothing said of what
        ("We plan to compare our services more widely in future.", False),
        ("The council aims to benchmark its performance better from next year.", False),
        # a measure named, even told as an aim, stays
        (
            "We benchmark cost per household of waste collection against our CIPFA nearest "
            "neighbours every year.",
            True,
        ),
        # the staff's opinion told as a share is a survey's result
        (
            "The latest employee survey showed 64% of colleagues feel they can suggest "
            "improvements to the way they work.",
            False,
        ),
        # a service review beside the productivity plan on an agenda assesses nothing
        (
            "Items tonight: the parks service review, the productivity plan and the treasury "
            "outturn.",
            False,
        ),
        # a service review of productivity still measures
        (
            "Each service review compares the productivity of the team with similar councils.",
            True,
        ),
    ],
)
def test_our_measure_of_waste_measures_while_reports_to_committee_and_measures_put_off_do_not(
    sentence, measure
):
    """Measurement rules written after blind round 32."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # funding that has fallen, its source named between
        (
            "Our revenue support grant from Whitehall has fallen by two-thirds since 2013.",
            "insufficient_funding",
        ),
        (
            "Councillor Pike said core grant from government had been cut by almost half.",
            "insufficient_funding",
        ),
        # demand risen while the money has not
        (
            "Referrals to our safeguarding team have doubled since 2019, but the funding for them "
            "has not.",
            "insufficient_funding",
        ),
        # vacant posts of a profession for months or years; pay the council cannot compete on
        (
            "Building control has carried three vacant surveyor posts for over a year.",
            "recruitment_retention",
        ),
        (
            "We cannot compete on pay with the engineering consultancies in the city.",
            "recruitment_retention",
        ),
        # waiting each year until the new year to learn the money
        (
            "Each winter our finance team has to wait until late December to learn what it will "
            "have to spend from April.",
            "single_year_settlements",
        ),
        # departments asking for the same information in different formats; a single return
        (
            "Three departments request the same data on homelessness in different templates.",
            "regulation_reporting_burden",
        ),
        (
            "A single annual data return would release weeks of officer time.",
            "regulation_reporting_burden",
        ),
    ],
)
def test_barriers_told_in_a_thirtieth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 32."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_a_planning_services_vacancies_are_recruitment_not_the_planning_system():
    sentence = (
        "Councillor Hale said the planning service had carried two vacant planning officer posts "
        "for more than a year because the Council could not compete on salaries with private "
        "firms, slowing decisions.\n"
    )
    assert code_text(sentence).barrier_ids == ["recruitment_retention"]
    # the planning system faulted beside the vacancies is still named, by its own rules
    both = (
        "Members said the planning system held back growth in the district and that the "
        "council could not match the salaries consultancies offer planners.\n"
    )
    assert code_text(both).barrier_ids == ["recruitment_retention", "planning_system"]
    fees = (
        "The planning service cannot recover its costs from nationally set fees, and it has "
        "carried two vacant planning officer posts for a year.\n"
    )
    assert code_text(fees).barrier_ids == ["recruitment_retention", "planning_system"]


def test_a_speakers_office_names_no_care_demand():
    sentence = (
        "The Cabinet Member for Children's Services, Education and Skills said home-to-school "
        "transport for pupils with special educational needs had risen by 40% in two years.\n"
    )
    assert code_text(sentence).barrier_ids == ["send_costs"]
    # the service's own demand, told by anyone, still names it
    told = "The Director said demand for children's social care has risen by a fifth.\n"
    assert "social_care_demand" in code_text(told).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        # the council giving grants and setting their conditions
        (
            "Members approved the community chest awards and delegated authority to the Head of "
            "Communities to agree grant conditions."
        ),
        # a gap closed, a gap of another kind
        "The gender pay gap has narrowed to 3.1% this year.",
        # funding that rose, and a fall that is not the council's money
        "Our grant from the Arts Council has grown by a fifth since 2022.",
        "Footfall in the town centre has fallen by a tenth since 2019.",
        # a post filled, a vacant building
        "The vacant shop units in the market hall were let within six months.",
        # waiting for something other than money
        "Residents waited until January to find out the new bin collection days.",
    ],
)
def test_a_fact_a_success_or_the_council_as_grant_giver_names_no_round_32_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # the council scoring or rating its services on something; a standard of councils like it
        (
            "The annual value-for-money review scores each service on cost, quality and resident "
            "satisfaction.",
            True,
        ),
        (
            "Our housing repair costs are judged against the upper quartile among comparable "
            "districts.",
            True,
        ),
        # measures, a scorecard or an approach still being built are measures to come
        (
            "We are currently designing a set of service productivity indicators with heads of "
            "service.",
            False,
        ),
        (
            "A performance scorecard for the leisure contract is being built and should be ready "
            "next spring.",
            False,
        ),
        (
            "The approach to measuring value for money, which finance officers are drafting, will "
            "go to the Audit Committee in the new year.",
            False,
        ),
        # what the coming measures are based on still says how the council will measure
        (
            "Officers are building a suite of indicators based on unit costs for the waste and "
            "parking services.",
            True,
        ),
        # a performance report said to cover the council's indicators, nothing said of what they
        # are, is reporting to members; one that tracks named quantities measures
        (
            "The six-monthly KPI report to the Overview Panel covers all of our key performance "
            "indicators.",
            False,
        ),
        (
            "The monthly performance report tracks cost per case and average processing times for "
            "each team.",
            True,
        ),
        # a tally of indicators against their targets is the report's result
        (
            "Of the 31 measures in the corporate scorecard, 24 were green and seven amber at year "
            "end.",
            False,
        ),
        # that no agreed measure of productivity exists, unless the council names its own after it
        (
            "We accept that there is no single recognised measure of productivity for councils.",
            False,
        ),
        (
            "There is no single agreed measure of productivity for a district, so we track cost "
            "per resident and the days taken to decide each application instead.",
            True,
        ),
        # work taken out of a process is a saving; working out a cost is measuring
        (
            "Automation has taken 9,000 hours of manual work out of the payroll process this year.",
            False,
        ),
        (
            "We work out the cost of each planning decision from the time officers record against "
            "it.",
            True,
        ),
    ],
)
def test_scoring_services_measures_while_measures_being_built_and_report_tallies_do_not(
    sentence, measure
):
    """Measurement rules written after blind round 33."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # nothing committed until the council knows its money, told in the third person
        (
            "The portfolio holder said nothing could be committed to the leisure centre until the "
            "authority knew how much grant it would receive from 2026.",
            "funding_uncertainty",
        ),
        # an extended entitlement funded at a rate below its cost
        (
            "The extended respite entitlement for carers is funded at a daily rate below what it "
            "costs us to arrange.",
            "new_burdens_unfunded",
        ),
        # a supplier withdrawing the product the council runs; systems near the end of support
        (
            "The vendor has discontinued the version of the housing management software we run.",
            "legacy_it_systems",
        ),
        (
            "Most of our line-of-business applications are nearing the end of vendor support.",
            "legacy_it_systems",
        ),
        # the spending review that sets a settlement's years
        (
            "The lack of a three-year spending review makes it difficult to plan.",
            "single_year_settlements",
        ),
        # vacancies of several professions carried for more than a year; other employers' pay
        (
            "We have carried vacancies for two environmental health officers, a licensing manager "
            "and a building surveyor for more than a year.",
            "recruitment_retention",
        ),
        (
            "The county competes with hospital and university salaries when it advertises social "
            "work posts.",
            "recruitment_retention",
        ),
    ],
)
def test_barriers_told_in_a_thirty_first_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 33."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_a_bids_uncertain_outcome_is_bidding_not_funding_uncertainty():
    sentence = (
        "Bidding for the Heritage Fund took six weeks of officer time, with no certainty of "
        "success.\n"
    )
    assert code_text(sentence).barrier_ids == ["competitive_bidding"]
    # uncertainty about the council's own funding, told beside no bid, still names it
    told = "We have no certainty about our funding after March 2026, so we cannot plan ahead.\n"
    assert "funding_uncertainty" in code_text(told).barrier_ids


@pytest.mark.parametrize(
    "sentence",
    [
        # a rise in what a service gets done is a gain
        (
            "The planning service increased the number of applications determined per officer by "
            "a fifth this year."
        ),
        # money won from pots, without anything said of their size or number
        "The council was awarded £2 million from two government funding pots for its town centre.",
        # a supplier withdrawing something other than a product; waiting for something other
        # than money; posts filled
        "The supplier has withdrawn its offer to extend the cleaning contract.",
        (
            "Until the council knew the outcome of the consultation, the depot scheme could not "
            "proceed."
        ),
        (
            "We have filled every vacancy in the planning team within three months for more than "
            "a year."
        ),
        # a scheme's rate the council sets itself
        "The new garden waste scheme is funded at a rate set by members each February.",
    ],
)
def test_a_success_a_pot_won_or_a_wait_for_news_names_no_round_33_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # the council left guessing what its money will be
        (
            "Years of talk about a new distribution system have left our finance team guessing "
            "at what the revenue support grant will be in 2027.",
            "funding_uncertainty",
        ),
        # knowing the funding for longer than one year; the settlement's year-by-year nature
        (
            "Councils need sight of their grant allocations for longer than a single year.",
            "single_year_settlements",
        ),
        (
            "The annual nature of the local government settlement stops us committing to a "
            "five-year depot replacement.",
            "single_year_settlements",
        ),
        # vacancies in a share of the posts; agency cover that costs more
        (
            "We carry vacancies in a fifth of our occupational therapist and housing officer "
            "posts.",
            "recruitment_retention",
        ),
        (
            "Agency building control surveyors who fill the gaps cost the council around 30% more.",
            "recruitment_retention",
        ),
        # care costs rising, told before the noun
        (
            "Soaring home care fees are the main reason the county expects to overspend.",
            "social_care_demand",
        ),
        # a duty funded for its set-up, not its running costs; the duties' examples at length
        (
            "The new garden waste requirement was funded for the bins and the new lorries but "
            "not for its ongoing running costs.",
            "new_burdens_unfunded",
        ),
        (
            "New duties such as licensing short-term holiday lets under the Levelling-up and "
            "Regeneration Act, and the tougher inspection standards for private rented homes, "
            "arrive with funding that does not cover what they cost.",
            "new_burdens_unfunded",
        ),
        # a legacy system named with the service's words between
        (
            "We ask for capital support to replace our legacy revenues and benefits systems.",
            "legacy_it_systems",
        ),
        # the ask to fold grants into the core settlement
        (
            "Government should fold the dozens of specific public health and homelessness grants "
            "into the core settlement.",
            "ringfenced_grants",
        ),
        # a cost that takes up a share of the whole budget
        (
            "The cost of residential placements for looked-after children now swallows a quarter "
            "of the county's entire budget.",
            "social_care_demand",
        ),
    ],
)
def test_barriers_told_in_a_thirty_second_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 34."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # government's stated plan of multi-year settlements, reported as a fact
        (
            "Ministers have announced that they plan to return to multi-year settlements from the "
            "next spending review."
        ),
        # a grant folded in, a fact; the council's own action about hard-to-fill posts
        "The council tax freeze grant was rolled into the core settlement in 2015.",
        (
            "Our new workforce plan offers apprenticeships and career grades in hard-to-fill "
            "professions."
        ),
        # an ERP system is finance software, not the planning system
        (
            "By March we will have replaced the old purchasing ledger with an enterprise "
            "resource planning system."
        ),
        # vacancies filled; a share of posts as a fact without vacancies
        "A quarter of our social work posts are now held by newly qualified staff.",
    ],
)
def test_a_fact_a_plan_or_the_councils_own_action_names_no_round_34_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_stated_plan_for_multi_year_settlements_doubted_is_still_a_barrier():
    sentence = (
        "The government has said it intends to give councils multi-year settlements, but it "
        "has said so every year since 2019.\n"
    )
    assert "single_year_settlements" in code_text(sentence).barrier_ids


def test_one_year_settlements_leave_uncertainty_as_their_consequence_not_a_second_barrier():
    sentence = (
        "Successive one-year settlements make it very hard to plan ahead for the leisure estate "
        "with any confidence.\n"
    )
    assert code_text(sentence).barrier_ids == ["single_year_settlements"]
    # a delayed funding reform is the setting of the uncertainty it creates
    delayed = (
        "The uncertainty caused by the repeated postponement of funding reform undermines our "
        "medium-term financial strategy.\n"
    )
    assert code_text(delayed).barrier_ids == ["funding_uncertainty"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # that measuring matters is an aim; what follows it is still read
        ("Members stressed the value of benchmarking our performance.", False),
        (
            "We understand the importance of measuring productivity, and we track the cost per "
            "repair completed in every housing patch.",
            True,
        ),
        # a dashboard to come once something else is live
        (
            "We plan to launch a service productivity dashboard once the new finance ledger is "
            "fully in place.",
            False,
        ),
        # a performance dashboard named alone; one that shows something
        ("Managers now draw on data from our new performance dashboards.", False),
        (
            "Our performance dashboard shows the average days to relet an empty council home.",
            True,
        ),
        # returns and monitoring reports government requires are a burden, not a measure
        (
            "The number of grant returns and monitoring reports required by separate government "
            "departments takes up officer time.",
            False,
        ),
    ],
)
def test_aims_dashboards_named_alone_or_to_come_and_returns_required_are_no_measure(
    sentence, measure
):
    """Measurement rules written after blind round 34."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


def test_a_barriers_section_that_defers_to_a_sector_response_answers_no_heading():
    text = (
        "6. Barriers\n\n"
        "We fed into the response of the County Councils Network and do not intend to add any "
        "further points here. We would be pleased to discuss these issues with officials.\n"
    )
    assert "barriers" not in [t.id for t in code_text(text).themes]


def test_a_numbered_paragraph_read_one_line_per_block_runs_on_into_the_next():
    """A two-column page reaches the coder one line per block: a numbered first line holding a
    sentence's end is running text, not a title, and its sentence is read whole."""
    from productivity_plans.coding.passages import passages_from_parsed
    from productivity_plans.ingest.records import Block, BlockKind, ParsedDocument

    text = "4.3 Recruitment. We cannot recruit enough\nsurveyors and lawyers.\n"
    first = text.index("\n") + 1
    parsed = ParsedDocument(
        text=text,
        pages=[],
        blocks=[
            Block(BlockKind.HEADING, 1, 0, first - 1),
            Block(BlockKind.PARAGRAPH, 1, first, len(text) - 1),
        ],
        parser="test",
        parser_version="0",
    )
    [passage] = passages_from_parsed(parsed)
    assert passage.text.startswith("4.3 Recruitment") and passage.text.endswith("lawyers.")


def test_an_item_whose_line_ends_on_a_preposition_wraps_onto_the_next():
    text = (
        "Barriers\n\n"
        "c) New duties. Duties such as the new inspections of care homes under\n"
        "Ofsted's framework come with funding that does not cover their cost.\n"
    )
    codes = code_text(text)
    assert len(codes.passages) == 1
    assert "new_burdens_unfunded" in codes.barrier_ids


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # servers (not only systems) out of support; an old system with a second fault joined
        # to it; an old system told with three of the service's words before "system"
        (
            "Two of our payroll servers are now out of support, and a failure would halt pay runs.",
            "legacy_it_systems",
        ),
        (
            "Old, disconnected systems in revenues and housing force staff to type the same "
            "details twice.",
            "legacy_it_systems",
        ),
        (
            "We still depend on an old social care finance system that officers must nurse along.",
            "legacy_it_systems",
        ),
        # no clarity or guidance on sharing data, the source named between; one record shared
        (
            "There is no clear guidance from government on sharing school attendance and "
            "children's services data with partners.",
            "data_sharing_restrictions",
        ),
        (
            "Until the hospital trust and the council can share one patient record, discharges "
            "will keep facing delays.",
            "data_sharing_restrictions",
        ),
        # less per head than other councils; the way councils are funded that never recognised a
        # cost; a funding system that does not understand one
        (
            "The borough receives less funding per resident than neighbouring councils with "
            "similar deprivation.",
            "funding_formula",
        ),
        (
            "How district councils are funded has never recognised the cost of serving scattered "
            "villages.",
            "funding_formula",
        ),
        (
            "The funding system does not understand the cost of running services on islands.",
            "funding_formula",
        ),
        # that savings alone could close the gap, told as what nobody should believe
        (
            "No one should believe that savings alone could close the gap we face.",
            "insufficient_funding",
        ),
        # competing for money of a named kind; money that must be bid for
        (
            "Each year our small team loses weeks competing for one-off capital funds.",
            "competitive_bidding",
        ),
        ("Money for cycling schemes must be bid for, round after round.", "competitive_bidding"),
        # the council's asks of government leading a list of its items
        (
            "Our key asks of the new government: (i) a four-year settlement from 2026/27; (ii) an "
            "end to bidding for capital funds.",
            "single_year_settlements",
        ),
        # funding asked for several years at a time, or rather than year to year
        (
            "We want grant funding confirmed for three years at a time.",
            "single_year_settlements",
        ),
        (
            "We asked for the public health allocation to be set over several years rather than "
            "year to year.",
            "single_year_settlements",
        ),
        # each of a counted number of grants for one purpose, with a word of trouble
        (
            "Each of the five grants we get for domestic abuse support is hard to combine with the "
            "others.",
            "ringfenced_grants",
        ),
    ],
)
def test_barriers_told_in_a_thirty_third_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 35."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


def test_funding_per_head_below_an_average_is_the_distribution_not_its_total():
    sentence = (
        "Our settlement funding per head sits well below the national average for metropolitan "
        "districts.\n"
    )
    assert code_text(sentence).barrier_ids == ["funding_formula"]
    # told against the past, it is funding that has fallen
    past = "Our funding per head is lower than it was in 2012, once inflation is counted.\n"
    assert "insufficient_funding" in code_text(past).barrier_ids


def test_each_item_of_a_semicolon_list_after_a_colon_is_its_own_barrier():
    """A service that is the setting of one item's barrier (care records that cannot be shared)
    is not the setting of another item's (the high needs deficit)."""
    sentence = (
        "Our main barriers are these: social care records that cannot be shared with the NHS; "
        "and the deficit in the high needs block, which keeps growing.\n"
    )
    assert {"data_sharing_restrictions", "send_costs"} <= set(code_text(sentence).barrier_ids)


@pytest.mark.parametrize(
    "sentence",
    [
        # an academic's view, told by their field
        (
            "Professor Amir Khan, a public finance academic at a northern university, said the "
            "formula was out of date."
        ),
        # buildings built in a past decade are not IT systems
        "The council's leisure centres, built in the 1970s, reopened after refurbishment in May.",
        # government's plans to be published, multi-year settlements among them, as a fact
        (
            "The government has said it will publish its plans for council funding, including "
            "multi-year settlements, in the spring."
        ),
        # more per head than others, and a counted number of grants spent as planned
        "We spend more per resident on libraries than similar councils.",
        # the council's own unit costs below its comparators' are a measure, not its funding
        "Our cost per household of street cleansing is £4 below the average of our comparators.",
        "We spend less per resident on back-office support than similar councils.",
        "Each of the three grants for town centres was spent in full by March.",
    ],
)
def test_a_view_a_building_or_a_plan_reported_names_no_round_35_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a pointer to the section that says how the council measures
        ("Section 3 describes how we measure productivity.", False),
        # a scorecard or a dashboard still to be explored
        ("We will explore options for a customer service scorecard next year.", False),
        # one to be developed that says what it will show still counts
        (
            "We will build a repairs dashboard this year showing the cost and time of each job.",
            True,
        ),
        # a review of the indicators a committee may take on
        (
            "Members considered whether to add a review of the council's performance indicators "
            "to the scrutiny work programme.",
            False,
        ),
        # a dashboard that shows a quantity still measures
        ("Our productivity dashboard shows the cost per case closed each month.", True),
    ],
)
def test_pointers_reviews_to_consider_and_scorecards_to_explore_are_no_measure(sentence, measure):
    """Measurement rules written after blind round 35."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # staff lost to councils that pay more, London boroughs among them
        (
            "We keep losing qualified occupational therapists to inner London boroughs that pay "
            "a weighting.",
            "recruitment_retention",
        ),
        # funding split into fragments; each grant with its own conditions or returns
        (
            "The fragmentation of grants for rough sleeping makes it hard to plan the service.",
            "ringfenced_grants",
        ),
        (
            "Each pot arrives with its own evaluation requirements, however little money it holds.",
            "ringfenced_grants",
        ),
        # a count of separate bids the council had to make; pots each with their own bidding rules
        (
            "Our regeneration team has had to prepare 35 separate bids since 2021.",
            "competitive_bidding",
        ),
        (
            "Heritage funding comes in many pots, each with its own application process and "
            "timetable.",
            "competitive_bidding",
        ),
        # short-term or late announcements of funding
        (
            "Last-minute grant announcements leave schools transport budgets unset until March.",
            "single_year_settlements",
        ),
        # a new service government requires, asked to be funded in full
        (
            "Ministers must fund the new mandatory recycling services fully from the first year.",
            "new_burdens_unfunded",
        ),
        # planning rules changed again and again
        (
            "Ministers revise national planning policy every year, and each revision stalls our "
            "local plan.",
            "planning_system",
        ),
        # the way councils like ours are funded told unfair; others given more per head
        (
            "The way districts like ours are funded remains unfair to coastal towns.",
            "funding_formula",
        ),
        (
            "The settlement gives metropolitan areas far more per head than we get for the same "
            "services.",
            "funding_formula",
        ),
        # "the way that" or "the way in which" money is shared out
        (
            "The way in which money is allocated to district councils no longer matches what our "
            "services cost.",
            "funding_formula",
        ),
        # the cap or the freezes that left the council with a low tax base
        (
            "A decade of council tax freezes has left this council with one of the lowest band D "
            "charges in the county.",
            "council_tax_referendum_limits",
        ),
        # the ask told as a short heading of its own
        ("Sustainable funding for children's social care.", "insufficient_funding"),
        # people receiving care, with a word of trouble
        (
            "The number of older people receiving home care has grown by a fifth since 2021.",
            "social_care_demand",
        ),
        # procurement rules out of proportion to what is bought
        (
            "Procurement regulations are disproportionate for purchases of a few thousand pounds.",
            "procurement_rules",
        ),
    ],
)
def test_barriers_told_in_a_thirty_fourth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 36."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # "each comes with its own rules" after a count of bids speaks of the bids, not of grants
        "Each comes with its own rules and deadlines.",
        # funding named with "sustainable" that was found, not asked for
        "Sustainable funding for the museum service was agreed by Cabinet in March.",
        # staff who left for other councils, told as a fact of a restructure without trouble
        "Two planners moved to a shared service hosted by the neighbouring district in 2023.",
        # the council's own change to planning fees, not the rules changed over and over
        "We changed our planning pre-application charges in April.",
    ],
)
def test_a_bid_money_found_or_a_fact_names_no_round_36_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_the_business_rates_retention_scheme_is_not_staff_retention():
    sentence = "The business rates retention scheme has made it hard to forecast our income.\n"
    assert "recruitment_retention" not in code_text(sentence).barrier_ids
    staff = "Retention of experienced surveyors has become hard since 2022.\n"
    assert "recruitment_retention" in code_text(staff).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # output per worker of any kind
        (
            "The grounds maintenance service records grass cuts completed per operative each week.",
            True,
        ),
        # waste or tax collected is a service, not data; business rates are a tax, not a rate
        (
            "Serving a scattered population makes the cost of collecting garden waste high per "
            "household.",
            False,
        ),
        (
            "Cabinet noted the forecast for business rates collection and the capital monitoring "
            "position at the end of June.",
            False,
        ),
        # a plan that will not hold a section on measuring
        ("The final plan will not include a section on how we measure productivity.", False),
        # measures waited on until someone else publishes them
        ("We will use the national productivity metrics once they are published.", False),
        # no separate measure developed yet
        (
            "Officers said the council would rely on its corporate indicators, since no separate "
            "efficiency measure has yet been agreed.",
            False,
        ),
        # benchmarking wished for later, nothing said of what
        ("In time we will compare our services with similar councils in future.", False),
        ("We compare our cost per planning decision with similar councils each year.", True),
        # that the plan holds indicators, without saying what they are
        (
            "The portfolio holder confirmed that the draft plan sets out the measures by which "
            "progress would be judged.",
            False,
        ),
        # the plans that hold indicators, nothing said of what they measure
        ("Every service has a service plan containing its own performance indicators.", False),
    ],
)
def test_services_taxes_and_indicators_pointed_to_are_no_measure(sentence, measure):
    """Measurement rules written after blind round 36."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # the cap hyphenated as a compound before its noun, as the press writes it
        (
            "Ministers' council-tax limits mean we cannot keep pace with energy bills.",
            "council_tax_referendum_limits",
        ),
        # planning appeals named by what they are against, the word planning left out
        (
            "Appeals against refused housing schemes have cost us more than £250,000 in two years.",
            "planning_system",
        ),
        # lost more per head than an average: the share of the cuts
        (
            "The county has lost more per resident than the shire average since 2015.",
            "funding_formula",
        ),
        # less to spend told in pounds against a past year, in real terms
        (
            "The borough spends £64m less a year in real terms than it did in 2011.",
            "insufficient_funding",
        ),
        # given too little to run services
        (
            "District councils have been given far too little to keep leisure centres and parks "
            "open.",
            "insufficient_funding",
        ),
        # data told in the passive as what cannot be shared
        (
            "Records held by health partners cannot routinely be shared with our early help teams.",
            "data_sharing_restrictions",
        ),
        # a new duty whose cost has not yet been confirmed
        (
            "The new duty to collect garden waste free of charge has revenue costs that have not "
            "yet been confirmed.",
            "new_burdens_unfunded",
        ),
        # time drawn away from front-line work as a word of trouble
        (
            "Chasing separate small grants for youth work pulls officers away from front-line "
            "delivery.",
            "ringfenced_grants",
        ),
        # no one knowing what the funding will be
        (
            "Officers warned that no one knows how much grant the county will get once the current "
            "settlement ends, which makes the budget impossible to set.",
            "funding_uncertainty",
        ),
        # bids of which only a few succeeded; what the failed ones cost
        (
            "We submitted seven applications to the levelling-up fund and only one was funded.",
            "competitive_bidding",
        ),
        (
            "The rejected bids cost the service around £40,000 in consultants' fees.",
            "competitive_bidding",
        ),
    ],
)
def test_barriers_told_in_a_thirty_fifth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 37."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # appeals named without trouble
        "Appeals against refusals are decided by the Planning Inspectorate.",
        # a saving on a named thing, not less money to spend
        "We spend £1.2m less on agency staff than in 2021.",
        # costs confirmed, not unconfirmed
        "The costs of the new waste contract have been confirmed.",
        # a cost avoided or saved is a success
        "Our prevention service saves an average of £3,200 in bed and breakfast costs for every "
        "family helped.",
        # homelessness prevented or relieved for more households: the council's output
        "We prevented homelessness for 540 households in 2023/24, up from 410 in 2021/22.",
        # data that will be shared, no trouble told
        "Data will be shared with the NHS under the new agreement.",
        # the council's own tax rise, hyphenated
        "The borough council-tax rise was agreed in February.",
    ],
)
def test_an_appeal_a_saving_a_cost_avoided_or_a_fact_names_no_round_37_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_share_of_the_councils_own_resources_is_no_funding_distribution():
    title = "Barriers to productivity\n\n"
    own = title + "Highways maintenance takes a disproportionate share of our resources.\n"
    assert "funding_formula" not in code_text(own).barrier_ids
    national = title + "We want a fairer share of national funding for rural districts.\n"
    assert "funding_formula" in code_text(national).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # how to measure still being considered
        (
            "Officers are exploring how the authority could best measure productivity across its "
            "services.",
            False,
        ),
        ("We compare our cost per repair with our housing peers every quarter.", True),
    ],
)
def test_how_to_measure_still_being_considered_is_no_measure(sentence, measure):
    """Measurement rule written after blind round 37."""
    assert code_text(sentence + "\n").states_measurement is measure, sentence


def test_a_pattern_set_reports_every_pattern_a_text_matches_whatever_its_case() -> None:
    """The filtered matcher runs only the patterns whose literal words a text has: a pattern
    with no such word (all classes) is still tried, and case is ignored both ways."""
    patterns = [
        r"\bone[- ]year\s+settlements?\b",
        r"\b(?:funding|grants?)\b[^.;]{0,80}\bring[- ]?fenced\b",
        r"\d{2,}\s*%",  # no literal word: always run
        r"\bWHITEHALL\b",
    ]
    matcher = PatternSet(patterns)
    assert sorted(matcher.matches("ONE-YEAR SETTLEMENTS and 40% of grants are Ring-fenced")) == [
        0,
        1,
        2,
    ]
    assert matcher.matches("set in Whitehall") == [3]
    assert matcher.matches("a settlement for one year") == []
    assert PatternSet([]).matches("anything") == []


def test_the_barrier_rules_match_as_each_rule_alone_does() -> None:
    """The framework's barrier rules matched together name what each rule, run on its own
    with Python's re, names: on sentences of every barrier's kind and on neutral ones."""
    framework = load_framework()
    rules = compile_rules(framework)
    sentences = [text for text, _ in IN_OTHER_WORDS] + list(NEUTRAL)
    for sentence in sentences:
        alone = {
            barrier.id
            for barrier in framework.barriers
            if any(re.search(p, sentence, re.IGNORECASE) for p in barrier.patterns)
        }
        assert set(rules.barriers_in(sentence)) == alone, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # the council's funding from government told as fallen by a sum or a share
        (
            "The county's funding from central government dropped by £48 million a year between "
            "2013 and 2020.",
            "insufficient_funding",
        ),
        # a fall of a share in its funding, told as a noun
        (
            "Members heard that a fall of almost a third in the borough's core funding since 2015 "
            "had left reserves thin.",
            "insufficient_funding",
        ),
        # the gap between what services cost and the income the council has
        (
            "The gap between the cost of running our statutory services and our income will be £9m "
            "by 2027.",
            "insufficient_funding",
        ),
        # a reform or reset postponed that makes planning impossible
        (
            "Successive delays to the reset have made it almost impossible to plan.",
            "funding_uncertainty",
        ),
        (
            "Repeated postponement of the reset makes medium-term planning almost impossible.",
            "funding_uncertainty",
        ),
        # duties whose funding is below their cost
        (
            "The new biodiversity net gain and licensing duties came with funding well below the "
            "true cost of delivering them.",
            "new_burdens_unfunded",
        ),
        # a duty's funding that covered only a purchase
        (
            "The new garden waste requirement came with a grant that covered only the cost of new "
            "bins.",
            "new_burdens_unfunded",
        ),
        # the council asking government for clarity that data may be shared
        (
            "• Information sharing: clarity from ministers that councils may lawfully share health "
            "data for early help.",
            "data_sharing_restrictions",
        ),
    ],
)
def test_barriers_told_in_a_thirty_sixth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 38."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a count the council says will be reported: a report to come
        "The number of children with an EHCP will be reported to Cabinet in November.",
        # the council's own work on its old systems
        "The plan describes the consolidation of 800 legacy applications into 250.",
        "We are retiring our ageing housing benefits system this year.",
        # a long-term settlement for social care is care funding reform, not one-year settlements
        "A long-term settlement for adult social care is the reform the sector needs most.",
    ],
)
def test_a_report_to_come_own_systems_work_or_care_reform_names_no_round_38_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_old_systems_the_subject_of_a_complaint_still_name_legacy_it():
    for sentence in (
        "Replacing our legacy systems is slow and expensive.",
        "Until they are replaced, these legacy systems will limit what we can automate.",
    ):
        assert "legacy_it_systems" in code_text(sentence + "\n").barrier_ids, sentence


def test_planning_on_one_income_is_no_general_funding_uncertainty():
    sentence = (
        "Delays to the reset make it hard to plan on the basis of the business rates we keep.\n"
    )
    assert "funding_uncertainty" not in code_text(sentence).barrier_ids


def test_a_council_balancing_its_budget_each_year_is_no_one_year_settlement():
    own = (
        "Barriers to productivity\n\nFunding. We have set a balanced budget every year since "
        "2010.\n"
    )
    assert "single_year_settlements" not in code_text(own).barrier_ids
    blind = (
        "Barriers to productivity\n\nFunding. We have to set our budget every year without "
        "knowing what grant we will get the year after.\n"
    )
    assert "single_year_settlements" in code_text(blind).barrier_ids


def test_an_appendix_closes_the_barriers_section():
    text = (
        "4. Barriers to productivity\n\nHomelessness. Temporary accommodation now costs us £8m a "
        "year, double the figure of 2021.\n\nAppendix: the district in figures\n\n"
        "Council tax band D 2024/25 | £1,912.40\n\nStaff (FTE) | 1,480\n"
    )
    assert code_text(text).barrier_ids == ["housing_temporary_accommodation"]


def test_a_heading_the_plan_says_it_leaves_out_is_not_answered_by_cues_elsewhere():
    body = (
        "We are selling surplus offices and depots, and have cut our spending on agency staff "
        "and consultants by a third.\n"
    )
    declined = (
        "Our productivity plan\n\nThis plan has two parts. We have not included a separate "
        "section on reducing wasteful spend, which our budget report covers.\n\n" + body
    )
    assert "wasteful_spend" not in [t.id for t in code_text(declined).themes]
    plain = "Our productivity plan\n\nThis plan has two parts.\n\n" + body
    assert "wasteful_spend" in [t.id for t in code_text(plain).themes]


def test_a_cost_to_serve_worked_out_is_a_measure():
    """Measurement rule written after blind round 38."""
    sentence = "Each quarter we work out the cost to serve for every council tax transaction.\n"
    assert code_text(sentence).states_measurement


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # the share of posts the council cannot fill told as a percentage
        (
            "We are unable to fill 27% of our occupational therapist posts and rely on locums.",
            "recruitment_retention",
        ),
        # a reform or collection that adds costs its funding does not meet, without the word duty
        (
            "The licensing reforms brought extra staffing costs, and the grant we were given does "
            "not cover them.",
            "new_burdens_unfunded",
        ),
        # cuts deeper than better-off areas received: the share of the cuts, compared
        (
            "Coastal towns like ours have suffered far deeper cuts than wealthier home counties "
            "since 2015.",
            "funding_formula",
        ),
        # staff time spent managing and reporting on many small grants
        (
            "Days of officer time are spent administering and reporting on numerous small grants "
            "from different departments.",
            "ringfenced_grants",
        ),
    ],
)
def test_barriers_told_in_a_thirty_seventh_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 39."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # a count of what the council maintains, compared with nothing: a neutral figure
        "The council currently maintains 3,050 education, health and care plans.",
        "There are 612 children and young people with an EHCP attending schools in the district.",
        # a national agency's officer reporting the sector's view
        "The National Housing Federation's policy director warned that councils everywhere face "
        "rising temporary accommodation costs.",
    ],
)
def test_a_plain_count_or_a_national_agency_view_names_no_round_39_barrier(sentence):
    assert code_text(sentence + "\n").barrier_ids == [], sentence


def test_a_count_compared_with_an_earlier_year_still_names_its_barrier():
    sentence = "There are 3,050 children with an EHCP, up from 1,900 in 2019.\n"
    assert "send_costs" in code_text(sentence).barrier_ids


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a county or a country is no count
        ("Our band D council tax remains 6% below the shire county average.", False),
        # savings delivery watched through budget monitoring is the budget's upkeep
        (
            "Savings delivered are tracked each month through the budget monitoring report to "
            "Cabinet.",
            False,
        ),
        # a way of measuring still being worked on with partners
        (
            "We are working with neighbouring districts on a common way of measuring productivity "
            "and hope to report on it next year.",
            False,
        ),
        # output per full-time equivalent, spelled out
        (
            "Each team reports its output per full-time equivalent to the monthly management "
            "board.",
            True,
        ),
        # the council's own cost-to-serve model
        ("Our cost-to-serve model shows the cost of each licence application by channel.", True),
        # one still to be built is an intention
        ("We will develop a cost-to-serve model for the licensing service next year.", False),
    ],
)
def test_ways_of_measuring_told_after_round_39(sentence, measure):
    """Measurement rules written after blind round 39."""
    assert bool(code_text(sentence + "\n").states_measurement) is measure, sentence


def test_a_restated_heading_followed_only_by_a_pointer_answers_no_heading():
    pointer = (
        "Our productivity plan\n\nWe have redesigned our customer services around a digital front "
        "door and automated our benefits processing.\n\n3. Reducing wasteful spend\n\n"
        "Government asked councils to describe their plans to reduce wasteful spend. Our approach "
        "is set out in the annual budget report agreed by Council in February.\n"
    )
    assert "wasteful_spend" not in [t.id for t in code_text(pointer).themes]
    answered = pointer.replace(
        "Our approach is set out in the annual budget report agreed by Council in February.",
        "We have cut our spending on agency staff by a third and sold two surplus depots.",
    )
    assert "wasteful_spend" in [t.id for t in code_text(answered).themes]


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # many little pots, and grants with strings attached
        (
            "Our leisure team juggles dozens of tiny pots, and every one has strings attached.",
            "ringfenced_grants",
        ),
        # a system dated by the year it was bought, told as what cannot be connected
        (
            "The licensing database, bought in 2005, could not be connected to the online forms "
            "without a costly interface.",
            "legacy_it_systems",
        ),
        # the ask to let councils use data a department holds
        (
            "Allow local authorities to access DWP benefits data so that free school meals can "
            "be awarded without a claim.",
            "data_sharing_restrictions",
        ),
        # a single return asked for in place of many separate ones
        (
            "We would like one consolidated annual return instead of the numerous separate "
            "surveys departments send us.",
            "regulation_reporting_burden",
        ),
        # a funding review asked to recognise the cost of deprivation
        (
            "Our priority is a distribution review that at last takes account of the higher "
            "costs of coastal deprivation.",
            "funding_formula",
        ),
        # cuts told as falling hardest on some places
        (
            "Over the last decade the reductions landed hardest on towns with the greatest need.",
            "funding_formula",
        ),
        # the council told as one of the lowest-funded
        (
            "We remain among the worst-funded shire districts in the country.",
            "insufficient_funding",
        ),
    ],
)
def test_barriers_told_in_a_thirty_eighth_writers_kind_of_words(sentence, barrier):
    """Paraphrase rules written after blind round 40."""
    assert barrier in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    ("sentence", "barrier"),
    [
        # core funding named as what the formula shares out is the formula's subject
        (
            "The formula that shares out core funding has not been updated for a decade.",
            "insufficient_funding",
        ),
        # specialist placements reached by school transport are school places, not care
        (
            "School transport costs have doubled as more pupils with plans travel to independent "
            "placements outside the county.",
            "social_care_demand",
        ),
        # the old system retired, told as done
        (
            "Housing repairs moved to a new cloud platform last spring, with the old database "
            "switched off in June.",
            "legacy_it_systems",
        ),
    ],
)
def test_a_topic_named_without_being_meant_names_no_round_40_barrier(sentence, barrier):
    assert barrier not in code_text(sentence + "\n").barrier_ids, sentence


@pytest.mark.parametrize(
    "text",
    [
        # a consultant named in an appositive, and the quotation that follows
        "Sam Okoro, a former treasurer who now works for a consultancy, said the plan was "
        "familiar. “Every plan I see says the formula is out of date.”\n",
        # national figures from a ministry
        "Statistics from the Department for Education show that high needs deficits have "
        "tripled since 2019.\n",
        # a count of plans that ask for something: a survey of others
        "Of the 40 plans examined, 31 call for an end to competitive bidding.\n",
    ],
)
def test_others_views_and_figures_in_the_press_name_no_barrier(text):
    assert code_text(text).barrier_ids == [], text


def test_a_quotation_that_speaks_for_the_council_still_names_its_barrier():
    text = (
        "Sam Okoro, a former treasurer who now works for a consultancy, said the plan was "
        "familiar. “We cannot keep absorbing a funding formula that is out of date,” said the "
        "council's leader.\n"
    )
    assert "funding_formula" in code_text(text).barrier_ids


def test_the_time_a_process_takes_measured_end_to_end_is_a_measure():
    sentence = "Officers log how long every licence application takes, end to end.\n"
    assert code_text(sentence).states_measurement


def test_the_lowest_funded_per_head_stays_the_formulas_comparison():
    sentence = "Rutland is one of the lowest-funded county councils per head in England.\n"
    assert "insufficient_funding" not in code_text(sentence).barrier_ids
