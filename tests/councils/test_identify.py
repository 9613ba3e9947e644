import dataclasses
from datetime import date
from pathlib import Path

import pytest

from productivity_plans.councils.identify import (
    CouncilMatcher,
    default_matcher,
    identify_council,
)
from productivity_plans.councils.register import Register

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


# Generalisation (issue 15): names as documents write them, URL evidence, other publishers.
HOSTED = "https://beta.tenant9-prd.gosshosted.com/productivity-plan?action=Print"
BODY = "\n\nIntroduction\n\nWe are an ambitious Council with a record of efficient services."


def _others(council, step):
    councils = list(default_matcher().councils.values())
    return councils[(councils.index(council) + step) % len(councils)]


def test_every_council_is_found_by_a_possessive_title_on_a_hosting_providers_page():
    matcher = default_matcher()
    missed = []
    for council in matcher.councils.values():
        text = f"Toggle menu\n\n{council.nice_name}'s Productivity Plan{BODY}"
        match = matcher.identify(text, url=HOSTED)
        if match is None or match.gss_code != council.gss_code:
            missed.append(council.nice_name)
    assert missed == []


def test_every_council_is_found_by_its_short_name_as_one_part_of_a_title_line():
    matcher = default_matcher()
    missed = []
    for council in matcher.councils.values():
        for title in (f"Productivity Plan | {council.nice_name}", f"{council.nice_name} - Plan"):
            match = matcher.identify(f"{title}{BODY}")
            if match is None or match.gss_code != council.gss_code:
                missed.append(title)
    assert missed == []


def test_every_council_named_in_passing_in_a_national_news_article_gives_null():
    matcher = default_matcher()
    wrong = []
    for council in matcher.councils.values():
        text = (
            "Councils publish productivity plans\n\nBy Jane Smith\n\nCouncils have published "
            f"their plans. {council.official_name} said it had made savings, as did "
            f"{_others(council, 1).nice_name} and {_others(council, 7).nice_name}. "
            f"{council.official_name} also wants multi-year settlements."
        )
        match = matcher.identify(text, url="https://www.bbc.co.uk/news/articles/x")
        if match is not None:
            wrong.append((council.nice_name, match.name))
    assert wrong == []


def test_every_council_headlined_in_a_trade_press_article_is_its_council():
    matcher = default_matcher()
    missed = []
    for council in matcher.councils.values():
        text = (
            f"{council.official_name} publishes productivity plan\n\nBy Jane Smith\n\n"
            f"The council said it had saved money. {_others(council, 1).official_name} has "
            "not yet published."
        )
        match = matcher.identify(text, url="https://www.localgov.co.uk/news/123")
        if match is None or match.gss_code != council.gss_code:
            missed.append(council.nice_name)
    assert missed == []


def test_common_short_forms_identify_their_council():
    for text, code in (
        ("West Oxon Productivity Plan 2024", "E07000181"),
        ("Productivity Plan | Stockton", "E06000004"),
        ("NW Leics District Council\nReport to Cabinet", "E07000134"),
        ("North Herts Council\nReport to Cabinet", "E07000099"),
    ):
        match = identify_council(f"{text}{BODY}")
        assert match is not None and match.gss_code == code, text


def test_a_short_form_is_a_full_name_with_any_council_words_after_it():
    for words in ("Council", "Borough Council", "Metropolitan Borough Council", "BC", "MBC"):
        match = identify_council(f"The Stockton {words} plan was approved.")
        assert match is not None and match.gss_code == "E06000004", words
    match = identify_council("Cornwall County Council\nReport to Cabinet")
    assert match is not None and match.gss_code == "E06000052"
    match = identify_council("Report of Calderdale MBC on its plan")
    assert match is not None and match.gss_code == "E08000033"
    assert identify_council("Report to Calderdale MBCs on its plan") is None


def test_council_of_before_a_short_name_makes_a_full_name():
    match = identify_council("Minutes of a meeting of the Council of Torbay held on 11 July")
    assert match is not None and match.gss_code == "E06000027"
    assert identify_council("Minutes of a meeting held at Torbay on 11 July") is None


def test_a_name_ending_in_s_takes_a_bare_apostrophe_as_its_possessive():
    match = identify_council(f"St Helens' Productivity Plan{BODY}")
    assert match is not None and match.gss_code == "E08000013"
    assert identify_council(f"Productivity Plan | Hillingdon'{BODY}") is None


