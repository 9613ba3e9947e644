"""Publishers that are not councils: national bodies, trade press, think tanks and news sites.

A document they publish has no council unless it is clearly about one (convention: "a document
from a national body, a trade publication or a news site about councils in general has no
council"). This module only says who published a document, from its URL's host or from its
opening lines; ``identify`` decides what that means for the council.

The publishers are listed in ``data/publishers.csv`` (ours, same licence as the project): a host
(matched with its subdomains), a name as it appears in a masthead, or both, and a kind.

From the text, a publisher is recognised only where a masthead would be: an opening line (or the
page title) that is the publisher's name, alone or as one part of it ("BBC News | Home",
"Productivity plans - LocalGov"), a "Published by <name>" line, or a newspaper byline ("By Jane
Smith"). A council paper that merely mentions the department in its first paragraph is not
the department's.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal
from urllib.parse import urlsplit

PublisherKind = Literal["national_body", "trade_press", "think_tank", "news"]

# How many opening lines may hold a masthead, and how long such a line may be.
MASTHEAD_LINES = 8
MASTHEAD_LENGTH = 100
_BYLINE = re.compile(r"By [A-Z][a-z]+(?: [A-Z][a-zA-Z'-]+){1,2}")
# A byline naming a team or an office is a council's own press release, not a reporter's.
_NOT_A_PERSON = re.compile(
    r"\b(?:Cllr|Councillor|Council|Team|Office|Officer|Communications|Press|Department|Service"
    r"|Services|Unit|Leader|Mayor|Order)\b"
)
# A local paper's title: a place and a newspaper's word ("Derbyshire Times", "Manchester Evening
# News", "The Northern Echo"). Its place names the paper, not a council; there are too many
# local papers to list each.
_NEWSPAPER_TITLE = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w'&-]*\s+){1,4}(?:Evening\s+|Free\s+|Daily\s+|Weekly\s+)?"
    r"(?:Times|Telegraph|Echo|Post|Gazette|Mercury|Herald|Chronicle|Advertiser|Observer|Star"
    r"|Journal|Express|Mail|News|Live|Online|Standard|Argus|Courier|Examiner|Press|Messenger"
    r"|Recorder|Sentinel|Citizen|Bulletin|Independent|Reporter|Guardian)"
)
# What separates a masthead's parts ("BBC News | Home", "Productivity plans - LocalGov").
_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
# Listed hosts cover their subdomains, except a public suffix: ``gov.uk`` lists GOV.UK's own
# pages, while ``<council>.gov.uk`` belongs to a council.
PUBLIC_SUFFIXES = frozenset({"gov.uk"})


@dataclass(frozen=True, slots=True)
class Publisher:
    kind: PublisherKind
    why: str  # the host or line that shows it, for the evidence list


@dataclass(frozen=True, slots=True)
class _Directory:
    hosts: dict[str, PublisherKind]
    names: dict[str, PublisherKind]  # lower-cased masthead name → kind


@cache
def _directory() -> _Directory:
    text = resources.files("productivity_plans.councils").joinpath("data/publishers.csv")
    hosts: dict[str, PublisherKind] = {}
    names: dict[str, PublisherKind] = {}
    for row in csv.DictReader(text.read_text("utf-8").splitlines()):
        kind: PublisherKind = row["kind"]  # type: ignore[assignment]
        if row["host"]:
            hosts[row["host"].strip().lower()] = kind
        if row["name"]:
            names[row["name"].strip().lower()] = kind
    return _Directory(hosts, names)


def publisher_hosts() -> frozenset[str]:
    """Every listed publisher's host (each also covers its subdomains)."""
    return frozenset(_directory().hosts)


def publisher_of_host(host: str) -> Publisher | None:
    """The publisher a host belongs to: the host itself or any parent domain listed."""
    labels = host.lower().removeprefix("www.").split(".")
    for i in range(len(labels) - 1):
        suffix = ".".join(labels[i:])
        kind = _directory().hosts.get(suffix)
        if kind and (i == 0 or suffix not in PUBLIC_SUFFIXES):
            return Publisher(kind, f"published on {host}")
    return None


def publisher_of_url(url: str | None) -> Publisher | None:
    if not url:
        return None
    return publisher_of_host(urlsplit(url if "://" in url else f"http://{url}").hostname or "")


def masthead_lines(text: str) -> list[str]:
    """The first non-empty lines, stripped: where a masthead, title or letterhead is."""
    lines: list[str] = []
    for line in text[:2000].splitlines():
        line = line.strip(" \t\u00a0-•*#")
        if line:
            lines.append(line)
            if len(lines) == MASTHEAD_LINES:
                break
    return lines


def publisher_of_masthead(lines: list[str]) -> tuple[Publisher | None, int]:
    """The publisher a masthead line names, and the index of that line (-1 when none)."""
    names = _directory().names
    for i, line in enumerate(lines):
        if len(line) > MASTHEAD_LENGTH:
            continue
        low = line.lower().removeprefix("published by ")
        for part in _PARTS.split(low):
            kind = names.get(part.strip()) or names.get(part.strip().removeprefix("the "))
            if kind:
                return Publisher(kind, f"masthead {line!r}"), i
        if _BYLINE.fullmatch(line) and not _NOT_A_PERSON.search(line):
            return Publisher("news", f"byline {line!r}"), i
        if is_newspaper_title(line):
            return Publisher("news", f"masthead {line!r}"), i
    return None, -1


def is_newspaper_title(line: str) -> bool:
    """Whether a line is a local paper's title ("Derbyshire Times"), not a council's heading."""
    return _NEWSPAPER_TITLE.fullmatch(line.strip()) is not None
