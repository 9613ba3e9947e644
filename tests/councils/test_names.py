"""Short forms of council names: general house rules, used only when unambiguous."""

from productivity_plans.councils.identify import default_matcher
from productivity_plans.councils.names import (
    abbreviated_forms,
    short_forms,
    unambiguous_short_forms,
)


def _council(nice_name: str):
    return next(c for c in default_matcher().councils.values() if c.nice_name == nice_name)


def test_county_and_compass_words_are_shortened_in_every_combination():
    assert abbreviated_forms("North West Leicestershire") == {
        "North West Leicestershire",
        "North West Leics",
        "NW Leicestershire",
        "NW Leics",
    }


def test_a_town_on_a_river_is_known_by_the_town():
    assert "Stockton" in short_forms(_council("Stockton-on-Tees"))
    assert "Southend" in short_forms(_council("Southend-on-Sea"))


def test_the_first_place_of_a_pair_is_a_short_form():
    assert "Telford" in short_forms(_council("Telford and Wrekin"))
    assert "Brighton" in short_forms(_council("Brighton and Hove"))


def test_a_short_form_two_councils_share_is_dropped():
    matcher = default_matcher()
    short = unambiguous_short_forms(matcher.councils.values(), matcher.register.name_index())
    every_form = {form for forms in short.values() for form in forms}
    assert "Kingston" not in every_form  # upon Thames and upon Hull
    assert "Newcastle" not in every_form  # upon Tyne and under Lyme


def test_no_short_form_is_another_councils_name():
    matcher = default_matcher()
    names = matcher.register.name_index()
    short = unambiguous_short_forms(matcher.councils.values(), names)
    for code, forms in short.items():
        for form in forms:
            assert names.get(form.lower(), {code}) == {code}, form


def test_every_short_form_identifies_its_council_as_a_full_name():
    matcher = default_matcher()
    short = unambiguous_short_forms(matcher.councils.values(), matcher.register.name_index())
    missed = []
    for code, forms in short.items():
        for form in forms:
            for words in ("Council", "Borough Council"):
                match = matcher.identify(f"Report to Cabinet\n\nThe {form} {words} plan.")
                if match is None or match.gss_code != matcher.councils[code].gss_code:
                    missed.append(f"{form} {words}")
    assert missed == []
