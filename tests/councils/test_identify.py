from pathlib import Path

from productivity_plans.councils.identify import (
    default_matcher,
    identify_council,
)

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_a_moderngov_host_in_the_url_identifies_the_council():
    match = identify_council(
        "Minutes: approved.", url="https://democracy.havering.gov.uk/mgAi.aspx"
    )
    assert match is not None and match.gss_code == "E09000016"
    assert any("url host" in e for e in match.evidence)


def test_abbreviated_hosts_resolve_through_general_domain_rules():
    matcher = default_matcher()
    assert matcher.council_for_host("minutes-1.nwleics.gov.uk").gss_code == "E07000134"
    assert matcher.council_for_host("democracy.north-herts.gov.uk").gss_code == "E07000099"
    assert matcher.council_for_host("democracy.hyndburnbc.gov.uk").gss_code == "E07000120"
    assert matcher.council_for_host("democratic.lincoln.gov.uk").gss_code == "E07000138"


def test_hosts_outside_gov_uk_are_not_evidence():
    assert default_matcher().council_for_host("beta.stock1-prd.gosshosted.com") is None


def test_an_officer_email_address_alone_identifies_the_council():
    text = (
        "Title of Report\tPRODUCTIVITY PLAN\n"
        "Officer Contact\tJane Doe jane.doe@nwleicestershire.gov.uk"
    )
    match = identify_council(text)
    assert match is not None and match.gss_code == "E07000134"


def test_a_county_inside_a_district_name_is_not_counted_for_the_county():
    text = "North West Leicestershire District Council\nReport to Cabinet"
    match = identify_council(text)
    assert match is not None and match.gss_code == "E07000134"


def test_a_county_wide_group_does_not_outweigh_the_district_named_in_full():
    text = (
        "Derbyshire Dales District Council\nProductivity Plan\n"
        "It was agreed by the Derbyshire Chief Executives Group that all authorities in "
        "Derbyshire would give a single response."
    )
    match = identify_council(text)
    assert match is not None and match.gss_code == "E07000035"


def test_no_council_evidence_gives_null_not_a_guess():
    assert identify_council("The Council approved the Productivity Plan on 3 July 2024.") is None


def test_a_page_naming_several_partner_councils_equally_gives_null():
    text = (
        "The Partnership is Boston Borough Council, East Lindsey District Council "
        "and South Holland District Council."
    )
    assert identify_council(text) is None


def test_the_publication_url_settles_a_page_naming_partner_councils():
    text = (
        "The Partnership is Boston Borough Council, East Lindsey District Council "
        "and South Holland District Council."
    )
    match = identify_council(text, url="https://www.boston.gov.uk/productivityplan")
    assert match is not None and match.gss_code == "E07000136"


def test_councils_abolished_before_the_regime_are_never_returned():
    text = "Allerdale Borough Council, Carlisle City Council and Copeland Borough Council."
    assert identify_council(text) is None


def test_lower_case_council_after_a_place_name_counts_as_a_full_name():
    match = identify_council("This is a particular challenge for Havering council.")
    assert match is not None and match.gss_code == "E09000016"


def test_every_council_in_force_is_found_by_its_letterhead_and_its_email_domain():
    matcher = default_matcher()
    missed = []
    for council in matcher.councils.values():
        letterhead = f"{council.official_name}\n\nReport to Cabinet\n\nProductivity Plan 2024"
        contact = f"Report to Cabinet\n\nContact officer: jane.doe@{council.domains[0]}"
        spelled_out = letterhead.replace(" & ", " and ")
        for text in (letterhead, contact, spelled_out):
            match = matcher.identify(text)
            if match is None or match.gss_code != council.gss_code:
                missed.append((council.official_name, text.splitlines()[0]))
    assert len(matcher.councils) == 317
    assert missed == []


def test_ampersand_and_and_are_the_same_name():
    for text in ("Telford and Wrekin Council", "London Borough of Barking & Dagenham"):
        match = identify_council(f"{text}\nProductivity Plan")
        assert match is not None, text
    assert identify_council("Telford & Wrekin Council\nPlan").gss_code == "E06000020"


def test_names_with_council_at_the_front_are_full_names():
    match = identify_council("Council of the Isles of Scilly\nProductivity Plan")
    assert match is not None and match.gss_code == "E06000053"


FILLER = "This report sets out the Council's productivity plan for members. " * 6


def test_the_letterhead_council_wins_over_a_partner_mentioned_in_the_body():
    text = (
        f"Blaby District Council\n\nReport to Cabinet\n\n{FILLER}\n\n"
        "We work with Leicestershire County Council on adult social care. "
        "Leicestershire County Council also leads on highways."
    )
    match = identify_council(text)
    assert match is not None and match.gss_code == "E07000129"


def test_a_partner_named_more_than_the_letterhead_council_gives_null_not_the_partner():
    text = f"Blaby District Council\n\nReport to Cabinet\n\n{FILLER}\n\n" + (
        "Leicestershire County Council runs the service. " * 5
    )
    assert identify_council(text) is None


def test_two_councils_named_only_in_the_body_give_null():
    text = (
        f"Report to Cabinet\n\n{FILLER}\n\nBlaby District Council has saved money. "
        "We work with Leicestershire County Council on care."
    )
    assert identify_council(text) is None


def test_general_domain_rules_cover_common_house_styles():
    matcher = default_matcher()
    expected = {
        "www.epsom-ewell.gov.uk": "E07000208",  # "and" dropped
        "www.reigate-banstead.gov.uk": "E07000211",
        "www.stoke.gov.uk": "E06000021",  # "-on-Trent" dropped
        "www.southend.gov.uk": "E06000033",
        "www.tmbc.gov.uk": "E07000115",  # initials + bc
        "www.nfdc.gov.uk": "E07000091",  # initials + dc
        "www.royalgreenwich.gov.uk": "E09000011",  # royal borough
        "www.nottinghamcity.gov.uk": "E06000018",  # name + city
        "www.westberks.gov.uk": "E06000037",  # county abbreviation
        "www.northwarks.gov.uk": "E07000218",
    }
    found = {host: getattr(matcher.council_for_host(host), "gss_code", None) for host in expected}
    assert found == expected


def test_a_domain_two_councils_share_identifies_neither():
    matcher = default_matcher()
    assert matcher.council_for_host("www.southnorfolkandbroadland.gov.uk") is None
    assert matcher.council_for_host("www.adur-worthing.gov.uk") is None


def test_a_name_counts_after_any_separator_but_not_after_a_letter_outside_ascii():
    for text in (
        "“Havering Council”",
        "–Havering Council",
        "\xa0Havering Council",
        "(Havering council",
    ):
        match = identify_council(text)
        assert match is not None and match.gss_code == "E09000016", text
    assert identify_council("éHavering Council") is None
    assert identify_council("x²Havering Council") is None
