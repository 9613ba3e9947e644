"""Web and e-mail domains for councils: derived from names, plus a small curated override list.

The mySociety register has no domains. English councils almost all publish under
``<label>.gov.uk``, where the label is built from the council's name by a handful of house
rules: the short name run together (``derbyshiredales``), hyphenated (``west-norfolk``), with a
``bc``/``dc``/``council`` suffix (``hyndburnbc``), with compass points shortened (``nwleics``,
``ne-derbyshire``), with a county shortened (``westoxon``, ``north-herts``) or as an initialism
(``iow``, ``lbhf``). :func:`label_variants` generates those variants so identification works for
councils nobody has listed by hand; ``data/domain_overrides.csv`` (ours, not mySociety's) records
the exceptions we know of.
"""

from __future__ import annotations

import re

# Common abbreviations of county and place names in council domains (general house rules,
# not per-council facts).
COUNTY_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "bedfordshire": ("beds",),
    "berkshire": ("berks",),
    "buckinghamshire": ("bucks",),
    "cambridgeshire": ("cambs",),
    "derbyshire": ("derbys",),
    "gloucestershire": ("glos",),
    "hampshire": ("hants",),
    "hertfordshire": ("herts",),
    "lancashire": ("lancs",),
    "leicestershire": ("leics",),
    "lincolnshire": ("lincs",),
    "northamptonshire": ("northants",),
    "nottinghamshire": ("notts",),
    "oxfordshire": ("oxon",),
    "shropshire": ("shrops",),
    "staffordshire": ("staffs",),
    "warwickshire": ("warks",),
    "wiltshire": ("wilts",),
    "worcestershire": ("worcs",),
    "yorkshire": ("yorks",),
}
COMPASS = {
    "north east": "ne",
    "north west": "nw",
    "south east": "se",
    "south west": "sw",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
}
SUFFIXES = ("", "bc", "dc", "cc", "council", "mbc", "-dc", "-bc", "city")
_STOP = {"of", "and", "the", "upon", "on", "with", "in", "under", "le", "by"}
_KIND_WORDS = re.compile(
    r"\b(?:metropolitan|borough|district|county|city|council|corporation|royal|london)\b"
)


def compact(name: str) -> str:
    """Lower-case, ``&``→``and``, drop apostrophes and every character that is not a letter."""
    name = name.lower().replace("&", "and").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z]", "", name)


def hyphenate(name: str) -> str:
    name = name.lower().replace("&", "and").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z]+", "-", name).strip("-")


def _words(name: str) -> list[str]:
    name = name.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return [w for w in re.split(r"[^a-z]+", name) if w]


def initialism(name: str) -> str:
    return "".join(w[0] for w in _words(name))


def label_variants(nice_name: str, official_name: str = "") -> set[str]:
    """Plausible domain labels (the part before ``.gov.uk``) for a council with these names.

    Labels are returned in their ``compact`` form (letters only) so that ``north-herts`` and
    ``northherts`` compare equal.
    """
    bases: set[str] = {nice_name}
    if official_name:
        core = _KIND_WORDS.sub(" ", official_name.lower())
        core = re.sub(r"\b(?:of|the)\s*$", " ", re.sub(r"^\s*(?:of|the)\b", " ", core.strip()))
        if core.strip():
            bases.add(core.strip())
    # "King's Lynn and West Norfolk" → "West Norfolk", "Kings Lynn"; "Epsom and Ewell" →
    # "epsom-ewell"; "Stoke-on-Trent" → "stoke"
    for base in list(bases):
        low = base.lower()
        parts = re.split(r"\s+and\s+|,\s*", low)
        if len(parts) > 1:
            bases.update(p for p in parts if p.strip())
            bases.add(" ".join(parts))
        place = re.split(r"[\s-]+(?:on|upon|under)[\s-]+", low)
        if len(place) > 1 and place[0].strip():
            bases.add(place[0])
    if official_name and re.match(r"royal borough of ", official_name.lower()):
        bases.add("royal " + nice_name)
    for base in list(bases):
        low = base.lower()
        for full, shorts in COUNTY_ABBREVIATIONS.items():
            if full in low:
                for short in shorts:
                    bases.add(low.replace(full, short))
    for base in list(bases):
        low = base.lower()
        for full, short in COMPASS.items():
            if low.startswith(full + " "):
                bases.add(short + low[len(full) :])
                break
    labels: set[str] = set()
    for base in bases:
        c = compact(base)
        if len(c) >= 3:
            for suffix in SUFFIXES:
                labels.add(c + suffix.replace("-", ""))
    for name in (nice_name, official_name):
        words = [w for w in _words(name) if w not in {"council"}]
        if len(words) >= 2:
            full = "".join(w[0] for w in words)
            sig = "".join(w[0] for w in words if w not in _STOP)
            for label in (full, sig):
                if len(label) >= 3:
                    labels.add(label)
                    labels.add(label + "council")
            # "Tonbridge and Malling Borough Council" → "tmbc", "New Forest" → "nfdc"
            if len(sig) >= 2:
                labels.update(sig + suffix for suffix in ("bc", "dc", "mbc"))
    return labels


def derive_domains(nice_name: str, slug: str = "") -> tuple[str, ...]:
    """The two commonest domain candidates: run-together short name and hyphenated slug."""
    out: list[str] = []
    for label in (compact(nice_name), slug or hyphenate(nice_name)):
        if label and f"{label}.gov.uk" not in out:
            out.append(f"{label}.gov.uk")
    return tuple(out)


def registrable_label(host: str) -> str | None:
    """The council label of a host: ``minutes-1.nwleics.gov.uk`` → ``nwleics``.

    Only ``*.gov.uk`` hosts (and ``.gov.uk`` e-mail domains) are trusted; anything else (a
    hosting provider, a ``.com``) returns None.
    """
    host = host.lower().strip().rstrip(".")
    host = host.split("@")[-1].split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    if not host.endswith(".gov.uk"):
        return None
    parts = host[: -len(".gov.uk")].split(".")
    return parts[-1] if parts and parts[-1] else None
