"""Exact, fast regex scans over one lowercased copy of a document.

Python's ``re`` runs a case-insensitive pattern that starts with ``\\b``, a look-behind or
``^\\s*`` by trying it at every offset of the text, tens of nanoseconds per offset per
pattern: the extract stage's cues and rules cost about 50 µs per pattern per page that way.
A case-sensitive pattern that starts with literal text is different: ``re`` skips in C to the
offsets where its first characters occur, and ``str.find`` skips to a phrase faster still.

So a :class:`Scanner` derives from each pattern a *finder* over the lowercased text: the
pattern's leading literal text, its leading alternatives and optional parts spelled out and
the rest copied as far as it can be exactly, with leading ``\\b`` and look-arounds left out.
``^\\s*`` (multi-line) becomes a newline followed by whitespace; distinctive leading phrases
("report author", "the productivity plan ") are looked for with ``str.find``; other leads
form a trie, so ``re`` tries only those that start with the character at hand (or, for a
few leading words such as "is" and "are", one pattern per word, which ``re`` skips to). The
finder matches wherever the pattern can (for ``^``, at a newline before the line start), so the
scanner asks it for those offsets and confirms each with the original pattern's ``match``
there. The matches are exactly those of ``pattern.finditer``: same offsets, same groups, same
order (``tests/extract/test_scan.py`` checks every extract pattern on the corpus, edge cases
and generated texts). Patterns no finder can be derived for (those starting with a character
class, say) keep plain ``finditer``, behind a check that a literal every match must contain
occurs at all.

A case-sensitive pattern's finder is derived the same way but runs over the text itself, its
letters copied as they are (``(?i:…)`` parts keep their flag): "That the Cabinet" and "APPROVED"
are rare in the text but their lowercase is common in the lowercased copy. The finder's leads
are one flat alternation of alternatives that each start with a literal character, so ``re``
skips in C to the characters that can start one instead of trying it at every offset.

Offsets of the lowercased copy are the text's only when lowercasing keeps every character one
character long and ``re.IGNORECASE`` agrees with ``str.lower``. The two exceptions are dotless
ı and long ſ, which ``re.IGNORECASE`` equates with i and s: a text containing either, or whose
lowercase has another length, is scanned the plain way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from productivity_plans.lowercase import Lowered

_P: Any = getattr(re, "_parser")  # noqa: B009  (the stdlib's regex parser)
_C: Any = getattr(re, "_constants")  # noqa: B009

# Alternatives a finder may spell out before it is not worth it (a trie of names has ~30).
MAX_ALTERNATIVES = 256
# Most patterns a finder is split into (see _split).
MAX_SPLIT = 4
# Leading literal text this long (a phrase, or a whole lead) is looked for with str.find.
MIN_WORD = 4
_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w",
    _C.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT)
_ZERO_WIDTH = (_C.AT_BOUNDARY, _C.AT_NON_BOUNDARY)
_IGNORECASE = int(re.IGNORECASE)


def line_starts(low: str, end: int) -> str:
    """The first word (characters up to whitespace) of each line of the lowercased text
    ``low[:end]``, each after a newline, so that ``key in line_starts(…)`` tells in C whether
    a :attr:`Scanner.line_keys` key can match there. A blank line stands for the next line
    with a word, as ``^\\s*`` runs over it."""
    return "\n" + "\n".join(_FIRST_WORD.findall("\n" + low[:end]))


# A newline, the whitespace after it and the word it reaches. findall reaches every line's
# word: a newline inside one match's whitespace leads to that match's word.
_FIRST_WORD = re.compile(r"\n\s*(\S*)")


def _required_literal(items: list[tuple[Any, Any]]) -> str | None:
    """The longest run of literal characters every match of the parsed pattern ``items``
    must contain (lower-cased), or None when there is no such run of 4+ characters (a
    top-level ``|``, say). Used as a substring pre-check: a pattern whose literal is absent
    cannot match, and ``str.find`` is far cheaper than running the regex."""
    best = run = ""
    for op, arg in items:
        if op is _C.LITERAL:
            run += chr(arg)
        else:
            best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best.lower() if len(best) >= 4 else None


class Scanner:
    """``re.Pattern.finditer``/``search`` for one compiled pattern, run through its finder
    over a :class:`Lowered` text when it has one."""

    __slots__ = ("anchored", "cased", "finders", "line_keys", "literal", "pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        parsed = _P.parse(pattern.pattern, pattern.flags)
        self.pattern = pattern
        self.literal = _required_literal(list(parsed))
        self.finders: tuple[re.Pattern[str], ...] = ()
        self.words: tuple[str, ...] = ()
        self.anchored = False
        self.cased = False
        # For a pattern that matches only at line starts: a newline and text, one of which
        # :func:`line_starts` contains wherever the pattern matches (see _line_keys).
        self.line_keys: tuple[str, ...] | None = None
        if parsed.getwidth()[0] == 0:
            return  # a pattern that can match empty text keeps plain finditer
        flags = parsed.state.flags
        # A case-sensitive pattern's finder over the text itself, else one over the lowercase.
        for cased in (True, False) if not flags & re.IGNORECASE else (False,):
            leads = _leads(list(parsed), multiline=bool(flags & re.MULTILINE), cased=cased)
            if leads is None or len(leads) > MAX_ALTERNATIVES:
                continue
            finder = _finder(leads, cased=cased)
            if finder is None:
                continue
            sources, self.words = finder
            self.anchored = any(anchored for anchored, _items in leads)
            self.cased = cased
            if not cased:
                self.line_keys = _line_keys(leads)
            flags = pattern.flags & (re.DOTALL | re.ASCII)
            self.finders = tuple(re.compile(source, flags) for source in sources)
            return

    @property
    def fast(self) -> bool:
        """Whether scans go through the finder (else plain ``finditer``)."""
        return bool(self.finders or self.words)

    def surely_absent(
        self, doc: Lowered, pos: int, end: int, first_words: str | None = None
    ) -> bool:
        """Whether, told in C, the pattern has no match in ``doc.text[pos:end]``: the literal
        every match contains is missing there, or (given ``first_words``, what
        :func:`line_starts` gives for the same stretch) no line's first word starts with one
        of its :attr:`line_keys`. Cheaper than starting a scan, and most patterns are absent
        from most texts."""
        low = doc.low
        if low is None:
            return False
        # The first words are a fraction of the text: looked through first.
        keys = self.line_keys
        if first_words is not None and keys is not None:
            for key in keys:  # a loop: any() of a generator costs more than the look-ups
                if key in first_words:
                    break
            else:
                return True
        return self.literal is not None and low.find(self.literal, pos, end) < 0

    def finditer(
        self, doc: Lowered, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(doc.text, pos, endpos)``, in order."""
        end = len(doc.text) if endpos is None else min(endpos, len(doc.text))
        if self.surely_absent(doc, pos, end):
            return iter(())
        return self._scan(doc, pos, end)

    def count(self, doc: Lowered, pos: int, end: int, first_words: str, limit: int) -> int:
        """How many matches ``doc.text[pos:end]`` has, up to ``limit``. The pre-checks of
        :meth:`surely_absent` run once, with the line keys (``first_words`` from
        :func:`line_starts`), where a caller of :meth:`finditer` would run them twice."""
        end = min(end, len(doc.text))
        if self.surely_absent(doc, pos, end, first_words):
            return 0
        n = 0
        for _match in self._scan(doc, pos, end):
            n += 1
            if n == limit:
                break
        return n

    def _scan(self, doc: Lowered, pos: int, end: int) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(doc.text, pos, end)``, ``end`` within the text,
        once the pre-checks have passed."""
        text, low = doc.text, doc.low
        if low is None or not self.fast:
            yield from self.pattern.finditer(text, pos, end)
            return
        hay = text if self.cased else low  # the text the finder and words are looked for in
        at = pos  # no match may start before this offset (the last match's end)
        if self.anchored and pos == 0:
            # The one line start with no newline before it, which the finder cannot see.
            found = self.pattern.match(text, 0, end)
            if found is not None:
                yield found
                at = found.end()
        # A ^-anchored finder matches at the newline before a line start, so it looks from
        # one character early.
        look = at - 1 if self.anchored and at > 0 else at
        # The finder's patterns and words, and the next offset at or after `look` where each
        # occurs (-1: none left; -2: not looked for yet).
        needles: tuple[re.Pattern[str] | str, ...] = self.finders + self.words
        next_at = [-2] * len(needles)
        while True:
            hit = -1
            for i, needle in enumerate(needles):
                found_at = next_at[i]
                if found_at == -2 or 0 <= found_at < look:
                    if isinstance(needle, str):
                        found_at = hay.find(needle, look, end)
                    else:
                        m = needle.search(hay, look, end)
                        found_at = -1 if m is None else m.start()
                    next_at[i] = found_at
                if found_at >= 0 and (hit < 0 or found_at < hit):
                    hit = found_at
            if hit < 0:
                return
            # A match starts at the hit, or, when the finder matched a newline (an anchored
            # alternative: no other starts with whitespace), at a line start after it.
            found = None
            if text[hit] != "\n":
                if hit >= at:
                    found = self.pattern.match(text, hit, end)
            else:
                for start in self._line_starts_after(text, hit, at, end):
                    found = self.pattern.match(text, start, end)
                    if found is not None:
                        break
            if found is None:
                look = hit + 1
                continue
            yield found
            # Every finder starts with some text, so no match is empty.
            at = found.end()
            look = at - 1 if self.anchored else at

    def search(self, doc: Lowered, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(doc.text, pos, endpos)``."""
        return next(self.finditer(doc, pos, endpos), None)

    @staticmethod
    def _line_starts_after(text: str, hit: int, at: int, end: int) -> list[int]:
        """Where an anchored match can start, given a finder match at the newline ``hit`` and
        none before ``at``: each line start in the whitespace from ``hit`` on (``^\\s*`` may
        run over blank lines)."""
        starts = []
        while hit < end and text[hit].isspace():
            if text[hit] == "\n" and hit + 1 >= at:
                starts.append(hit + 1)
            hit += 1
        return starts


