"""The register of UK local authorities (mySociety, CC-BY-4.0) as typed, queryable records.

Data: ``data/uk_local_authorities_future.csv`` and ``data/lookup_name_to_registry.csv`` are
mySociety's "UK Local Authorities (including future)" v1.7.3, © mySociety, CC-BY-4.0.
``data/domain_overrides.csv`` and ``data/region_corrections.csv`` are ours (see
``data/README.md``): the second sets the ONS region where mySociety's differs (Derbyshire and
Lincolnshire county councils), so every council carries its ONS region and a two-tier district
always shares its county's.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from productivity_plans.councils.domains import compact, derive_domains

CouncilType = Literal[
    "non_metropolitan_district",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "city_corporation",
    "county",
    "combined_authority",
    "strategic_regional_authority",
    "scottish_unitary",
    "welsh_unitary",
    "ni_district",
]

# mySociety's local-authority-type codes → our normalised types. The Isles of Scilly is "UA"
# in the data, so it is a unitary here (the "62 unitaries + Isles of Scilly" of the 317).
TYPE_CODES: dict[str, CouncilType] = {
    "NMD": "non_metropolitan_district",
    "UA": "unitary",
    "MD": "metropolitan_district",
    "LBO": "london_borough",
    "CC": "city_corporation",
    "CTY": "county",
    "COMB": "combined_authority",
    "SRA": "strategic_regional_authority",
    "SCO": "scottish_unitary",
    "WPA": "welsh_unitary",
    "NID": "ni_district",
}
COMBINED_TYPES: frozenset[str] = frozenset({"combined_authority", "strategic_regional_authority"})
ATTRIBUTION = (
    "Contains the 'UK Local Authorities (including future)' dataset by mySociety, "
    "licensed under CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)."
)


@dataclass(frozen=True, slots=True)
class Council:
    """One local authority, current or former."""

    code: str  # mySociety registry code, e.g. "BOV"
    gss_code: str  # ONS code, e.g. "E07000033"
    official_name: str
    nice_name: str
    alt_names: tuple[str, ...]
    type: CouncilType
    type_name: str
    region: str
    county: str | None  # registry code of the county council for two-tier districts
    start_date: date | None
    end_date: date | None  # last day in force, None while current
    replaced_by: str | None
    nation: str
    domains: tuple[str, ...] = field(default=())

    def in_force(self, on: date) -> bool:
        if self.start_date is not None and self.start_date > on:
            return False
        return self.end_date is None or self.end_date >= on

    @property
    def names(self) -> tuple[str, ...]:
        """Official, short and alternative names, de-duplicated, original casing kept."""
        seen: dict[str, str] = {}
        for name in (self.official_name, self.nice_name, *self.alt_names):
            if name and name.lower() not in seen:
                seen[name.lower()] = name
        return tuple(seen.values())


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _data_file(name: str) -> str:
    return resources.files("productivity_plans.councils").joinpath("data", name).read_text("utf-8")


class Register:
    """All councils, with lookups by code, GSS code and name."""

    def __init__(self, councils: Iterable[Council], name_lookup: dict[str, str] | None = None):
        self.councils: tuple[Council, ...] = tuple(councils)
        self._by_code = {c.code: c for c in self.councils}
        self._by_gss = {c.gss_code: c for c in self.councils if c.gss_code}
        names: dict[str, set[str]] = defaultdict(set)
        for c in self.councils:
            for n in c.names:
                names[n.lower()].add(c.code)
        for n, code in (name_lookup or {}).items():
            if code in self._by_code:
                names[n.lower()].add(code)
        self._names = dict(names)
        self._choices = list(self._names)

    def __iter__(self) -> Iterator[Council]:
        return iter(self.councils)

    def __len__(self) -> int:
        return len(self.councils)

    def by_code(self, code: str) -> Council | None:
        return self._by_code.get(code.upper())

    def by_gss(self, code: str) -> Council | None:
        return self._by_gss.get(code.upper())

    def name_index(self) -> dict[str, set[str]]:
        """Lower-cased name → registry codes (official, short, alternative and lookup names)."""
        return self._names

    def in_force(
        self, on: date, nation: str | None = "England", include_combined: bool = False
    ) -> list[Council]:
        return [
            c
            for c in self.councils
            if c.in_force(on)
            and (nation is None or c.nation == nation)
            and (include_combined or c.type not in COMBINED_TYPES)
        ]

    def filter(
        self,
        *,
        type: CouncilType | str | None = None,
        region: str | None = None,
        nation: str | None = None,
        on: date | None = None,
    ) -> list[Council]:
        return [
            c
            for c in self.councils
            if (type is None or c.type == type)
            and (region is None or c.region.lower() == region.lower())
            and (nation is None or c.nation == nation)
            and (on is None or c.in_force(on))
        ]

    def search(self, name: str, *, limit: int = 5, on: date | None = None) -> list[Council]:
        """Councils whose names match ``name``: exact names first, then fuzzy (score ≥ 85)."""
        key = name.strip().lower()
        found: list[Council] = []
        for code in sorted(self._names.get(key, ())):
            found.append(self._by_code[code])
        if len(found) < limit:
            # Imported here: only name search needs it, and every ingest worker imports this.
            from rapidfuzz import fuzz, process

            for choice, _score, _ in process.extract(
                key, self._choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=85
            ):
                for code in sorted(self._names[choice]):
                    council = self._by_code[code]
                    if council not in found:
                        found.append(council)
        if on is not None:
            found = [c for c in found if c.in_force(on)]
        return found[:limit]


def _read_overrides() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(_data_file("domain_overrides.csv").splitlines()):
        out[row["local-authority-code"]].append(row["domain"].strip().lower())
    return out


def _read_region_corrections() -> dict[str, str]:
    return {
        row["local-authority-code"]: row["region"].strip()
        for row in csv.DictReader(_data_file("region_corrections.csv").splitlines())
    }


@cache
def load_register() -> Register:
    """The bundled register (cached: parsed once per process), ONS regions corrected."""
    overrides = _read_overrides()
    regions = _read_region_corrections()
    councils: list[Council] = []
    for row in csv.DictReader(_data_file("uk_local_authorities_future.csv").splitlines()):
        code = row["local-authority-code"]
        alt = tuple(a.strip() for a in row["alt-names"].split(",") if a.strip())
        derived = derive_domains(row["nice-name"], row["gov-uk-slug"])
        domains = tuple(dict.fromkeys([*overrides.get(code, []), *derived]))
        councils.append(
            Council(
                code=code,
                gss_code=row["gss-code"],
                official_name=row["official-name"],
                nice_name=row["nice-name"],
                alt_names=alt,
                type=TYPE_CODES[row["local-authority-type"]],
                type_name=row["local-authority-type-name"],
                region=regions.get(code, row["region"]),
                county=row["county-la"] or None,
                start_date=_date(row["start-date"]),
                end_date=_date(row["end-date"]),
                replaced_by=row["replaced-by"] or None,
                nation=row["nation"],
                domains=domains,
            )
        )
    lookup = {
        row["la-name"]: row["local-authority-code"]
        for row in csv.DictReader(_data_file("lookup_name_to_registry.csv").splitlines())
    }
    return Register(councils, lookup)


__all__ = ["ATTRIBUTION", "Council", "CouncilType", "Register", "compact", "load_register"]
