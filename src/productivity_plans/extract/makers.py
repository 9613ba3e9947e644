"""Several decision-makers named in one body: "Cabinet Member for Finance, Leader of the
Council", "Leader of the Council and Chief Executive", "Cllr A Smith, Leader of the Council and
Cllr B Jones, Cabinet Member for Finance".

Individual decisions are often taken jointly, and decision records print the makers on one
line. The body stays that one line (the ``inspect --json`` contract has one string); the makers
are the line split where a new office or a named councillor begins after ",", ";", "and" or
"&". A name that holds "and" itself ("Cabinet Member for Finance and Resources") is not split,
because what follows the "and" does not start an office; nor is one taken "in consultation
with" another, who is consulted, not a maker. A councillor's name and their office are one
maker, whichever comes first: the line's first part tells which way round it writes them.
"""

from __future__ import annotations

import re

# Offices a decision-maker holds, as the start of a name.
_OFFICE = (
    r"(?:the\s+)?(?:Deputy\s+)?(?:Leader\b|Cabinet\s+Member\b|Executive\s+(?:Member|Councillor)\b"
    r"|(?:[A-Z][\w&]*\s+)*Portfolio\s+Holder\b|Lead\s+(?:Cabinet\s+)?Member\b"
    r"|(?:Chief|Executive|Corporate|Strategic|Assistant|Service)?\s*Director\b|Chief\s+Executive\b"
    r"|(?:Elected\s+|City\s+)?Mayor\b|Head\s+of\b|Chief\s+Finance\s+Officer\b|Section\s+151\b"
    r"|Monitoring\s+Officer\b)"
)
# A named person: "Councillor A Smith", "Cllr Jones", "Mr J Brown".
_PERSON = r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s"
# A separator between two makers: a comma, a semicolon, "and" or "&", then an office or a name.
_BETWEEN = re.compile(rf"\s*(?:[,;]\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+)(?={_OFFICE}|{_PERSON})")
_HAS_OFFICE = re.compile(_OFFICE)
_IS_PERSON = re.compile(_PERSON)


def decision_makers(body: str | None) -> tuple[str, ...]:
    """The decision-makers named in ``body``, in order (one for a single body, none for
    None)."""
    if not body:
        return ()
    parts = [p.strip(" ,;") for p in _BETWEEN.split(body)]
    parts = [p for p in parts if p]
    if not parts:
        return ()
    name_first = _is_name(parts[0])
    makers: list[str] = []
    waiting: str | None = None  # a name before its office
    for part in parts:
        if _is_name(part):
            if name_first:
                waiting = part if waiting is None else f"{waiting}, {part}"
                continue
            if makers:
                makers[-1] = f"{makers[-1]}, {part}"  # the office's holder, named after it
                continue
        if waiting is not None:
            part, waiting = f"{waiting}, {part}", None
        makers.append(part)
    if waiting is not None:
        makers.append(waiting)
    return tuple(makers)


def _is_name(part: str) -> bool:
    """A person named without an office ("Councillor A Smith")."""
    return _IS_PERSON.match(part) is not None and _HAS_OFFICE.search(part) is None
