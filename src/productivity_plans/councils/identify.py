"""Which council a document is by or about, from its text, e-mail addresses, web hosts and URL.

Evidence is scored per council and the best-scoring council is returned only when it is clearly
ahead; otherwise None (a null is better than a wrong council: a wrong one puts a document on
another council's public page).

Evidence, strongest first:

* the publication URL's host (``democracy.havering.gov.uk``, ``minutes-1.nwleics.gov.uk``), or
  a hosting provider's host naming its tenant (``hillingdon.moderngov.co.uk``);
* ``.gov.uk`` e-mail domains and web hosts written in the text (``jsmith@blaby.gov.uk``);
* full council names ("North West Leicestershire District Council", "Havering council",
  "Council of the Isles of Scilly", "Stockton Borough Council"), also in the URL's path
  (``/isle-of-wight-council-productivity-plan``);
* a short name that titles the page: possessive ("Hillingdon's Productivity Plan"), a whole
  part of a title line ("Productivity Plan | Stockton") or leading a title ("Hillingdon
  Productivity Plan 2024");
* a possessive short name in the body ("Hillingdon's residents"), which counts for a little;
* bare place names ("Bolsover"), which count for less: "the Derbyshire Chief Executives
  Group" must not outweigh "Derbyshire Dales District Council".

A document published by a national body, the trade press, a think tank or a news site
(``publishers``) is given a council only when it is clearly about one: that council alone is
named in its headline or URL, or it is the only council named, again and again.

Names are matched leftmost-longest with one compiled, trie-shaped regular expression, so
"Leicestershire" inside "North West Leicestershire District Council" is never counted for the
county. Only councils in force during the regime (the framework's deadline) are candidates:
councils abolished in 2023 are often named in their successors' plans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from urllib.parse import unquote, urlsplit

from productivity_plans.councils.domains import (
    compact,
    hosting_provider_of,
    label_variants,
    registrable_label,
    tenant_words,
)
from productivity_plans.councils.names import (
    abbreviated_forms,
    unambiguous_initialisms,
    unambiguous_short_forms,
)
from productivity_plans.councils.publishers import (
    MASTHEAD_LENGTH,
    Publisher,
    is_newspaper_title,
    masthead_lines,
    publisher_of_masthead,
    publisher_of_url,
)
from productivity_plans.councils.register import Council, Register, load_register
from productivity_plans.framework import load_regime

URL_WEIGHT = 10.0
HOSTED_WEIGHT = 8.0  # a hosting provider's host that names its tenant council
EMAIL_WEIGHT = 6.0
HOST_WEIGHT = 4.0
PATH_WEIGHT = 4.0  # a full council name in the URL's path
STRONG_NAME_WEIGHT = 4.0
TITLE_PLACE_WEIGHT = 4.0  # a short name that titles the page
POSSESSIVE_WEIGHT = 2.0
WEAK_NAME_WEIGHT = 1.0
LETTERHEAD_BONUS = 2.0
MIN_SCORE = 4.0
MIN_RATIO = 2.0  # best must score at least this multiple of the runner-up
# A non-council publisher's document is about a council it names this often, naming no other.
ABOUT_MENTIONS = 3
PUBLISHER_CONFIDENCE_CAP = 0.8
NAME_ONLY_CONFIDENCE_CAP = 0.9  # no URL or e-mail: the text alone

_COUNCIL_WORDS = (
    "Council",
    "Borough Council",
    "District Council",
    "City Council",
    "County Council",
    "Metropolitan Borough Council",
    "MBC",  # the abbreviations councils use of themselves ("Calderdale MBC", "Blaby DC")
    "BC",
    "DC",
)
# _norm_name(f"{name} {suffix}") is _norm_name(name) followed by one of these.
_SUFFIX_KEYS = tuple(f" {suffix.lower()}" for suffix in _COUNCIL_WORDS)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
# Long documents name their council in the letterhead, title and contact details: names are
# looked for in the head and tail only (domains are looked for everywhere, which is cheap).
NAME_HEAD = 30_000
NAME_TAIL = 10_000
LETTERHEAD = 300  # characters: where a paper's own council heads it
# What may precede a name (anything but a word character or a hyphen), as an ASCII-only class:
# `re` scans for a leading class with a bitmap, and for `\w` with a Unicode look-up per
# character. The class also lets through non-ASCII letters; _NAME_CHAR weeds those out.
_BEFORE_NAME = "[^0-9A-Za-z_-]"
_NAME_CHAR = re.compile(r"[\w-]")
_STRONG_WORD = re.compile(r"\b(?:council|corporation)\b")
# "Council of [the] <name>", "Borough Council of <name>": a full name with the words in front.
_COUNCIL_OF = re.compile(r"\bcouncil\s+of\s+(?:the\s+)?$")
# A place's councillors, its council and its cabinet are its council's: "South Norfolk
# councillors have delayed …", "Newcastle-under-Lyme's council leaders" (not its council tax),
# "North Tyneside's cabinet has approved …".
_COUNCILLORS_AFTER = re.compile(r"(?:'s)?\s+(?:council(?:lors)?|cabinet)\b(?!\s+tax)")
# What separates the parts of a title line ("Productivity Plan | Stockton").
_TITLE_PARTS = re.compile(r"\s+[|–—:•·-]\s+|\s*\|\s*")
# The end of a sentence inside a line ("saved money. The"), not an abbreviation ("St. Helens").
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# "Hillingdon's", and "St Helens'" after a name ending in s (checked by the caller).
_POSSESSIVE = re.compile(r"'s?(?![a-z])")
# A possessive's productivity plan: "Haringey's productivity plan", "Kent's draft productivity
# plan" (the regime's own document: the council it is about).
_OWNS_THE_PLAN = re.compile(r"'s?\s+(?:(?:draft|new|first|final)\s+)?productivity\s+plan\b")
# Names that are nothing but the words around a name ("City of", "County of" in the register).
_ONLY_KIND_WORDS = re.compile(r"(?:city|county|borough|district|royal|of|the|\s)+")


def gov_uk_hosts(text: str, low: str | None = None) -> list[tuple[str, bool]]:
    """Every ``*.gov.uk`` host in ``text`` as (host, is_email_domain), found by ``str.find``
    (in ``low``, the text lowercased, when the caller has it)."""
    low = text.lower() if low is None else low
    out: list[tuple[str, bool]] = []
    i = low.find(".gov.uk")
    while i != -1:
        j = i
        while j > 0 and low[j - 1] in _HOST_CHARS:
            j -= 1
        host = low[j : i + len(".gov.uk")].strip(".-")
        if host.count(".") >= 2:
            out.append((host, j > 0 and low[j - 1] == "@"))
        i = low.find(".gov.uk", i + 7)
    return out


@dataclass(frozen=True, slots=True)
class CouncilMatch:
    gss_code: str
    name: str
    type: str
    confidence: float
    evidence: tuple[str, ...]


@dataclass
class _Tally:
    """What a document says for each council (keyed by registry code)."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    evidence: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Identity: the council speaks for itself (URL, e-mail domain, title or letterhead) rather
    # than being mentioned.
    identity: set[str] = field(default_factory=set)
    # Named in a title, the opening title lines or the URL's path.
    headline: set[str] = field(default_factory=set)
    mentions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    repeats: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    full_named: set[str] = field(default_factory=set)  # named in full at least once
    # Named in full at the start of a line at the top: a letterhead's, or an article's lead.
    lead: set[str] = field(default_factory=set)
    machine: set[str] = field(default_factory=set)  # a URL or e-mail domain speaks for it
    publisher: Publisher | None = None  # a publisher that is not a council
    # Published at a URL that is neither a council's own site nor a hosting provider's (whose
    # tenants are councils we may not recognise from the host).
    other_site: bool = False
    # Named as the owner of a productivity plan: "Haringey's productivity plan".
    plan_owner: set[str] = field(default_factory=set)

    def add(self, code: str, weight: float, why: str) -> None:
        self.scores[code] += weight
        if why not in self.evidence[code]:
            self.evidence[code].append(why)


