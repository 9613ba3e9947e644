"""Several decision-makers named in one body: "Cabinet Member for Finance, Leader of the
Council", "Leader of the Council and Chief Executive".

Individual decisions are often taken jointly, or by one member in consultation with another,
and decision records print them on one line. The body stays that one line (the ``inspect
--json`` contract has one string); the makers are the line split where a new office begins.
A name that holds "and" itself ("Cabinet Member for Finance and Resources") is not split,
because what follows the "and" does not start an office; nor is one taken "in consultation
with" another, who is consulted, not a maker.
"""

from __future__ import annotations

import re

# Offices a decision-maker holds, as the start of a name.
_OFFICE = (
    r"(?:the\s+)?(?:Deputy\s+)?(?:Leader\b|Cabinet\s+Member\b|Executive\s+(?:Member|Councillor)\b"
    r"|(?:[A-Z][\w&]*\s+)*Portfolio\s+Holder\b|Lead\s+Member\b|Lead\s+Cabinet\s+Member\b"
    r"|(?:Chief|Executive|Corporate|Strategic|Assistant|Service)?\s*Director\b|Chief\s+Executive\b"
    r"|(?:Elected\s+|City\s+)?Mayor\b|Head\s+of\b|Chief\s+Finance\s+Officer\b|Section\s+151\b"
    r"|Monitoring\s+Officer\b|Councillor\b|Cllr\b)"
)
# A separator between two makers: a comma, a semicolon, "and" or "&", then an office.
_BETWEEN = re.compile(rf"\s*(?:[,;]\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+)(?={_OFFICE})")


def decision_makers(body: str | None) -> tuple[str, ...]:
    """The decision-makers named in ``body``, in order (one for a single body, none for
    None)."""
    if not body:
        return ()
    makers = (part.strip(" ,;") for part in _BETWEEN.split(body))
    return tuple(maker for maker in makers if maker)
