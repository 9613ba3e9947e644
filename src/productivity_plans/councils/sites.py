"""The council of a document that never names one, from the site it was published on.

A plan page on a council's hosted content system (``beta.stock1-prd.gosshosted.com``) may never
name its council, while another page of the same site does. A person reading both would say
they are the same council's; so does this module, cautiously:

* the site is the URL's host name (without ``www.`` and the port), not its registrable domain:
  ``democracy.x.gov.uk`` and ``www.x.gov.uk`` are different sites, and every council on a shared
  hosting provider has its own host name;
* hosts that publish about many councils (``data/shared_hosts.txt``: GOV.UK, the trade press,
  file-sharing sites, and every publisher in ``data/publishers.csv``) are never evidence;
* every document identified on its own on that site must agree on one council;
* the document itself must point at no other council, however weakly.

The result is marked as inferred in its evidence and has a lower confidence than a council
identified from the document's own text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from productivity_plans.councils.identify import CouncilMatch, default_matcher
from productivity_plans.councils.publishers import PUBLIC_SUFFIXES, publisher_hosts

SITE_CONFIDENCE = 0.6
SITE_EVIDENCE_PREFIX = "same site as"


@dataclass(frozen=True, slots=True)
class SiteDocument:
    """One document as site inference sees it: ``council`` is what its own evidence gave."""

    key: int
    url: str | None
    council: CouncilMatch | None


@cache
def shared_hosts() -> frozenset[str]:
    """``data/shared_hosts.txt``, and every publisher that is not a council
    (``publishers``), with its subdomains."""
    text = resources.files("productivity_plans.councils").joinpath("data/shared_hosts.txt")
    lines = (line.strip().lower() for line in text.read_text("utf-8").splitlines())
    listed = {line for line in lines if line and not line.startswith("#")}
    publishers = {f"*.{host}" for host in publisher_hosts() if host not in PUBLIC_SUFFIXES}
    return frozenset(listed | publishers | (publisher_hosts() & PUBLIC_SUFFIXES))


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to, or None for no URL or a host shared by many councils."""
    if not url:
        return None
    host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    if "." not in host:
        return None
    labels = host.split(".")
    patterns = {host} | {"*." + ".".join(labels[i:]) for i in range(len(labels))}
    return None if patterns & shared_hosts() else host


def is_inferred(match: CouncilMatch | None) -> bool:
    return match is not None and any(e.startswith(SITE_EVIDENCE_PREFIX) for e in match.evidence)


@dataclass(frozen=True, slots=True)
class SiteCount:
    """How many documents on one site name one council from their own evidence: a site's
    tally of councils is a list of these, one per council with at least one document."""

    gss_code: str
    name: str
    type: str
    documents: int


def infer_site_councils(
    documents: Iterable[SiteDocument], text_of: Callable[[int], str]
) -> dict[int, CouncilMatch]:
    """Councils for unidentified documents whose site's identified documents all agree.

    ``text_of(key)`` gives a document's text, read only for documents that could inherit, to
    check that it points at no other council however weakly (``CouncilMatcher.candidates``;
    the matcher is built only then). Documents whose council an earlier run inferred count as
    unidentified, so a run over the whole collection gives the same answer whatever order
    documents came in.
    """
    identified: dict[str, dict[str, list[CouncilMatch]]] = defaultdict(lambda: defaultdict(list))
    unknown: list[SiteDocument] = []
    for doc in documents:
        site = site_of(doc.url)
        if site is None:
            continue
        if doc.council is None or is_inferred(doc.council):
            unknown.append(doc)
        else:
            identified[site][doc.council.gss_code].append(doc.council)
    tally = {
        site: [
            SiteCount(code, matches[0].name, matches[0].type, len(matches))
            for code, matches in by_council.items()
        ]
        for site, by_council in identified.items()
    }
    return infer_from_tally(unknown, tally, text_of)


def infer_from_tally(
    unknown: Iterable[SiteDocument],
    tally: Mapping[str, Sequence[SiteCount]],
    text_of: Callable[[int], str],
) -> dict[int, CouncilMatch]:
    """Councils for unidentified documents (no council, or an inferred one) from their sites'
    tallies of councils (``tally``: site → councils its identified documents name), so that a
    store can keep the tally instead of reading every document of a site. The rule is
    ``infer_site_councils``'s."""
    out: dict[int, CouncilMatch] = {}
    for doc in unknown:
        site = site_of(doc.url)
        counts = [count for count in tally.get(site, ()) if count.documents > 0] if site else []
        if len(counts) != 1:
            continue
        (count,) = counts
        if not default_matcher().candidates(text_of(doc.key), url=doc.url) <= {count.gss_code}:
            continue
        plural = "s" if count.documents > 1 else ""
        out[doc.key] = CouncilMatch(
            gss_code=count.gss_code,
            name=count.name,
            type=count.type,
            confidence=SITE_CONFIDENCE,
            evidence=(
                f"{SITE_EVIDENCE_PREFIX} {count.documents} document{plural} naming it: {site}",
            ),
        )
    return out