# ---------------------------------------------------------------- finder derivation


def _is_space_repeat(item: tuple[Any, Any]) -> bool:
    """``\\s*``, ``[ \\t]+`` and the like: a repeat of whitespace only."""
    op, av = item
    if op not in _REPEATS:
        return False
    body = list(av[2])
    if len(body) != 1:
        return False
    kind, members = body[0]
    if kind is _C.LITERAL:
        return chr(members).isspace()
    if kind is not _C.IN:
        return False
    return all(
        (m_op is _C.CATEGORY and m_av is _C.CATEGORY_SPACE)
        or (m_op is _C.LITERAL and chr(m_av).isspace())
        for m_op, m_av in members
    )


Lead = tuple[bool, list[tuple[Any, Any]]]


def _leads(
    items: list[tuple[Any, Any]],
    *,
    multiline: bool,
    cased: bool,
    spaces: bool = False,
    depth: int = 0,
) -> list[Lead] | None:
    """The pattern ``items`` spelled out as alternatives (anchored, items) where to look for
    it: either after a line start and whitespace (``^\\s*`` in a multi-line pattern: anchored)
    or from a literal character that is not whitespace, what matches no text (``\\b``,
    look-arounds) dropped before it, and with ``spaces`` whitespace repeats too. None when
    some match can start otherwise (with a character class, say, or, for a ``cased`` finder,
    a case-insensitive part)."""
    if not items or depth > 12:
        return None
    (op, av), rest = items[0], items[1:]

    def then(more: list[tuple[Any, Any]]) -> list[Lead] | None:
        return _leads(more, multiline=multiline, cased=cased, spaces=spaces, depth=depth + 1)

    if spaces and _is_space_repeat(items[0]):
        return then(rest)
    if op is _C.LITERAL:
        # Only a line start may lead into whitespace (see Scanner._line_starts_after).
        return None if chr(av).isspace() else [(False, items)]
    if op is _C.AT and av is _C.AT_BEGINNING and multiline:
        while rest and _is_space_repeat(rest[0]):
            rest = rest[1:]
        return [(True, rest)]
    if (op is _C.AT and av in _ZERO_WIDTH) or op in (_C.ASSERT, _C.ASSERT_NOT):
        return then(rest)
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & ~_IGNORECASE or (cased and add_flags & _IGNORECASE):
            return None
        return then(list(body) + rest)
    if op is _C.BRANCH:
        out: list[Lead] = []
        for alternative in av[1]:
            leads = then(list(alternative) + rest)
            if leads is None or len(out) + len(leads) > MAX_ALTERNATIVES:
                return None
            out += leads
        return out
    if op in _REPEATS:
        low, high, body = av
        if high == 0:
            return then(rest)
        left = high if high == _C.MAXREPEAT else high - 1
        again = [(op, (max(low - 1, 0), left, body))] if left else []
        taken = then(list(body) + again + rest)  # one repetition, then the others
        if low > 0 or taken is None:
            return taken
        skipped = then(rest)
        return None if skipped is None else taken + skipped
    return None  # a character class, any character, \A, $: no literal lead


