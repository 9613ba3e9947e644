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
from functools import cache
from importlib import resources

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
# Compiled once: label_variants runs for every council when a matcher is built, per worker.
_LEADING_OF_THE = re.compile(r"^\s*(?:of|the)\b")
_TRAILING_OF_THE = re.compile(r"\b(?:of|the)\s*$")
_AND_OR_COMMA = re.compile(r"\s+and\s+|,\s*")
_ON_UPON_UNDER = re.compile(r"[\s-]+(?:on|upon|under)[\s-]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_LETTERS = re.compile(r"[^a-z]+")
_ANY_COUNTY = re.compile("|".join(COUNTY_ABBREVIATIONS))
_COMPASS_STARTS = tuple(f"{full} " for full in COMPASS)
_LABEL_SUFFIXES = tuple(dict.fromkeys(suffix.replace("-", "") for suffix in SUFFIXES))


def compact(name: str) -> str:
    """Lower-case, ``&``→``and``, drop apostrophes and every character that is not a letter."""
    name = name.lower().replace("&", "and").replace("'", "").replace("’", "")
    return _NOT_LETTER.sub("", name)


def hyphenate(name: str) -> str:
    name = name.lower().replace("&", "and").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z]+", "-", name).strip("-")


def _words(name: str) -> list[str]:
    name = name.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return [w for w in _NOT_LETTERS.split(name) if w]


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
        core = _TRAILING_OF_THE.sub(" ", _LEADING_OF_THE.sub(" ", core.strip()))
        if core.strip():
            bases.add(core.strip())
    # "King's Lynn and West Norfolk" → "West Norfolk", "Kings Lynn"; "Epsom and Ewell" →
    # "epsom-ewell"; "Stoke-on-Trent" → "stoke"
    for base in list(bases):
        low = base.lower()
        parts = _AND_OR_COMMA.split(low)
        if len(parts) > 1:
            bases.update(p for p in parts if p.strip())
            bases.add(" ".join(parts))
        place = _ON_UPON_UNDER.split(low)
        if len(place) > 1 and place[0].strip():
            bases.add(place[0])
    if official_name and official_name.lower().startswith("royal borough of "):
        bases.add("royal " + nice_name)
    for base in list(bases):
        low = base.lower()
        if _ANY_COUNTY.search(low):  # most names have none: one look instead of twenty
            for full, shorts in COUNTY_ABBREVIATIONS.items():
                if full in low:
                    for short in shorts:
                        bases.add(low.replace(full, short))
    for base in list(bases):
        low = base.lower()
        if low.startswith(_COMPASS_STARTS):
            for full, short in COMPASS.items():
                if low.startswith(full + " "):
                    bases.add(short + low[len(full) :])
                    break
    labels: set[str] = set()
    for base in bases:
        c = compact(base)
        if len(c) >= 3:
            labels.update(c + suffix for suffix in _LABEL_SUFFIXES)
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


# Words hosting providers and councils put in host names that name no council.
_GENERIC_HOST_WORDS = frozenset(
    {
        "www", "beta", "live", "prd", "prod", "public", "web", "site", "sites", "portal",
        "democracy", "moderngov", "modgov", "committees", "committee", "cmis", "minutes",
        "decisions", "council", "councils", "gov", "mycouncil",
    }
)  # fmt: skip


@cache
def hosting_providers() -> frozenset[str]:
    """Domains of hosting providers whose hosts each belong to one tenant (data file)."""
    text = resources.files("productivity_plans.councils").joinpath("data/hosting_providers.txt")
    lines = (line.strip().lower() for line in text.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def hosting_provider_of(host: str) -> str | None:
    """The listed hosting provider a host belongs to, if any."""
    host = host.lower().strip().rstrip(".")
    return next((p for p in hosting_providers() if host.endswith("." + p)), None)


def tenant_words(host: str) -> list[str]:
    """Words of the tenant part of a hosting provider's host, in ``compact`` form, those run
    together first:
    ``hillingdon.moderngov.co.uk`` → ``["hillingdon"]``, ``democracy-west-oxon.cmis.uk.com``
    → ``["westoxon", "west", "oxon"]``. Empty for a host of no listed provider."""
    host = host.lower().strip().rstrip(".").removeprefix("www.")
    provider = hosting_provider_of(host)
    if provider is None:
        return []
    tenant = host[: -len(provider) - 1]
    words: list[str] = []
    for label in tenant.split("."):
        parts = [p for p in re.split(r"[^a-z]+", label) if p and p not in _GENERIC_HOST_WORDS]
        whole = "".join(parts)
        words.extend(dict.fromkeys([whole, *parts] if len(parts) > 1 else parts))
    return [w for w in words if len(w) >= 3]
