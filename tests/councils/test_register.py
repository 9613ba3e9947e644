from collections import Counter
from datetime import date

import pytest

from productivity_plans.councils import load_register
from productivity_plans.framework import load_framework

DEADLINE = load_framework().deadline


@pytest.fixture(scope="module")
def register():
    return load_register()


def test_317_councils_were_in_force_in_england_on_the_deadline(register):
    assert date(2024, 7, 19) == DEADLINE
    assert len(register.in_force(DEADLINE)) == 317


def test_the_317_split_by_type_as_published(register):
    counts = Counter(c.type for c in register.in_force(DEADLINE))
    assert counts == {
        "non_metropolitan_district": 164,
        "unitary": 63,  # 62 unitary authorities + the Isles of Scilly
        "metropolitan_district": 36,
        "london_borough": 32,
        "city_corporation": 1,
        "county": 21,
    }


def test_the_isles_of_scilly_counts_as_a_unitary(register):
    scilly = register.by_gss("E06000053")
    assert scilly is not None and scilly.type == "unitary"


def test_the_city_of_london_is_the_only_city_corporation(register):
    [city] = register.filter(type="city_corporation")
    assert city.gss_code == "E09000001"


def test_including_combined_authorities_adds_twelve_and_the_gla(register):
    with_combined = register.in_force(DEADLINE, include_combined=True)
    extra = {c.type for c in with_combined} - {c.type for c in register.in_force(DEADLINE)}
    assert len(with_combined) == 330
    assert extra == {"combined_authority", "strategic_regional_authority"}


def test_councils_abolished_in_2023_are_not_in_force_in_2024(register):
    allerdale = register.search("Allerdale")[0]
    assert allerdale.end_date is not None
    assert not allerdale.in_force(DEADLINE)
    assert allerdale.in_force(date(2020, 1, 1))


def test_lookup_by_gss_code_and_registry_code_agree(register):
    bolsover = register.by_gss("E07000033")
    assert bolsover is not None
    assert bolsover.official_name == "Bolsover District Council"
    assert register.by_code(bolsover.code) is bolsover
    assert register.by_gss("E99999999") is None


def test_a_district_records_its_county(register):
    nwl = register.by_gss("E07000134")
    leics = register.by_gss("E10000018")
    assert nwl is not None and leics is not None
    assert nwl.county == leics.code
    assert nwl.type == "non_metropolitan_district" and leics.type == "county"


def test_search_finds_exact_names_first(register):
    assert register.search("Derbyshire Dales")[0].gss_code == "E07000035"
    assert register.search("london borough of havering")[0].gss_code == "E09000016"


def test_search_tolerates_small_misspellings(register):
    assert register.search("Derbyshre Dales District Council")[0].gss_code == "E07000035"


def test_filter_by_region_and_type(register):
    em_counties = register.filter(type="county", region="East Midlands", on=DEADLINE)
    assert {c.nice_name for c in em_counties} == {
        "Derbyshire",
        "Leicestershire",
        "Lincolnshire",
        "Nottinghamshire",
    }
    assert all(c.type == "county" for c in em_counties)


def test_derbyshire_and_lincolnshire_carry_their_ons_region(register):
    # mySociety has West Midlands and Yorkshire and The Humber; ONS has East Midlands.
    assert register.by_gss("E10000007").region == "East Midlands"  # Derbyshire
    assert register.by_gss("E10000019").region == "East Midlands"  # Lincolnshire


def test_every_two_tier_district_shares_its_countys_region(register):
    districts = [c for c in register.in_force(DEADLINE) if c.county]
    assert len(districts) == 164
    for district in districts:
        county = register.by_code(district.county)
        assert county is not None, district.official_name
        assert district.region == county.region, district.official_name


def test_the_317_split_by_ons_region(register):
    # Counted from the structure, not copied from the data:
    # London 32 boroughs + the City = 33. North East: 7 unitaries + 5 Tyne and Wear boroughs
    # = 12. Yorkshire and The Humber: 9 metropolitan boroughs + 6 unitaries (York, North
    # Yorkshire, East Riding, Hull, North and North East Lincolnshire) = 15. East Midlands:
    # 4 counties + 29 districts (Derbyshire 8, Leicestershire 7, Lincolnshire 7,
    # Nottinghamshire 7) + 6 unitaries (Derby, Leicester, Nottingham, Rutland, North and West
    # Northamptonshire) = 39. West Midlands: 7 metropolitan boroughs + 4 unitaries + 3 counties
    # + 19 districts (Staffordshire 8, Warwickshire 5, Worcestershire 6) = 33.
    counts = Counter(c.region for c in register.in_force(DEADLINE))
    assert counts == {
        "South East": 70,
        "East of England": 50,
        "East Midlands": 39,
        "North West": 36,
        "West Midlands": 33,
        "London": 33,
        "South West": 29,
        "Yorkshire and The Humber": 15,
        "North East": 12,
    }


@pytest.mark.parametrize(
    ("gss", "domain"),
    [
        ("E07000033", "bolsover.gov.uk"),
        ("E07000035", "derbyshiredales.gov.uk"),
        ("E07000129", "blaby.gov.uk"),
        ("E07000134", "nwleics.gov.uk"),
        ("E07000170", "ashfield.gov.uk"),
    ],
)
def test_every_council_has_candidate_domains(register, gss, domain):
    assert domain in register.by_gss(gss).domains


def test_all_317_councils_have_at_least_one_gov_uk_domain(register):
    assert all(any(d.endswith(".gov.uk") for d in c.domains) for c in register.in_force(DEADLINE))
