from productivity_plans.councils.identify import default_matcher, identify_council


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
