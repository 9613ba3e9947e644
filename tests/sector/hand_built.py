"""A small hand-built sector whose right answers are known in advance.

Five real register entries, made-up content:
- Bolsover (district, East Midlands): a plan and a committee report noted by full council on
  31 July 2024 (after the deadline). Answers transformation (two passages on organisation
  change), names single-year settlements twice and recruitment once, measures productivity,
  only restates technology and data.
- Blaby (district, East Midlands): a plan, no decision. Answers transformation; names single-year
  settlements and competitive bidding.
- Oldham (metropolitan district, North West): a plan, no decision. Answers technology and data
  and transformation; measures productivity.
- Oxfordshire (county, South East): minutes, cabinet approved on 18 June 2024 (before the
  deadline). Answers the barriers heading; names funding uncertainty and single-year settlements.
- Adur (district, South East): no documents.
"""

from __future__ import annotations

from datetime import date

from productivity_plans.framework import load_framework
from productivity_plans.sector.snapshot import (
    CouncilRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    PassageRow,
    SectorSnapshot,
)

BOLSOVER, BLABY, OLDHAM, OXON, ADUR = (
    "E07000033",
    "E07000129",
    "E08000004",
    "E10000025",
    "E07000223",
)


def _p(
    pid: str,
    doc: str,
    gss: str,
    text: str,
    *,
    kind: str = "council",
    headings: tuple[str, ...] = (),
    questions: tuple[str, ...] = (),
    barriers: tuple[str, ...] = (),
    measure: bool = False,
    confidence: float = 0.8,
    start: int = 0,
) -> PassageRow:
    conf = {h: confidence for h in (*headings, *questions)}
    conf.update({f"barrier:{b}": confidence for b in barriers})
    return PassageRow(
        id=pid,
        document_id=doc,
        council_gss=gss,
        page=1 if start < 1000 else 2,
        start=start,
        end=start + len(text),
        text=text,
        kind="requirement" if kind == "requirement" else "council",
        headings=headings,
        questions=questions,
        barriers=barriers,
        is_measure=measure,
        confidence=confidence,
        confidences=conf,
    )


T = "transformation"
ORG = "transformation.organisation_change"
MEASURE = "transformation.measuring_productivity"
TECH = "technology_data"
DIGITAL = "technology_data.digital_services"
BAR = "barriers"
FUNDING = "barriers.funding"
SYS = "single_year_settlements"