@dataclass(frozen=True, slots=True)
class _Line:
    """An opening line of the text: where the title, masthead or letterhead is."""

    start: int
    end: int
    text: str


def _trie(words: list[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    """``words`` as nested dicts of characters, "" marking where a word ends."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _names_source(words: list[str]) -> str:
    """The names regex: a name of ``words`` after a separator (see _name_spans), then an
    optional "[borough|district|city|county|metropolitan borough] council" (or "MBC", "BC",
    "DC") and no more of a word. The names form a trie (fast), a space matching any run of
    whitespace, with longer continuations first so the match is the longest name at a
    position."""
    escaped = {ch: re.escape(ch) for ch in set("".join(words))} | {" ": r"\s+"}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [escaped[ch] + build(child) for ch, child in node.items() if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    # The character before a name is matched (see _name_spans) rather than looked behind at, so
    # `re` tries the pattern only after likely separators, not at every offset.
    return (
        rf"{_BEFORE_NAME}(?:{build(_trie(words))})"
        r"(?P<suffix>\s+(?:(?:borough|district|city|county|metropolitan\s+borough)\s+)?"
        r"council|\s+m?bc|\s+dc)?(?![\w-])"
    )


def _norm_name(name: str) -> str:
    """Lower case, ’ as ', whitespace runs as one space (``str.split`` and ``\\s`` agree)."""
    return " ".join(name.replace("’", "'").lower().split())


def _claim(labels: dict[str, str | None], claimed: Iterable[str], code: str) -> None:
    """Give each label ``claimed`` to ``code`` unless another council already has it (then to
    nobody)."""
    for label in claimed:
        if labels.setdefault(label, code) != code:
            labels[label] = None


def _ampersand_forms(name: str) -> set[str]:
    """ "Telford & Wrekin" and "Telford and Wrekin": documents write either."""
    return {name, name.replace(" & ", " and "), name.replace(" and ", " & ")}


def _opening_lines(text: str) -> list[_Line]:
    """The masthead lines (``publishers.masthead_lines``) with their offsets in ``text``."""
    out: list[_Line] = []
    pos = 0
    for line in masthead_lines(text):
        start = text.find(line, pos)
        out.append(_Line(start, start + len(line), line))
        pos = start + len(line)
    return out


def _is_title(line: str) -> bool:
    """A heading, not a sentence: short, and no full stop at its end or inside it."""
    return (
        len(line) <= MASTHEAD_LENGTH and not line.endswith(".") and not _SENTENCE_END.search(line)
    )


def _titles_with(line: str, found: str, at: int, possessive: bool) -> bool:
    """Whether a short name ``found`` at offset ``at`` of a title ``line`` titles it: in the
    possessive, as a whole part of the line, or leading it before a capitalised word or a
    number ("Hillingdon Productivity Plan 2024", not "Reading the plans")."""
    if possessive:
        return True
    if any(_norm_name(part) == _norm_name(found) for part in _TITLE_PARTS.split(line)):
        return True
    after = line[at + len(found) :]
    return at == 0 and after[:1] == " " and (after[1:2].isupper() or after[1:2].isdigit())


class CouncilMatcher:
    """Compiled matchers for every council in force on ``on``; build once, reuse."""

    def __init__(self, register: Register, on: date):
        self.register = register
        self.councils = {c.code: c for c in register.in_force(on)}
        strong: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        short = unambiguous_short_forms(self.councils.values(), register.name_index())
        for code, council in self.councils.items():
            for name in self._names(council) | short.get(code, set()):
                target = strong if self._is_strong(name) else weak
                for form in _ampersand_forms(name):
                    key = _norm_name(form)
                    target[key].add(code)
                    if target is weak:
                        for suffix in _SUFFIX_KEYS:
                            strong[key + suffix].add(code)
        # initials name a council as its full name does ("BCP Council", "RBKC", "LB Hackney")
        initials = unambiguous_initialisms(self.councils.values(), register.name_index())
        for code, forms in initials.items():
            for form in forms:
                strong[_norm_name(form)].add(code)
        for name, codes in self.register.name_index().items():
            codes = {c for c in codes if c in self.councils}
            if codes and self._is_strong(name):
                for form in _ampersand_forms(name):
                    strong[_norm_name(form)].update(codes)
        self.strong = dict(strong)
        self.weak = {
            k: v
            for k, v in weak.items()
            if k not in self.strong and len(k) >= 4 and not _ONLY_KIND_WORDS.fullmatch(k)
        }
        # "<place> [borough|district|city] council" is one optional suffix after the place
        # names rather than more names each: a fraction of the alternatives, so the regex
        # compiles in a fraction of the time every worker process would spend on it.
        suffixed = {base + suffix for base in weak for suffix in _SUFFIX_KEYS}
        words = sorted((set(self.strong) - suffixed) | set(weak), key=len, reverse=True)
        self.names_re = re.compile(_names_source(words))
        self.labels = self._build_labels()
        # Domains outside gov.uk that the register's data gives a council (domain_overrides).
        self.own_domains = {
            domain: code
            for code, council in self.councils.items()
            for domain in council.domains
            if not domain.endswith(".gov.uk")
        }

    @staticmethod
    def _names(council: Council) -> set[str]:
        names: set[str] = set()
        for name in council.names:
            names |= abbreviated_forms(name)
        return {n for n in names if n.strip()}

    @staticmethod
    def _is_strong(name: str) -> bool:
        low = name.lower()
        return bool(
            _STRONG_WORD.search(low)
            or low.startswith(("london borough of ", "royal borough of ", "city of "))
        )

    def _build_labels(self) -> dict[str, str]:
        """Domain label → council code. A label comes from a council's domains, else its short
        name, else the house rules; one that two councils share at that tier is dropped."""
        # label → code, or None once a second council has it (flat dicts: ~5k labels)
        domains: dict[str, str | None] = {}
        nice: dict[str, str | None] = {}
        rules: dict[str, str | None] = {}
        for code, council in self.councils.items():
            for domain in council.domains:
                label = registrable_label(domain)
                if label:
                    _claim(domains, (compact(label),), code)
            _claim(nice, (compact(council.nice_name),), code)
            _claim(rules, label_variants(council.nice_name, council.official_name), code)
        best = rules | nice | domains  # a label's best tier wins
        return {label: code for label, code in best.items() if code is not None}

    def council_for_host(self, host: str) -> Council | None:
        """The council whose own host this is: a ``*.gov.uk`` label, or a domain outside
        gov.uk listed for it (the host or a subdomain of it)."""
        label = registrable_label(host)
        if label is None:
            labels = host.lower().removeprefix("www.").split(".")
            domains = (".".join(labels[i:]) for i in range(len(labels) - 1))
            code = next((self.own_domains[d] for d in domains if d in self.own_domains), None)
        else:
            code = self.labels.get(compact(label))
        return self.councils[code] if code else None

    def council_for_tenant(self, host: str) -> Council | None:
        """The council a hosting provider's host names as its tenant: its words run together
        first ("west-oxon"), then each alone."""
        code = next((self.labels[w] for w in tenant_words(host) if w in self.labels), None)
        return self.councils[code] if code else None

    def identify(
        self, text: str, *, url: str | None = None, title: str | None = None
    ) -> CouncilMatch | None:
        tally = self._score(text, url, title)
        if not tally.scores:
            return None
        ranked = sorted(tally.scores.items(), key=lambda kv: kv[1], reverse=True)
        best_code, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        # a round-up of several councils' news is about the one whose productivity plan it
        # names ("Haringey's productivity plan, Enfield's B&B bill and Islington's new bins"),
        # unless another council named in full scores as high (a local paper's round-up names
        # its own council's plan and, in another item, the county council in full)
        owner = next(iter(tally.plan_owner)) if len(tally.plan_owner) == 1 else None
        if owner is not None and any(
            tally.scores[code] >= tally.scores[owner] for code in tally.full_named - {owner}
        ):
            owner = None
        about: str | None = best_code
        if tally.publisher is not None:
            about = self._about_one(tally) or owner
        elif not (
            best >= MIN_RATIO * runner_up
            # A paper's own council is in its letterhead, title, URL or contact e-mail; partners
            # are only mentioned in the body. When only the leader speaks for itself that way,
            # being ahead is enough ("Blaby District Council … with Leicestershire County
            # Council").
            or (tally.identity == {best_code} and best > runner_up)
        ):
            about = owner
        if about is None:
            return None
        if about != best_code:
            best_code, best = about, tally.scores[about]
            runner_up = max((v for k, v in tally.scores.items() if k != about), default=0.0)
        if best < MIN_SCORE or self._in_passing(tally, best_code):
            return None
        return self._match(tally, best_code, best, runner_up)

    def named_in_full(
        self, text: str, *, url: str | None = None, title: str | None = None
    ) -> frozenset[str]:
        """The codes of every council ``text`` names in full, the one it is about or not."""
        return frozenset(self._score(text, url, title).full_named)

    @staticmethod
    def _about_one(tally: _Tally) -> str | None:
        """The council a non-council publisher's document is clearly about: the one council
        named in its headline (or URL), unless another is named more; the only council named
        at all, in full at least once and again and again; or the one its lead opens on."""
        if len(tally.headline) == 1:
            (code,) = tally.headline
            if tally.scores[code] >= max(tally.scores.values()):
                return code
        if len(tally.scores) == 1:
            (code,) = tally.scores
            if code in tally.full_named and tally.mentions[code] >= ABOUT_MENTIONS:
                return code
        # the article's lead opens on one council named in full, named again (or, in the local
        # press, the only council named: trade press and national bodies survey many), and
        # ahead of any other ("North East Derbyshire District Council's cabinet has signed off
        # a plan …")
        if len(tally.lead) == 1:
            (code,) = tally.lead
            local_press = tally.publisher is not None and tally.publisher.kind == "news"
            if (
                code in tally.full_named
                and (tally.mentions[code] >= 2 or (local_press and len(tally.scores) == 1))
                and tally.scores[code] >= max(tally.scores.values())
            ):
                return code
        return None

    @staticmethod
    def _in_passing(tally: _Tally, code: str) -> bool:
        """Whether a page on a site that is not the council's names the council only once,
        below its top and title lines, with no URL or e-mail for it: a mention in passing, as
        in an article on a site we do not list."""
        return (
            tally.other_site
            and code not in tally.identity | tally.headline
            and tally.mentions[code] < 2
        )

    def _match(self, tally: _Tally, code: str, best: float, runner_up: float) -> CouncilMatch:
        """The match, with a confidence that says how good the evidence is: the lead over the
        runner-up, the weight of evidence, and a cap for text alone or another publisher."""
        council = self.councils[code]
        margin = (best - runner_up) / best
        strength = min(1.0, best / (URL_WEIGHT + STRONG_NAME_WEIGHT))
        confidence = min(0.99, 0.5 + 0.3 * margin + 0.2 * strength)
        evidence = tally.evidence[code][:6]
        if code not in tally.machine:
            confidence = min(confidence, NAME_ONLY_CONFIDENCE_CAP)
        if tally.publisher is not None:
            confidence = min(confidence, PUBLISHER_CONFIDENCE_CAP)
            evidence = [*evidence[:5], tally.publisher.why]
        return CouncilMatch(
            gss_code=council.gss_code,
            name=council.official_name,
            type=council.type,
            confidence=round(confidence, 3),
            evidence=tuple(evidence),
        )

    def candidates(
        self, text: str, *, url: str | None = None, title: str | None = None
    ) -> frozenset[str]:
        """GSS codes of every council the document gives any evidence for, however weak."""
        tally = self._score(text, url, title)
        return frozenset(self.councils[code].gss_code for code in tally.scores)

    def _url_evidence(self, url: str, tally: _Tally) -> bool:
        """Score the publication URL: its host, a hosting provider's tenant, full names in its
        path. True when the host is a council's own."""
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").lower()
        tally.other_site = not hosting_provider_of(host)
        council = self.council_for_host(host)
        if council:
            tally.add(council.code, URL_WEIGHT, f"url host {host}")
        elif council := self.council_for_tenant(host):
            tally.add(council.code, HOSTED_WEIGHT, f"hosted site {host}")
        if council:
            tally.identity.add(council.code)
            tally.machine.add(council.code)
            tally.other_site = False
        path = re.sub(r"[^a-z0-9']+", " ", unquote(parts.path).lower())
        for start, end, suffix in self._name_spans(path):
            key = _norm_name(path[start:end])
            if key not in self.strong and suffix >= 0:
                key = _norm_name(path[start:suffix])
            for code in self.strong.get(key, ()):
                tally.add(code, PATH_WEIGHT, f"url path {path[start:end].strip()!r}")
                tally.headline.add(code)
        return council is not None

    def _score(self, text: str, url: str | None, title: str | None) -> _Tally:
        """Scores and reasons per council, and which councils speak for themselves."""
        tally = _Tally()
        council_site = self._url_evidence(url, tally) if url else False
        seen_domains: set[tuple[str, bool]] = set()
        low_text = text.lower()
        for host, is_email in gov_uk_hosts(text, low_text):
            council = self.council_for_host(host)
            if council and (council.code, is_email) not in seen_domains:
                seen_domains.add((council.code, is_email))
                if is_email:
                    tally.add(council.code, EMAIL_WEIGHT, f"e-mail domain {host}")
                    tally.identity.add(council.code)
                    tally.machine.add(council.code)
                else:
                    tally.add(council.code, HOST_WEIGHT, f"web host {host}")
        if len(text) > NAME_HEAD + NAME_TAIL:
            text = text[:NAME_HEAD] + "\n" + text[-NAME_TAIL:]
            low_text = text.lower()
        opening = _opening_lines(text)
        self._score_names(tally, title or "", (title or "").lower(), "title", opening)
        first_name = self._score_names(tally, text, low_text, "text", opening)
        if not council_site:
            tally.publisher = publisher_of_url(url)
            if tally.publisher is None:
                # The page title comes first (offset -1), above every line of the text.
                lines = ([_Line(-1, -1, title)] if title else []) + opening
                publisher, i = publisher_of_masthead([line.text for line in lines])
                # A masthead below the council's own letterhead is a quoted letter, not the
                # publisher.
                if publisher is not None and lines[i].start < first_name:
                    tally.publisher = publisher
        return tally

    def _score_names(
        self, tally: _Tally, body: str, low_body: str, source: str, opening: list[_Line]
    ) -> int:
        """Score the council names in ``body`` (a title, or the text with its opening lines);
        returns the offset of the first council named in full (a large number when none)."""
        low = low_body.replace("’", "'")
        if len(low) != len(body):  # rare Unicode case changes: fall back to the original
            low = body
        letterhead: set[str] = set()  # councils named in full in the first LETTERHEAD chars
        heading: set[str] = set()  # the first of them, when its name starts a line
        first_full = 1 << 30
        for start, end, suffix in self._name_spans(low):
            found = body[start:end]
            key = _norm_name(found)
            if suffix >= 0 and key not in self.strong:
                # "<official name> council": the name alone, as a longest match gave it
                found = body[start:suffix]
                key = _norm_name(found)
            named = self._name_kind(
                key, found, low[max(0, start - 30) : start], low[end : end + 14]
            )
            if named is None:
                continue
            codes, kind, weight = named
            possessive = bool(_POSSESSIVE.match(low, end)) and (
                low[end - 1] == "s" or low.startswith("'s", end)
            )
            line = self._title_line(body, start, source, opening)
            titled = line is not None and (
                kind == "name" or _titles_with(line.text, found, start - line.start, possessive)
            )
            if possessive and _OWNS_THE_PLAN.match(low, end):
                tally.plan_owner.update(codes)
            if kind == "place" and (titled or possessive):
                kind = "title" if titled else "possessive"
                weight = TITLE_PLACE_WEIGHT if titled else POSSESSIVE_WEIGHT
            if kind == "name":
                if source == "text" and start < LETTERHEAD:
                    if not letterhead and not body[body.rfind("\n", 0, start) + 1 : start].strip():
                        heading = codes
                    letterhead.update(codes)
                first_full = min(first_full, start)
            self._count(tally, codes, kind, weight, found, source == "title" or start < LETTERHEAD)
            if titled:
                tally.headline.update(codes)
                if kind == "title" or source == "title":
                    tally.identity.update(codes)
            if kind == "name" and source == "text" and _on_running_line(body, start):
                tally.identity.update(codes)  # the document's own running header or footer
        # The letterhead: the council named in full first at the top, on a line of its own or
        # alone there. Several named mid-sentence are a list ("The Partnership is Boston, East
        # Lindsey and South Holland"), not a letterhead.
        if len(heading) == 1:
            tally.identity |= heading
            tally.lead |= heading
        elif len(letterhead) == 1:
            tally.identity |= letterhead
        return first_full

    def _name_kind(
        self, key: str, found: str, before: str, after: str
    ) -> tuple[set[str], str, float] | None:
        """The councils a matched name may mean, and whether it is a full name ("name") or a
        capitalised place name ("place"), with its weight; None for neither. ``before`` and
        ``after`` are the text just around it ("Council of the …" and "… councillors" make a
        place name a full name)."""
        if key in self.strong:
            return self.strong[key], "name", STRONG_NAME_WEIGHT
        if key not in self.weak:
            return None
        if _COUNCIL_OF.search(before) or (found[:1].isupper() and _COUNCILLORS_AFTER.match(after)):
            return self.weak[key], "name", STRONG_NAME_WEIGHT
        if found[:1].isupper():
            return self.weak[key], "place", WEAK_NAME_WEIGHT
        return None

    @staticmethod
    def _title_line(body: str, start: int, source: str, opening: list[_Line]) -> _Line | None:
        """The title line a name at ``start`` sits on: the title itself, or an opening line
        short enough to be a heading."""
        if source == "title":
            line: _Line | None = _Line(0, len(body), body)
        else:
            line = next(
                (x for x in opening if x.start <= start < x.end and _is_title(x.text)), None
            )
        # a local paper's title names the paper ("Derbyshire Times"), not a council
        return None if line is None or is_newspaper_title(line.text) else line

    @staticmethod
    def _count(
        tally: _Tally, codes: set[str], kind: str, weight: float, found: str, top: bool
    ) -> None:
        """Add one name's weight to each council it may mean, with diminishing returns for
        repetition and a bonus at the top of the document."""
        share = weight / len(codes)
        for code in codes:
            n = tally.repeats[(kind, code)]
            tally.repeats[(kind, code)] += 1
            tally.mentions[code] += 1
            if kind == "name":
                tally.full_named.add(code)
            bonus = share if n == 0 else share * 0.25 if n < 4 else 0.0
            if top:
                bonus += LETTERHEAD_BONUS if kind == "name" else 0.5
            if bonus:
                tally.add(code, bonus, f"{kind} {found!r}")

    def _name_spans(self, low: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, suffix start or -1) of each name in ``low``: leftmost-longest and
        non-overlapping, as ``finditer`` with a look-behind for the separator would give."""
        padded = "\n" + low  # a separator before a name at offset 0; offsets shift by one
        pos = 0
        while m := self.names_re.search(padded, pos):
            if _NAME_CHAR.match(padded, m.start()):  # a non-ASCII letter, not a separator
                pos = m.start() + 1
                continue
            suffix = m.start("suffix")
            yield m.start(), m.end() - 1, suffix - 1 if suffix >= 0 else -1
            pos = m.end()


@cache
def default_matcher() -> CouncilMatcher:
    """The matcher for councils in force on the default framework's deadline (built once)."""
    return CouncilMatcher(load_register(), load_regime().deadline)


# A running header or footer: a line that carries a page number ("Folkestone & Hythe District
# Council | Productivity Plan | 1", "Page 3 of 8", "- 2 -"). The council named there is the
# document's own, as in a letterhead, however many partners the pages mention.
_RUNNING_LINE = re.compile(
    r"(?:[|•·–-]\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$",
    re.IGNORECASE,
)
RUNNING_LINE_MAX = 120


def _on_running_line(body: str, at: int) -> bool:
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    line = body[start : end if end >= 0 else len(body)]
    return len(line) <= RUNNING_LINE_MAX and _RUNNING_LINE.search(line) is not None


def identify_council(
    text: str, *, url: str | None = None, title: str | None = None
) -> CouncilMatch | None:
    """The council ``text`` is about, or None when the evidence is missing or ambiguous."""
    return default_matcher().identify(text, url=url, title=title)


def councils_named_in_full(
    text: str, *, url: str | None = None, title: str | None = None
) -> frozenset[str]:
    """The GSS codes of every council ``text`` names in full ("Rushmoor Borough Council"): a
    round-up names several so and is about none of them."""
    return default_matcher().named_in_full(text, url=url, title=title)