def test_a_possessive_short_name_in_the_body_counts_for_little():
    text = f"Productivity Plan{BODY}\n\nWe are proud of Hillingdon's residents."
    assert identify_council(text) is None
    assert identify_council(f"Hillingdon's Productivity Plan{BODY}").gss_code == "E09000017"


def test_a_place_name_opening_a_sentence_like_title_does_not_title_it():
    assert identify_council("Reading the productivity plans\n\nWhat we learned.") is None
    assert identify_council("Reading Productivity Plan 2024\n\nOur plan.").gss_code == "E06000038"


def test_a_hosting_providers_host_named_for_a_council_identifies_it():
    matcher = default_matcher()
    assert matcher.council_for_tenant("sefton.moderngov.co.uk").gss_code == "E08000014"
    assert matcher.council_for_tenant("democracy-west-oxon.cmis.uk.com").gss_code == "E07000181"
    assert matcher.council_for_tenant("beta.stock1-prd.gosshosted.com") is None
    assert matcher.council_for_tenant("sefton.example.com") is None
    match = identify_council("Decision details", url="https://sefton.moderngov.co.uk/x.aspx")
    assert match is not None and match.gss_code == "E08000014"


def test_a_full_council_name_in_the_url_path_identifies_it():
    url = "https://www.example.org/docs/isle-of-wight-council-productivity-plan-2024"
    match = identify_council("The plan", url=url)
    assert match is not None and match.gss_code == "E06000046"
    assert identify_council("The plan", url="https://www.example.org/docs/isle-of-wight") is None


def test_a_non_council_publishers_page_about_one_council_throughout_gives_it():
    text = (
        "Analysis\n\nThe plans in detail\n\nBy Jane Smith\n\nKirklees Council has published "
        "its plan. Kirklees says it will save £12m. Kirklees also wants fewer ring-fenced grants."
    )
    url = "https://www.lgcplus.com/finance/the-plans-in-detail/123"
    match = identify_council(text, url=url)
    assert match is not None and match.gss_code == "E08000034"
    once = text.replace("Kirklees says", "It says").replace("Kirklees also", "It also")
    assert identify_council(once, url=url) is None


def test_a_council_letterhead_above_a_quoted_departmental_letter_is_the_councils():
    text = (
        "Harborough District Council\n\nReport to Cabinet\n\n"
        "Department for Levelling Up, Housing and Communities\n\nDear Chief Executive"
    )
    match = identify_council(text)
    assert match is not None and match.gss_code == "E07000131"
    departments = (
        "Department for Levelling Up, Housing and Communities\n\nGuidance\n\n"
        "Councils such as Harborough District Council have published plans."
    )
    assert identify_council(departments) is None


def test_councils_listed_at_the_top_are_not_a_letterhead_even_if_the_first_recurs():
    text = (
        "Our Council is in a partnership of Wealden District Council and Rother District "
        f"Council.{BODY}\n\nWealden District Council leads on waste."
    )
    assert identify_council(text) is None


def test_a_council_named_once_on_an_unlisted_site_is_a_mention_in_passing():
    text = f"Commentary\n\n{FILLER}\n\nThe plans agree. Wokingham Borough Council wants more."
    assert identify_council(text, url="https://commentary.example/plans") is None
    # The same page with no URL, or on a hosting provider (a council's own site), keeps it.
    assert identify_council(text).gss_code == "E06000041"
    assert identify_council(text, url=HOSTED).gss_code == "E06000041"


def test_confidence_falls_from_url_to_text_alone_to_another_publishers_page():
    text = "Kirklees Council\n\nProductivity Plan\n\nKirklees Council has saved money."
    by_url = identify_council(text, url="https://www.kirklees.gov.uk/plan")
    by_text = identify_council(text)
    by_press = identify_council(text, url="https://www.localgov.co.uk/x")
    assert by_url.confidence > by_text.confidence > by_press.confidence
    assert by_press.evidence[-1] == "published on www.localgov.co.uk"


def test_a_page_title_can_name_the_council_or_a_publisher_that_is_not_one():
    body = f"Productivity plans{BODY}\n\nKirklees Council has saved money."
    assert identify_council(body, title="Hillingdon's Productivity Plan") is None  # two
    match = identify_council(f"Plan{BODY}", title="Hillingdon's Productivity Plan")
    assert match is not None and match.gss_code == "E09000017"
    assert identify_council(body).gss_code == "E08000034"
    assert identify_council(body, title="Productivity plans | Local Government Association") is None