def hand_built() -> SectorSnapshot:
    fw = load_framework()
    councils = [
        CouncilRow(
            BOLSOVER, "Bolsover District Council", "non_metropolitan_district", "East Midlands"
        ),
        CouncilRow(BLABY, "Blaby District Council", "non_metropolitan_district", "East Midlands"),
        CouncilRow(
            OLDHAM, "Oldham Metropolitan Borough Council", "metropolitan_district", "North West"
        ),
        CouncilRow(OXON, "Oxfordshire County Council", "county", "South East"),
        CouncilRow(ADUR, "Adur District Council", "non_metropolitan_district", "South East"),
    ]
    documents = [
        DocumentRow(
            "D1",
            BOLSOVER,
            "plan",
            "Bolsover productivity plan",
            "d1.pdf",
            "https://bolsover.example/plan",
            True,
            2,
        ),
        DocumentRow(
            "D2", BOLSOVER, "committee_report", "Report to Council", "d2.pdf", None, None, 1
        ),
        DocumentRow(
            "D3",
            BLABY,
            "plan",
            "Blaby productivity plan",
            "d3.pdf",
            "https://blaby.example/plan",
            True,
            1,
        ),
        DocumentRow("D4", OLDHAM, "plan", "Oldham productivity plan", "d4.pdf", None, True, 1),
        DocumentRow("D5", OXON, "minutes", "Cabinet minutes", "d5.pdf", None, None, 1),
    ]
    decisions = [
        DecisionRow(
            "D2",
            BOLSOVER,
            "Council",
            "council",
            date(2024, 7, 31),
            "noted",
            "To note the Council's Productivity Plan.",
            100,
            140,
        ),
        DecisionRow(
            "D5",
            OXON,
            "Cabinet",
            "cabinet",
            date(2024, 6, 18),
            "approved",
            "Approve the productivity plan for submission.",
            50,
            96,
        ),
    ]
    events = [
        EventRow(
            "D2",
            BOLSOVER,
            date(2024, 7, 19),
            None,
            "submitted",
            "The plan was submitted on 19 July 2024.",
            200,
            240,
        ),
    ]
    passages = [
        _p(
            "D1:1",
            "D1",
            BOLSOVER,
            "We restructured our senior management team and introduced a new operating model that has reduced management layers and freed staff time for frontline services.",
            headings=(T,),
            questions=(ORG,),
            confidence=0.9,
            start=10,
        ),
        _p(
            "D1:2",
            "D1",
            BOLSOVER,
            "Our workforce strategy has changed how teams are organised, with shared roles across services and fewer managers.",
            headings=(T,),
            questions=(ORG,),
            confidence=0.6,
            start=300,
        ),
        _p(
            "D1:3",
            "D1",
            BOLSOVER,
            "We measure productivity through key performance indicators, benchmarking with LG Inform and quarterly reports to scrutiny.",
            headings=(T,),
            questions=(MEASURE,),
            measure=True,
            start=600,
        ),
        _p(
            "D1:4",
            "D1",
            BOLSOVER,
            "Single-year finance settlements make medium-term planning very difficult, and recruiting and retaining planners and surveyors is a constant struggle.",
            headings=(BAR,),
            questions=(FUNDING,),
            barriers=(SYS, "recruitment_retention"),
            confidence=0.95,
            start=1100,
        ),
        _p(
            "D1:5",
            "D1",
            BOLSOVER,
            "Short-term one-year funding settlements stop us investing in prevention.",
            headings=(BAR,),
            questions=(FUNDING,),
            barriers=(SYS,),
            confidence=0.7,
            start=1400,
        ),
        _p(
            "D1:6",
            "D1",
            BOLSOVER,
            "How you plan to take advantage of technology and make better use of data to improve decision making.",
            kind="requirement",
            headings=(TECH,),
            questions=(DIGITAL,),
            start=1700,
        ),
        _p(
            "D3:1",
            "D3",
            BLABY,
            "Blaby moved to a single customer services hub and merged back-office teams, so the organisation now runs with a leaner structure.",
            headings=(T,),
            questions=(ORG,),
            confidence=0.85,
            start=0,
        ),
        _p(
            "D3:2",
            "D3",
            BLABY,
            "Productivity is stifled by single year settlements and expensive, resource intensive competitive bidding for small funding pots.",
            headings=(BAR,),
            questions=(FUNDING,),
            barriers=(SYS, "competitive_bidding"),
            confidence=0.9,
            start=400,
        ),
        _p(
            "D4:1",
            "D4",
            OLDHAM,
            "Residents now self-serve online for council tax and bins, and chatbots and automation answer routine questions around the clock.",
            headings=(TECH,),
            questions=(DIGITAL,),
            confidence=0.88,
            start=0,
        ),
        _p(
            "D4:2",
            "D4",
            OLDHAM,
            "Our corporate plan restructured the council into place-based teams, changing how the whole organisation works with partners.",
            headings=(T,),
            questions=(ORG,),
            confidence=0.7,
            start=300,
        ),
        _p(
            "D4:3",
            "D4",
            OLDHAM,
            "We track productivity with a performance framework of outcome measures and cost per transaction, reported monthly to leadership.",
            headings=(T,),
            questions=(MEASURE,),
            measure=True,
            start=600,
        ),
        _p(
            "D5:1",
            "D5",
            OXON,
            "Inconsistent and short-term funding, single year settlements and uncertainty about future funding reform are the main barriers government could remove.",
            headings=(BAR,),
            questions=(FUNDING,),
            barriers=("funding_uncertainty", SYS),
            confidence=0.92,
            start=200,
        ),
        _p(
            "D4:4",
            "D4",
            OLDHAM,
            "The annual brass band festival and the summer carnival drew record crowds to the town centre parks this year.",
            start=900,
        ),
        _p(
            "D3:3",
            "D3",
            BLABY,
            "Our summer carnival, food festival and fireworks night in the parks brought thousands of visitors and families to the district.",
            start=900,
        ),
    ]
    return SectorSnapshot(
        framework=fw,
        councils=councils,
        documents=documents,
        decisions=decisions,
        events=events,
        passages=passages,
        model_version="test-v1",
    )
