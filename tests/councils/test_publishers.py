"""Publishers that are not councils, from the URL's host or the masthead."""

from productivity_plans.councils.publishers import (
    masthead_lines,
    publisher_of_masthead,
    publisher_of_url,
)
from productivity_plans.councils.sites import site_of


def test_a_publishers_host_covers_its_subdomains():
    assert publisher_of_url("https://www.bbc.co.uk/news/x").kind == "news"
    assert publisher_of_url("https://news.localgov.co.uk/x").kind == "trade_press"
    assert publisher_of_url("https://www.local.gov.uk/briefings/x").kind == "national_body"


def test_gov_uk_is_central_government_but_its_council_subdomains_are_not():
    assert publisher_of_url("https://www.gov.uk/government/publications/x").kind == (
        "national_body"
    )
    assert publisher_of_url("https://assets.publishing.service.gov.uk/media/x.pdf") is not None
    assert publisher_of_url("https://democracy.sefton.gov.uk/ieIssueDetails.aspx") is None
    assert publisher_of_url("https://www.sefton.gov.uk/plan") is None


def test_a_masthead_is_the_publishers_name_alone_or_as_one_part_of_a_line():
    for lines in (
        ["Local Government Association", "Briefing"],
        ["Skip to content", "LocalGov | News"],
        ["Productivity plans - The MJ"],
        ["Published by the National Audit Office"],
    ):
        publisher, _line = publisher_of_masthead(lines)
        assert publisher is not None, lines


def test_a_department_mentioned_in_an_opening_sentence_is_not_a_masthead():
    text = (
        "In April 2024 the Department for Levelling Up, Housing and Communities asked "
        "councils for a plan.\n\nOur plan"
    )
    assert publisher_of_masthead(masthead_lines(text)) == (None, -1)


def test_a_reporters_byline_is_news_but_a_teams_is_not():
    assert publisher_of_masthead(["Headline", "By Jane Smith"])[0].kind == "news"
    assert publisher_of_masthead(["News release", "By Communications Team"]) == (None, -1)
    assert publisher_of_masthead(["By Cllr Jane Smith"]) == (None, -1)


def test_publishers_hosts_are_never_a_councils_site():
    assert site_of("https://www.theguardian.com/society/x") is None
    assert site_of("https://www.instituteforgovernment.org.uk/x") is None
    assert site_of("https://www.gov.uk/x") is None
    assert site_of("https://democracy.sefton.gov.uk/x") == "democracy.sefton.gov.uk"


def test_a_local_papers_title_is_a_news_masthead():
    for line in ("Derbyshire Times", "Manchester Evening News", "The Northern Echo", "Kent Online"):
        publisher, _line = publisher_of_masthead([line, "Council backs plan"])
        assert publisher is not None and publisher.kind == "news", line
    assert publisher_of_masthead(["Productivity Plan 2024", "Our approach"]) == (None, -1)