def test_every_council_is_found_by_its_name_in_the_page_title_alone():
    matcher = default_matcher()
    missed = []
    for council in matcher.councils.values():
        for title in (f"Productivity Plan - {council.official_name}", council.nice_name):
            match = matcher.identify(f"Plan{BODY}", title=title)
            if match is None or match.gss_code != council.gss_code:
                missed.append(title)
    assert missed == []


def test_a_councils_own_domain_outside_gov_uk_is_its_host():
    real = default_matcher().councils["KIR"]
    register = Register([dataclasses.replace(real, domains=(*real.domains, "kirklees.example"))])
    matcher = CouncilMatcher(register, date(2024, 7, 19))
    assert matcher.council_for_host("democracy.kirklees.example").gss_code == "E08000034"
    assert matcher.council_for_host("kirklees.example").gss_code == "E08000034"
    assert matcher.council_for_host("notkirklees.example") is None
    assert matcher.council_for_host("example") is None
    match = matcher.identify("Minutes", url="https://democracy.kirklees.example/x")
    assert match is not None and match.gss_code == "E08000034"


def test_the_council_in_a_running_footer_is_the_documents_own_among_partners() -> None:
    text = (
        "PRODUCTIVITY PLAN\nJuly 2024\n\n"
        "2.1 We share a waste contract with Dover District Council and data with Kent County "
        "Council through the county's early help protocol.\n\n"
        "Folkestone & Hythe District Council | Productivity Plan | 1\n\n"
        "3.1 The county runs the highways and a shared client team runs the contract.\n\n"
        "Folkestone & Hythe District Council | Productivity Plan | 2\n"
    )
    match = identify_council(text, url="https://d1example.cloudfront.net/docs/plan.pdf")
    assert match is not None and match.gss_code == "E07000112"


def test_a_local_papers_title_names_the_paper_not_the_council_its_lead_opens_on():
    text = (
        "Example Times\n\nCouncil backs plan to save money\n\nBy Local Democracy Reporter\n\n"
        "North East Derbyshire District Council's cabinet has signed off its productivity plan.\n\n"
        "The plan highlights joint working with Bolsover District Council. Leaders at North East "
        "Derbyshire said money was tight.\n"
    )
    match = identify_council(text, url="https://www.example-times.co.uk/news/council-backs-plan")
    assert match is not None and match.gss_code == "E07000038"


def test_a_county_named_papers_title_alone_does_not_name_the_county_council():
    text = "Derbyshire Times\n\nWeather warning for the weekend\n\nBy Jane Smith\n\nRain is due.\n"
    assert identify_council(text, url="https://www.derbyshiretimes.co.uk/news/weather") is None


def test_an_articles_lead_opening_on_the_only_council_it_names_is_about_that_council():
    """Named once in full, then only as "the city" and "the council": the lead decides when no
    other council is named at all."""
    text = (
        "Depots to close as cabinet backs savings plan\n\nLocal Democracy Reporting Service\n"
        "16 JUL 2024\n\n"
        "Sunderland City Council's cabinet has agreed to close two depots as part of a shake-up "
        "of how the city's bins are collected.\n\n"
        "At the same meeting the cabinet agreed the council's productivity plan. The leader said "
        "the city had borne more than its share of the cuts.\n"
    )
    match = identify_council(text, url="https://www.example-chronicle.co.uk/news/depots-to-close")
    assert match is not None and match.name == "Sunderland City Council"


def test_a_places_councillors_in_an_articles_lead_name_its_council():
    """ "Tendring councillors" is the council, not the place: the lead opens on it, ahead of a
    partner council named once in full and a town mentioned in passing."""
    text = (
        "District puts off decision on savings plan\n\nTendring councillors have delayed signing "
        "off the plan the government asked for, saying it undersold the pressures.\n\nThe cabinet "
        "met at the Town Hall in Clacton on Monday and agreed to bring the plan back in July, "
        "asking officers to say more about the cost of temporary accommodation.\n\nThe finance "
        "portfolio holder said the draft read like a list of successes and did not say what the "
        "district needed from Whitehall. Another member asked for more on recycling costs.\n\n"
        "A spokesperson for the council, which shares services with Colchester City Council, said "
        "the plan would still go in on time.\n"
    )
    match = identify_council(text, url="https://www.example-gazette.co.uk/news/plan-put-off")
    assert match is not None and match.name == "Tendring District Council"


