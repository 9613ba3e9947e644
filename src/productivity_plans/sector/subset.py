"""A snapshot narrowed to councils of one type and/or region (the dashboard's filters).

Every analysis then runs unchanged over the narrower snapshot, so a filtered figure is computed
exactly as the unfiltered one. Documents, decisions, events and passages not tied to a kept
council are left out. Embeddings already computed for the full snapshot are carried over
(sliced), so narrowing never recomputes them.
"""

from __future__ import annotations

from productivity_plans.sector.groups import keep
from productivity_plans.sector.snapshot import SectorSnapshot


def restrict(
    snapshot: SectorSnapshot, *, type: str | None = None, region: str | None = None
) -> SectorSnapshot:
    """The councils matching ``type`` and ``region`` (None: any) and only their material."""
    if type is None and region is None:
        return snapshot
    councils = [c for c in snapshot.councils if keep(c, type, region)]
    kept = {c.gss_code for c in councils}
    positions = [i for i, p in enumerate(snapshot.passages) if p.council_gss in kept]
    vectors = snapshot.vectors
    if vectors is not None and len(vectors) == len(snapshot.passages):
        vectors = vectors[positions]
    else:
        vectors = None
    return SectorSnapshot(
        framework=snapshot.framework,
        councils=councils,
        documents=[d for d in snapshot.documents if d.council_gss in kept],
        decisions=[d for d in snapshot.decisions if d.council_gss in kept],
        events=[e for e in snapshot.events if e.council_gss in kept],
        passages=[snapshot.passages[i] for i in positions],
        model_version=snapshot.model_version,
        vectors=vectors,
    )
