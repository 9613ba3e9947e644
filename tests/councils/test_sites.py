"""Site inference: a document that names no council takes its site's council, cautiously."""

from __future__ import annotations

from productivity_plans.councils.identify import CouncilMatch
from productivity_plans.councils.sites import (
    SITE_CONFIDENCE,
    SiteDocument,
    infer_site_councils,
    is_inferred,
    site_of,
)

STOCKTON = CouncilMatch("E06000004", "Stockton-on-Tees Borough Council", "unitary", 0.86, ())
STOCKPORT = CouncilMatch("E08000007", "Stockport Metropolitan Borough Council", "metro", 0.9, ())
HOSTED = "https://beta.stock1-prd.gosshosted.com"


def _none(_key: int) -> str:
    """A page that names no council at all."""
    return "Productivity Plan\n\nWe are a bold, brave and innovative Council."


def test_the_site_is_the_host_name_without_www_and_port():
    assert (
        site_of(f"{HOSTED}:443/productivity-plan?action=Print") == "beta.stock1-prd.gosshosted.com"
    )
    assert site_of("https://www.woking.gov.uk/plan") == "woking.gov.uk"
    assert site_of("democracy.x.gov.uk/mgAi.aspx") == "democracy.x.gov.uk"
    assert site_of(None) is None and site_of("") is None


def test_hosts_that_publish_about_many_councils_are_not_sites():
    assert site_of("https://www.gov.uk/government/publications/plans") is None
    assert site_of("https://gov.uk/x") is None
    assert site_of("https://assets.publishing.service.gov.uk/media/x.pdf") is None
    assert site_of("https://www.lgcplus.com/finance/productivity-plans") is None
    assert site_of("https://docs.google.com/document/d/abc") is None


def test_an_unnamed_page_takes_the_council_its_site_names_elsewhere():
    docs = [
        SiteDocument(1, f"{HOSTED}/article/15155/how-we-transformed", STOCKTON),
        SiteDocument(2, f"{HOSTED}:443/productivity-plan?action=Print", None),
    ]
    inferred = infer_site_councils(docs, _none)
    assert set(inferred) == {2}
    assert inferred[2].gss_code == "E06000004"
    assert inferred[2].confidence == SITE_CONFIDENCE < STOCKTON.confidence
    assert is_inferred(inferred[2]) and "beta.stock1-prd.gosshosted.com" in inferred[2].evidence[0]


def test_a_site_whose_documents_disagree_settles_nothing():
    docs = [
        SiteDocument(1, f"{HOSTED}/a", STOCKTON),
        SiteDocument(2, f"{HOSTED}/b", STOCKPORT),
        SiteDocument(3, f"{HOSTED}/c", None),
    ]
    assert infer_site_councils(docs, _none) == {}


def test_another_site_says_nothing():
    docs = [
        SiteDocument(1, "https://stockton.gov.uk/plan", STOCKTON),
        SiteDocument(2, f"{HOSTED}/plan", None),
        SiteDocument(3, None, None),
    ]
    assert infer_site_councils(docs, _none) == {}


def test_a_page_pointing_at_another_council_is_left_unidentified():
    docs = [SiteDocument(1, f"{HOSTED}/a", STOCKTON), SiteDocument(2, f"{HOSTED}/b", None)]
    asked: list[int] = []

    def text_of(key: int) -> str:
        asked.append(key)
        return "Stockton-on-Tees Borough Council and Hartlepool Borough Council"

    assert infer_site_councils(docs, text_of) == {}
    assert asked == [2]  # only documents that could inherit are read


def test_a_page_weakly_naming_the_same_council_still_inherits():
    docs = [SiteDocument(1, f"{HOSTED}/a", STOCKTON), SiteDocument(2, f"{HOSTED}/b", None)]
    inferred = infer_site_councils(docs, lambda _key: "The Stockton-on-Tees plan.")
    assert inferred[2].gss_code == "E06000004"


def test_earlier_inferences_are_not_evidence_for_later_ones():
    earlier = infer_site_councils(
        [SiteDocument(1, f"{HOSTED}/a", STOCKTON), SiteDocument(2, f"{HOSTED}/b", None)], _none
    )[2]
    # Document 1 was re-extracted and no longer names a council: nothing holds document 2 up.
    docs = [SiteDocument(1, f"{HOSTED}/a", None), SiteDocument(2, f"{HOSTED}/b", earlier)]
    assert infer_site_councils(docs, _none) == {}


def test_a_council_subdomain_of_gov_uk_is_its_own_site():
    assert site_of("https://democracy.guildford.gov.uk/x") == "democracy.guildford.gov.uk"
    assert site_of("https://www.oflog.gov.uk/news") is None
