"""Which council a document is about, from its text, e-mail addresses, web hosts and URL.

Evidence is scored per council and the best-scoring council is returned only when it is clearly
ahead; otherwise None (a null is better than a wrong council).

Evidence, strongest first:

* the publication URL's host (``democracy.havering.gov.uk``, ``minutes-1.nwleics.gov.uk``);
* ``.gov.uk`` e-mail domains and web hosts written in the text (``jsmith@blaby.gov.uk``);
* full council names ("North West Leicestershire District Council", "Havering council");
* bare place names ("Bolsover"), which count for little: "the Derbyshire Chief Executives
  Group" must not outweigh "Derbyshire Dales District Council".

Names are matched leftmost-longest with one compiled, trie-shaped regular expression, so
"Leicestershire" inside "North West Leicestershire District Council" is never counted for the
county. Only councils in force during the regime (the framework's deadline) are candidates:
councils abolished in 2023 are often named in their successors' plans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from productivity_plans.councils.domains import (
    COUNTY_ABBREVIATIONS,
    compact,
    label_variants,
    registrable_label,
)
from productivity_plans.councils.register import Council, Register, load_register
from productivity_plans.framework import load_regime

URL_WEIGHT = 10.0
EMAIL_WEIGHT = 6.0
HOST_WEIGHT = 4.0
STRONG_NAME_WEIGHT = 4.0
WEAK_NAME_WEIGHT = 1.0
LETTERHEAD_BONUS = 2.0
MIN_SCORE = 4.0
MIN_RATIO = 2.0  # best must score at least this multiple of the runner-up

_COUNCIL_WORDS = ("Council", "Borough Council", "District Council", "City Council")
# _norm_name(f"{name} {suffix}") is _norm_name(name) followed by one of these.
_SUFFIX_KEYS = tuple(f" {suffix.lower()}" for suffix in _COUNCIL_WORDS)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
# Long documents name their council in the letterhead, title and contact details: names are
# looked for in the head and tail only (domains are looked for everywhere, which is cheap).
NAME_HEAD = 30_000
NAME_TAIL = 10_000
# What may precede a name (anything but a word character or a hyphen), as an ASCII-only class:
# `re` scans for a leading class with a bitmap, and for `\w` with a Unicode look-up per
# character. The class also lets through non-ASCII letters; _NAME_CHAR weeds those out.
_BEFORE_NAME = "[^0-9A-Za-z_-]"
_NAME_CHAR = re.compile(r"[\w-]")
_STRONG_WORD = re.compile(r"\b(?:council|corporation)\b")


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
    optional "[borough|district|city] council" and no more of a word. The names form a trie
    (fast), a space matching any run of whitespace, with longer continuations first so the
    match is the longest name at a position."""
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
        rf"(?P<suffix>\s+(?:(?:borough|district|city)\s+)?council)?(?![\w-])"
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