def test_a_round_up_is_about_the_council_whose_productivity_plan_it_names():
    """A weekly round-up of three councils' news, on a site we do not list, names each by its
    place; the one whose productivity plan it reports is the council it is about."""
    title = "Town Hall Week: Camden's productivity plan, Barnet's parking fees and Brent's bins"
    text = (
        f"{title}\n\nCamden's cabinet on Tuesday noted the plan.\n\nBarnet put up parking fees.\n\n"
        "Brent's new bins arrive in October.\n"
    )
    match = identify_council(
        text, url="https://www.example-dispatch.co.uk/2024/10/11/week/", title=title
    )
    assert match is not None and match.name == "London Borough of Camden"


def test_a_places_council_leaders_name_its_council_but_its_council_tax_does_not():
    lead = (
        "Town hall says funding leaves it short\n\nBy Local Democracy Reporting Service\n\n"
        "{}'s council leaders have told the Government that the way money is shared out leaves "
        "the borough short-changed.\n\nThe comments are in the borough's productivity plan.\n"
    )
    match = identify_council(
        lead.format("Tunbridge Wells"), url="https://www.example-post.co.uk/n/1"
    )
    assert match is not None and match.name == "Tunbridge Wells Borough Council"
    tax = lead.replace("council leaders have", "council tax payers have")
    assert (
        identify_council(tax.format("Tunbridge Wells"), url="https://www.example-post.co.uk/n/1")
        is None
    )


def test_a_places_cabinet_in_an_articles_lead_names_its_council():
    text = (
        "Efficiency plan approved\n\nPublished: 12 July 2024\n\nRedcar and Cleveland's cabinet "
        "has approved the productivity plan the government asked every council to write, after "
        "a debate about the cost of school transport.\n"
    )
    match = identify_council(text, url="https://www.example-post.co.uk/n/2")
    assert match is not None and match.name == "Redcar and Cleveland Borough Council"


def test_a_local_round_up_is_about_its_councils_plan_though_it_names_the_county_in_full() -> None:
    """A local paper's weekly round-up: one item reports its borough council's productivity
    plan, another what the county council said; the borough, named most, is what it is about."""
    title = "Council week: parking, bins and the productivity plan"
    text = (
        f"{title}\n\nPosted on 19 July 2024 by A Reporter\n\nOur weekly look at what has been "
        "decided at the town hall, and what is coming up. Send us your news and views by e-mail "
        "or through our website.\n\n1. Bins\n\nBurnley's garden waste charge goes up by £3 next "
        "year after the council's cabinet agreed it on Wednesday. More than 10,000 households pay "
        "for the service, and the money goes towards the cost of the rounds.\n\n2. Productivity "
        "plan\n\nCabinet members also endorsed Burnley Borough Council's productivity plan, the "
        "document every council was asked to send the Government.\n\n3. Across the county\n\n"
        "Lancashire County Council said school transport costs had risen. Lancashire County "
        "Council runs school transport in the area.\n"
    )
    match = identify_council(
        text, url="https://www.example-herald.co.uk/2024/07/19/council-week/", title=title
    )
    assert match is not None and match.name == "Burnley Borough Council"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("BCP Council", "Bournemouth, Christchurch and Poole Council"),
        ("RBWM", "Royal Borough of Windsor and Maidenhead"),
        ("LB Barking and Dagenham", "London Borough of Barking and Dagenham"),
        ("Prepared by ERYC Finance", "East Riding of Yorkshire Council"),
    ],
)
def test_a_councils_initials_on_its_cover_name_it(line: str, name: str) -> None:
    """Councils' own documents go by their initials: the short name's before "Council", the
    official name's alone when four letters or more, a London or royal borough's "LB …"."""
    text = f"Productivity Plan 2024\n{line}\nThis plan sets out how we will improve productivity.\n"
    match = identify_council(text, url="https://www.example-hosting.com/files/plan.pdf")
    assert match is not None and match.name == name


def test_three_letters_alone_name_no_council() -> None:
    """ "NLC" or "CBC" alone could be anything; only with "Council" after them do short
    initials name a council."""
    text = "Productivity Plan 2024\nNLC\nThis plan sets out how we will improve productivity.\n"
    assert identify_council(text, url="https://www.example-hosting.com/files/plan.pdf") is None
