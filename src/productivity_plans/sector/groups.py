"""Grouping councils by type or region, and the labels the report shows for them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from productivity_plans.sector.snapshot import CouncilRow

GroupBy = Literal["all", "type", "region"]
ALL = "All councils"

TYPE_LABELS = {
    "non_metropolitan_district": "District",
    "unitary": "Unitary",
    "metropolitan_district": "Metropolitan district",
    "london_borough": "London borough",
    "county": "County",
    "city_corporation": "City of London",
}
TYPE_ORDER = list(TYPE_LABELS)


def group_of(council: CouncilRow, by: GroupBy) -> str:
    if by == "type":
        return council.type
    if by == "region":
        return council.region
    return ALL


def group_label(group: str) -> str:
    return TYPE_LABELS.get(group, group)


def ordered_groups(councils: Iterable[CouncilRow], by: GroupBy) -> list[str]:
    present = {group_of(c, by) for c in councils}
    if by == "type":
        return [t for t in TYPE_ORDER if t in present] + sorted(present - set(TYPE_ORDER))
    return sorted(present)


def keep(council: CouncilRow, type: str | None = None, region: str | None = None) -> bool:
    return (type is None or council.type == type) and (
        region is None or council.region.lower() == region.lower()
    )