class CouncilMatcher:
    """Compiled matchers for every council in force on ``on``; build once, reuse."""

    def __init__(self, register: Register, on: date):
        self.register = register
        self.councils = {c.code: c for c in register.in_force(on)}
        strong: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        for code, council in self.councils.items():
            for name in self._names(council):
                target = strong if self._is_strong(name) else weak
                for form in _ampersand_forms(name):
                    key = _norm_name(form)
                    target[key].add(code)
                    if target is weak:
                        for suffix in _SUFFIX_KEYS:
                            strong[key + suffix].add(code)
        for name, codes in self.register.name_index().items():
            codes = {c for c in codes if c in self.councils}
            if codes and self._is_strong(name):
                for form in _ampersand_forms(name):
                    strong[_norm_name(form)].update(codes)
        self.strong = dict(strong)
        self.weak = {k: v for k, v in weak.items() if k not in self.strong and len(k) >= 4}
        # "<place> [borough|district|city] council" is one optional suffix after the place
        # names rather than four more names each: a quarter of the alternatives, so the regex
        # compiles in a fraction of the time every worker process would spend on it.
        suffixed = {base + suffix for base in weak for suffix in _SUFFIX_KEYS}
        words = sorted((set(self.strong) - suffixed) | set(weak), key=len, reverse=True)
        self.names_re = re.compile(_names_source(words))
        self.labels = self._build_labels()

    @staticmethod
    def _names(council: Council) -> set[str]:
        names = set(council.names)
        for name in list(names):
            low = name.lower()
            for full, shorts in COUNTY_ABBREVIATIONS.items():
                if full in low:
                    for short in shorts:
                        names.add(re.sub(full, short.capitalize(), name, flags=re.IGNORECASE))
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
        label = registrable_label(host)
        if label is None:
            return None
        code = self.labels.get(compact(label))
        return self.councils[code] if code else None

    def identify(
        self, text: str, *, url: str | None = None, title: str | None = None
    ) -> CouncilMatch | None:
        scores, evidence, identity = self._score(text, url, title)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        best_code, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        # A paper's own council is in its letterhead, title, URL or contact e-mail; partners
        # are only mentioned in the body. When only the leader speaks for itself that way, being
        # ahead is enough ("Blaby District Council … with Leicestershire County Council").
        clear = best >= MIN_RATIO * runner_up or (identity == {best_code} and best > runner_up)
        if best < MIN_SCORE or not clear:
            return None
        council = self.councils[best_code]
        margin = (best - runner_up) / best
        strength = min(1.0, best / (URL_WEIGHT + STRONG_NAME_WEIGHT))
        confidence = round(min(0.99, 0.5 + 0.3 * margin + 0.2 * strength), 3)
        return CouncilMatch(
            gss_code=council.gss_code,
            name=council.official_name,
            type=council.type,
            confidence=confidence,
            evidence=tuple(evidence[best_code][:6]),
        )

    def candidates(
        self, text: str, *, url: str | None = None, title: str | None = None
    ) -> frozenset[str]:
        """GSS codes of every council the document gives any evidence for, however weak."""
        scores, _evidence, _identity = self._score(text, url, title)
        return frozenset(self.councils[code].gss_code for code in scores)

    def _score(
        self, text: str, url: str | None, title: str | None
    ) -> tuple[dict[str, float], dict[str, list[str]], set[str]]:
        """Scores and reasons per council, and the councils with identity evidence (URL,
        e-mail domain, a full name in the title or letterhead) rather than mere mentions."""
        scores: dict[str, float] = defaultdict(float)
        evidence: dict[str, list[str]] = defaultdict(list)
        identity: set[str] = set()

        def add(code: str, weight: float, why: str) -> None:
            scores[code] += weight
            if why not in evidence[code]:
                evidence[code].append(why)

        if url:
            host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
            council = self.council_for_host(host)
            if council:
                add(council.code, URL_WEIGHT, f"url host {host}")
                identity.add(council.code)
        seen_domains: set[tuple[str, bool]] = set()
        low_text = text.lower()
        for host, is_email in gov_uk_hosts(text, low_text):
            council = self.council_for_host(host)
            if council and (council.code, is_email) not in seen_domains:
                seen_domains.add((council.code, is_email))
                if is_email:
                    add(council.code, EMAIL_WEIGHT, f"e-mail domain {host}")
                    identity.add(council.code)
                else:
                    add(council.code, HOST_WEIGHT, f"web host {host}")
        if len(text) > NAME_HEAD + NAME_TAIL:
            text = text[:NAME_HEAD] + "\n" + text[-NAME_TAIL:]
            low_text = text.lower()
        counts: dict[tuple[str, str], int] = defaultdict(int)
        letterhead: set[str] = set()  # the title's councils, else the first one named
        for source, body in (("title", title or ""), ("text", text)):
            low = (low_text if source == "text" else body.lower()).replace("’", "'")
            if len(low) != len(body):  # rare Unicode case changes: fall back to the original
                low = body
            for start, end, suffix in self._name_spans(low):
                found = body[start:end]
                key = _norm_name(found)
                if suffix >= 0 and key not in self.strong:
                    # "<official name> council": the name alone, as a longest match gave it
                    found = body[start:suffix]
                    key = _norm_name(found)
                if key in self.strong:
                    codes, kind, weight = self.strong[key], "name", STRONG_NAME_WEIGHT
                elif key in self.weak and found[:1].isupper():
                    codes, kind, weight = self.weak[key], "place", WEAK_NAME_WEIGHT
                else:
                    continue
                share = weight / len(codes)
                heads = kind == "name" and (source == "title" or (start < 300 and not letterhead))
                for code in codes:
                    n = counts[(code, kind)]
                    counts[(code, kind)] += 1
                    # Repetition helps, with diminishing returns.
                    bonus = share if n == 0 else share * 0.25 if n < 4 else 0.0
                    if source == "title" or (kind == "name" and start < 300):
                        bonus += LETTERHEAD_BONUS if kind == "name" else 0.5
                    if heads:
                        letterhead.add(code)
                    if bonus:
                        add(code, bonus, f"{kind} {found!r}")
        return scores, evidence, identity | letterhead

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


def identify_council(
    text: str, *, url: str | None = None, title: str | None = None
) -> CouncilMatch | None:
    """The council ``text`` is about, or None when the evidence is missing or ambiguous."""
    return default_matcher().identify(text, url=url, title=title)