def _line_keys(leads: list[Lead]) -> tuple[str, ...] | None:
    """The keys of a pattern whose every lead is anchored (``^\\s*`` and text): the text
    after the line start's whitespace, lowercased, up to the first whitespace or pattern item
    that is not a literal character, for each way the text can start. A match at a line start
    begins with one of them at the line's first character that is not whitespace (the leading
    space repeats match only whitespace, and every key starts with a character that is not
    whitespace), so that line's first word starts with it. None for any other pattern, or when
    some way to start has no key (a character class, say)."""
    keys: list[str] = []  # each after a newline, as line_starts puts the words
    for anchored, items in leads:
        # More whitespace repeats ("^\\s*(?:\\s*a|b)") match only more of the same whitespace.
        starts = _leads(items, multiline=True, cased=False, spaces=True) if anchored else None
        if starts is None:
            return None
        for nested, rest in starts:
            key = ""
            for op, av in rest:
                char = _as_seen(chr(av), False) if op is _C.LITERAL else None
                if char is None or char.isspace():
                    break
                key += char
            if nested or not key:
                return None
            keys.append("\n" + key)
    return tuple(dict.fromkeys(keys))


def _finder(leads: list[Lead], *, cased: bool) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The finder for ``leads``: (pattern sources, words), over the text itself when ``cased``
    (else over its lowercase). Leads with distinctive leading text are looked for as that text
    (a "word"), with ``str.find``; the pattern has the anchored leads (a newline, whitespace
    and their own text) and the other leads, as a trie of their leading literal text so that
    ``re`` tries only the alternatives that start with the character at hand (or a few
    patterns, see :func:`_split`). None when a lead's first character cannot stand in
    lowercased text."""
    anchored = [_render_sequence(items, cased)[0] for is_anchored, items in leads if is_anchored]
    floating: list[tuple[str, str]] = []
    for is_anchored, items in leads:
        if is_anchored:
            continue
        prefix, k = "", 0
        while k < len(items) and items[k][0] is _C.LITERAL:
            char = _as_seen(chr(items[k][1]), cased)
            if char is None:
                break
            prefix, k = prefix + char, k + 1
        if not prefix:
            return None
        floating.append((prefix, _render_sequence(items[k:], cased)[0]))

    # Distinctive leading text (a phrase, or a whole lead) is worth looking for on its own:
    # str.find skips to it in C, and where it occurs the pattern mostly matches. A single word
    # followed by more pattern ("council\s+(?:noted|…)") is left to the trie, which checks the
    # rest in C as well. A word that starts with another is found through the shorter one.
    def distinctive(prefix: str, rest: str) -> bool:
        return len(prefix) >= MIN_WORD and (not rest or " " in prefix)

    words: list[str] = []
    for word in sorted({p for p, rest in floating if distinctive(p, rest)}, key=len):
        if not any(word.startswith(w) for w in words):
            words.append(word)
    floating = [(p, rest) for p, rest in floating if not distinctive(p, rest)]
    parts = [r"\n\s*" + _alternatives(list(dict.fromkeys(anchored)))] if anchored else []
    parts += _branches(floating)
    if _split(floating):
        return tuple(parts), tuple(words)
    # One flat alternation, each alternative starting with a literal: re then skips in C to
    # the characters that start one (a nested group would be tried at every offset).
    return ("|".join(parts),) if parts else (), tuple(words)


def _split(floating: list[tuple[str, str]]) -> bool:
    """Whether the trie of the ``floating`` (prefix, rest) leads is looked for as one pattern
    per first character instead of one alternation. ``re`` skips in C to a leading literal
    text, but for a choice of first characters it starts its matcher at each of them: for
    letters, every few characters. A few searches, each skipping to two or more characters
    ("is", "are"), cost less, and more than a few cost more than they save."""
    leads: dict[str, set[str]] = {}  # first character -> first two characters
    for prefix, _rest in floating:
        leads.setdefault(prefix[0], set()).add(prefix[:2])
    return 1 < len(leads) <= MAX_SPLIT and all(
        len(two) == 1 and len(next(iter(two))) == 2 for two in leads.values()
    )


def _alternatives(sources: list[str]) -> str:
    return sources[0] if len(sources) == 1 else "(?:" + "|".join(sources) + ")"


def _branches(entries: list[tuple[str, str]]) -> list[str]:
    """The alternatives of a trie of ``prefix + rest`` for (prefix, rest) ``entries``: those
    that start with the same characters share them."""
    rests = list(dict.fromkeys(rest for prefix, rest in entries if not prefix))
    tails: dict[str, list[tuple[str, str]]] = {}
    for prefix, rest in entries:
        if prefix:
            tails.setdefault(prefix[0], []).append((prefix[1:], rest))
    return [re.escape(char) + _alternatives(_branches(t)) for char, t in tails.items()] + rests


def _render_sequence(items: list[tuple[Any, Any]], cased: bool) -> tuple[str, bool]:
    """Source of a pattern that matches wherever ``items`` match, over the text itself when
    ``cased`` (else case-sensitive, over lowercased text), and whether it is all of ``items``
    (False: only a prefix of them, which still matches wherever the whole does)."""
    out = ""
    for item in items:
        source, whole = _render_item(item, cased)
        if source is None:
            return out, False
        out += source
        if not whole:
            return out, False
    return out, True


def _render_item(item: tuple[Any, Any], cased: bool) -> tuple[str | None, bool]:
    op, av = item
    if op is _C.LITERAL:
        char = _as_seen(chr(av), cased)
        return (None, False) if char is None else (re.escape(char), True)
    if op is _C.NOT_LITERAL:
        char = chr(av)
        if not cased and char.lower() != char.upper():
            return None, False
        return f"[^{re.escape(char)}]", True
    if op is _C.ANY:
        return ".", True
    if op is _C.IN:
        members = _render_set(av, cased)
        return (None, False) if members is None else (members, True)
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & ~_IGNORECASE:
            return None, False
        source, whole = _render_sequence(list(body), cased)
        return f"(?{_flag_change(add_flags, del_flags) if cased else ''}:{source})", whole
    if op is _C.BRANCH:
        parts = [_render_sequence(list(alternative), cased) for alternative in av[1]]
        return "(?:" + "|".join(p for p, _ in parts) + ")", all(w for _, w in parts)
    if op in _REPEATS:
        low, high, body = av
        source, whole = _render_sequence(list(body), cased)
        if not whole:
            return (None, False) if low == 0 else (f"(?:{source})", False)
        bound = "" if high == _C.MAXREPEAT else str(high)
        return f"(?:{source}){{{low},{bound}}}", True
    return None, False  # anchors, look-arounds, back-references, atomic groups: stop here


def _flag_change(add_flags: int, del_flags: int) -> str:
    """The inline flags of a ``(?i:…)`` or ``(?-i:…)`` group."""
    return ("i" if add_flags & _IGNORECASE else "") + ("-i" if del_flags & _IGNORECASE else "")


def _as_seen(char: str, cased: bool) -> str | None:
    """``char`` as it appears in the text (``cased``) or in its lowercase, or None when the
    lowercase is not one character that ``re`` also equates with it (a non-ASCII letter)."""
    if cased:
        return char
    if char.isascii() or char.lower() == char.upper():
        return char.lower()
    return None


def _render_set(members: list[tuple[Any, Any]], cased: bool) -> str | None:
    """A character class as it matches in the text when ``cased`` (a copy), else in its
    lowercase (None: not representable)."""
    negate = False
    out = ""
    for op, av in members:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.CATEGORY:
            if av not in _CATEGORIES:
                return None
            out += _CATEGORIES[av]
        elif op is _C.LITERAL:
            char = _as_seen(chr(av), cased)
            if char is None or (negate and not cased and char != char.upper()):
                return None
            out += re.escape(char)
        elif op is _C.RANGE:
            first, last = chr(av[0]), chr(av[1])
            if not cased and any(chr(c).lower() != chr(c).upper() for c in range(av[0], av[1] + 1)):
                # Letters: A-Z stands as a-z in lowercased text; other ranges are not copied.
                if negate or not ("A" <= first <= last <= "Z" or "a" <= first <= last <= "z"):
                    return None
                first, last = first.lower(), last.lower()
            out += f"{re.escape(first)}-{re.escape(last)}"
        else:
            return None
    return f"[{'^' if negate else ''}{out}]"


def scanner(pattern: re.Pattern[str]) -> Scanner:
    """The scanner for ``pattern``, built once. Looked up by the pattern's identity: hashing a
    compiled pattern, as a cache keyed by it would, hashes its whole code on every call (up to
    7 µs for the rules that embed the date pattern, tens of calls per document). The entry
    keeps the pattern alive, so its id is not reused."""
    entry = _SCANNERS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _SCANNERS[id(pattern)] = (pattern, Scanner(pattern))
    return entry[1]


_SCANNERS: dict[int, tuple[re.Pattern[str], Scanner]] = {}
