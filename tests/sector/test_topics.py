"""Emergent themes are found in the councils' own words, never in page furniture."""

from __future__ import annotations

import re

import pytest

from productivity_plans.framework import load_framework
from productivity_plans.sector import emergent_themes
from productivity_plans.sector.page_furniture import without_furniture
from productivity_plans.sector.snapshot import CouncilRow, DocumentRow, SectorSnapshot
from tests.sector.hand_built import _p

EM = "East Midlands"
COUNCILS = [  # real register entries; every text below is made up
    CouncilRow("E07000131", "Harborough District Council", "non_metropolitan_district", EM),
    CouncilRow("E07000133", "Melton Borough Council", "non_metropolitan_district", EM),
    CouncilRow("E07000176", "Rushcliffe Borough Council", "non_metropolitan_district", EM),
    CouncilRow(
        "E07000134", "North West Leicestershire District Council", "non_metropolitan_district", EM
    ),
]
FURNITURE = [
    "Issue - meetings\n- Subscribe to updates\n- Share this item\nPDF 169 KB\n"
    "Additional documents:\n- Appendix A: Delivery Summary, item 8\nPDF 154 KB\n"
    "- Webcast for the Cabinet meeting on the productivity plan and delivery summary",
    'Presented by\tCouncillor A Person Portfolio Holder Briefed <input type="checkbox"/> Yes\n'
    'Consultation: Leader <input type="checkbox"/> Executive <input checked="" '
    'type="checkbox"/> SLT <input type="checkbox"/> Members <input type="checkbox"/>',
    "We use cookies to make this website work. Accept additional cookies Reject additional "
    "cookies View cookies\nSkip to main content\nToggle menu\nBack to top\nSearch this site",
    "It was moved by Councillor A Person, seconded by Councillor B Person and\nRESOLVED THAT:\n"
    "Apologies were received from Councillors C Person, D Person and E Person.",
    "• Meeting of Cabinet, Tuesday, 30th July, 2024 5.00 pm (Item 105.)\n"
    "Appendix 1: Letter from the Minister dated 16 April 2024, item 4\nPDF 69 KB\n"
    "Director of Resources/ S.151 Officer\tA Person\t10/07/2024",
]
FURNITURE_WORDS = re.compile(
    r"\b(?:checkbox|input|type|checked|appendix|item|pdf|kb|share|subscribe|webcast|additional"
    r"|documents|cookies?|menu|toggle|skip|search|moved|seconded|apologies|consultation"
    r"|presented|briefed|meeting)\b"
)
FESTIVAL = [
    "Our summer festival and carnival in the market square brought thousands of visitors to the "
    "town centre and filled the cafes and shops along the high street.",
    "The annual carnival parade and the riverside music festival are run with volunteers and "
    "local businesses, and visitors come from across the county every summer.",
    "A new summer festival in the parks, with a carnival procession and street food, drew record "
    "crowds to the town this year.",
]


def _snapshot(texts_by_council: list[list[str]]) -> SectorSnapshot:
    documents, passages = [], []
    for n, (council, texts) in enumerate(zip(COUNCILS, texts_by_council, strict=False)):
        doc = f"D{n}"
        documents.append(DocumentRow(doc, council.gss_code, "minutes", None, f"{doc}.html"))
        passages += [
            _p(f"{doc}:{i}", doc, council.gss_code, text, start=i * 500)
            for i, text in enumerate(texts)
        ]
    return SectorSnapshot(load_framework(), COUNCILS, documents, passages=passages)


def test_a_sector_full_of_furniture_gives_no_furniture_word_among_its_topics() -> None:
    snap = _snapshot([*[[*FURNITURE, text] for text in FESTIVAL], FURNITURE])

    themes = emergent_themes(snap)

    terms = [t for theme in themes for t in (*theme.terms, theme.label)]
    assert not [t for t in terms if FURNITURE_WORDS.search(t)], terms
    assert any({"festival", "carnival"} & set(theme.terms) for theme in themes), terms


def test_a_sector_of_furniture_alone_says_nothing_about_themes() -> None:
    snap = _snapshot([FURNITURE] * len(COUNCILS))

    assert emergent_themes(snap) == []


@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_leaves_nothing_of_the_council_s_own_words_to_find(furniture: str) -> None:
    assert len(without_furniture(furniture).split()) < 12


def test_removing_furniture_keeps_the_council_s_sentences_whole() -> None:
    own = (
        "Homelessness is rising and temporary accommodation costs have doubled since 2022.\n"
        "Our summer festival brought visitors to the town centre."
    )
    page = f"Skip to main content\n{own.splitlines()[0]}\nPDF 169 KB\n{own.splitlines()[1]}"

    assert without_furniture(page) == own
