"""The names documents use for a council: the register's, plus common short forms.

The register holds official, short and alternative names ("Stockton-on-Tees Borough Council",
"Stockton-on-Tees"). Documents also use shorter forms built by a few house rules that hold
across councils:

* a county shortened ("West Oxon", "North Herts", "NW Leics");
* a compass point shortened ("NE Derbyshire");
* the town before "-on-", "upon" or "under" ("Stockton", "Southend", "Stoke");
* the first place of "X and Y" ("Telford", "Brighton", "Windsor").

A short form is used only when it is unambiguous: :func:`unambiguous_short_forms` drops one
that two councils would share ("Kingston", "Newcastle") or that is already the name of another
council, current or former.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from productivity_plans.councils.domains import COUNTY_ABBREVIATIONS
from productivity_plans.councils.register import Council

# Compass points as documents abbreviate them: only the two-letter forms, since "N Somerset"
# and "W Suffolk" are rare and single letters are too easily something else.
COMPASS_SHORT = {"north east": "NE", "north west": "NW", "south east": "SE", "south west": "SW"}
_TOWN_ON_RIVER = re.compile(r"^(?P<town>[A-Z][\w']+)(?:-on-|-under-|-upon-| upon | on )", re.I)
_FIRST_OF_PAIR = re.compile(r"^(?P<first>[A-Z][\w' ]+?)(?:,| and | & )")


def abbreviated_forms(name: str) -> set[str]:
    """``name`` with its county and compass words shortened, in every combination
    ("North West Leicestershire" → "North West Leics", "NW Leicestershire", "NW Leics")."""
    forms = {name}
    for full, shorts in COUNTY_ABBREVIATIONS.items():
        for form in list(forms):
            if full in form.lower():
                for short in shorts:
                    forms.add(re.sub(full, short.capitalize(), form, flags=re.IGNORECASE))
    for full, short in COMPASS_SHORT.items():
        for form in list(forms):
            if form.lower().startswith(full + " "):
                forms.add(short + form[len(full) :])
    return forms


def short_forms(council: Council) -> set[str]:
    """Short forms of the council's short name that are not already one of its names."""
    name = council.nice_name
    forms = abbreviated_forms(name)
    if m := _TOWN_ON_RIVER.match(name):
        forms.add(m["town"])
    if m := _FIRST_OF_PAIR.match(name):
        forms |= abbreviated_forms(m["first"].strip())
    known = {n.lower() for n in council.names}
    return {f for f in forms if f.lower() not in known and len(f) >= 4}


def unambiguous_short_forms(
    councils: Iterable[Council], register_names: Iterable[str]
) -> dict[str, set[str]]:
    """Council code → its short forms that no other council shares and that are not another
    council's registered name (``register_names``, lower-cased, every council ever)."""
    return _unambiguous(councils, register_names, short_forms)


def _unambiguous(
    councils: Iterable[Council],
    register_names: Iterable[str],
    forms_of: Callable[[Council], set[str]],
) -> dict[str, set[str]]:
    """Council code → those of its ``forms_of`` that no other council shares and that are not
    another council's registered name."""
    councils = list(councils)
    claimed: dict[str, set[str]] = defaultdict(set)
    for council in councils:
        for form in forms_of(council):
            claimed[form.lower()].add(council.code)
    taken = set(register_names)
    out: dict[str, set[str]] = defaultdict(set)
    for council in councils:
        for form in forms_of(council):
            key = form.lower()
            if claimed[key] == {council.code} and key not in taken:
                out[council.code].add(form)
    return dict(out)


# Words an initialism skips: "Royal Borough of Kensington and Chelsea" is "RBKC".
_NOT_INITIALLED = frozenset({"of", "and", "the", "upon", "on", "in", "under"})
# A bare initialism must be this long: three letters ("NLC", "CBC") mean too much else.
_BARE_INITIALISM = 4
_BOROUGH_PREFIXES = {"london borough of ": "LB ", "royal borough of ": "RB "}


def _initials(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w']*", name)
    return "".join(w[0].upper() for w in words if w.lower() not in _NOT_INITIALLED)


def initialisms(council: Council) -> set[str]:
    """The initials a council's own documents go by: its short name's before "Council" ("BCP
    Council"), its official name's alone when long enough to mean nothing else ("RBKC",
    "BHCC", "ERYC"), and a London or royal borough's "LB Hackney", "RB Greenwich"."""
    forms: set[str] = set()
    if len(short := _initials(council.nice_name)) >= 3:
        forms.add(f"{short} Council")
    if len(official := _initials(council.official_name)) >= _BARE_INITIALISM:
        forms.add(official)
    for prefix, short_prefix in _BOROUGH_PREFIXES.items():
        if council.official_name.lower().startswith(prefix):
            forms.add(short_prefix + council.nice_name)
    return forms


def unambiguous_initialisms(
    councils: Iterable[Council], register_names: Iterable[str]
) -> dict[str, set[str]]:
    """Council code → its initialisms that no other council shares and that are not another
    council's registered name (as :func:`unambiguous_short_forms`)."""
    return _unambiguous(councils, register_names, initialisms)
