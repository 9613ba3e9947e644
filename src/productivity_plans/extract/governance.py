"""Governance facts: decision body, meeting/decision date, outcome, author, recommendations,
key-decision and call-in flags, submission date, and a dated timeline of earlier steps.

Method (general house styles, not any one council's wording):

* **Body and date** come from the furniture democracy systems and report templates print, tried
  in order of reliability: "Decision Maker:" / "Date of decision:" (decision records),
  "Meeting: 25/06/2024 - Cabinet (Item 11)" (issue pages), "Meeting of Cabinet, Tuesday, 30th
  July, 2024", a meeting header line ("Governance and Resources Committee 18 July 2024",
  "Cabinet - Wednesday 17th July, 2024"), "Report To:"/"Date of Meeting", then who the report is
  addressed to ("Recommendation(s) to Cabinet Executive", "THAT CABINET:", "To provide Cabinet
  with") and narrative minutes ("The Executive considered a report"). Plans and web pages
  report their own sign-off ("agreed by the cabinet on 15 July").
* **Dates** are never the Minister's letter date or the submission deadline (both from the
  framework): those are quoted by every paper.
* **Outcome** is read only from decision zones (after "RESOLVED", "ORDERED", "Decision:", a
  recommendations heading, numbered "That …" clauses) and only from the part of the text that
  is about the productivity plan, with precedence deferred > approved > delegated > endorsed >
  noted. A delegation's own powers ("delegates … authority to agree") are not an approval;
  sign-off lines ("Approved by the Portfolio Holder") are not the decision. Papers with a
  decision but no visible outcome get ``unknown``; plans and web pages without one get ``none``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from productivity_plans.extract.dates import (
    DATE_WITH_WEEKDAY,
    MONTH_NAMES,
    DateMention,
    DateScan,
    find_dates,
    scan_dates,
)
from productivity_plans.extract.records import (
    MEMBER_KINDS,
    Author,
    Decision,
    GovernanceEvent,
    Quote,
)
from productivity_plans.framework import load_regime

_M = re.IGNORECASE | re.MULTILINE
# Dates in any case ("WEDNESDAY, 17 JULY 2024"), inside patterns that are case-sensitive.
_DATE = f"(?i:{DATE_WITH_WEEKDAY})"
_DATE_AGAIN = _DATE.replace("(?P<", "(?P<again_")  # a second date in one pattern
_DATE_LEAD = _DATE.replace("(?P<", "(?P<lead_")  # and a date told before its step

# A body name as papers print it.
_BODY_CORE = (
    r"(?:the\s+)?(?:"
    r"Leader\s+of\s+the\s+Council(?:\s+and\s+(?:the\s+)?Chief\s+Executive)?"
    r"|(?:Executive\s+|Deputy\s+)?Leader"
    r"|(?:Cabinet|Executive|Lead)\s+(?:Member|Portfolio\s+Holder)\s+for\s+[A-Z][\w,&' ]+?"
    # a portfolio's name of up to four words ("Deputy Leader and Finance Portfolio Holder");
    # unbounded, it was tried from every word to the end of the text
    r"|(?:[A-Z][\w&]*\s+){0,4}Portfolio\s+Holder(?:\s+for\s+[A-Z][\w,&' ]+?)?"
    # a mayoral executive: "the Elected Mayor and Cabinet", "Mayor in Cabinet"; a cabinet its
    # council names "Council Cabinet"
    r"|(?:(?:Elected\s+|City\s+|Executive\s+)?Mayor\s+(?:and|in)\s+|Council\s+)?"
    r"[Cc]abinet(?:\s+Executive|\s+and\s+Junior\s+Cabinet\s+Members)?|Executive\s+Cabinet"
    # an elected mayor deciding alone: "The City Mayor approved the plan on 15 July", "agreed
    # by the Executive Mayor at a cabinet meeting"
    r"|(?:(?:Directly\s+)?Elected\s+|City\s+|Executive\s+)Mayor"
    r"|Executive(?:\s+Committee)?"
    r"|(?:Full\s+|City\s+|County\s+|Borough\s+|District\s+)?Council"
    r"|Corporate\s+(?:Leadership|Management)\s+Team|(?:Senior|Extended)\s+Leadership\s+Team"
    # a committee's name on one line ("Council backs plan" / "Leeds City Council's executive
    # board" is no committee)
    # ("… on 2 July and the Overview and Scrutiny Board" starts at "Overview", not "and")
    r"|(?!(?:and|of|for)\s)(?:[A-Z][\w&',]*[ \t]+(?:(?:and|&|of|the|for)[ \t]+)?){1,6}"
    r"(?:Committee|Sub-Committee|Board|Panel|Group)"
    r"|Chief\s+Executive(?:\s+Officer)?"
    r")"
)
BODY_RE = re.compile(_BODY_CORE)
# Two bodies that took one decision together, as a plan's sign-off names them ("approved by
# the Leader and Cabinet", "endorsed by the Executive Leader and Executive Cabinet"): the body
# is both, as the text names it. The second starts with a capital, and the words after it must
# end a body, so "and the Chief Executive will …" or "and submitted" still ends the first.
_BODIES = rf"{_BODY_CORE}(?:\s+(?:and|&)\s+(?=(?:the\s+)?(?-i:[A-Z])){_BODY_CORE})?"
# The first word of an office a named person holds: "Chief Executive", "Director of Finance".
_OFFICE = (
    r"(?:the\s+)?(?:Chief|Director|Leader|Head|Cabinet|Executive|Portfolio|Lead|Strategic|Deputy"
    r"|Corporate|Assistant|Section|Monitoring|Interim|Acting)\b"
)
# Minutes headings print the body in capitals: "MINUTES of a meeting of the CABINET held …".
_UPPER_BODY = (
    r"CABINET(?:\s+EXECUTIVE)?|EXECUTIVE(?:\s+COMMITTEE)?|(?:FULL\s+)?COUNCIL"
    r"|(?:[A-Z&,']+\s+){1,6}(?:COMMITTEE|SUB-COMMITTEE|BOARD|PANEL)"
)

_PAPER_TYPES = frozenset({"committee_report", "decision_record", "minutes", "agenda_item"})
_LETTER = load_regime().letter_date
_DEADLINE = load_regime().deadline
_EXCLUDED_DATES = frozenset({_LETTER, _DEADLINE})
# A step's own day may be the deadline's ("presented to Cabinet on 19 July 2024"), never the
# letter's.
_LETTER_ONLY = frozenset({_LETTER})


# A step still to come, in the words before its verb or date: "will be approved", "is to be
# considered by Council on", "is due to go to Cabinet on", "not yet approved, for Cabinet on",
# "subject to approval by" (but not "had to be submitted", an obligation met). Such a step is
# never an event that happened.
_NOT_YET = re.compile(
    # "the Leader replied that a report would be considered by the Executive on 26 September"
    r"\b(?:will|shall|would|(?<!had )(?<!needed )(?<!required )to\s+be|not\s+yet|yet\s+to"
    r"|due\s+to\s+(?:be|go|come|meet|consider|take|receive)\b"
    r"|going\s+to|expected\s+to|scheduled|subject\s+to|pending|awaiting"
    r"|for\s+(?:the\s+)?(?:(?:full|next)\s+)?(?:cabinet|council|executive|committee|board|panel)\b"
    r"(?:\s+meeting)?\s+(?:on|in|at)\b"
    # "agreed that the final version be signed off by the Leader": a step handed on, to come
    r"|\bbe\s+(?:formally\s+|finally\s+|then\s+)?$"
    # "recommended for approval by the Executive on 16 July", "seeking approval from Cabinet on
    # 9 July": the approval is that meeting's, still to take (a recommendation or a request is
    # no approval), in the clause that leads to the verb or date
    r"|\b(?:recommended\s+for|seek(?:s|ing)?|sought|requesting)\s+(?:its\s+|the\s+)?"
    r"(?:approval|endorsement|adoption|agreement)\b[^.;,]{0,40}$"
    # "be deferred to the meeting of the Executive on 18 July", "referred to the Council
    # Meeting on 19 September": a later meeting's day
    r"|\b(?:deferred|adjourned|postponed|referred|put\s+back)\s+(?:un)?to\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:next\s+)?(?:[\w'’-]+\s+){0,5}?(?:(?:on|at|in)\s+)?$)",
    re.IGNORECASE,
)


# How far before a verb or date its tense is looked for: the clause, not the whole (possibly
# run-together) sentence.
_TENSE_REACH = 100


def _not_yet(text: str, start: int, end: int) -> bool:
    """Whether the words of ``text[start:end]`` (a sentence up to a verb or date) nearest the
    verb or date put the step in the future."""
    return _NOT_YET.search(text, max(start, end - _TENSE_REACH), end) is not None


# The Leader deciding with a collective body: "the Leader and Cabinet", "the Executive Leader
# and Executive Cabinet".
_LEADER_WITH = re.compile(
    r"(?:the\s+)?(?:Executive\s+|Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?\s+(?:and|&)\s+"
    r"(?P<meeting>.+)",
    re.IGNORECASE,
)


def _meeting_of_a_pair(body: str) -> str:
    """A sign-off by "the Leader and Cabinet" is the cabinet's meeting, which the Leader chairs:
    the body is the cabinet (or executive, council, committee); other pairs stay as named."""
    pair = _LEADER_WITH.fullmatch(body)
    if pair is None or body_kind(pair.group("meeting")) not in _MEETINGS:
        return body
    return re.sub(r"^the\s+", "", pair.group("meeting"), flags=re.IGNORECASE)


_MEETINGS = frozenset({"cabinet", "executive", "council", "committee"})


def _clean_body(body: str) -> str:
    body = body.strip().split("\n")[-1]
    # "Cabinet meeting - 27 June", a heading's "Strategy and Resources Committee Minutes"
    body = re.sub(r"\s+(?:meeting|minutes)$", "", body, flags=re.IGNORECASE)
    # a cover's labelled line, "To: Policy and Resources Committee – 19 September 2024"
    body = re.sub(r"^(?:(?:report\s+)?to|meeting|for)\s*:\s*", "", body, flags=re.IGNORECASE)
    # a title page's "Approved by the Policy and Organisation Board, 10 July 2024": the board
    body = re.sub(
        r"^(?:approved|agreed|endorsed|adopted|signed\s+off)\s+by\s+", "", body, flags=re.I
    )
    # "Leader of the Council (Councillor P. Harkness) and Portfolio Holder for … (Councillor J.
    # Ostrowski), acting jointly": the offices decide, not the names
    body = re.sub(r"\s*\((?:Cllr\.?|Councillor|Mayor)\b[^)]*\)", "", body)
    body = re.sub(r",?\s*(?:acting\s+)?jointly\s*$", "", body, flags=re.IGNORECASE)
    # "councillors on the Finance Committee": the committee decides
    body = re.sub(r"^(?:councillors|members)\s+(?:on|of)\s+", "", body, flags=re.IGNORECASE)
    # "Councillor Paula Hesketh, Cabinet Member for Resources", "Georgina Blackwood, Chief
    # Executive": the office decides
    body = re.sub(
        r"^(?:County\s+)?(?:Cllr\.?|Councillor)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s*",
        "",
        body,
    )
    # "Leader of the Council, Councillor Owen Hale", "Cllr Owen Hale (Leader of the Council)":
    # the office, wherever the name stands
    body = re.sub(
        r",\s*(?:Cllr\.?|Councillor)\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*$", "", body
    )
    body = re.sub(
        rf"^(?:Cllr\.?|Councillor)\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*\s*\((?={_OFFICE})"
        r"([^()]+)\)$",
        r"\1",
        body,
    )
    body = re.sub(rf"^(?:[A-Z][\w'’-]*\s+){{1,3}}[A-Z][\w'’-]*,\s*(?={_OFFICE})", "", body)
    body = re.sub(r"^(?:the\s+)?(?:council|authority)['’]s\s+", "", body, flags=re.IGNORECASE)
    # a clause of the sentence before the name, in running words, not a name's: "(After 40)
    # minutes of debate, the Policy and Resources Committee"
    body = re.sub(
        r"^(?=[^,\n]*\b(?!(?:and|the|for)\b)[a-z]{3,}\b)[^,\n]*,\s+(?:the\s+)?(?=[A-Z])", "", body
    )
    # the body after the council's name: a running footer's "Spelthorne Borough Council -
    # Corporate Policy and Resources Committee", the press's "Leeds City Council's executive board"
    body = re.sub(
        r"^(?:[A-Z][\w'’&-]*\s+){1,5}(?:Council\s*[-–—|:]\s+|(?:Council|Authority)['’]s\s+)(?=\S)",
        "",
        body,
    )
    # "The Town Clerk and Chief Executive, in consultation with the Chairman …": the one
    # consulted does not decide
    body = re.sub(
        r",?\s+(?:in|after|following)\s+consultation\s+with\b.*$", "", body, flags=re.I | re.S
    )
    body = re.sub(r"\s+", " ", body).strip(" \t:-–—,.;|")
    body = re.sub(r"^(?:the|a|an)\s+", "", body, flags=re.IGNORECASE)
    body = re.sub(r"\s*\((?:item|minute)[^)]*\)\s*$", "", body, flags=re.IGNORECASE)
    if body.isupper():
        body = body.title().replace(" And ", " and ").replace(" Of ", " of ")
    elif body.islower():
        body = body[:1].upper() + body[1:]
    return body


def body_kind(body: str | None) -> str | None:
    """Canonical kind of a decision body: cabinet, executive, council, committee, leader,
    mayor, portfolio_holder, officer or other."""
    if not body:
        return None
    low = body.lower()
    if re.search(r"\bmayor\s+(?:and|in)\s+cabinet\b", low):
        return "cabinet"  # a mayoral executive meeting as a cabinet
    if re.search(r"\bmayor\b", low):
        return "mayor"
    if re.search(r"\bportfolio holder\b|\b(?:cabinet|executive) member\b", low):
        return "portfolio_holder"
    if re.match(r"(?:the )?leader\b", low):
        return "leader"
    if re.search(r"\b(?:leadership|management)\s+team\b", low):
        return "officer"  # Corporate Leadership Team, Senior Management Team: officers
    if re.search(r"\bcabinet\b", low):
        return "cabinet"
    if re.search(r"\b(?:committee|sub-committee|board|panel|group|team)\b", low):
        return "executive" if low.strip() == "executive committee" else "committee"
    if re.search(r"\bexecutive\b", low) and not re.search(r"chief executive", low):
        return "executive"
    if re.search(r"\bcouncil\b", low):
        return "council"
    if re.search(r"\b(?:chief executive|director|officer|manager|head of)\b", low):
        return "officer"
    # "Decision Maker: Policy and Finance" — a named committee without the word.
    return "committee"


# ---------------------------------------------------------------- body and meeting date

_HEADER_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "decision_maker",
        # "Decision Maker:", "Decision taker:", "Decision taken by:", "Decided by:", and a
        # forward plan's "Decision to be taken by:" …
        re.compile(
            r"^\s*(?:\d{1,2}[.)]?\s*)?(?:Meeting\s*/\s*)?(?:Decision[\s-]+(?:Maker|Taker)s?"
            r"|Decisions?\s+(?:to\s+be\s+)?(?:taken|made)\s+by"
            r"|Decided\s+by|Decision\s+by|(?:Officer|Member|Person)\s+(?:taking|making)\s+(?:the\s+)?decision)"
            # perhaps with its day: "Decision taken by: Cabinet on 9 July 2024"
            rf"\s*:\s*(?P<body>[^\n]+?)(?:\s+on\s+(?P<date>{_DATE}))?\s*$",
            _M | re.X,
        ),
    ),
    (
        # a form's box whose colon the PDF's text lost: "Decision maker City Mayor", "Decision
        # maker Leader of the Council, Councillor A. Name", "Decision taken by Councillor A.
        # Name, Leader of the Council"
        "decision_maker_box",
        re.compile(
            r"^[ \t]*(?i:decision[ \t-]+(?:maker|taker)s?|decisions?[ \t]+(?:taken|made)[ \t]+by)"
            r"[ \t]+(?:(?:Cllr\.?|Councillor)[ \t]+[^\n,]{1,60},[ \t]*"
            # an officer's name first: "Decision taken by A. Name, Chief Executive"
            r"|(?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’-]*,[ \t]*)?"
            rf"(?P<body>{_BODY_CORE})"
            # the name after a comma or a dash: "Leader of the Council – Councillor A. Name"
            r"(?:(?:,|[ \t]+[-–—])[ \t]*(?:Cllr\.?|Councillor)[ \t][^\n]{1,60})?[ \t]*$",
            re.MULTILINE,
        ),
    ),
    (
        # an individual decision form's maker box, its label and office perhaps wrapped:
        # "Responsible Cabinet" / "Member" / "Councillor A. Name, Leader and Cabinet Member for
        # Housing" / "and Planning", "Portfolio Holder: Cllr A. Name, Portfolio Holder for
        # Finance" (read on decision records only: a report's cover names the member
        # presenting it, not the maker)
        "responsible_member",
        re.compile(
            r"^[ \t]*(?:Responsible\s+)?(?:(?:Cabinet|Executive|Lead)\s+Member|Portfolio\s+Holder)"
            r"\s*:?[ \t]*\n?[ \t]*"
            r"(?:(?:Cllr\.?|Councillor)[ \t]+[^\n,]{1,60},[ \t]*)?"
            rf"(?P<body>{_BODIES})[ \t]*"
            r"(?:\n[ \t]*(?P<body_more>(?:and|&)[ \t]+[A-Z][\w,&' ]{1,60}?)[ \t]*)?$",
            re.MULTILINE,
        ),
    ),
    (
        # and its day in the next cell of the row: "Committee: Policy and Resources Committee |
        # Date: 11 July 2024" (the bar read as a colon by then)
        "committee_label",
        re.compile(
            rf"^\s*Committee\s*:[ \t]*(?P<body>[^\n]+?)"
            rf"(?:[ \t]*[:|][ \t]*Date[ \t]*:[ \t]*(?P<date>{_DATE})[^\n]*)?\s*$",
            _M | re.X,
        ),
    ),
    (
        # a report's heading line: "Report of the Director of Resources to the Executive on 9
        # July 2024"
        "report_of_to",
        re.compile(
            rf"^[ \t]*Report\s+(?:of|by|from)\s+[^\n]{{1,80}}?\s+to\s+(?:the\s+)?"
            rf"(?P<body>{_BODY_CORE})\s+(?:on|for\s+(?:its\s+)?meeting\s+on)\s+(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        # a memorandum's "To: Cabinet" over "Date: 16 July 2024"
        "memo_to",
        re.compile(
            rf"^[ \t]*To[ \t]*:[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t]*\n"
            rf"(?:[ \t]*(?:From|Subject|Title|Ref(?:erence)?)[ \t]*:[^\n]*\n){{0,2}}"
            rf"[ \t]*Date(?:[ \t]+of[ \t]+meeting)?[ \t]*:[ \t]*(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        "decision_of",
        re.compile(
            rf"^\s*(?:(?:Executive|Individual|Officer|Delegated|Key)\s+)?Decisions?\s+"
            rf"(?:of|by|taken\s+by)\s+(?:the\s+)?(?P<body>{_BODY_CORE})\s*$",
            re.MULTILINE | re.X,
        ),
    ),
    (
        # a decision notice's lead-in: "The following decision was taken by the Cabinet Member
        # for Finance and Resources on 15 July 2024:"
        "decision_taken_by",
        re.compile(
            rf"\b(?i:the\s+following\s+decisions?\s+(?:was|were|has\s+been|have\s+been)\s+"
            rf"(?:taken|made)\s+by)\s+(?:the\s+)?(?P<body>{_BODY_CORE})"
            rf"(?=\s+(?:on|at)\s|\s*[:.,;\n])"
            rf"(?:\s+(?i:on|at\s+(?:its|their)\s+meeting\s+on)\s+(?P<date>{_DATE}))?",
            re.X,
        ),
    ),
    (
        # a decision record's signature block: "Signed: Executive Member for Finance" (a
        # person's name alone is no body; a plan's signed foreword is no decision)
        "signed_by",
        re.compile(
            rf"^[ \t]*Signed(?:[ \t]+by)?[ \t]*:[ \t]*(?:the[ \t]+)?(?P<body>{_BODY_CORE})[ \t]*$",
            re.MULTILINE,
        ),
    ),
    (
        "decided_at",
        re.compile(
            rf"^\s*Decided\s+at\s+meeting\s*:\s*(?P<date>{_DATE})\s*-\s*(?P<body>[^\n(]+)",
            _M | re.X,
        ),
    ),
    (
        "date_of_decision",
        # "Date of decision:", "Decision date:", "Decision Day:", "Date decision taken:",
        # "Decision made on:", and a forward plan's "Expected date of decision:", "Decision due:";
        # also after a signature in one row of a form's sign-off box, as its text runs them
        # together: "Signature  Cllr A. Name  Date of decision 16 July 2024"
        re.compile(
            rf"(?:^\s*(?:\d{{1,2}}[.)]\s*)?|[ \t](?=(?-i:Date)\s+of\s+decision\b))"
            rf"(?:(?:Expected|Proposed|Anticipated|Planned|Provisional"
            rf"|Likely)\s+)?(?:Meeting\s*/\s*)?(?:Date\s+of\s+(?:the\s+)?decision"
            rf"|Decision\s+(?:date|day)|Date\s+(?:of\s+)?decision\s+(?:to\s+be\s+)?"
            rf"(?:taken|made)|Decisions?\s+(?:taken|made)\s+on|Decision\s+due(?:\s+date)?)"
            rf"\s*:?\s*(?P<date>{_DATE})"
            # ModernGov's "Decision due: 16 Jul 2024 by Cabinet" names the decision-maker too
            rf"(?:[ \t]+by[ \t]+(?:the[ \t]+)?(?P<body>{_BODY_CORE})[ \t.]*$)?",
            _M | re.X,
        ),
    ),
    (
        "issue_meeting",
        re.compile(rf"^\s*Meeting\s*:\s*(?P<date>{_DATE})\s*[-–]\s*(?P<body>[^\n(]+)", _M | re.X),
    ),
    (
        # "Meeting: Cabinet   Date: 25 June 2024" on one line; a decision notice's "Meeting:
        # Cabinet, 10 July 2024", "Meeting: Cabinet on 10 July 2024"
        "meeting_label",
        re.compile(
            rf"^[ \t]*Meeting\s*:[ \t]*(?P<body>[^\n\d]+?)"
            rf"(?:[ \t]+Date\s*:|[ \t]*[,–—-]|[ \t]+on)[ \t]*(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        # "Meeting:   Council" on a line of its own, the date on another; a cover table's
        # "Meeting   Resources Panel" whose colon the PDF's text lost (the line all a body)
        "meeting_body_label",
        re.compile(
            rf"^[ \t]*Meeting(?:[ \t]*:|[ \t])[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t]*$"
            # and its day on the next line, as an agenda's front sheet prints them: "MEETING:
            # CABINET" over "DATE: Thursday 11th July, 2024"
            rf"(?:\n[ \t]*Date[ \t]*:[ \t]*(?P<date>{_DATE}))?",
            _M | re.X,
        ),
    ),
    (
        # "Minutes of the meeting held on Tuesday, 9 July 2024", "Meeting held 10 July 2024": a
        # date alone
        "minutes_held_on",
        re.compile(
            # and a decision sheet's "Record of decisions taken at the meeting held on …"
            # and a committee-system council's "Minutes and report to Council of the meeting of
            # the Committee held … on the 27th June 2024"
            rf"^[ \t]*(?:(?:Minutes(?:\s+and\s+report\s+to\s+(?:the\s+)?Council)?"
            rf"|Record\s+of\s+(?:the\s+)?decisions?(?:\s+(?:taken|made))?)\s+"
            rf"(?:of|at)\s+(?:the|a)\s+meeting(?:\s+of\s+the\s+(?:Committee|Sub-Committee|Cabinet"
            rf"|Executive|Council|Board|Panel))?|Meeting)\s+held\s+"
            # "… held at the Town Hall on Thursday 11 July 2024"
            rf"(?:(?:at|in)\s+[^\n]{{1,80}}?\s+)?(?:on\s+(?:the\s+)?)?(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        "meeting_of",
        re.compile(
            rf"\b(?i:(?:meeting|minutes|proceedings)\s+of|agenda\s+(?:of|for))\s+"
            rf"(?i:(?:a|the)\s+(?:meeting|proceedings)\s+of\s+)?"
            rf"(?i:the\s+)?"
            rf"(?P<body>{_BODY_CORE}|{_UPPER_BODY})(?:\s+(?i:meeting))?"
            # the place perhaps over two lines, as a centred heading prints it
            rf"(?:(?:\s+(?i:was|(?P<to_be>to\s+be)))?\s+(?i:held)(?:\s+(?i:at|in)\s+[^\n]{{1,100}}?(?:\n[^\n]{{1,100}}?)?)?)?"
            # "Minutes of a meeting of the Executive / At 10.00 am on Thursday 11th July, 2024"
            rf"(?:\s+(?i:at)\s+\d{{1,2}}(?:[.:]\d{{2}})?\s*(?i:[ap]\.?m\.?))?"
            # "… at its meeting on 11 July 2024", "Minutes of Cabinet" / "Date: 11 July 2024"
            rf"(?:\s+(?i:at\s+its\s+meeting(?:\s+held)?))?"
            rf"(?:\s*,|\s+(?i:on)|\s+-|\s)\s*(?:(?i:date)\s*:\s*)?(?P<date>(?i:{_DATE}))",
            re.X,
        ),
    ),
    (
        # a report's route in a cover table: "Meeting/Date   Overview and Scrutiny Panel – 4
        # September 2024" / "Cabinet – 17 September 2024": the last meeting decides
        "meeting_date_rows",
        re.compile(
            rf"^[ \t]*Meeting[ \t]*/[ \t]*Date[ \t]*:?[ \t]+"
            rf"(?:[^\n–]{{3,80}}?[ \t]+[–-][ \t]+{_DATE_LEAD}(?:[ \t]*\n[ \t]*|[ \t]+))*"
            rf"(?P<body>[^\n–]{{3,80}}?)[ \t]+[–-][ \t]+(?P<date>{_DATE})[ \t]*$",
            _M | re.X,
        ),
    ),
    (
        # the committee's name printed under the heading, the council's over it: "SWALE
        # BOROUGH COUNCIL" / "MINUTES of the Meeting held in the Council Chamber … on Wednesday,
        # 10 July 2024" (perhaps wrapped) / "POLICY AND RESOURCES COMMITTEE"
        "body_under_minutes",
        re.compile(
            rf"^[ \t]*(?i:minutes\s+of\s+(?:a|the)\s+meeting)\b[^\n]{{0,200}}?"
            rf"(?:\n[^\n]{{0,200}}?)?\b(?i:on)\s+(?P<date>{_DATE})[^\n]*\n"
            rf"[ \t]*(?P<body>{_UPPER_BODY})[ \t]*$",
            re.MULTILINE | re.X,
        ),
    ),
    (
        "body_over_minutes",  # "SCRUTINY COMMITTEE" over "MINUTES OF A MEETING held … on <date>"
        re.compile(
            rf"^[ \t]*(?P<body>(?:(?:[A-Z][A-Z&',-]*|&)[ \t]+){{0,5}}"
            rf"(?:COMMITTEE|CABINET|COUNCIL|EXECUTIVE|BOARD|PANEL))[ \t]*\n(?:[ \t]*\n)?"
            rf"[ \t]*(?i:minutes(?:\s+and\s+report\s+to\s+(?:the\s+)?council)?\s+of\s+(?:a|the)"
            # the heading perhaps wrapped over two lines, the place before the day
            rf"\s+meeting)\b[^\n]{{0,200}}?(?:\n[^\n]{{0,200}}?)?\b(?i:on)\s+(?i:the\s+)?"
            rf"(?P<date>{_DATE})",
            re.MULTILINE | re.X,
        ),
    ),
    (
        "header_line",
        re.compile(
            rf"^[ \t]*(?P<body>[A-Z][^\n]{{2,120}}?)\s+[-–]\s+(?P<date>{_DATE})[^\n]*$", _M | re.X
        ),
    ),
    (
        "body_then_date",
        re.compile(
            # a running header too: "COUNCIL 23.07.24      Page 1"
            rf"^[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t,]+(?P<date>{_DATE})"
            rf"(?:[ \t]{{2,}}Page\s+\d+(?:\s+of\s+\d+)?)?[ \t]*$",
            _M | re.X,
        ),
    ),
    (
        # a running header's cells: "Lancaster City Council | Cabinet | 16 July 2024   Page 1"
        "running_header_cells",
        re.compile(
            rf"^[^\n|]{{1,80}}\|[ \t]*(?:the\s+)?(?P<body>{_BODY_CORE})[ \t]*\|"
            rf"[ \t]*(?P<date>{_DATE})"
            rf"(?:[ \t]+Page\s+\d+(?:\s+of\s+\d+)?)?[ \t]*$",
            _M | re.X,
        ),
    ),
    (
        "body_date_columns",  # a report's header row: "Director of …   Executive Cabinet   11 July"
        re.compile(
            rf"^[^\n]*?[ \t]{{3,}}(?:the\s+)?(?P<body>{_BODY_CORE})"
            rf"[ \t]{{3,}}(?P<date>{_DATE})[ \t]*$",
            _M | re.X,
        ),
    ),
    (
        "body_over_date",  # "Cabinet" on one line, "Tuesday 16 July 2024" on the next
        re.compile(
            # "Chelmsford City Council Cabinet" over "16 July 2024": the council's name first
            rf"^[ \t]*(?:(?:[A-Z][\w'’&-]*[ \t]+){{1,5}}Council[ \t]+)?"
            # an item number set at its right: "Cabinet          8" over "10 July 2024"
            # "Scrutiny Committee - Corporate and Resources": a committee and its remit
            rf"(?:the\s+)?(?:(?P<body>{_BODY_CORE}"
            rf"(?:[ \t]+[-–][ \t]+(?-i:[A-Z])[\w&,'’ ]{{2,60}}?)?)"
            # a committee's name wrapped before its last word: "AUDIT AND GOVERNANCE" over
            # "COMMITTEE" over "12 September 2024"
            rf"|(?P<wrapped_body>(?-i:[A-Z])[\w&,'’-]*(?:[ \t]+(?:(?:and|&|of|the|for)[ \t]+)?"
            rf"(?-i:[A-Z])[\w&,'’-]*){{0,6}}[ \t]*\n[ \t]*(?:Committee|Sub-Committee|Board|Panel)))"
            rf"(?:[ \t]{{3,}}\d{{1,3}})?[ \t]*\n(?:[ \t]*\n)?"
            # the venue between them: "CABINET" / "COUNCIL CHAMBER, WYRE FOREST HOUSE, …" /
            # "TUESDAY, 9TH JULY 2024 (6.00PM)"
            rf"(?:[ \t]*[^\n]{{0,60}}\b(?i:chamber|hall|house|room|offices|centre|center)\b"
            rf"[^\n]{{0,80}}\n)?"
            # "COUNCIL" over "DATE: 23 July 2024"
            rf"[ \t]*(?:date\s*:[ \t]*)?(?P<date>{_DATE})[ \t,]*(?:\(?(?:at\s+)?\d[^\n]*)?$",
            _M | re.X,
        ),
    ),
    (
        "report_to",
        re.compile(
            # and Harrow's "Report for:   Cabinet", a cover sheet's "For consideration by
            # The Executive on Thursday, 27 June 2024"
            rf"^\s*(?:Report\s+(?:To\s*:?|for\s*:)|For\s+consideration\s+by\s*:?|To\s+be\s+considered\s+by\s*:?)"
            rf"[ \t]+(?P<body>[^\n]+?)"
            rf"(?:(?:[ \t]*[-–—,][ \t]*|[ \t]+on[ \t]+)(?P<date>{_DATE})[^\n]*"
            # or the date alone on the next line: "Report to Cabinet\n\n16 July 2024"
            rf"|[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<date2>{_DATE_AGAIN})[ \t]*$)?\s*$",
            _M | re.X,
        ),
    ),
    (
        "meeting_date",
        re.compile(
            rf"^\s*(?:Date\s+of\s+(?:the\s+)?Meeting|Meeting\s+Date|Meeting\s+held(?:\s+on)?"
            rf"|Date\s+to\s+be\s+Considered"
            # a report's cover: "Report to the Cabinet" over "Meeting to be held on Thursday, …"
            rf"|Meeting\s+to\s+be\s+held(?:\s+on)?"
            # a bare "Date": a paper's meeting, but a plan's own date in its document control
            rf"|(?P<bare_date>Date))"
            rf"\s*:?[ \t]*"
            rf"(?:Signed\s+(?:on\s+)?)?(?P<date>{_DATE})",
            _M | re.X,
        ),
    ),
    (
        "title_line",
        re.compile(
            r"\A(?:[^\n]*\n){0,8}?[ \t]*(?P<body>(?-i:Cabinet(?:[ \t]+Executive)?|CABINET|Executive"
            r"|EXECUTIVE|Full[ \t]+Council|(?:[A-Z][\w&]+,?[ \t]+(?:and[ \t]+)?)+Committee"
            r"|(?:[A-Z][A-Z&]+,?[ \t]+(?:AND[ \t]+)?)+COMMITTEE))"
            # a joint committee's councils after it: "Joint Executive Committee of Alpha District
            # Council and Beta Borough Council"
            r"(?-i:[ \t]+(?:of|for)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4}Council"
            r"(?:[ \t]+and[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4}Council)?)?"
            # "Cabinet: Minutes", "CABINET – DECISION SHEET"
            r"[ \t]*(?:(?::|[ \t][-–—])[ \t]*"
            r"(?:Minutes|Decisions?(?:[ \t]+(?:Sheet|Notice|Record))?"
            r"|Record[ \t]+of[ \t]+Decisions))?[ \t]*$",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    (
        "addressed_to",
        re.compile(
            r"(?:\bRecommendations?(?:\(s\))?\s+to\s+|\bTHAT\s+(?=[A-Z]{4,}\b)|"
            r"\bThat\s+(?=(?:Cabinet|Council|Executive|the\s+Executive)(?:\s*\n|\s+(?:approves|notes|endorses|agrees|delegates)\b))|"
            r"\bTo\s+provide\s+|\bFor\s+|\breport\s+to\s+)(?:the\s+)?"
            r"(?P<body>(?-i:Cabinet(?:\s+Executive)?|CABINET|Executive(?:\s+Committee)?|EXECUTIVE"
            r"|Council|COUNCIL|Full\s+Council|[A-Z][\w&]+(?:\s+(?:and\s+)?[A-Z][\w&]+)*\s+Committee))"
            r"(?=\s*:|\s+with\b|\s+to\s+note\b|\s*\n|\s+is\s+RECOMMENDED|\s+(?:approves|notes|endorses|agrees|delegates)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        # a decision notice's "The Cabinet at its meeting on 9 July 2024 made the following
        # decision" (read on decision records only: a report or minutes recall earlier meetings
        # so)
        "at_its_meeting",
        re.compile(
            rf"\b(?:The\s+)?(?P<body>{_BODY_CORE}),?\s+at\s+its\s+meeting\s+(?:held\s+)?on\s+"
            rf"(?P<date>{_DATE}),?\s+(?:made|took|reached|resolved|decided|agreed)\b",
            re.X,
        ),
    ),
    (
        "narrative",
        re.compile(
            r"\b(?P<body>(?-i:(?:The\s+)?(?:Cabinet|Executive|Council)|[A-Z][\w&]+(?:\s+(?:and\s+)?[A-Z][\w&]+)*\s+Committee"
            # a decision record's office deciding alone: "The Portfolio Holder agreed the …"
            r"|The\s+(?:Leader(?:\s+of\s+the\s+Council)?|Portfolio\s+Holder|(?:Cabinet|Executive|Lead)\s+Member"
            r"|(?:City\s+|Elected\s+)?Mayor)))"
            r"[ \t]+(?:received|considered|noted|approved|agreed|endorsed)[ \t]+(?:a|the)\b",
            re.IGNORECASE,
        ),
    ),
]

# A character of the same sentence and paragraph: PDF lines break a sentence, blank lines
# end its paragraph.
_IN_PARAGRAPH = r"(?:[^.\n]|\n(?![ \t]*\n))"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = rf"(?:last\s+)?(?:{'|'.join(_WEEKDAYS)})"
# "at its meeting last Thursday (11 July)": the day told after its weekday.
_AT_ITS_MEETING_ON_A_WEEKDAY = (
    rf"at\s+(?:its|their|a|the)\s+meeting\s+(?:this\s+|on\s+)?{_WEEKDAY}[ \t]*\(?"
)
# A meeting's day told after it: "at its meeting on", "at its meeting of 4 July 2024", "at the
# meeting held on".
_AT_ITS_MEETING_OF = r"at\s+(?:its|the|a)\s+meeting\s+(?:on|of|held\s+on)"
# A character of the sign-off's clause: not the start of a later step's verb.
_NOT_A_LATER_STEP = (
    r"(?!(?:submit(?:ted)?|sen[dt]|publish(?:ed)?|e-?mail(?:ed)?|return(?:ed)?)\b)[^.\n]"
)
# The plan as a sentence's subject: "the productivity plan", "our plan", "Hull's plan", "it".
# and the plan told as its final version or text: "this final version was agreed by the Leader"
_PLAN_SUBJECT = (
    r"productivity\s+plan|(?:our|the|this|[\w-]+['’]s)\s+plan|it"
    r"|(?:this|the|our)\s+final\s+(?:version|draft|text)|this\s+version"
)
_PLAN_SIGNOFF = re.compile(
    rf"(?:\b(?P<subject>{_PLAN_SUBJECT}"
    rf"|(?:this|the)\s+document|(?:this|our|the)\s+(?:response|submission)"
    # the press's "The 9-page document was signed off by …"
    rf"|(?:this|the)\s+\d{{1,2}}-page\s+(?:document|plan|submission|report))\b"
    # perhaps with a clause between: "The plan, which every council was asked to produce
    # before the election, was signed off by …"
    rf"{_IN_PARAGRAPH}{{0,160}}?"
    # the press's lead: "Plans showing how the council will keep costs down were given the green
    # light by Cabinet members on Tuesday (9 July)", "A plan showing how … was given the go-ahead"
    rf"|\b(?:plans|a\s+plan)\b{_IN_PARAGRAPH}{{0,160}}?\b(?P<were>were|was|have\s+been|has\s+been)\s+"
    # "has been formally noted by the council's cabinet"
    rf"(?:(?:formally|unanimously|now)\s+)?)"
    rf"\b(?P<verb>approved|agreed|endorsed|signed\s+off|adopted|noted"
    # the press's words for an approval: "given the green light by Cabinet", "backed by", "voted
    # through by", "rubber-stamped by", "ratified by"
    rf"|given\s+the\s+(?:green\s+light|go-ahead)|backed|voted\s+through|rubber[- ]stamped"
    rf"|ratified)"
    # "agreed unanimously at a meeting of the council's executive"
    rf"(?:\s+(?:unanimously|formally|overwhelmingly))?"
    # "approved under delegated powers by the Chief Executive"
    rf"(?:\s+under\s+delegated\s+(?:powers|authority))?"
    # "approved by the Cabinet", "approved at the Cabinet meeting"
    # "agreed at a meeting of the authority's cabinet"
    # "approved at Monday evening's meeting of the Corporate Policy and Resources Committee"
    rf"\s+(?:by|at\s+(?:the|a|its|(?P<relwd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?['’]s)"
    rf"(?:\s+meeting\s+of(?:\s+the)?)?)"
    rf"\s+(?:the\s+(?:(?:county|city|borough|district)\s+)?(?:council|authority)['’]s\s+"
    rf"|(?:council|authority)['’]s\s+|our\s+|its\s+"
    # "backed by Example Council's executive": the council named, then its body
    rf"|(?:(?-i:[A-Z])[\w'’-]*\s+){{1,4}}(?-i:Council|Authority)['’]s\s+"
    # the press's "signed off by council leader Cllr Jane Smith"
    rf"|council\s+(?=leader\b))?"
    rf"(?P<body>{_BODIES})"
    rf"(?:\s+(?:meeting|members))?"
    rf"(?:,?\s+(?:Cllr\.?|Councillor|Mayor)\s+(?:(?-i:[A-Z])[\w'’-]+\s+){{0,3}}?(?-i:[A-Z])[\w'’-]+,?)?"
    # the body runs to a word or mark that ends it ("… for Corporate Services on 11 July");
    # "and" ends it before a new clause ("and the Chief Executive", "and submitted"), not
    # inside a portfolio's name ("Cabinet Member for Finance and Asset Management")
    rf"(?=\s+(?:on|at|in|under|following|with|before|after|as|to|held|last|yesterday)\b"
    rf"|\s+and\s+(?-i:[a-z])|\s*[.,;:()\n]|\s*$)"
    # the day, perhaps after its weekday's part ("on Tuesday evening (July 16)"), or right after
    # the body as a title page prints it ("Approved by the Executive, 11 July 2024")
    # (not a later step's: "signed off by the Leader, …, and it was submitted on 17 July")
    rf"(?:(?:(?:{_NOT_A_LATER_STEP}){{0,100}}?\b(?:on|{_AT_ITS_MEETING_OF})\s+[^.\n\d]{{0,25}}?"
    rf"|\s+{_AT_ITS_MEETING_ON_A_WEEKDAY}"
    # "approved by Cabinet, 9 July 2024", "approved by Cabinet (9 July 2024)"
    rf"|[ \t]*[,–—(-][ \t]*)(?P<date>{_DATE})"
    # or told from the dateline: "at its meeting last night", "at Castle House yesterday",
    # "at its meeting at the Civic Centre on Tuesday evening"
    rf"|[^.\n]{{0,60}}?\b(?P<relday>last\s+night|yesterday|on\s+{_WEEKDAY}\b))?",
    re.IGNORECASE | re.X,
)
# The same told in the active voice, as the press writes it: "The council's strategy and
# resources committee agreed the productivity plan at a meeting on Thursday (July 11)".
_PLAN_SIGNOFF_ACTIVE = re.compile(
    # "At their meeting on Tuesday, Cabinet members backed the plan"
    # "At a meeting at the Civic Centre on Monday, the cabinet also agreed …"
    rf"(?:\b[Aa]t\s+(?:their|its|the|a)\s+meeting\s+(?:(?:at|in)\s+[^,.\n]{{1,40}}?\s+)?"
    # "At a meeting at Gun Wharf last night, cabinet members agreed …"
    rf"(?:on\s+)?(?P<relwd>{_WEEKDAY}|last\s+night|yesterday)"
    rf"(?:\s+(?:morning|afternoon|evening))?,?\s+"
    # the day first: "On 9 July 2024 the Cabinet approved this plan"
    rf"|\b[Oo]n\s+(?P<lead_date>{_DATE_LEAD}),?\s+(?:the\s+|our\s+|its\s+)?)?"
    rf"\b(?P<body>{_BODIES})\s+"
    # "Cabinet last night approved …": the day told from the release's dateline; "The
    # council's executive on Monday (July 15) approved …": the day in brackets, if given
    rf"(?:(?P<relday>last\s+night|yesterday|today|tonight|this\s+(?:morning|afternoon|evening)"
    rf"|on\s+{_WEEKDAY})(?:\s*\(\s*(?P<again_date>{_DATE_AGAIN})\s*\))?,?\s+)?"
    # "Cabinet members at Gedling Borough Council agreed …"
    rf"(?:(?:members|councillors)\s+(?:(?:at|of|on)\s+(?:[A-Z][\w'’-]*\s+){{1,4}}(?:Council|Authority)\s+)?)?"
    rf"(?:has\s+|have\s+|had\s+)?(?:also\s+|then\s+)?(?:unanimously\s+|formally\s+)?"
    # "Cabinet considered and endorsed the plan at its meeting on 10 July 2024"
    rf"(?:considered\s+and\s+)?"
    rf"(?:(?P<verb>approved|agreed|endorsed|signed\s+off|adopted|backed|noted|ratified"
    rf"|rubber[- ]stamped|voted\s+through"
    # "the committee voted to endorse the plan"
    rf"|(?:voted|agreed|decided)\s+(?:unanimously\s+)?to\s+(?:approve|endorse|adopt|note|back)"
    rf"|(?:given|gave)\s+the\s+(?:green\s+light|go-ahead)\s+to)|(?P<considered>considered))"
    rf"\s+(?:(?:the|its|our|a|this)\s+"
    # "agreed the document": a plan-like page speaks of the plan it is about
    rf"(?:draft\s+(?:of\s+(?:the|this|our|(?-i:[A-Z])[\w'’-]*['’]s)\s+)?|final\s+|new\s+|first\s+"
    rf"|(?:council|borough|county|city|district|authority)['’]s\s+(?:first\s+|new\s+)?)?"
    rf"[\"“‘']?(?:(?:productivity\s+)?plan|document)"
    # "approved the submission of this plan"
    rf"|(?:the\s+)?submission\s+of\s+(?:the|this|our)\s+(?:productivity\s+)?plan"
    # a plan's "the draft" alone ("considered the draft at its meeting on 8 July")
    rf"|(?:the|this|our)\s+draft(?=\s+(?:at|on|and)\b|\s*[,.])"
    # the plan under its own name: "backed the Hyndburn Productivity Plan", "the new 2024
    # productivity plan" (with "productivity" said, so "the Local Plan" is not it)
    rf"|(?:the|its|our|this)\s+(?:[\w'’-]+\s+){{1,3}}productivity\s+plan"
    # or under its council's name: "voted to endorse Swale Borough Council's productivity plan"
    rf"|(?:(?-i:[A-Z])[\w'’-]*\s+){{1,5}}Council['’]s\s+(?:draft\s+)?productivity\s+plan"
    # or its place's: "approved Barnsley's productivity plan"
    rf"|(?-i:[A-Z])[\w'’-]*['’]s\s+(?:draft\s+)?productivity\s+plan"
    # "This is Bolton's plan. The Leader of the Council approved it at …"
    rf"|(?P<pronoun>it))\b"
    # (the meeting's weekday told right after the plan first: "… at their meeting last Tuesday
    # (July 16) and it was sent … on Thursday, July 18" is the 16th)
    rf"(?:(?:\s+{_AT_ITS_MEETING_ON_A_WEEKDAY}"
    rf"|[^.\n]{{0,100}}?\b(?:on|{_AT_ITS_MEETING_OF})\s+[^.\n\d]{{0,25}}?"
    # the press's day in brackets: "when they met at City Hall yesterday (Wednesday 10 July)"
    rf"|[^.\n]{{0,100}}?\b(?:yesterday|last\s+night|today)\s*\(\s*)(?P<date>{_DATE})"
    # or a weekday told from the dateline: "agreed the document on Wednesday evening"
    rf"|[^.\n]{{0,60}}?\bon\s+(?P<later_wd>{_WEEKDAY})\b)?",
    re.IGNORECASE | re.X,
)
# A plan saying who will consider it and when ("Cabinet will consider it on 16 July 2024"): the
# body and day of a decision to come, outcome none, as the conventions read a notice.
_PLAN_TO_COME = re.compile(
    rf"\b(?P<body>{_BODY_CORE})\s+(?:will|is\s+due\s+to|is\s+to)\s+(?P<considered>consider|discuss|decide\s+on)"
    rf"\s+(?:it|this\s+(?:draft|plan|document)|the\s+(?:draft\s+)?(?:productivity\s+)?plan)"
    rf"\s+(?:at\s+its\s+meeting\s+)?on\s+(?P<date>{_DATE})",
    re.X,
)
# A plan awaiting its sign-off at a meeting to come: "subject to Cabinet approval on 10 July
# 2024", "subject to approval by the Executive on 2 July 2024".
_PLAN_SUBJECT_TO = re.compile(
    rf"\b(?P<considered>(?i:subject)\s+to)\s+(?:the\s+)?(?:(?:approval|agreement|endorsement)\s+"
    rf"(?:of|by)\s+(?:the\s+)?)?(?P<body>{_BODY_CORE})(?:['’]s)?"
    rf"(?:\s+(?:approval|agreement|endorsement|sign-off))?\s+(?:at\s+its\s+meeting\s+)?"
    rf"on\s+(?P<date>{_DATE})",
    re.X,
)
# The plan named (or "it") and the rest of its sentence up to a step told of it, as the
# considered and to-come patterns read it.
_THE_PLAN_THEN = (
    rf"\b(?P<subject>productivity\s+plan|(?:our|the|this)\s+(?:draft\s+|final\s+)?plan|it"
    # a plan's "This draft will be considered by Cabinet on …" (not "the draft budget")
    rf"|(?:our|the|this)\s+draft(?=\s+(?:will|is)\b))\b"
    rf"{_IN_PARAGRAPH}{{0,100}}?"
)
# The same told of the plan: "It was submitted on 17 July and will be reported to the Finance &
# Assets Committee at its meeting on 25 July 2024".
_PLAN_REPORTED_LATER = re.compile(
    rf"{_THE_PLAN_THEN}"
    rf"\b(?:will|is\s+(?:due\s+)?to)\s+be\s+(?P<considered>(?:reported|presented|taken|put)\s+to"
    rf"|considered\s+by)\s+(?P<body>{_BODY_CORE})(?:\s+(?:at\s+its\s+meeting|meeting))?"
    rf"\s+on\s+(?P<date>{_DATE})",
    re.IGNORECASE | re.X,
)
# The plan taken as an office's decision: "I signed it off as a Mayoral decision on 12 July 2024".
# The decision-maker speaking: "I approved this plan as Leader on 15 July 2024".
_PLAN_SIGNED_AS = re.compile(
    rf"\bI\s+(?P<verb>approved|agreed|signed\s+off|endorsed|adopted)\s+(?P<subject>this\s+plan|the\s+plan"
    rf"|our\s+plan|it)\s+(?:off\s+)?as\s+(?:the\s+)?(?P<body>{_BODY_CORE})"
    rf"(?:\s+on\s+(?P<date>{_DATE})|(?=\s*[.,;]))",
    re.IGNORECASE | re.X,
)
_PLAN_AS_DECISION = re.compile(
    rf"\b(?P<verb>signed|approved|agreed|took|made)\s+(?P<subject>it|this\s+plan|the\s+plan)\s+"
    rf"(?:off\s+)?as\s+an?\s+(?:individual\s+|formal\s+)?"
    rf"(?P<body>Mayor|Leader|(?:Cabinet|Executive)\s+Member|Portfolio\s+Holder|Cabinet|Executive)"
    rf"(?:al|['’]s)?\s+(?:key\s+)?decision\s+on\s+(?P<date>{_DATE})",
    re.IGNORECASE | re.X,
)
# The council agreeing the plan at a meeting of its body: "Devon County Council agreed a draft
# of this plan at Cabinet on 10 July 2024".
_PLAN_AGREED_AT = re.compile(
    rf"\b(?P<verb>approved|agreed|endorsed|adopted)\s+(?:a|the|its|our|this)\s+(?:draft\s+(?:of\s+)?"
    rf"(?:this|the|our|its)\s+)?(?:productivity\s+)?plan\s+at\s+(?:its\s+|a\s+meeting\s+of\s+(?:the\s+)?)?"
    rf"(?P<body>{_BODY_CORE})(?:\s+meeting)?\s+on\s+(?P<date>{_DATE})",
    re.IGNORECASE | re.X,
)
# The plan's approval told as a noun: "Following its approval by Full Council on 18 July 2024,
# this plan will be submitted", "after the plan's endorsement by the Executive on 2 July".
_PLAN_APPROVAL_NOUN = re.compile(
    # perhaps after the plan, the sentence's subject: "The productivity plan was submitted on
    # 19 July following approval at Cabinet on 16 July"
    rf"(?:\b(?P<named>(?:the|this|our)\s+(?:productivity\s+)?plan)\s+(?:was|has\s+been)\s+"
    rf"[^.\n]{{0,80}}?)?"
    rf"\b(?:following|after|upon|since)\s+(?:(?P<subject>its|(?:the|this)\s+plan['’]s)\s+)?"
    rf"(?P<verb>approval|adoption|endorsement)\s+(?:by|at|from)\s+(?:the\s+)?(?P<body>{_BODY_CORE})"
    rf"(?:\s+(?:at\s+its\s+meeting\s+)?on\s+(?P<date>{_DATE})"
    rf"|(?=\s+(?:at|in)\b|\s*[.,;:()\n]|\s*$))"
    # with no "its", the plan named next in the sentence: "Following approval by Council on 11
    # July 2024, this plan will be sent to government"
    rf"(?(subject)|(?(named)|(?=,?\s+(?:this|the|our)\s+(?:productivity\s+)?plan\b)))",
    re.IGNORECASE | re.X,
)
# A paper put to a meeting to be noted, not decided: "… at its meeting on 16 July for
# information".
_FOR_INFORMATION = re.compile(r"\s+for\s+(?:information|noting)\b", re.IGNORECASE)
# "This plan was considered by the Cabinet on 15 July 2024 and approved for submission". Without
# an approval ("was considered by Cabinet on 10 July 2024 and is published") the body that
# considered it and the day stand, and the plan records no decision (outcome none).
_PLAN_CONSIDERED = re.compile(
    rf"{_THE_PLAN_THEN}"
    # "was presented to the Hub Committee on 9 July 2024, where Members agreed its content"
    # "was discussed by the Executive at its meeting on 11 July 2024, which delegated …"
    # "was shared with the Cabinet at its meeting on 16 July 2024 for information"
    rf"\b(?P<considered>(?:considered|discussed|debated)\s+by|(?:presented|reported|taken)\s+to"
    rf"|shared\s+with|brought(?:\s+back)?\s+to)"
    rf"\s+(?P<body>{_BODY_CORE})"
    # the press's "at its meeting at the Town Hall on Tuesday (August 13)"
    rf"(?:\s+(?:at\s+its\s+meeting\s+(?:(?:at|in)\s+[^.\n]{{1,60}}?\s+)?)?on\s+"
    rf"(?:{_WEEKDAY}\s*\(\s*)?(?P<date>{_DATE})\)?)?"
    rf"(?:,?\s+(?:and|which|where|at\s+which|when)"
    rf"\s+(?:(?:members|councillors|it|they)\s+)?(?:was\s+|were\s+)?(?:unanimously\s+)?"
    rf"(?P<verb>approved|agreed|endorsed|signed\s+off|adopted|noted)\b"
    rf"|(?=\s*[.,;]|\s+and\s+(?!(?:the|a|an)\b)[a-z]|\s+so\s+that\b|{_FOR_INFORMATION.pattern}"
    # "presented to Cabinet on 9 July 2024 for approval": put to it, its decision not told
    rf"|\s+for\s+(?:approval|endorsement|consideration|agreement|sign-off)\b))",
    re.IGNORECASE | re.X,
)
# Members considering the plan at a body's meeting, perhaps then voting on it: "Councillors
# considered the plan at the Full Council meeting on Monday 15 July 2024 and voted to adopt
# it", "Members discussed the draft plan at a meeting of the Cabinet on 9 July and agreed it".
_PLAN_CONSIDERED_AT = re.compile(
    rf"\b(?P<subject>councillors|members|they)\s+(?P<considered>considered|discussed|debated)\s+"
    rf"(?:the|its|our|this)\s+(?:draft\s+)?(?:productivity\s+)?plan\s+at\s+(?:the|a|its|their)\s+"
    rf"(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>{_BODY_CORE})(?:\s+meeting)?"
    rf"(?:\s+(?:held\s+)?on\s+(?P<date>{_DATE}))?"
    rf"(?:,?\s+(?:and|where|when)\s+(?:they\s+|members\s+)?(?:unanimously\s+)?"
    rf"(?:(?:voted|agreed|decided)\s+to\s+)?"
    rf"(?P<verb>adopt(?:ed)?|approved?|agreed?|endorsed?|sign(?:ed)?\s+off|noted?)"
    rf"\s+(?:it|the\s+plan)\b)?",
    re.IGNORECASE | re.X,
)
# The body named first, its approval in a clause after it: "… member oversight through the
# Leader, who approved it on 15 July 2024", "taken to Cabinet, which endorsed the plan on …".
_BODY_WHO_APPROVED = re.compile(
    rf"\b(?P<body>{_BODIES}),?\s+(?:who|which)\s+(?:then\s+)?(?:unanimously\s+)?"
    rf"(?P<verb>approved|agreed|endorsed|signed\s+off|adopted)\s+"
    rf"(?P<pronoun>it|the\s+(?:draft|plan)|this\s+plan)\b"
    rf"(?:[^.\n]{{0,60}}?\bon\s+(?P<date>{_DATE}))?",
    re.IGNORECASE | re.X,
)
# The plan, then the body that agreed it in a clause of its own: "this plan, which Cabinet
# agreed on 9 July 2024", "the plan that our Executive endorsed on 16 July".
_PLAN_WHICH_BODY_AGREED = re.compile(
    rf"\b(?:this|the|our)\s+(?:productivity\s+)?(?:plan|document),?\s+(?:which|that)\s+"
    rf"(?:the\s+|our\s+)?(?P<body>{_BODIES})\s+(?:has\s+|have\s+|had\s+)?(?:unanimously\s+)?"
    rf"(?P<verb>approved|agreed|endorsed|signed\s+off|adopted)\b"
    rf"(?:[^.\n]{{0,60}}?\bon\s+(?P<date>{_DATE}))?",
    re.IGNORECASE | re.X,
)
# A body handing the plan's sign-off on: "Cabinet delegated approval of this plan to the Chief
# Executive, in consultation with the Leader, on 9 July 2024" (the body's step, delegated).
_PLAN_DELEGATED_BY = re.compile(
    # and the press's "The executive has agreed to delegate sign-off of the council's plan to
    # …", "Cabinet members voted to delegate approval of the plan"
    rf"\b(?P<body>{_BODIES})(?:\s+members)?\s+(?:has\s+|have\s+)?(?:also\s+)?"
    rf"(?P<verb>delegated|(?:agreed|voted|decided|resolved)\s+to\s+delegate)\s+(?:the\s+)?"
    rf"(?:final\s+)?(?:approval|sign[- ]?off|agreement|finalisation)\s+of\s+"
    rf"(?:the|this|our|its|(?:the\s+)?(?:council|authority)['’]s)\s+"
    rf"(?:draft\s+|final\s+)?(?:productivity\s+)?plan\b"
    rf"(?:[^.\n]{{0,120}}?\bon\s+(?P<date>{_DATE}))?",
    re.IGNORECASE | re.X,
)
# The day after a body named in the press's words: "… on 9 July", "… on Tuesday", "… last night".
_PRESS_DAY_AFTER = (
    rf"(?:\s+(?:held\s+)?on\s+(?P<date>{_DATE})"
    rf"|\s+on\s+(?P<later_wd>{_WEEKDAY})\b(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|\s+(?P<relday>last\s+night|yesterday))?"
)
# The press telling members' vote with the body after it: "Councillors voted through the
# productivity plan at a full council meeting on Tuesday", "Members approved the plan at
# Tuesday's cabinet meeting", "agreed the document at a meeting of the executive on 9 July".
_PLAN_BACKED_AT = re.compile(
    rf"\b(?P<verb>approved|agreed|endorsed|adopted|backed|ratified|rubber[- ]stamped"
    rf"|signed\s+off|voted\s+through|(?:voted|agreed)\s+(?:unanimously\s+)?to\s+"
    rf"(?:approve|endorse|adopt|back))"
    rf"\s+(?:the|its|our|this)\s+(?:(?:council|borough|county|city|district|authority)['’]s\s+)?"
    rf"(?:draft\s+|new\s+|final\s+)?(?:productivity\s+)?(?:plan|document)(?:\s+off)?"
    rf"\s+at\s+(?:(?:a|the|its|their)\s+)?"
    rf"(?:(?P<relwd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?['’]s\s+)?"
    rf"(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>{_BODIES})(?:\s+meeting)?"
    rf"{_PRESS_DAY_AFTER}(?=\s*[.,;:()\n]|\s*$|\s+(?:and|after|when|with)\b)",
    re.IGNORECASE | re.X,
)
# The plan given a body's backing, as a noun: "The productivity plan received cabinet approval
# on Tuesday", "was given full council backing", "won the backing of the executive".
_RECEIVED = (
    r"(?:has\s+|have\s+|had\s+)?(?:received|won|gained|secured|got|was\s+given|been\s+given)\s+"
)
_BACKING = r"(?:approval|backing|endorsement|support|go-ahead|green\s+light|sign-off)"
_PLAN_RECEIVED_BODYS_BACKING = re.compile(
    rf"\b(?P<subject>{_PLAN_SUBJECT})\s+{_RECEIVED}(?:the\s+)?"
    rf"(?P<body>{_BODIES})(?:['’]s)?\s+(?P<verb>{_BACKING})"
    rf"{_PRESS_DAY_AFTER}(?=\s*[.,;:()\n]|\s*$|\s+(?:and|after|when|with|at)\b)",
    re.IGNORECASE | re.X,
)
_PLAN_RECEIVED_BACKING_OF = re.compile(
    rf"\b(?P<subject>{_PLAN_SUBJECT})\s+{_RECEIVED}(?:the\s+)?(?P<verb>{_BACKING})\s+"
    rf"(?:of|from)\s+(?:the\s+)?(?P<body>{_BODIES})"
    rf"{_PRESS_DAY_AFTER}(?=\s*[.,;:()\n]|\s*$|\s+(?:and|after|when|with|at)\b)",
    re.IGNORECASE | re.X,
)
# After a body considered the plan: "and agreed that the final version be signed off by …".
_HANDED_ON = re.compile(
    r"[^.;]{0,40}?\band\s+(?:agreed|resolved|decided)\s+(?:that\s+)?[^.;]{0,80}?\b(?:be|is\s+to\s+be)"
    r"\s+(?:signed\s+off|approved|agreed|finalised)\s+by\b|[^.;]{0,40}?\bdelegat\w+\b"
    # "… and authorised the Chief Executive … to make any final changes"
    r"|[^.;]{0,40}?\bauthori[sz]ed\b[^.;]{0,120}?\bto\s+(?:make\s+(?:any\s+)?final|finalise|approve"
    r"|sign)"
    # "…, with final approval by the Leader to follow"
    r"|[^.;]{0,60}?\bfinal\s+(?:approval|sign[- ]?off|agreement)\b[^.;]{0,60}?\bto\s+follow\b"
    # in that sentence or the next, an office asked to approve it: "Cabinet asked the Leader of
    # the Council, in consultation with the Director of Finance, to approve the final version"
    r"|(?:[^.;]{0,40}?|\.\s+[^.;]{0,40}?)\b(?:asked|invited|requested)\s+the\s+(?:Leader|Chief\s+Executive"
    r"|(?:Executive\s+|Corporate\s+)?Director|Cabinet\s+Member|Portfolio\s+Holder|(?:City\s+)?Mayor)\b"
    r"[^.;]{0,120}?\bto\s+(?:approve|agree|sign\s+off|finalise)\b",
    re.IGNORECASE,
)
_DECISIONS_TO_COME = (_PLAN_TO_COME, _PLAN_SUBJECT_TO, _PLAN_REPORTED_LATER)
# The press on a decision put off: "The council's executive was due to approve its
# productivity plan on Tuesday (June 18), but members agreed instead to defer a decision".
_PLAN_PUT_OFF = re.compile(
    rf"\b(?P<body>{_BODY_CORE})\s+(?:(?:was|were|had\s+been)\s+(?:due|expected|scheduled|set|asked)"
    # or met to consider it: "the council's cabinet met at the civic offices on Wednesday (July
    # 10) to consider the authority's productivity plan"
    rf"|met(?=[^.\n]{{0,120}}?\bto\s+consider\b)(?:[^.\n\d]{{0,80}}?(?=\s+on\s))?)\s+"
    # "was asked on Wednesday (July 17) to agree the authority's productivity plan"
    rf"(?:on\s+[^.\n\d]{{0,25}}?(?P<date>{_DATE})[),]?\s+)?"
    rf"to\s+(?:approve|agree|consider|sign\s+off|decide\s+on|adopt)\s+(?:the|its|our|a|this)\s+"
    rf"(?:draft\s+)?(?:(?:council|authority)['’]s\s+)?[\"“‘']?(?:(?:productivity\s+)?plan|document)\b"
    rf"(?(date)|(?:[^.]{{0,60}}?\bon\s+[^.\n\d]{{0,25}}?(?P<again_date>{_DATE_AGAIN})"
    # or on a weekday told from the dateline: "at their meeting in the Guildhall on Thursday
    # evening"
    rf"|[^.]{{0,80}}?\bon\s+(?P<relwd>{_WEEKDAY})\b))"
    # the deferral, perhaps in one of the next two sentences ("But members agreed to hold the
    # item over")
    rf"[^.]{{0,160}}?(?:\.\s+[^.]{{0,160}}?){{0,2}}?"
    rf"\b(?P<verb>defer(?:red)?|put\s+(?:it\s+)?off|postpone[ds]?|sent\s+(?:it\s+)?back"
    rf"|hold\s+(?:the\s+item|it)\s+over|held\s+(?:the\s+item|it)\s+over)\b",
    re.IGNORECASE | re.X,
)
# The press telling the deferral first, the meeting after: "Medway Council's cabinet has put
# off signing off its productivity plan. Senior councillors were due to approve it at a meeting
# last night (Tuesday)": the plan named in the sentence, its day perhaps in the next two.
_PLAN_PUT_OFF_FIRST = re.compile(
    rf"\b(?P<body>{_BODY_CORE})\s+(?:has|have|had)\s+(?:\w+ly\s+)?"
    rf"(?P<verb>put\s+off|deferred|postponed|delayed)\s+"
    rf"(?:signing\s+off|approving|agreeing|adopting|(?:a|its|their)\s+decision\s+on"
    # or the plan itself: "the cabinet has deferred its productivity plan to a special meeting"
    rf"|(?:its|the|their)\s+(?:draft\s+)?(?=productivity\b))\b"
    # the plan named in the sentence ("put off a decision on the plan every council has been
    # told to send the government", a round-up's headline having named it)
    rf"[^.]{{0,200}}?\b(?:productivity|(?:the|its|their)\s+(?:draft\s+)?plan)\b"
    rf"(?:[^.]{{0,200}}?(?:\.\s+[^.]{{0,200}}?){{0,2}}?"
    rf"\b(?P<relday>last\s+night|yesterday|on\s+{_WEEKDAY}\b))?",
    re.IGNORECASE | re.X,
)
_PUT_OFF = (_PLAN_PUT_OFF, _PLAN_PUT_OFF_FIRST)
# The patterns of a plan's account of its sign-off, in the order they are read, each with the
# words its verb is one of: a plan-like text is searched for it only within reach of them.
_APPROVALS = ("approv", "agreed", "endors", "signed", "adopt")
# and the press's: "backed by", "voted through", "rubber-stamped", "ratified"
_PRESS_APPROVALS = ("backed", "voted through", "rubber", "ratified")
_RECEIVED_WORDS = ("received", "won", "gained", "secured", "got", "given")
_SIGNOFF_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_PLAN_SIGNOFF, (*_APPROVALS, *_PRESS_APPROVALS, "noted", "given the")),
    (_PLAN_AS_DECISION, ("decision",)),
    (_PLAN_SIGNED_AS, ("i approved", "i agreed", "i signed", "i endorsed", "i adopted")),
    (_PLAN_AGREED_AT, _APPROVALS),
    (_PLAN_APPROVAL_NOUN, ("approval", "adoption", "endorsement")),
    (
        _PLAN_CONSIDERED,
        (
            "considered",
            "discussed",
            "debated",
            "presented",
            "reported",
            "taken",
            "shared",
            "brought",
        ),
    ),
    (_PLAN_CONSIDERED_AT, ("considered", "discussed", "debated")),
    # before the active voice's approvals: "has agreed to delegate sign-off of the plan" hands
    # the sign-off on
    (_PLAN_DELEGATED_BY, ("delegated", "delegate")),
    (
        _PLAN_WHICH_BODY_AGREED,
        tuple(
            f"{noun}{comma} {rel}"
            for noun in ("plan", "document")
            for comma in ("", ",")
            for rel in ("which", "that")
        ),
    ),
    (
        _PLAN_SIGNOFF_ACTIVE,
        (*_APPROVALS, *_PRESS_APPROVALS, "noted", "considered", "given the", "gave the"),
    ),
    (_PLAN_BACKED_AT, (*_APPROVALS, *_PRESS_APPROVALS)),
    (
        _BODY_WHO_APPROVED,
        tuple(
            f"{who} {then}{verb}"
            for who in ("who", "which")
            for then in ("", "then ", "unanimously ")
            for verb in ("approved", "agreed", "endorsed", "signed", "adopted")
        ),
    ),
    (_PLAN_RECEIVED_BODYS_BACKING, _RECEIVED_WORDS),
    (_PLAN_RECEIVED_BACKING_OF, _RECEIVED_WORDS),
    (_PLAN_TO_COME, ("consider", "discuss", "decide")),
    (_PLAN_SUBJECT_TO, ("subject to",)),
    (_PLAN_REPORTED_LATER, ("reported", "presented", "taken", "put", "considered")),
    (
        _PLAN_PUT_OFF,
        (
            "defer",
            "put off",
            "put it off",
            "postpone",
            "sent back",
            "sent it back",
            "item over",
            "it over",
        ),
    ),
    (_PLAN_PUT_OFF_FIRST, ("put off", "deferred", "postponed", "delayed")),
)
# A sign-off short of the final one: "agreed the draft", "agreed the plan in principle".
_DRAFT = re.compile(r"\bdraft\b|\bin\s+principle\b", re.IGNORECASE)
# A place's name before "District Council": the council as an organisation.
_ORGANISATION = re.compile(r"\b(?!(?:The|A|An|Our|Its|Their)\b)[A-Z][\w-]+[ \t]+\Z")
# "It was approved by Cabinet on 9 July 2024" in a plan names its own sign-off only when the
# day is after the Minister's letter: an earlier "it" is another strategy's.
_PRONOUN_SUBJECTS = frozenset({"it", "its", "this document"})
# "This document sets out the council's own plan … It was approved by the Leader."
_PLAN_JUST_NAMED = re.compile(
    # "This plan has been prepared by … . Following the Executive's discussion, it was …"
    r"\b(?:(?:this|our|the|council['’]s(?: own)?)\s+(?:productivity\s+)?plan"
    # a plan's page on itself: "This document is the council's response to … . It has been
    # agreed by the Leader"
    r"|this\s+(?:document|response|submission))\b[^.]*\.\s*[^.]{0,80}$",
    re.IGNORECASE,
)
# Another document named just before the sign-off's verb, which the verb then describes: "it
# draws on the Transformation Strategy agreed by Cabinet on 14 May", "builds on our Digital
# Strategy, which was approved by the Executive" (not "our Productivity Plan agreed by …").
_ANOTHER_DOCUMENTS_SIGNOFF = re.compile(
    r"(?<!productivity\s)\b(?:strateg(?:y|ies)|polic(?:y|ies)|framework|programme|budget|charter"
    r"|scheme|accounts|statement|(?:business|financial|local|delivery|corporate|council|action)"
    r"\s+plan)s?"
    r"(?:\s*,?\s*(?:which|that)\s+(?:was|were|has\s+been|have\s+been|had\s+been))?\s*\Z",
    re.IGNORECASE,
)
# Documents that report their own sign-off rather than record a decision.
_PLAN_LIKE = {"plan", "web_page", "news", "other"}
_BAD_BODIES = re.compile(
    r"^(?:council|the council)'s$|^(?:report|item|minutes|agenda|productivity)\b|^local government"
    r"|\bgovernment\b|\bassociation\b|\bnetwork\b|\bDLUHC\b|\bMHCLG\b|\bministry\b|\bdepartment\b"
    r"|\bchief executives group\b|\bworking group\b",
    re.IGNORECASE,
)


# A meeting body as running text names it (not people: a person does not "meet").
_MEETING_BODY = (
    r"(?-i:Cabinet(?:\s+Executive)?|CABINET|Executive(?:\s+Committee)?|EXECUTIVE"
    r"|(?:Full\s+|City\s+|County\s+|Borough\s+|District\s+)?Council|COUNCIL"
    r"|(?:[A-Z][\w&]+\s+(?:(?:and|&|of|the|for)\s+)?){1,6}(?:Committee|Sub-Committee|Board|Panel))"
)
# "RECOMMENDED TO CABINET:", "resolved to recommend to Council that": the named body *receives*
# the recommendation; the minute is of the body that makes it.
_RECOMMENDED_TO = re.compile(
    rf"\b(?:RECOMMENDED|(?i:recommends?|recommended))\s+(?:TO|(?i:to))\s+(?:the\s+|THE\s+)?"
    rf"(?P<body>{_MEETING_BODY})(?=\s*[:,]|\s+that\b|\s+THAT\b|\s*\n)",
)
_MONTHS = f"(?:{MONTH_NAMES})"
# A meeting named by its month in running text: "following July's Executive", "at the June
# Cabinet meeting", "the 15 July Cabinet". Papers name their own meeting this way when the
# page header is not in the capture.
_MONTH_MEETING = re.compile(
    rf"\b(?:{_MONTHS}['’]s\s+|the\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTHS}(?:\s+\d{{4}})?\s+)"
    rf"(?P<body>{_MEETING_BODY})\b(?!\s*['’]s|\s+(?i:tax|plan|strategy|report|budget|offices?)\b)"
)
# The report as addressed in running text: "the report submitted to the Executive", "for the
# consideration of the Executive Committee", "for consideration by Cabinet".
_PROSE_ADDRESS = re.compile(
    rf"(?:\b(?:report|paper)\s+(?:submitted|presented)\s+to|\bfor\s+the\s+consideration\s+of"
    rf"|\bfor\s+consideration\s+by)\s+(?:the\s+)?(?P<body>{_MEETING_BODY})\b",
)


# A report's list of the papers it rests on ("Background papers" over "Minutes of the
# Performance and Resources Committee, 27 June 2024."): another meeting's record, not this one.
_BACKGROUND_PAPERS = re.compile(
    r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]*)?(?:background\s+(?:papers|documents|reading)"
    r"|list\s+of\s+background\s+papers|documents\s+referred\s+to|reference\s+documents)\b",
    re.IGNORECASE | re.MULTILINE,
)
_PAPERS_REACH = 600


def _norm_body(body: str) -> str:
    return re.sub(r"\s+", " ", body).strip().lower()


def _recommended_to(text: str, end: int) -> list[re.Match[str]]:
    """The matches of _RECOMMENDED_TO in ``text[:end]``: each starts with "recommend", so the
    pattern is tried only there."""
    found: list[re.Match[str]] = []
    for at in word_offsets(text[:end], ("recommend",)):
        m = _RECOMMENDED_TO.match(text, at, end)
        if m is not None and (not found or at >= found[-1].end()):
            found.append(m)
    return found


def _recommending_body(text: str, end: int, receivers: set[str]) -> str | None:
    """For a minute whose decision is a recommendation passed on ("RECOMMENDED TO CABINET"),
    the committee making it: the one committee other than the receiver named in the decision
    passage (in ``text[:end]``). None when there is no such committee or more than one."""
    found: set[str] = set()
    for m in _recommended_to(text, end):
        zone_end = min(len(text), end, m.end() + _ZONE_MAX)
        stop = _ZONE_END.search(text, m.end(), zone_end)
        zone = text[m.end() : stop.start() if stop else zone_end]
        for b in re.finditer(_MEETING_BODY, zone):
            body = _clean_body(b.group(0))
            if (
                body_kind(body) == "committee"
                and _norm_body(body) not in receivers
                and not _BAD_BODIES.search(body)
            ):
                found.add(body)
    return found.pop() if len(found) == 1 else None


def _body_from_prose(text: str, end: int) -> tuple[str | None, str]:
    """A body named in running text (``text[:end]``) when the paper's own furniture names
    none: a meeting referred to by its month, or the body the report was addressed to. All
    such mentions must agree on the kind of body; otherwise None (unknown beats wrong)."""
    for name, pattern in (("month_meeting", _MONTH_MEETING), ("prose_address", _PROSE_ADDRESS)):
        found = pattern.finditer(text, 0, end)
        bodies = [_clean_body(m.group("body")) for m in found]
        bodies = [b for b in bodies if b and not _BAD_BODIES.search(b)]
        if bodies and len({body_kind(b) for b in bodies}) == 1:
            return bodies[0], name
    return None, ""


@dataclass(frozen=True, slots=True)
class _Found:
    body: str | None
    date: date | None
    how: str


def _date_in(text: str, year: int, excluded: frozenset[date] = _EXCLUDED_DATES) -> date | None:
    """The first date in ``text`` that is not one of ``excluded`` (by default the letter's and
    the deadline's, which papers mostly restate)."""
    for mention in find_dates(text, default_year=year):
        if mention.value not in excluded:
            return mention.value
    return None


# Characters of the opening blocks searched for the meeting header and the body addressed.
BODY_HEAD = 6_000


# The minutes of an earlier meeting put to this one ("… held on 26 June 2024 be approved as a
# correct record", "… were confirmed"): an item of the meeting, not its own heading.
_CONFIRMED_MINUTES = re.compile(
    r"[^.\n]{0,120}?\b(?:be|were|was)\s+(?:\w+\s+)?(?:approved|noted|confirmed|agreed|signed"
    r"|received|taken\s+as\s+read)\b",
    re.IGNORECASE,
)
# "To approve the minutes of the Committee meeting held on 3 June 2024 as a correct record".
_CONFIRMING = re.compile(
    r"\b(?:approv\w*|confirm\w*|agree\w*|sign\w*|not(?:e|ed|es|ing)|receiv\w*|accept\w*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An item number opening the line ("14. Exempt Minutes of the Cabinet Meeting held on 13 June"):
# earlier minutes listed as an item of the agenda, not the meeting's own heading.
_ITEM_NUMBER = re.compile(r"[ \t]*(?:\(\d{1,3}\)|\d{1,3}[.)](?:\d{1,3}\.?)?[ \t]+|\d{1,3}\t)")


# An item's number on a line of its own, as a democracy page lists its items ("3." over
# "Minutes of the meeting held on 11 June 2024 PDF 188 KB").
_ITEM_NUMBER_ALONE = re.compile(r"[ \t]*(?:\(\d{1,3}\)|\d{1,3}[.)]?)[ \t]*")
# An item's title on its own line under its number ("4." over "Minutes"): a few words, no
# sentence; the number marked, as a page's bare number over a running head is not.
_ITEM_TITLE = re.compile(r"[ \t]*[A-Z][^.\n:]{0,60}")
_ITEM_NUMBER_MARKED = re.compile(r"[ \t]*(?:\(\d{1,3}\)|\d{1,3}[.)])[ \t]*")


# A report's header naming the member who presents it over their office, between the meeting
# and its date ("CABINET" / "COUNCILLOR A NAME" / "LEADER OF THE COUNCIL" / "9 JULY 2024").
_PRESENTER_ABOVE = re.compile(
    r"(?:^|\n)[ \t]*(?i:cllr\.?|councillor)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]*"
    r"[ \t]*\n\Z"
)
# A decision maker's office wrapped onto the line above the date: "…, Leader of" over "the
# County Council" over "15 July 2024", as a form's narrow cell breaks it.
_OFFICE_CUT_AFTER = re.compile(
    r"[^\n]*,[ \t]*(?:[A-Z][\w'’-]*[ \t]+){1,4}(?:of|for)[ \t]*\n[ \t]*\Z"
)


def _office_wrapped_above(text: str, at: int) -> str | None:
    """The office whose first words end the line above ``at``'s, when that line begins with
    a lower-case "the"; else None."""
    start = text.rfind("\n", 0, at) + 1
    if not text.startswith("the ", start):
        return None
    above = _OFFICE_CUT_AFTER.search(text, max(0, start - 160), start)
    if above is None:
        return None
    line_end = text.find("\n", start)
    return _clean_body(f"{above.group(0).strip()} {text[start:line_end].strip()}")


def _an_item(text: str, at: int) -> bool:
    """Whether the line holding ``text[at]`` opens with an item number, or follows one on a
    line of its own, perhaps with the item's short title between ("4." over "Minutes" over
    "Minutes of the meeting held on 19 June 2024")."""
    start = text.rfind("\n", 0, at) + 1
    if _ITEM_NUMBER.match(text, start, at) is not None:
        return True
    above = [line for line in text[max(0, start - 300) : start].splitlines() if line.strip()]
    if above and _ITEM_NUMBER_ALONE.fullmatch(above[-1]):
        return True
    return (
        len(above) > 1
        and _ITEM_TITLE.fullmatch(above[-1]) is not None
        and _ITEM_NUMBER_MARKED.fullmatch(above[-2]) is not None
    )


# A democracy system's page title names the meeting: "Minutes - Policy and Resources
# Committee, Wednesday, 10th July, 2024 6.00 p.m.", "Agenda for Cabinet on Tuesday, 16th July".
_TITLE_MEETING = re.compile(
    rf"(?:^|[-–|:]\s*|\bfor\s+)(?:the\s+)?(?P<body>{_BODY_CORE})\s*(?:,|\s+on|\s+[-–])\s*(?P<date>{_DATE})",
    re.X,
)


def meeting_in_title(title: str, year: int) -> tuple[str | None, date | None]:
    """The body and day a page's title names, when it names a meeting."""
    m = _TITLE_MEETING.search(title)
    if m is None:
        return None, None
    return _clean_body(m.group("body")), _date_in(m.group("date"), year)


# An earlier step's day between the body and the date: "signed off by the Leader following
# discussion at Cabinet on 15 July" gives the discussion's day, not the sign-off's (unlike
# "…, following consultation with the Leader, on 12 July").
_AN_EARLIER_STEP = re.compile(r"\b(?:following|after)\b[^,;]*\Z", re.IGNORECASE)


# Header patterns read on decision records only: a report's cover names the member presenting
# it, not the maker, and reports and minutes recall earlier meetings "at its meeting on …".
_DECISION_RECORD_HEADERS = frozenset({"responsible_member", "at_its_meeting"})


# The header patterns that end at a date. They are searched only over each date of the head and
# the lines just above it (a body over a blank line over a minutes heading with its date is the
# farthest apart), not over the whole head, most of which is running text they cannot match.
_DATED_HEADERS = frozenset(
    {
        "decided_at",
        "date_of_decision",
        "issue_meeting",
        "meeting_label",
        "minutes_held_on",
        "meeting_of",
        "body_over_minutes",
        "header_line",
        "body_then_date",
        "running_header_cells",
        "body_date_columns",
        "body_over_date",
        "meeting_date",
        "at_its_meeting",
    }
)
_LINES_ABOVE_A_DATE = 4


def _around_dates(text: str, scan: DateScan, head: int) -> list[tuple[int, int]]:
    """The stretches of ``text[:head]`` from _LINES_ABOVE_A_DATE lines above each date to the
    end of the date's line, merged where they overlap."""
    spans: list[tuple[int, int]] = []
    for mention in scan.between(0, head):
        start = text.rfind("\n", 0, mention.start) + 1
        for _ in range(_LINES_ABOVE_A_DATE):
            if start == 0:
                break
            start = text.rfind("\n", 0, start - 1) + 1
        end = text.find("\n", mention.end, head)
        spans.append((start, head if end < 0 else end))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (in order of their starts) with those that overlap joined into one."""
    stretches: list[tuple[int, int]] = []
    for start, end in spans:
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
        else:
            stretches.append((start, end))
    return stretches


# A table's header row naming who decides and when, over the row of its values: a report's
# cover table ("Item No.   Date:   Meeting Name:" over "12.   9 July 2024   Cabinet") or a
# forward plan's ("Ref | Subject | Decision maker | Date of decision" over the plan's row).
_BODY_COLUMN = re.compile(
    r"(?:meeting(?:\s+name)?|decision[\s-]*(?:maker|taker)s?|decision\s+to\s+be\s+taken\s+by"
    r"|decided\s+by|committee|report\s+to)\s*[:?]?",
    re.IGNORECASE,
)
_DATE_COLUMN = re.compile(
    r"(?:date(?:\s+of\s+(?:the\s+)?(?:decision|meeting))?|(?:meeting|decision)\s+date)\s*[:?]?",
    re.IGNORECASE,
)
_SPACED_CELLS = re.compile(r"[^ \t]+(?: {1,2}[^ \t]+)*")  # a tab always ends a cell
# Rows of a forward plan read under its header, looking for the plan's.
_TABLE_ROWS = 30


def _cells(line: str) -> list[tuple[int, str]]:
    """(where, text) of each cell of a table row: cells joined by " | " (HTML and DOCX tables)
    by their place in the row, else cells set apart by three or more spaces or a tab by their
    column."""
    if " | " in line:
        return list(enumerate(cell.strip() for cell in line.split("|")))  # by its place
    return [(m.start(), m.group(0)) for m in _SPACED_CELLS.finditer(line)]


def _cover_table(text: str, head: int, year: int) -> tuple[str | None, date | None]:
    """The body and day a table gives under headers for them: the one row under a cover
    table's header, or a forward plan's row about the productivity plan."""
    for at in word_offsets(text[:head], ("date",)):
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        header = _cells(text[start : len(text) if end < 0 else end])
        body_at = next((col for col, cell in header if _BODY_COLUMN.fullmatch(cell)), None)
        date_at = next((col for col, cell in header if _DATE_COLUMN.fullmatch(cell)), None)
        if body_at is None or date_at is None or end < 0:
            continue
        row = _row_under(text, end + 1, len(header), piped=" | " in text[start:end])
        if row is None:
            continue
        body = _clean_body(_cell_at(row, body_at))
        if not body or _BAD_BODIES.search(body) or len(body) > 120:
            body = ""
        return body or None, _date_in(_cell_at(row, date_at), year)
    return None, None


def _row_under(text: str, pos: int, width: int, piped: bool) -> list[tuple[int, str]] | None:
    """The row a header's values are in: the next line of a spaced cover table; of a piped
    table's rows (blank lines between them), the one about the productivity plan, or the only
    one."""
    rows: list[list[tuple[int, str]]] = []
    for line in text[pos:].split("\n", _TABLE_ROWS * 2)[: _TABLE_ROWS * 2]:
        if not line.strip():
            continue
        cells = _cells(line)
        if len(cells) < 2 or len(cells) > width:
            break
        if not piped:
            return cells
        if "productivity" in line.lower():
            return cells
        rows.append(cells)
    return rows[0] if len(rows) == 1 else None


def _cell_at(row: list[tuple[int, str]], column: int) -> str:
    """The cell of ``row`` that starts nearest ``column``."""
    return min(row, key=lambda cell: abs(cell[0] - column))[1]


# An entry's reference in a list of forward-plan entries: "Ref: FP/2024/067", or the reference
# alone at a row's start ("FP/24/064 Productivity Plan …").
_ENTRY_REF = re.compile(
    # "Ref: FP/24/064", "FP/24/064", "24/00058"
    r"^[ \t]*(?:(?i:Ref(?:erence)?(?:\s+no\.?)?)\s*:|[A-Z]{1,5}/\d{2,4}/\d|\d{2,4}/\d{4,6}\b)",
    re.MULTILINE,
)


# The maker and day in a forward plan's entry, cells of one row: "Cabinet 11 July 2024", or
# the day's column first, each cell on its own line as PDF text gives a tall row: "10/07/24" /
# "Mayor and Cabinet".
_ENTRY_MAKER_DAY = re.compile(
    rf"\b(?P<body>{_BODY_CORE})[ \t,]+(?P<date>{_DATE})"
    rf"|(?P<day_first>{_DATE_LEAD})[ \t]*\n[ \t]*(?P<maker_after>{_BODY_CORE})[ \t]*$"
    # or both before the subject on the row's first line, the table's columns in that order:
    # "16 July 2024   Executive   Productivity Plan. To approve …"
    rf"|^[ \t]*(?P<row_day>{_DATE_AGAIN})[ \t]+(?P<row_maker>{_BODY_CORE})[ \t]+"
    rf"(?=[^\n]*(?i:productivity))",
    re.X | re.MULTILINE,
)
_ENTRY_REACH = 800
# The lines a forward plan's subject cell may wrap over before its row's maker and day.
_ENTRY_ROW_LINES = 6


def _plan_entry_start(text: str, doc_type: str, head: int) -> int:
    """Where a forward plan listing several entries starts the plan's own: the line that
    first names productivity (the other entries' makers and days are other business) when
    the notice numbers several entries, or the plan's name when its row of a table goes on
    to its own maker and day ("Productivity Plan 2024   Cabinet   17 July 2024   Report of
    …"); 0 for any other text."""
    if doc_type not in _NOTICE_TYPES or not is_forward_plan(text):
        return 0
    if (first := _PRODUCTIVITY.search(text, 0, head)) is None:
        return 0
    start = text.rfind("\n", 0, first.start()) + 1
    if len(_ENTRY_REF.findall(text, 0, head)) >= 2:
        return start
    if (lead := _ENTRY_MAKER_DAY.match(text, start)) and lead.group("row_day"):
        return start  # the row's day and maker before the plan's name on its line
    # a table's row: from the plan's name (PDF text may have run the rows together), its
    # subject cell perhaps wrapped over a few lines before the maker's and day's cells
    end = first.end()
    for _ in range(_ENTRY_ROW_LINES):
        line_end = text.find("\n", end)
        if line_end < 0:
            end = len(text)
            break
        end = line_end + 1
    in_row = _ENTRY_MAKER_DAY.search(text, first.end(), end)
    return first.start() if in_row else 0


def find_body_and_date(
    text: str, doc_type: str, scan: DateScan
) -> tuple[str | None, date | None, str]:
    """(body, meeting or decision date, how it was found) for the decision in ``text``."""
    head = min(len(text), BODY_HEAD)
    year = scan.year
    body: str | None = None
    when: date | None = None
    how: list[str] = []
    # Bodies a recommendation is passed on to are not the body whose minute this is.
    receivers = (
        {_norm_body(_clean_body(m.group("body"))) for m in _recommended_to(text, head)}
        if doc_type in _PAPER_TYPES
        else set()
    )
    signoff = _plan_signoff(text) if doc_type in _PLAN_LIKE else None
    signoff_body = _clean_body(signoff.group("body")) if signoff else ""
    if signoff and not _BAD_BODIES.search(signoff_body):
        # A plan's own account of its sign-off outranks any furniture it prints.
        body = _meeting_of_a_pair(signoff_body)
        if day := _own_day(signoff):
            when = _date_in(signoff.group(day), year, _LETTER_ONLY)
        elif told := _day_told_from_dateline(signoff):
            when = _told_from_dateline(text, told, year)
        elif _told_live(text, signoff) and (dated := _dateline(text, scan)):
            when = dated[0].value  # a live blog's "Cabinet has approved …": the day it ran
        else:
            # "… has been noted by the council's cabinet. It was brought back to cabinet at its
            # meeting on Tuesday (August 13)": the same body's meeting about the plan, dated
            when = _same_bodys_day(text, signoff, year)
        control = _control_signoff(text, year) if when is None else None
        if control is not None and body_kind(control.body) == body_kind(body):
            # "the plan was agreed by the Leader" beside "Approved by: Leader of the Council" /
            # "Date approved: 15 July 2024": the same sign-off, dated in the document control
            when = control.date
        return body, when, "plan_signoff"
    if doc_type in _PLAN_LIKE and (control := _control_signoff(text, year)) is not None:
        # the plan's document control records its sign-off: that outranks furniture and prose
        return control.body, control.date, "document_control"
    if doc_type in _PAPER_TYPES:
        body, when = _cover_table(text, head, year)
        if body is not None or when is not None:
            how.append("cover_table")
    near_dates = _around_dates(text, scan, head)
    entry = _plan_entry_start(text, doc_type, head)
    if entry and body is None and when is None:
        # a row of the plan's entry: "Productivity Plan … Cabinet 11 July 2024 No Open …"
        row = _ENTRY_MAKER_DAY.search(text, entry, entry + _ENTRY_REACH)
        day = (row.group("date") or row.group("day_first") or row.group("row_day")) if row else None
        if row and day and (entry_day := _date_in(day, year)) is not None:
            maker = row.group("body") or row.group("maker_after") or row.group("row_maker")
            body, when = _clean_body(maker), entry_day
            how.append("forward_plan_entry")
    for name, pattern in _HEADER_PATTERNS:
        if body is not None and when is not None:
            break
        if name in _DECISION_RECORD_HEADERS and doc_type != "decision_record":
            continue
        if name == "narrative" and body is not None:
            break
        stretches = near_dates if name in _DATED_HEADERS else [(0, head)]
        found = (
            m
            for start, end in stretches
            for m in pattern.finditer(text, max(start, entry), max(end, entry))
        )
        for m in found:
            groups = m.groupdict()
            found_body = groups.get("body")
            if found_body is None and groups.get("wrapped_body"):
                found_body = " ".join(groups["wrapped_body"].split())
            if name == "body_over_date" and found_body is not None:
                if _PRESENTER_ABOVE.search(text, max(0, m.start() - 80), m.start()):
                    found_body = None  # "COUNCILLOR A NAME" over "LEADER OF THE COUNCIL": who
                    # presents the report; its meeting is named above them, the day stands
                else:
                    found_body = _office_wrapped_above(text, m.start()) or found_body
            if found_body is not None:
                found_body = _clean_body(found_body)
                if not found_body or _BAD_BODIES.search(found_body) or len(found_body) > 120:
                    continue
                if name in {"addressed_to", "narrative"} and _norm_body(found_body) in receivers:
                    continue
            if name == "meeting_of" and groups.get("to_be") and doc_type != "agenda_item":
                continue  # "deferred to a meeting of Cabinet to be held on …": a later one
            if name in {"meeting_of", "minutes_held_on"} and (
                _CONFIRMED_MINUTES.match(text, m.end(), m.end() + 160)
                or _CONFIRMING.search(text, max(0, m.start() - 40), m.start())
                or _an_item(text, m.start())
                or _BACKGROUND_PAPERS.search(text, max(0, m.start() - _PAPERS_REACH), m.start())
            ):
                continue  # "That the minutes of the Board held on 26 June be noted": an item
            if name == "signed_by" and doc_type not in _PAPER_TYPES:
                continue
            if (
                name == "report_to"
                and found_body
                and ":" not in text[m.start() : m.start("body")]
                and not BODY_RE.fullmatch(found_body)
            ):
                continue  # "… our quarterly performance" / "report to Cabinet continues to …"
            if name == "responsible_member" and found_body and groups.get("body_more"):
                found_body = f"{found_body} {groups['body_more']}"
            if groups.get("bare_date") and doc_type not in _PAPER_TYPES:
                continue  # "Date 12 July 2024" over a plan's version and owner: when written
            date_text = groups.get("date") or groups.get("date2")
            if date_text and _not_yet(text, _sentence_bounds(text, m.start())[0], m.start()):
                continue  # "will be considered at a meeting of Cabinet on …": not yet met
            found_date = _date_in(date_text, year) if date_text else None
            if date_text and found_date is None:
                continue  # the date is the letter/deadline: not this meeting
            # a free header line must name a body with a body word in it
            if name == "header_line" and found_body and re.search(r"\s[-–]\s", found_body):
                continue  # "Chief Executive – Simon Pryce – 27 August 2024": a sign-off row
            if (
                name == "header_line"
                and found_body
                and not re.search(
                    r"committee|cabinet|council|executive|board|panel|mayor|leader",
                    found_body,
                    re.IGNORECASE,
                )
            ):
                continue
            took = False
            if body is None and found_body:
                body, took = found_body, True
            if when is None and found_date:
                when, took = found_date, True
            if took:
                how.append(name)
                break
    if body is None and doc_type in _PAPER_TYPES:
        if receivers:
            body = _recommending_body(text, head, receivers)
            if body is not None:
                how.append("recommending_body")
        else:
            body, prose = _body_from_prose(text, head)
            if body is not None:
                how.append(prose)
    return body, when, "+".join(how)


# ---------------------------------------------------------------- outcome

# A decision told in a minute's running words: "Cabinet approved …", "Members voted unanimously
# to approve …", "The recommendation … was put to the vote and carried", "It was moved,
# seconded and agreed that …".
_PROSE_DECISION = (
    r"(?:Cabinet|Council|Executive|Committee|Leader|Mayor|Holder|Panel|Board)\s+(?:has\s+)?"
    r"(?:noted|approved|agreed|endorsed)\b"
    r"|(?:Members|Councillors)\s+(?:(?:voted|agreed|decided)\s+(?:unanimously\s+)?to\s+"
    r"(?:approve|endorse|adopt|note|agree)|(?:unanimously\s+)?(?:noted|approved|agreed|endorsed))\b"
    r"|(?:The|the|On\s+being\s+put\s+to\s+the\s+vote,?\s+the)\s+(?:recommendations?|motion)\b"
    r"(?=[^.\n]{0,120}?\b(?:was|were)\s+(?:put\s+to\s+the\s+vote\s+and\s+)?(?:unanimously\s+)?"
    r"(?:carried|CARRIED|agreed|approved|accepted)\b)"
    r"|It\s+was\s+moved,?\s+(?:and\s+)?seconded\s+and\s+(?:agreed|resolved)\b"
)
# Where a decision is written down: a heading or clause at a line start ("Decision:", a
# recommendations heading, "That Cabinet …", "APPROVED"), or a resolution in running text.
_ZONE_ANCHOR = re.compile(
    r"^\s*(?:"
    # a form's numbered box: "4 Decision to be taken" over "4.1 To approve the plan"
    r"(?:\d{1,2}[.)]?\s*)?(?i:decisions?(?:\s+(?:to\s+be\s+)?(?:taken|made))?)\s*:?\s*$"
    r"|(?:\d{1,2}[.)]\s*)?(?i:(?:the\s+)?decisions?(?:\s+(?:taken|made))?)\s*:"
    # a decision-maker's own words on a form: "I, Councillor A Name, Leader of the Council,
    # approve the Productivity Plan", "I hereby agree …"
    r"|I,?[ \t][^\n]{0,120}?\b(?:hereby[ \t]+)?(?:approve|agree|endorse|adopt)[ \t]"
    # a decision form's box whose colon the PDF's text lost: "Decision   To approve the plan",
    # "Decision   The Leader of the Council has: (a) approved …", "Decision   That the plan …"
    r"|Decision[ \t]+(?=To[ \t]+(?:approve|agree|note|endorse|adopt|delegate|defer|sign)\b"
    r"|(?:The|That)[ \t])"
    # an officer's decision notice: "Details of the decision taken:"
    r"|(?i:details\s+of\s+(?:the\s+)?decisions?(?:\s+(?:taken|made))?)\s*:"
    # "2.    Recommended Decision"
    r"|(?:\d+(?:\.\d+)*\.?\s*)?(?i:Recommended\s+Decisions?)\s*:?\s*$"
    # "2.0   Recommendations", "3 Recommendation(s)"
    # (not "Recommendation from Cabinet Advisory Board": another body's, reported)
    r"|(?:\d+(?:\.\d+)*\.?\s*)?(?i:Recommendations?\b)(?:\(s\))?(?!\s+(?:for|from)\b)"
    r"[^\n]{0,40}$"
    r"|Recommendations?\t"
    # "Recommendation to Cabinet: That the Productivity Plan at Appendix A be noted."
    r"|(?:\d+(?:\.\d+)*\s*)?(?i:recommendations?)(?:\s+to\s+[^:\n]{1,80})?\s*:\s*That\b"
    r"|(?:\(?\d+[.)]|\(?[a-z][.)]|[-•·])?\s*That\s+(?:the\s+)?(?:Cabinet|Council|Executive|Committee)\b"
    # a numbered resolution in the passive: "(1) That the Productivity Plan … be approved."
    r"|(?:\(\d{1,2}\)|\d{1,2}[.)]|\([a-z]\)|[a-z]\))\s*That\s+[^\n]{0,200}?\bbe\s+"
    r"(?:approved|agreed|endorsed|noted|adopted|deferred)\b"
    r"|(?:\d\)\s*)?(?:APPROVED|NOTED|AGREED|ENDORSED)\b|(?:Approved|Noted|Agreed|Endorsed)\s+the\b"
    r")"
    # a decision notice's "The Cabinet at its meeting on 9 July 2024 made the following decision:"
    r"|\b(?:(?:made|took|reached)\s+the\s+following\s+(?:decisions?|resolutions?)\s*:"
    # "The following decision was taken by the Cabinet Member for Finance on 15 July 2024:"
    # ("Resolved – That (1) the plan … be approved": a dash before "That")
    r"|[Tt]he\s+following\s+decisions?\s+(?:was|were)\s+(?:taken|made)\b[^:\n]{0,160}:|RESOLVED\b|(?:Resolved|[Ii]t\s+was\s+resolved)\b(?:,?\s+(?:unanimously|by\s+a\s+majority|nem\.?\s*con\.?),?)?,?\s*(?:[-–—]\s*)?(?:[Tt]hat|to|:)"
    r"|ORDERED\b|AGREED\s+(?:that\b|:)"
    # "Cabinet DECIDED to approve …": a minute's record in capitals
    r"|DECIDED\s+(?:that\b|to\b|:)"
    r"|RECOMMENDED\s+TO\b|is\s+RECOMMENDED\s+to\b|Recommendations?\s+approved\b"
    # a report's recommendations as a request: "The Committee is asked to:", "Members are
    # recommended to"
    r"|(?:Cabinet|Council|Executive|Committee|Board|Panel|Members)\s+(?:is|are)\s+"
    r"(?:asked|recommended|invited|requested)\s+to\b"
    rf"|{_PROSE_DECISION})",
    re.MULTILINE,
)
_ZONE_END = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:Reasons?\b|Alternative\s+options|Options\s+considered|Other\s+options"
    r"|Implications|Background\b|Purpose\b|Introduction\b|List\s+of\s+Appendices|IMPLICATIONS)"
    # the next numbered section or item, its title in capitals: "2. INTRODUCTION", "16 MOTIONS"
    r"|^[ \t]*\d{1,3}\.?[ \t]+(?-i:[A-Z][A-Z&,'’ -]{3,})[ \t]*$"
    # the next minute of a decision sheet or minutes: "99/24 | Adult Social Care Charging …"
    r"|^[ \t]*\d{1,4}/\d{2}\b(?!/)",
    re.MULTILINE | re.IGNORECASE,
)
_ZONE_MAX = 700
OUTCOME_HEAD = 15_000  # decisions sit in the front matter of reports and in short minutes
_EARLIER_STEP = re.compile(
    r"\b(?:approved|agreed|endorsed|signed\s+off)\s+by\b"
    r"|(?<=plan)\s+(?:approved|agreed|endorsed|adopted)(?=\s+(?:in|on|at|last|earlier|previously)\b)",
    re.IGNORECASE,
)
_AS_SIGNED_OFF = re.compile(
    r",?\s*\bas\s+(?:previously\s+)?(?:approved|agreed|endorsed|signed\s+off)\s+by\s+[^,.;\n]+,?",
    re.IGNORECASE,
)
_VERBS: list[tuple[str, re.Pattern[str]]] = [
    (
        "deferred",
        # and a resolution's infinitive: "It was resolved to: defer consideration of the plan"
        re.compile(
            r"\b(?:defer(?:red|s)?|withdrawn|postpone[ds]?|adjourned|put\s+back)\b", re.IGNORECASE
        ),
    ),
    (
        "delegated",
        re.compile(r"\bdelegat(?:e|es|ed|ing)\b|\bunder\s+delegation\b", re.IGNORECASE),
    ),
    (
        "approved",
        re.compile(
            r"\b(?:approved?|approves|agreed|agree|agrees|adopted?|adopts|accepted|ratified"
            r"|sign(?:ed|s)?\s+off(?!\s+by)|carried(?!\s+(?:forward|over|out|on)\b))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "endorsed",
        re.compile(
            r"\bendors(?:e|es|ed)\b|\bsupported\b|\bgave\s+(?:its|their|full)\s+support\b",
            re.IGNORECASE,
        ),
    ),
    ("noted", re.compile(r"\b(?:notes?|noted|noting)\b(?!\s+that\b)", re.IGNORECASE)),
]
# "to seek approval", "failure to agree", "councils were asked to agree": not this decision.
# A body asked to decide ("Cabinet is asked to approve") is a report's recommendation, which
# is its outcome.
_NOT_A_DECISION = re.compile(
    r"\b(?:to\s+seek|failure\s+to|not\s+to|(?P<asked>asked\s+to)"
    # a request told: "The Minister's letter asked that plans be agreed with members"
    r"|(?:asked|requested|expected|required|requires)\s+that\b[^.;]{0,80}?\bbe)\s*$",
    re.IGNORECASE,
)
# A decision still to come, just before its verb: "will be approved", "is to be noted", "not
# yet agreed".
_TO_COME = re.compile(
    r"\b(?:(?:will|shall|would|to|yet\s+to|due\s+to)\s+be|not\s+yet|yet\s+to)\s*$", re.IGNORECASE
)
_ASKED_TO_DECIDE = (
    "cabinet is ",
    "council is ",
    "executive is ",
    "committee is ",
    "members are ",
    "board is ",
    "panel is ",
)
_PRECEDENCE = ["deferred", "approved", "delegated", "endorsed", "noted"]
_UNDER_DELEGATION = re.compile(r"\s+under\s+(?:delegation|delegated\s+(?:powers|authority))\b")
# An approval short of the final one: "agreed in principle", "agrees the draft plan".
_PROVISIONAL = re.compile(r"\bin\s+principle\b|\bdraft\b", re.IGNORECASE)
# A delegation of the final sign-off, not of tidying up: "authority … to approve the final
# version … be delegated to the Chief Executive".
_SIGNOFF_HANDED_ON = re.compile(r"\b(?:approv\w*|sign\w*|final\w*|agree\w*)\b", re.IGNORECASE)
# "That authority to make final amendments and to approve it … be delegated to …"
_AUTHORITY_TO = re.compile(r"\bauthority\s+to\b", re.IGNORECASE)
# a sentence of a decision; "the comments in 3.3" and "£1.2m" do not end one
_DECISION_SENTENCE = re.compile(r"(?:[^.\n;]|\.(?=\d))+(?:[.;]|\n|$)")
_PRODUCTIVITY = re.compile(r"productivity", re.IGNORECASE)
# "agreed that the comments be referred to Cabinet", "agrees that the final plan is published":
# a step of procedure, not an approval
_PROCEDURAL = re.compile(
    r"^\s*that\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:be|is|are)\s+(?:referred|forwarded|circulated|published|reported|sent"
    r"|passed|fed\s+back|shared|brought|considered)\b"
    # "agreed to send its comments to Cabinet": the panel's views passed on, not an approval
    r"|^\s*to\s+(?:send|forward|refer|pass\s+on|submit|feed\s+back|share|report)\s+(?:its|their|the"
    r"|these|those|any)\s+(?:[\w-]+\s+)?(?:comments|views|feedback|observations|recommendations"
    r"|concerns)\b",
    re.IGNORECASE,
)
# "… and agree any items for its forward work programme": a scrutiny body's own business.
_WORK_PROGRAMME = re.compile(
    r"\s+(?:any\s+|further\s+)?(?:items?|topics?|areas?)\s+(?:for|to\s+add\s+to)\s+(?:its|the|their)"
    r"\s+(?:forward\s+)?work\s+programme\b",
    re.IGNORECASE,
)
# The heading of an agenda or minute item: "3. Lewisham's response", "189. Productivity Plan",
# "24/105 Reports", "C.26 Recommendations from the Cabinet", "(b) Productivity Plan", "1523
# Productivity Plan" (minutes numbered on through the years; "2024 Budget" is a year; a
# web page's attachment line "PDF 312 KB" is none): a short line led by an item number, a
# capital after it, no full stop at its end.
_ITEM_HEADING = re.compile(
    r"^[ \t]*(?:"
    # a minute's reference ("CL23", "CAB 22/24") with the title after it or on the next line, as
    # a web page's minutes print them in cells of their own
    r"[A-Z]{1,3}\.?\s?\d{1,3}(?:/\d{2,4})?(?!\s*[KkMm][Bb]\b)"
    r"(?:[.)]?[ \t]+|[.)]?[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
    # a number with the title after it, or on the next line after a number with its stop ("8."
    # over "Productivity Plan"; a bare number alone is a page number)
    r"|(?:(?!20[12]\d\b)\d{1,4}(?:/\d{1,4})?|\([a-z]\))"
    r"(?:[.)]?[ \t]+|[.)][ \t]*\n(?:[ \t]*\n)?[ \t]*)"
    # a decision sheet's or agenda's "Item 7: Productivity Plan", "Agenda item 5 – …"
    r"|(?:(?:Agenda|AGENDA)[ \t]+)?(?:Item|ITEM|item)[ \t]+\d{1,3}[a-z]?[ \t]*[.:)–-]?[ \t]+)"
    r"[A-Z][^\n]{2,90}(?<![.;,])$",
    re.MULTILINE,
)


# An item of a decision sheet: "Item 7: Productivity Plan".
_SHEET_ITEM = re.compile(r"^[ \t]*(?:agenda[ \t]+)?item[ \t]+\d", re.IGNORECASE | re.MULTILINE)


def _plan_item(text: str, first: int) -> tuple[int, int]:
    """The bounds of the agenda or minute item about the plan: the item whose heading names
    productivity, else the one in which the plan is first mentioned; the whole text when it is
    not laid out in items. Other items' decisions are other business."""
    headings = list(_ITEM_HEADING.finditer(text))
    if len(headings) < 2:
        return 0, len(text)
    starts = [m.start() for m in headings]

    def item(begin: int) -> tuple[int, int]:
        return begin, next((x for x in starts if x > begin), len(text))

    # An index of the items at the top names the plan too: the item itself is the longest.
    named = [item(m.start()) for m in headings if _PRODUCTIVITY.search(m.group(0))]
    if named:
        return max(named, key=lambda span: span[1] - span[0])
    return item(max([0, *(x for x in starts if x <= first)]))


# A decision told in running text ("the Leader approved the plan on 10 July"), which a
# formal record of this meeting's decision (a "Decision:" box, recommendations, a resolution)
# outranks: the report's own recommendation is its outcome, an earlier step is history.
_PROSE_ANCHOR = re.compile(_PROSE_DECISION)


def _zones(text: str, begin: int = 0, stop_at: int | None = None) -> list[tuple[int, int, bool]]:
    """The decision zones of ``text[begin:stop_at]``: from each anchor to the next heading
    that ends a decision, at most _ZONE_MAX characters on, and whether the anchor is a formal
    record (not running text); an anchor inside the zone before starts no zone of its own."""
    out: list[tuple[int, int, bool]] = []
    end = len(text) if stop_at is None else min(stop_at, len(text))
    for m in _ZONE_ANCHOR.finditer(text, begin, end):
        start = m.start()
        # (matched in the text: a prose anchor may look ahead past its own words)
        formal = _PROSE_ANCHOR.match(text, m.end() - len(m.group(0).lstrip())) is None
        if out and start < out[-1][1]:
            if not formal or out[-1][2]:
                continue
            out[-1] = (out[-1][0], start, False)  # a formal record ends the story before it
        zone_end = min(len(text), start + _ZONE_MAX)
        stop = _ZONE_END.search(text, m.end(), zone_end)
        out.append((start, stop.start() if stop else zone_end, formal))
    return out


def find_outcome(
    text: str, doc_type: str | None = None
) -> tuple[str | None, str | None, int | None, int | None]:
    """(outcome, evidence sentence, start, end) from the decision zones, or Nones."""
    first = _PRODUCTIVITY.search(text)
    offset, item_start, item_end = 0, 0, len(text)
    if first:
        # Start at the line where the plan is first mentioned: earlier agenda items are other
        # business. Minutes, and decision sheets of several items, are read within the item
        # about the plan, so later items are too (a decision form's numbered boxes are not items).
        offset = text.rfind("\n", 0, first.start()) + 1
        if doc_type == "minutes" or (
            doc_type == "decision_record" and len(_SHEET_ITEM.findall(text)) >= 2
        ):
            item_start, item_end = _plan_item(text, first.start())
            offset = item_start if item_start > first.start() else max(offset, item_start)
    formal_hits: dict[str, tuple[int, int, str]] = {}
    prose_hits: dict[str, tuple[int, int, str]] = {}
    # another body's recommendations accepted: counted only where nothing else is decided
    formal_aside: dict[str, tuple[int, int, str]] = {}
    prose_aside: dict[str, tuple[int, int, str]] = {}
    # Anchors before the line that mentions the plan only matter if their zone reaches past
    # it (a zone is at most _ZONE_MAX long), so the scan starts just before that line.
    zones = _zones(text, max(item_start, offset - _ZONE_MAX), min(OUTCOME_HEAD, item_end))
    for z_start, z_end, formal in zones:
        hits = formal_hits if formal else prose_hits
        aside = formal_aside if formal else prose_aside
        if z_end <= offset:
            continue  # a decision on earlier business
        if z_start < item_start:
            continue  # a decision of the item before
        zone = text[z_start : min(z_end, item_end)]
        for sentence_m in _DECISION_SENTENCE.finditer(zone):
            # "That the plan, as agreed by the Cabinet, be noted": a reference to an earlier
            # step, then this meeting's decision
            sentence = _AS_SIGNED_OFF.sub(" ", sentence_m.group(0))
            # and an earlier step named inside this decision: "to note the plan approved by
            # Cabinet on 16 July", "That the plan agreed in July be noted"
            sentence = _EARLIER_STEP.sub(" ", sentence)
            if doc_type == "committee_report" and _DATED_ENTRY.match(sentence):
                continue  # "• 10 July 2024 – Mayor and Cabinet agreed the plan": its history
            delegation = _VERBS[1][1].search(sentence)
            for outcome, pattern in _VERBS:
                if outcome in hits:
                    continue  # an outcome keeps the first sentence it was found in
                for vm in pattern.finditer(sentence):
                    if (
                        outcome == "approved"
                        and delegation
                        and (
                            delegation.start() < vm.start()
                            or _AUTHORITY_TO.search(sentence, 0, vm.start())
                        )
                    ):
                        continue  # "delegates ... authority to agree": the delegate's power
                    if outcome == "approved" and _UNDER_DELEGATION.match(sentence, vm.end()):
                        continue  # "signed off under delegation": the delegate signs it off
                    before = sentence[: vm.start()]
                    if _TO_COME.search(before):
                        continue
                    if outcome == "approved" and _not_a_decision(before):
                        continue
                    if outcome == "deferred" and _NEGATED.search(before):
                        continue  # "the decision could not reasonably be deferred"
                    if outcome == "approved" and _NOTED_THAT.search(before):
                        continue  # what the meeting notes was approved before: history
                    if outcome == "approved" and _PROCEDURAL.match(sentence[vm.end() :]):
                        continue
                    if outcome == "approved" and _WORK_PROGRAMME.match(sentence, vm.end()):
                        continue  # a scrutiny body agreeing its own work programme's items
                    if outcome == "approved" and _introduces_the_decision(sentence, vm):
                        continue
                    into = hits
                    if outcome == "approved" and _ANOTHER_BODYS_RECOMMENDATIONS.search(before):
                        into = (
                            aside  # "That the recommendation of the Scrutiny Committee be accepted"
                        )
                    if outcome not in into:
                        s = z_start + sentence_m.start()
                        # the evidence quotes the text as written
                        quote = sentence_m.group(0).strip()
                        into[outcome] = (s, z_start + sentence_m.end(), quote)
                    break
    hits = formal_hits or formal_aside or prose_hits or prose_aside
    if (
        "approved" in hits
        and "delegated" in hits
        and _PROVISIONAL.search(hits["approved"][2])
        and _SIGNOFF_HANDED_ON.search(hits["delegated"][2])
    ):
        del hits["approved"]  # agreed in principle or in draft, the final sign-off handed on
    if (chosen := _by_precedence(hits)) is not None:
        s, e, sentence = hits[chosen]
        return chosen, sentence, s, e
    return None, None, None, None


def _by_precedence(found: Iterable[str]) -> str | None:
    """The outcome that outranks the others found (_PRECEDENCE), or None."""
    return next((outcome for outcome in _PRECEDENCE if outcome in found), None)


# An entry of a dated list, as a report's "Timeline" or "Background" prints the steps so far:
# "• 10 July 2024 – Mayor and Cabinet agreed the plan for submission".
_DATED_ENTRY = re.compile(
    rf"\W{{0,4}}(?:{_DATE})[ \t]*[–—:-]",
    re.IGNORECASE | re.X,
)
# Another body's recommendations taken up beside the meeting's own decision on the plan: "(c)
# That the recommendation of the Overview and Scrutiny Committee be accepted" after "(a) That
# the plan be endorsed" is the scrutiny body's point agreed, not the plan approved.
_ANOTHER_BODYS_RECOMMENDATIONS = re.compile(
    r"\brecommendations?\s+(?:of|from|made\s+by)\s+(?:the\s+|its\s+)?[^,.;]{0,80}?"
    r"\b(?:committee|panel|board|commission|forum)\b[^,.;]{0,40}$",
    re.IGNORECASE,
)
# A step denied: "could not reasonably be deferred", "will not be postponed".
_NEGATED = re.compile(
    r"\b(?:not|never|cannot|can't|couldn't|won't)\s+(?:\w+ly\s+)?(?:be\s+|been\s+)?$",
    re.IGNORECASE,
)
# An approval told in the past after the meeting's own noting: "That Cabinet notes that the
# Plan was approved … by the Leader", "Cabinet is asked to note the Plan because it was
# approved under urgency" (but "notes the report and approves the plan" is this decision).
_NOTED_THAT = re.compile(
    r"\b(?:notes?|noted|noting)\b[^.;]*\b(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# The word that records a resolution: "AGREED that the report be noted", "resolved that:".
_RESOLVING = re.compile(r"(?:agreed|resolved)(?:\s+unanimously)?\s*(?:that\b|:)", re.IGNORECASE)


def _introduces_the_decision(sentence: str, verb: re.Match[str]) -> bool:
    """Whether an "agreed" is the minute's word for resolving, introducing the decision rather
    than being it: a decision verb follows it in the sentence ("AGREED that the report be
    noted"), or it opens a list of them ("… and AGREED that the Panel:")."""
    resolving = _RESOLVING.match(sentence, verb.start())
    if resolving is None:
        return False
    rest = sentence[resolving.end() :]
    return rest.rstrip().endswith(":") or any(p.search(rest) for _, p in _VERBS)


def _not_a_decision(before: str) -> bool:
    """Whether the words ``before`` an approval verb make it someone else's or no decision
    ("to seek approval", "councils were asked to agree"), but not a body asked to decide."""
    found = _NOT_A_DECISION.search(before)
    if found is None or found.group("asked") is None:
        return found is not None
    return not before[: found.start()].lower().endswith(_ASKED_TO_DECIDE)


@lru_cache(maxsize=4)
def _plan_signoffs(text: str) -> tuple[re.Match[str], ...]:
    """Every sign-off a plan-like text reports as done or as a decision to come, in the order
    of the patterns and then of the text; not one to come that is told as done ("this plan
    will be approved by Cabinet on 15 July"). Cached: a plan's body, day and outcome are all
    read from them, and the search runs over the whole text."""
    found: list[re.Match[str]] = []
    for pattern, words in _SIGNOFF_PATTERNS:
        spans: dict[tuple[int, int], re.Match[str]] = {}
        for start, end in _around_words(text, words, _SIGNOFF_REACH):
            for m in pattern.finditer(text, start, end):
                spans.setdefault(m.span(), m)
        found += sorted(spans.values(), key=lambda m: m.start())
    return tuple(m for m in found if _reports_the_plans_signoff(text, m))


# Farther than any sign-off pattern reaches from its verb: a subject 160 characters before it
# and a body of six words before that, or a day 100 characters after. Searched only there, the
# patterns that start at a body's name are not tried at every word of the text (which had been
# most of the extract stage's time).
_SIGNOFF_REACH = 400


def _around_words(text: str, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """The stretches of ``text`` within ``reach`` of any of ``words``, widened to whole lines
    and merged where they overlap."""
    spans: list[tuple[int, int]] = []
    for at in word_offsets(text, words):
        start = text.rfind("\n", 0, max(0, at - reach)) + 1
        end = text.find("\n", min(len(text), at + reach))
        spans.append((start, len(text) if end < 0 else end))
    return _merged(spans)


def _reports_the_plans_signoff(text: str, m: re.Match[str]) -> bool:
    verb_at = m.start("verb") if m.groupdict().get("verb") else m.start("considered")
    subject = m.groupdict().get("subject") or m.groupdict().get("pronoun") or ""
    # "it will get more from its budget in a new productivity plan, agreed by Cabinet …": the
    # plan named between a pronoun and the verb is the subject, and the tense is its clause's
    named = (
        _THE_PLAN.search(text, m.end("subject"), verb_at)
        if m.groupdict().get("subject") and subject.lower() in _PRONOUN_SUBJECTS
        else None
    )
    # the tense is the verb's, not that of the plans' own words ("Plans showing how the
    # council will keep costs down were approved")
    tense_from = m.start("were") if m.groupdict().get("were") else (named or m).start()
    if m.groupdict().get("subject") and _ANOTHER_DOCUMENTS_SIGNOFF.search(
        text, m.end("subject"), verb_at
    ):
        return False  # "… the Transformation Strategy agreed by Cabinet": that strategy's
    if m.re not in _DECISIONS_TO_COME and _not_yet(text, tense_from, verb_at):
        return False
    considered = m.groupdict().get("considered") or ""
    if considered.lower().startswith("shared") and not m.groupdict().get("date"):
        return False  # "shared with the Executive ahead of submission": no meeting, no step
    if "subject" not in m.groupdict() and _ORGANISATION.search(text, 0, m.start("body")):
        return False  # "Stroud District Council has signed off a plan": the council, not a body
    day = _day_told(m)
    when = _date_in(m.group(day), _LETTER.year) if day else None
    if when is not None and when <= _LETTER:
        return False  # another plan's or document's sign-off: before the Minister's letter
    pronoun = re.sub(r"\s+", " ", subject.lower()) in _PRONOUN_SUBJECTS and named is None
    # an undated "it" the sentence before does not make the plan
    return not (
        pronoun
        and when is None
        and not _PLAN_JUST_NAMED.search(text, max(0, m.start() - 250), m.start())
    )


def _plan_signoff(text: str) -> re.Match[str] | None:
    """The plan's sign-off: the first one with a decision and its day, else the first with a
    decision (the fuller account outranks a headline's); else (considered only, or a decision
    to come) the first of those not by a scrutiny body, else the first."""
    found = _plan_signoffs(text)
    decided = [m for m in found if m.groupdict().get("verb")]
    if decided:
        return next((m for m in decided if _told_with_its_day(m)), decided[0])
    # a scrutiny committee's look at a draft gives way to the step the executive or council
    # takes ("discussed by the Overview and Scrutiny Committee on 1 July" beside "will be
    # presented to Cabinet on 19 July")
    return next(
        (m for m in found if not _SCRUTINY.search(m.group("body"))), found[0] if found else None
    )


_SCRUTINY = re.compile(r"\bscrutiny\b", re.IGNORECASE)


def _same_bodys_day(text: str, signoff: re.Match[str], year: int) -> date | None:
    """The day another account of the plan at the same body's meeting gives, when the
    sign-off told carries none (the letter's and the deadline's days are not a meeting's)."""
    kind = body_kind(_clean_body(signoff.group("body")))
    for other in _plan_signoffs(text):
        if other is signoff or body_kind(_clean_body(other.group("body"))) != kind:
            continue
        if (day := _own_day(other)) and (when := _date_in(other.group(day), year)):
            return when
    return None


# A live blog of a meeting: "LIVE: Cabinet …", "Follow our live coverage", "as it happened".
_LIVE_BLOG = re.compile(
    r"^[ \t]*LIVE\b|(?i:\blive\s+(?:coverage|updates|blog|reporting)\b|\bas\s+it\s+happened\b)",
    re.MULTILINE,
)
_LIVE_BLOG_HEAD = 1_000
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\b", re.IGNORECASE)


def live_blog_day(text: str, title: str, scan: DateScan) -> date | None:
    """The day a live blog's page title names ("LIVE: … cabinet meeting, July 17 2024 - …")
    when its text prints no dateline of its own: the meeting's day, on which what it tells as
    just done was done."""
    if not is_live_blog(text) or _dateline(text, scan):
        return None
    named = scan_dates(title, scan.year).mentions
    return named[0].value if named else None


def is_live_blog(text: str) -> bool:
    """Whether ``text`` is a live blog of a meeting (its head says so)."""
    return _LIVE_BLOG.search(text, 0, _LIVE_BLOG_HEAD) is not None


def _told_live(text: str, m: re.Match[str]) -> bool:
    """Whether a sign-off is told as just done ("Cabinet has approved the plan", "members have
    voted to endorse it") in a live blog, whose dateline is the meeting's day."""
    verb_at = m.start("verb") if m.groupdict().get("verb") else m.start("considered")
    return bool(_PRESENT_PERFECT.search(text, m.start(), verb_at)) and is_live_blog(text)


def _told_with_its_day(m: re.Match[str]) -> bool:
    return bool(_own_day(m) or _day_told_from_dateline(m))


def _day_told_from_dateline(m: re.Match[str]) -> str | None:
    """The words of a sign-off's day told from the page's dateline ("last night", "on Tuesday
    evening"), if it gives one."""
    groups = m.groupdict()
    return groups.get("relday") or groups.get("relwd") or groups.get("later_wd")


def _own_day(m: re.Match[str]) -> str | None:
    """The group holding the sign-off's own date: not an earlier step's ("signed off by the
    Leader following discussion at Cabinet on 15 July" gives the discussion's day)."""
    day = _day_told(m)
    if day and _AN_EARLIER_STEP.search(m.string, m.end("body"), m.start(day)):
        return None
    return day


def _day_told(m: re.Match[str]) -> str | None:
    """The group holding a sign-off's date, if it gives one: "date", or in a pattern whose date
    can stand in other places, "again_date" for the second and "lead_date" for one told first."""
    return next((g for g in ("date", "again_date", "lead_date") if m.groupdict().get(g)), None)


def _plan_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    m = _plan_signoff(text)
    if not m:
        control = _control_signoff(text, _DEADLINE.year)  # as find_body_and_date asks: cached
        if control is None:
            return None, None, None, None
        return control.outcome, control.evidence, control.start, control.end
    if m.re in _DECISIONS_TO_COME:
        return "none", m.group(0), m.start(), m.end()  # a decision still to come: none taken
    handed_on = _HANDED_ON.match(text, m.end())
    if handed_on and _not_yet(text, m.end(), handed_on.end()):
        handed_on = None  # "… and sign-off will be delegated": a step to come, none taken
    decided = _THEN_DECIDED.match(text, m.end()) if m.groupdict().get("verb") is None else None
    if m.groupdict().get("verb") is None and _FOR_INFORMATION.match(text, m.end()):
        return "noted", m.group(0), m.start(), m.end()  # put to the meeting to be noted
    if m.groupdict().get("verb") is None and decided is None:
        # considered: "… and agreed that the final version be signed off by the Leader" hands
        # the sign-off on; otherwise no decision is recorded
        return ("delegated" if handed_on else "none"), m.group(0), m.start(), m.end()
    if decided is not None:
        # considered, then decided in the same sentence: "… considered the draft at its
        # meeting on 8 July 2024 and endorsed it for submission"
        return _outcome_of(decided.group("verb")), m.group(0), m.start(), m.end()
    if handed_on and _DRAFT.search(m.group(0)):
        return "delegated", m.group(0), m.start(), m.end()  # a draft agreed, the final handed on
    if m.re in _PUT_OFF:
        return "deferred", m.group(0), m.start(), m.end()
    return _outcome_of(m.group("verb")), m.group(0), m.start(), m.end()


# A decision after a consideration in the same sentence: "… and endorsed it", "and
# unanimously approved the plan".
_THEN_DECIDED = re.compile(
    r"[^.;\n]{0,40}?\band\s+(?:then\s+)?(?:unanimously\s+)?"
    r"(?P<verb>approved|endorsed|agreed|adopted|noted|signed\s+off)\s+(?:it|the\s+(?:draft|plan)"
    # "… considered this plan on 16 July 2024 and endorsed its submission"
    r"|(?:its|the\s+plan['’]s)\s+submission)\b",
    re.IGNORECASE,
)


def _outcome_of(verb: str) -> str:
    """The outcome a sign-off's verb records (its last word: "voted to endorse")."""
    verb = verb.lower().split()[-1] if " to " in verb.lower() else verb.lower()
    if verb.startswith(("defer", "postpon", "put", "pull")):
        return "deferred"
    if verb.startswith("delegat"):
        return "delegated"
    if verb.startswith("endors"):
        return "endorsed"
    return "noted" if verb.startswith("note") else "approved"


# A plan's own record of its sign-off, as document-control furniture prints it: a label at a
# line start ("Approved by: Cabinet, 27 June 2024", "Endorsed by | Full Council") or a version
# table whose header has an "Approved by" column, its latest row naming the body.
_CONTROL_LABEL = re.compile(
    # "Status: approved by Cabinet on 17 July 2024" is the same label after a status field,
    # perhaps after the status itself ("Status: Final. Endorsed by Full Council on …")
    # or after a sign-off row's own label: "Member sign-off: Agreed by the Cabinet Member …"
    # (a version table's row may give it after its other cells: "Version 1.0 | Final |
    # Approved by Cabinet 9 July 2024")
    r"^[ \t|•*-]*(?:[^\n|]{1,40}\|[ \t]*){0,4}"
    r"(?:(?:(?:document\s+)?status|decision|(?:member\s+|political\s+)?sign[- ]?off)"
    r"\s*:\s*"
    r"(?:[A-Za-z][A-Za-z ]{0,20}[.;,–-]\s*)?"
    # a two-column table's row, its label cell first: "Approval   Approved by the Leader …"
    r"|(?:approval|sign[- ]?off|decision)[ \t]+(?=(?:approved|agreed|endorsed|signed)\b))?"
    # "Approved for submission by the Leader of the Council … on 16 July 2024"
    r"(?P<label>(?:approved|agreed)(?:\s+for\s+(?:submission|publication))?\s+by|approving\s+body"
    # "Agreed at Full Council 18/07/2024", "Approved at Cabinet, 9 July 2024"
    r"|(?:approved|agreed|endorsed|adopted)\s+at|approval\s+(?:by|body|route)"
    r"|signed\s+off\s+by|endorsed\s+by"
    # a bare "Approval: Full Council, 18 July 2024", "Sign-off: Leader of the Council (…)", and
    # the body in the label: "Cabinet approval: 9 July 2024", "Date of Cabinet approval: …"
    r"|(?:sign[- ]?off|approval)(?=[ \t]*:)"
    r"|(?:date\s+of\s+)?(?P<label_body>cabinet|executive|full\s+council|council)\s+approval"
    r"(?:\s+date)?(?=[ \t]*:)"
    # a two-column table's bare label beside the body and its day, as a cell prints it
    # ("Approved   Executive, 2 July 2024"): the row is that and nothing more
    rf"|(?-i:Approved|Endorsed)(?=[ \t]+(?:the[ \t]+)?{_BODY_CORE}[ \t]*(?:,|[ \t]on)[ \t]*"
    rf"{_DATE}[ \t]*$))\b[ \t]*[:|]?[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE | re.X,
)
# A version table's header: "Version | Date | Author | Approved by".
_CONTROL_HEADER = re.compile(
    # a row of column names, not a paragraph of prose that names an owner and an approval ("…
    # approved by the Executive in 2022. The programme … each with a senior responsible owner")
    r"^(?=[^\n]{0,160}$)(?![^\n]*[a-z)]\.\s+[A-Z])"
    r"(?=[^\n]*\b(?:version|date|author|owner|status|issue)\b)[^\n]*"
    r"\b(?P<label>approved\s+by|signed\s+off\s+by|endorsed\s+by)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CONTROL_DATE_LABEL = re.compile(
    r"^[ \t|•*-]*(?:date\s+(?:of\s+)?approv\w*|approv\w*\s+(?:date|on)|date\s+agreed)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A row for a sign-off still to come: "Cabinet (pending)", "to be approved", "TBC".
_CONTROL_PENDING = re.compile(
    r"\b(?:pending|tbc|tbd|to\s+be|proposed|for\s+approval|awaiting|subject\s+to|draft|will"
    r"|shall|due|scheduled|expected|planned)\b",
    re.IGNORECASE,
)
# A body in a cell runs to a word or mark that ends it ("Executive Member for Finance and
# Governance on 15 July 2024"), as in _PLAN_SIGNOFF.
_BODY_IN_CELL = re.compile(
    _BODY_CORE
    + r"(?=\s+(?:on|of|at|in|under|following|with|before|after|as|to)\b|\s*[.,;:()|\n]|\s*$"
    # or its day right after it: "Approved by Cabinet 9 July 2024"
    + r"|\s+\d)"
)
# Where a cover line's sentence ends and another begins ("… 1 July 2024. To be submitted"),
# not an initial's stop ("Cllr J. Smith").
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")
# Rows of a version table read after its header.
_CONTROL_ROWS = 8


@dataclass(frozen=True, slots=True)
class _ControlSignoff:
    body: str
    date: date | None
    outcome: str
    evidence: str
    start: int
    end: int


def _member_body(cell: str) -> tuple[str, int] | None:
    """The members' body a document-control cell names (and where it ends): officers' sign-off
    (a leadership team, a director) is not member oversight."""
    for m in _BODY_IN_CELL.finditer(cell):
        body = _clean_body(m.group(0))
        if body and not _BAD_BODIES.search(body) and body_kind(body) in MEMBER_KINDS:
            return body, m.end()
    return None


@lru_cache(maxsize=4)
def _control_signoff(text: str, year: int = _DEADLINE.year) -> _ControlSignoff | None:
    """The sign-off a plan's document control records: a done step by its nature (a label or a
    column says who approved the version published). A version table's latest row decides.
    Cached: a plan's body and day and its outcome are both read from it."""
    found = sorted(
        [(m, [_label_value(text, m)]) for m in _CONTROL_LABEL.finditer(text)]
        + [(m, _table_rows(text, m.end())) for m in _CONTROL_HEADER.finditer(text)],
        key=lambda pair: pair[0].start(),
    )
    for label, rows in found:
        verb = "endorsed" if label.group("label").lower().startswith("endorsed") else "approved"
        for start, end in reversed(rows):
            row = text[start:end]
            named = _member_body(row)
            if named is None and label.groupdict().get("label_body"):
                named = (_clean_body(label.group("label_body")), 0)  # "Cabinet approval: …"
            # "Endorsed by the Executive on 1 July 2024. To be submitted …": the next
            # sentence's step to come is not this one's
            if named is None or _CONTROL_PENDING.search(_SENTENCE_BREAK.split(row, 1)[0]):
                continue
            body, body_end = named
            when = _date_in(row[body_end:], year) or _date_in(row, year)
            if when is None:
                dated = _CONTROL_DATE_LABEL.search(text, end, end + 400)
                when = _date_in(dated.group(0), year) if dated else None
            if when is not None and when <= _LETTER:
                # before the Minister asked for plans: another document's approval, as a
                # wrapped line of prose can open with it ("The Medium Term Financial Strategy"
                # / "approved by Council on 28 February 2024 …")
                continue
            return _ControlSignoff(body, when, verb, row.strip(), start, end)
    return None


def _label_value(text: str, label: re.Match[str]) -> tuple[int, int]:
    """Where a label's value is: on its line, or on the next (a flattened two-column table)."""
    if label.group("rest").strip():
        return label.start("rest"), label.end()
    start = label.end() + 1
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _table_rows(text: str, header_end: int) -> list[tuple[int, int]]:
    """The rows under a table header: the next lines up to a blank one."""
    rows: list[tuple[int, int]] = []
    pos = header_end + 1
    while pos < len(text) and len(rows) < _CONTROL_ROWS:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not text[pos:end].strip():
            break
        rows.append((pos, end))
        pos = end + 1
    return rows


# ---------------------------------------------------------------- timeline, submission

_EVENT_VERBS = re.compile(
    r"\b(?P<verb>approved|approval|endorsed|endorsement|agreed|noted|considered|discussed"
    r"|taken\s+to|submitted|pre-scrutinised|scrutinised|signed\s+off|sought|presented)\b",
    re.IGNORECASE,
)
_FUTURE_OR_DUTY = re.compile(
    r"\b(?:must|should|required|requirement|requesting|deadline\s+(?:for|of)|to\s+be|would\s+be"
    r"|will\s+be|asked|expect\w*|needed)\b",
    re.IGNORECASE,
)
# A date something is due by is not a step taken: "submit the plan by 19 July 2024".
_DUE_BY = re.compile(
    r"\b(?:by|before|until|deadline(?:\s+(?:of|for|on))?|no\s+later\s+than|ahead\s+of|due(?:\s+on)?"
    # "ahead of the deadline of Friday, July 19"
    r"|in\s+time\s+for)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.IGNORECASE,
)
# Where a plan is submitted to: "to the Department", "to DLUHC", "sent to Whitehall".
_TO_GOVERNMENT = r"(?:government|dluhc|mhclg|department|ministry|minister|whitehall)"
_PAST_SUBMITTED = re.compile(
    r"\b(?:was|were|been|has\s+been|had\s+been|which\s+was|it\s+was|has|have|had)\s+"
    r"(?:then\s+|today\s+|now\s+|already\s+)?(?P<verb>submitted)\b"
    # "was approved by Cabinet on 9 July and submitted on 12 July"
    r"|\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?\w+ed\b[^.\n;]{0,160}?\band\s+"
    # "finalised by officers and e-mailed to the Department's inbox on 17 July 2024"
    rf"(?:then\s+)?(?P<verb2>submitted|(?:sent|e-?mailed)(?=\s+(?:off\s+)?to\s+(?:the\s+)?"
    rf"{_TO_GOVERNMENT}))\b",
    re.IGNORECASE,
)


# A submission still to come: "will be submitted on 19 July", "instruct the Director to submit
# it to the Department on 18 July 2024". The labelling conventions count its day as the
# submission date; the sector's record of what happened does not (submission_to_come).
_SUBMISSION_TO_COME = (
    r"\b(?:will|would|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to)\s+(?:then\s+|now\s+)?be\s+"
    r"(?P<verb3>submitted|sent|returned|emailed|e-mailed)\b"
    # "we intend to send it to the Department for Levelling Up, Housing and Communities on …"
    # (the department's full name, perhaps over a line break)
    # (the plan sent, not a panel's comments: "agreed to send its comments to Cabinet, which
    # will consider the plan on 16 July")
    r"|\bto\s+(?P<verb5>submit|send)\b(?!\s+(?:its|their|the|our|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:comments|views|feedback|observations|recommendations|response|minutes|report)\b)"
    r"(?=[^.;]{0,100}?\bon\s+(?:\w+day,?\s+)?\d)"
    r"|\b(?:will|shall)\s+(?:then\s+)?(?P<verb6>submit|send|return|e-?mail)\b"
    r"(?=[^.;\n]{0,100}?\bon\s+(?:\w+day,?\s+)?\d)"
    # a cover line's "To be submitted to the Department … on 12 July 2024", and a decision
    # that "authorised its submission to the Ministry … on 18 July 2024"
    r"|(?:(?<![^\n])|(?<=[.!?]\s))[ \t]*to\s+be\s+(?P<verb10>submitted|sent|returned|e-?mailed)\b"
    r"(?=[^.;\n]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
    r"|\b(?:authori[sz]ed|approved|agreed)\s+(?:its|the\s+plan's)\s+(?P<verb11>submission)\b"
    r"(?=[^.;\n]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
    # a recommendation's "b) the plan be submitted to the Ministry on 18 July 2024"
    r"|\b(?:plan|it|document)\s+be\s+(?P<verb13>submitted|sent|returned|e-?mailed)\b"
    r"(?=[^.;\n]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
    # "to approve the Productivity Plan for submission to the Ministry … on 18 July 2024"
    rf"|\bfor\s+(?P<verb15>submission)\s+to\s+(?:the\s+)?{_TO_GOVERNMENT}\b"
    r"(?=[^.;]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
    # the present for what is to come: "to make minor amendments before it is submitted to the
    # Department on 18 July 2024", "once the plan is sent to the Ministry on 17 July"
    r"|\b(?:before|when|once|until|after)\s+(?:it|the\s+plan|this\s+plan)\s+is\s+"
    r"(?P<verb19>submitted|sent|returned|e-?mailed)\b(?=[^.;\n]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
    # under way: "This letter and its annex are being submitted on 18 July 2024"
    r"|\b(?:is|are)\s+being\s+(?P<verb20>submitted|sent|returned|e-?mailed)\b"
    r"(?=[^.;\n]{0,120}?\bon\s+(?:\w+day,?\s+)?\d)"
)
# A submission date as the labelling conventions read it: the day the plan was, or is to be,
# submitted ("will be submitted on 19 July", "we sent it to the Department on 17 July"); a
# date it is due by restates the deadline (_DUE_BY).
_STATED_SUBMISSION = re.compile(
    _PAST_SUBMITTED.pattern
    + r"|\b(?:we|(?:the\s+)?(?:(?:city|county|borough|district)\s+)?council|it\s+was|was|were|been"
    r"|has|have|had)\s+"
    r"(?:then\s+|now\s+|already\s+)?(?P<verb4>sent|returned|emailed|e-mailed|submitted)\b"
    rf"[^.;\n]{{0,30}}?\bto\s+(?:the\s+)?{_TO_GOVERNMENT}"
    # "This final version, as submitted to the Department … on 17 July 2024, …", "to report
    # the Productivity Plan submitted to the Ministry on 16 July 2024"
    rf"|\b(?:as|plan|document|version)[ \t]+(?P<verb12>submitted|sent)\s+to\s+(?:the\s+)?"
    rf"{_TO_GOVERNMENT}\b"
    # "went to the Ministry on 18 July"
    rf"|\b(?P<verb7>went)\s+(?:off\s+)?to\s+(?:the\s+)?{_TO_GOVERNMENT}\b"
    # "We submitted this plan on Wednesday 17 July 2024": the plan, the government unnamed
    r"|\bwe\s+(?:then\s+|formally\s+)?(?P<verb17>submitted|sent|returned|e-?mailed)\s+"
    r"(?:this|the|our)\s+(?:final\s+)?(?:productivity\s+)?(?:plan|document)\b"
    # the government named first, the plan after it: "The council has today sent the
    # government its plan for …"
    rf"|\b(?:has|have|had|we)\s+(?:today\s+|now\s+|yesterday\s+|formally\s+)?"
    rf"(?P<verb21>sent|submitted)\s+(?:the\s+)?{_TO_GOVERNMENT}\s+(?:its|their|our|the)\s+"
    r"(?:final\s+)?(?:productivity\s+)?plan\b"
    # a cover's "Submission date: 17 July 2024", "Date of submission: …"
    r"|(?<![^\n])[ \t]*(?P<verb18>submission\s+date|date\s+of\s+submission)[ \t]*:"
    # a title page's label: "Submitted to DLUHC: 17 July 2024", "Date submitted: 17 July 2024",
    # a government's full name wrapped over two lines ("Submitted to the Ministry of Housing,
    # Communities and Local" / "Government: 12/07/2024")
    r"|(?<![^\n])[ \t]*(?:date\s+)?(?P<verb8>submitted)"
    rf"(?:\s+to\s+(?:[^:\n]{{1,60}}?|(?:the\s+)?{_TO_GOVERNMENT}\b[^:]{{1,80}}?))?"
    r"[ \t]*:"
    # or as a flattened table's row or a cover line's cell, the colon lost: "Submitted to DLUHC
    # 17 July 2024", "Version 1.0 | Submitted to DLUHC 18 July 2024" (its bar read as a colon)
    r"|(?:(?<![^\n])|(?<=:  )|(?<=\| ))[ \t]*(?P<verb14>submitted)\s+to\s+[^:\n]{1,60}?"
    r"(?:[ \t]+|"
    # or a cell's label wrapped over two lines, its value opening the next: "Submitted to DLUHC
    # /" over "MHCLG" over "18 July 2024, by email"
    r"[ \t]*\n[ \t]*[^:\n\d]{1,30}?[ \t]*\n[ \t]*)"
    r"(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+20\d\d(?:[ \t]*(?:\n|$)|,))"
    # or as a line of its own: "Sent to the Department for Levelling Up, … on 18 July 2024"
    # (perhaps after its table row's label cell: "Submission   Submitted to the Ministry …")
    rf"|(?<![^\n])[ \t]*(?:submission[ \t]+)?(?P<verb9>sent|submitted|returned|e-?mailed)"
    rf"\s+to\s+(?:the\s+)?"
    rf"{_TO_GOVERNMENT}\b[^\n]{{0,80}}?\bon\b"
    rf"|{_SUBMISSION_TO_COME}",
    re.IGNORECASE,
)
_SUBMISSION_TO_COME_RE = re.compile(_SUBMISSION_TO_COME, re.IGNORECASE)


def submission_to_come(sentence: str | None) -> bool:
    """Whether the sentence giving a submission date says the submission is still to come: a
    date of the inspect contract, not an event that has happened."""
    return sentence is not None and _SUBMISSION_TO_COME_RE.search(sentence) is not None


def _verb_start(m: re.Match[str]) -> int:
    return m.start("verb") if m.group("verb") else m.start("verb2")


def _action(verb: str) -> str:
    verb = re.sub(r"\s+", " ", verb.lower())
    return {
        "approval": "approved",
        "endorsement": "endorsed",
        "taken to": "considered",
        "sought": "approval sought",
        "pre-scrutinised": "scrutinised",
        "presented": "considered",
    }.get(verb, verb)


@dataclass(frozen=True, slots=True)
class _Span:
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


# A sentence ends at a full stop or a line break, but not at a soft wrap: a break inside a
# paragraph, after a line that does not end in punctuation and before one that starts in lower
# case or with a number ("submitted to the government on\n12 July 2024"), as PDFs and
# hard-wrapped captures print them.
_SENTENCE_END = re.compile(r"\.(?=\s)|(?<![\n.:;!?])\n(?![ \t]*[a-z0-9(£])|(?<=[\n.:;!?])\n")
_SOFT_WRAP_NEXT = re.compile(r"[ \t]*[a-z0-9(£]")


def _line_start(text: str, pos: int) -> int:
    """The start of the line holding ``pos``, reaching back over soft wraps."""
    nl = text.rfind("\n", 0, pos)
    while (
        nl > 0 and text[nl - 1] not in "\n.:;!?" and _SOFT_WRAP_NEXT.match(text, nl + 1) is not None
    ):
        nl = text.rfind("\n", 0, nl)
    return nl + 1


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence (or line) around ``pos``: from after the previous full stop or line break
    to the next one."""
    stop = text.rfind(". ", 0, pos)
    start = max(_line_start(text, pos), stop + 1 if stop >= 0 else 0)
    m = _SENTENCE_END.search(text, pos)
    end = m.end() if m else len(text)
    return start, end


def _event_body(sentence: str, verb_at: int) -> str | None:
    """The body acting in ``sentence``: the first one named after the verb ("endorsed by the
    Leader", "a meeting of Cabinet"), else the nearest before it; never a possessive
    ("the Council's plan")."""
    candidates: list[tuple[int, str]] = []
    for m in BODY_RE.finditer(sentence):
        if re.match(r"\s*['’]s\b", sentence[m.end() :]):
            continue
        body = _clean_body(m.group(0))
        if body and not _BAD_BODIES.search(body):
            candidates.append((m.start(), body))
    # a clause the verb introduces ("agreed on 15 July that … would prevent the Council from")
    # tells what was agreed, not who agreed it
    clause = _THAT_CLAUSE.search(sentence, verb_at)
    reach = clause.start() if clause else len(sentence)
    after = [b for at, b in candidates if verb_at < at < reach]
    before = [b for at, b in candidates if at <= verb_at]
    if after:
        return after[0]
    return before[-1] if before else None


_THAT_CLAUSE = re.compile(r"\bthat\b", re.IGNORECASE)


# A date marked as a step still to come, as a plan's control table marks it: "23 July 2024
# (due)", "23 July 2024 - provisional", "23 July 2024 TBC".
_MARKED_TO_COME = re.compile(
    r"[ \t]*[(\[–—-]?[ \t]*(?:due|scheduled|provisional|tbc|to\s+be\s+confirmed|pending|expected"
    r"|planned|proposed)\b",
    re.IGNORECASE,
)


# A step named as a condition of another, after that one's day: "(asked on 24 April) to see the
# plan once it had been submitted": the day is the other step's.
_ONCE_DONE = re.compile(
    r"\b(?:once|until|unless|before)\s+(?:it|this|the\s+(?:final\s+)?plan)\s+"
    r"(?:has|had|have|is|was|were)\s+(?:been\s+)?\Z",
    re.IGNORECASE,
)
# An earlier meeting's minutes confirmed: "The minutes of the meeting of the Cabinet held on 3
# June 2024 were approved as a correct record" (the approval is this meeting's, the day the
# earlier one's).
_MINUTES_CONFIRMED = re.compile(
    r"\bminutes\b[^.;]{0,160}?\b(?:(?:be|were|was)\s+(?:\w+\s+)?(?:approved|confirmed|agreed"
    r"|signed)|as\s+an?\s+(?:true\s+and\s+)?(?:correct|accurate)\s+record)",
    re.IGNORECASE,
)


def find_timeline(text: str, year: int, scan: DateScan | None = None) -> list[GovernanceEvent]:
    """Dated governance steps the text mentions, with their sentence and offsets."""
    scan = scan or scan_dates(text, year)
    events: list[GovernanceEvent] = []
    done: set[int] = set()
    for found in scan.mentions:
        start, end = _sentence_bounds(text, found.start)
        if start in done:
            continue
        sentence = text[start:end]
        verbs = list(_EVENT_VERBS.finditer(sentence))
        if not verbs or _MINUTES_CONFIRMED.search(sentence):
            continue  # "The minutes of the meeting held on 3 June were approved": a record
        done.add(start)
        sm = _Span(start, end)
        for mention in scan.between(start, end):
            # The step the date belongs to: the verb nearest before it ("which had to be
            # submitted by 19 July, was endorsed by Cabinet on 9 July"), else the first.
            before = [v for v in verbs if v.start() < mention.start - start]
            verb = before[-1] if before else verbs[0]
            if mention.value == _LETTER or _DUE_BY.search(
                text, max(0, mention.start - 30), mention.start
            ):
                continue
            if _not_yet(text, start, max(mention.start, start + verb.start())):
                continue  # "will be considered by Council on 24 July": not a step taken
            if _MARKED_TO_COME.match(text, mention.end, end):
                continue  # "Approval: Cabinet, 23 July 2024 (due)": a meeting to come
            action = _action(verb.group("verb"))
            if action == "submitted" and submission_to_come(sentence):
                continue  # "… before it is submitted to the Department on 18 July": to come
            if action == "submitted" and _a_paper_put_to_the_meeting(sentence[: verb.start()]):
                continue  # "The minutes of the meeting held on 16 May were submitted": a paper
            condition = _ONCE_DONE.search(sentence, 0, verb.start())
            if condition and mention.start - start < condition.start():
                continue  # "asked on 24 April to see the plan once it had been submitted"
            if mention.value == _DEADLINE and (
                _FUTURE_OR_DUTY.search(sentence) and not _PAST_SUBMITTED.search(sentence)
            ):
                continue
            if (
                action != "submitted"
                and _PAST_SUBMITTED.search(sentence)
                and mention.value == _DEADLINE
            ):
                action = "submitted"
            body = _event_body(sentence, verb.start())
            if body is None and action not in {"submitted"}:
                continue
            events.append(
                GovernanceEvent(
                    date=mention.value,
                    body=body,
                    action=action,
                    sentence=sentence.strip(),
                    start=sm.start(),
                    end=sm.end(),
                )
            )
            # A second step in the same sentence: "... and was submitted on 18 July".
            sub = _PAST_SUBMITTED.search(sentence)
            if action != "submitted" and sub and _verb_start(sub) > mention.end - start:
                later = [d for d in scan.between(start + sub.end(), end) if d.value != _LETTER]
                if later and later[0].value != mention.value:
                    events.append(
                        GovernanceEvent(
                            later[0].value, None, "submitted", sentence.strip(), start, end
                        )
                    )
            break
    events.sort(key=lambda e: (e.date, e.start))
    # One step told twice ("approved by the Executive on 2 July" in the heading and the minute).
    seen: set[tuple[date, str | None, str]] = set()
    unique = []
    for event in events:
        if (event.date, event.body, event.action) not in seen:
            seen.add((event.date, event.body, event.action))
            unique.append(event)
    return unique


def find_submitted_date(text: str, year: int) -> date | None:
    """The date the plan was submitted, when the text states it in the past tense."""
    return find_submission(text, scan_dates(text, year))[0]


def find_submission(
    text: str, scan: DateScan, *, published: date | None = None
) -> tuple[date | None, Quote | None]:
    """(date, sentence) of the plan's submission, when the text states the day it was or is to
    be submitted. ``published``: the page's day when its text prints no dateline (a live blog
    dated in its title), for "today" and "tomorrow"."""
    for pm in _stated_submissions(text):
        if _RELATIVE_TO.search(text, max(0, pm.start() - 20), pm.start()):
            continue  # "approved on 15 July, before it was submitted": no date of its own
        start, end = _sentence_bounds(text, pm.start())
        if pm.end() > end:
            # a label wrapped over two lines ("Submitted to the Ministry of …" / "Government:
            # 12/07/2024"): its value is on the line where the label ends
            line_end = text.find("\n", pm.end())
            end = len(text) if line_end < 0 else line_end
        # "the Productivity Plan submitted to …" names it
        if _a_paper_put_to_the_meeting(text[start : pm.end()]):
            continue  # "A report of the Chief Executive was submitted": to the meeting
        if pm.group("verb") and _ANOTHER_THING_SUBMITTED.match(text, pm.end()):
            continue  # "the developer had submitted a planning application": not the plan
        # "submitted by the deadline of 19 July" restates the deadline: not a submission date.
        mentions: list[DateMention] = [
            d
            for d in scan.between(start, end)
            if d.value != _LETTER
            and not _DUE_BY.search(text, max(0, d.start - 30), d.start)
            # "we submitted our plan on 18 July, after it was approved … on 11 July": a day
            # after the verb that an earlier step's verb comes just before is that step's
            and not (d.start >= pm.end() and _an_earlier_steps_day(text, d, pm.end()))
        ]
        # the submission's own words, not an earlier step's in the same sentence ("approved
        # by its executive on Tuesday and submitted to the Government yesterday")
        verb_at = pm.start("verb2") if pm.group("verb2") else pm.start()
        # a day told from the dateline before any date after the verb ("submitted … yesterday,
        # after being signed off by Cabinet on Monday 8 July": 8 July is the sign-off's)
        first_after = next((d.start for d in mentions if d.start >= pm.end()), end)
        relative = _RELATIVE_DAY.search(text, verb_at, first_after)
        dateline = _dateline(text, scan) if relative else []
        day = dateline[-1].value if dateline else published
        if relative and day is not None:
            # "The council has today submitted its plan", "will be submitted today (Friday)",
            # "submitted yesterday", "will be submitted tomorrow": from the page's dateline
            shift = _RELATIVE_DAYS[relative.group(0).lower()]
            told = day + timedelta(days=shift)
            return told, Quote(text[start:end].strip(), *_stripped(text, start, end))
        if not mentions:
            weekday = _weekday_from_dateline(text, scan, verb_at, end)
            if weekday is not None:
                return weekday, Quote(text[start:end].strip(), *_stripped(text, start, end))
        if mentions:
            # "approved on 15 July and was submitted on 18 July": the date after the verb.
            after = [d for d in mentions if d.start >= pm.end()]
            later = _DAYS_LATER.match(text, pm.end(), end) if not after else None
            if later:
                # "agreed on 15 July and submitted to government the following day"
                days = 0 if later.group("same") else 1
                when = mentions[-1].value + timedelta(days=days)
                return when, Quote(text[start:end].strip(), *_stripped(text, start, end))
            if (pm.group("verb2") or _SUBMISSION_TO_COME_RE.match(pm.group(0))) and not after:
                # "was agreed on 15 July and submitted": 15 July is the agreement; "approved on
                # Monday (July 15) and will be sent to Whitehall": the sending has no day
                continue
            if not after and _an_earlier_steps_day(text, mentions[-1], start):
                # "Cabinet endorsed it on 10 July 2024 and it was submitted …": the day is
                # the endorsement's
                continue
            # "On 18 July the plan was submitted": else the nearest date before the verb.
            when = after[0].value if after else mentions[-1].value
            return when, Quote(text[start:end].strip(), *_stripped(text, start, end))
    return None, None


def _stated_submissions(text: str) -> Iterator[re.Match[str]]:
    """The matches of _STATED_SUBMISSION. Each holds one of the words below, no "."
    or ";", and reaches at most _SUBMISSION_REACH from that word, so only those stretches are
    searched (a sentence of a table without stops can be a page long)."""
    stop = yielded = 0
    words = (
        "submit",
        "sent",
        "send",
        "mail",
        "went",
        "return",
        "its submission",
        "plan's submission",
        "for submission",
        "submission date",
        "of submission",
    )
    for at in word_offsets(text, words):
        if at < stop:
            continue  # in the stretch just searched
        start = max(text.rfind(".", 0, at) + 1, text.rfind(";", 0, at) + 1, at - _SUBMISSION_REACH)
        limit = min(len(text), at + _SUBMISSION_REACH)
        end = _STOP_OR_SEMICOLON.search(text, at, limit)
        stop = end.start() if end else limit
        for m in _STATED_SUBMISSION.finditer(text, max(0, start), stop):
            if m.start() >= yielded:  # stretches can overlap: each match once
                yielded = m.end()
                yield m


# A sign-off's verb just before a date: the date is that step's, not a submission's.
_AN_EARLIER_STEPS_DAY = re.compile(
    r"\b(?:approved|agreed|endorsed|signed\s+off|adopted|considered|noted)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


def _an_earlier_steps_day(text: str, mention: DateMention, not_before: int) -> bool:
    """Whether a sign-off's verb stands just before ``mention`` (within 80 characters, none of
    them before ``not_before``): the date is that step's, not the submission's."""
    window = max(not_before, mention.start - 80)
    return _AN_EARLIER_STEPS_DAY.search(text, window, mention.start) is not None


# Farther than _STATED_SUBMISSION reaches from its verb: "was approved by Cabinet on 9 July
# and submitted" (the approval up to 160 characters before), or "Sent to the Department …
# on 18 July" (the day up to 80 after the department's name).
_SUBMISSION_REACH = 250
_STOP_OR_SEMICOLON = re.compile(r"[.;]")
# A paper put to a meeting is "submitted" too ("A report of the Chief Executive was submitted"),
# and a letter sent to the Minister is not the plan.
_A_PAPER = re.compile(
    r"\b(?:report|paper|item|motion|petition|amendment|question|letter|minute|account)s?\b",
    re.IGNORECASE,
)
_THE_PLAN = re.compile(r"\bplan\b", re.IGNORECASE)
# The document itself, as a plan written as a letter names itself: "This letter and its annex
# are being submitted on 18 July 2024".
_THIS_DOCUMENT = re.compile(r"\bthis\s+(?:letter|document|response)\b", re.IGNORECASE)


def _a_paper_put_to_the_meeting(subject: str) -> bool:
    """Whether the words before "submitted" name a paper put to a meeting ("The minutes of the
    last meeting were submitted", "A report of the Chief Executive was submitted"), not the
    plan."""
    return (
        bool(_A_PAPER.search(subject))
        and not _THE_PLAN.search(subject)
        and not _THIS_DOCUMENT.search(subject)
    )


# What an active "has submitted" names when it is not the plan: "the developer had submitted a
# reserved matters application", "the council has submitted a bid to the fund".
_ANOTHER_THING_SUBMITTED = re.compile(
    r"\s+(?:a|an|its|their|his|her|two|three|several)\s+(?:(?!plan\b)[\w'’-]+\s+){0,3}?"
    r"(?:applications?|bids?|claims?|appeals?|tenders?|objections?|proposals?|petitions?"
    r"|questions?|motions?|returns?|business\s+cases?|representations?|expressions?\s+of\s+interest)\b",
    re.IGNORECASE,
)
# A day told from the date before it: "… and submitted (to government) the following day".
_DAYS_LATER = re.compile(
    r"[^.;\n]{0,80}?\b(?:(?:on\s+)?the\s+(?:following|next)\s+day|the\s+day\s+after|a\s+day\s+later"
    r"|(?P<same>(?:on\s+)?the\s+same\s+day|later\s+that\s+day))\b",
    re.IGNORECASE,
)


def word_offsets(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` (lowercase) occurs in ``text``, in any case, in order. A rule
    that needs a rare word looks there instead of running a case-insensitive pattern over the
    whole text."""
    low = text.lower()
    if len(low) != len(text):  # "İ" is the one character whose lowercase is two long
        low = text.replace("İ", "I").lower()
    found: list[int] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1)
    return sorted(found)


_RELATIVE_TO = re.compile(
    r"\b(?:before|after|prior\s+to|until|once|when|since)\s+(?:(?:it|this|the\s+plan)\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_DAY = re.compile(r"\b(?:today|yesterday|tomorrow)\b", re.IGNORECASE)
_DATELINE_LABEL = re.compile(
    # and a release's kind before its day: "News release · 18 July 2024"
    r"(?:(?:published|posted|updated|date|issued|(?:news|press|media)\s+release\s*[·•|,–-]?)"
    r"(?:\s+on)?\s*:?"
    # a byline: "By our Local Democracy Reporter · Thursday 11 July 2024", "By Tom Beckett 19
    # July 2024"
    r"|^\s*by\s+[^\n]{1,60}?\s*[·|•,–-]?)\s*"
    # the time it was posted first: "Published: 07:00, 19 July 2024"
    r"(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*,?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",
    re.IGNORECASE,
)


# What may stand beside a dateline's day on its line: the time it was posted ("…, 4:30pm",
# "16:45, 16 JUL 2024").
_DATELINE_TIME = re.compile(
    r"\s*(?:[,|]|at|-)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:BST|GMT)?\s*[,|-]?\s*",
    re.IGNORECASE,
)


# What a labelled dateline may have after a bar: "Posted on 12 July 2024 | News release 087"
# (which the layout step reads as a two-cell row, its bar a colon).
_BESIDE_DATELINE = re.compile(
    # perhaps after the time it was posted: "…, 6:45am · Updated 9:12am"; or a reading time
    # ("19 July 2024 5 min read"); or its author, as a blog prints it ("Posted on 19 July 2024
    # by Sam Jones"); or a release's other cells ("Release date: Friday 19 July 2024 |
    # Reference: PR/24/0417 | For immediate release")
    rf"(?:{_DATELINE_TIME.pattern})?\s*(?:[|•·:]\s*[^\n]*|\d{{1,2}}\s*min(?:ute)?s?\s+read"
    rf"|by\s+[^\n]{{1,60}})",
    re.IGNORECASE,
)


# After a dateline's day: the time it was posted, perhaps with when it was updated ("9:45am
# (updated 1:20pm)", a byline's "06:00, 03 JUL 2024 Updated 11:42, 03 JUL 2024") and the
# count of readers' comments ("14 comments").
_DATELINE_AFTER = re.compile(
    # "… · Updated 9:41am"
    rf"(?:{_DATELINE_TIME.pattern})?(?:\s*[·•|]?\s*\(?\s*(?:last\s+)?updated\s+[^\n()]{{1,25}}\)?\s*)?"
    r"(?:\d{1,5}\s+comments?\s*)?",
    re.IGNORECASE,
)


# The time a page was posted before its date, perhaps with the weekday: "6:00am Friday".
_DATELINE_TIME_FIRST = re.compile(
    rf"{_DATELINE_TIME.pattern}(?:(?:{'|'.join(_WEEKDAYS)}),?\s*)?",
    re.IGNORECASE,
)


# A row of column labels whose first is the date, on the line above the values.
_DATE_COLUMN_ABOVE = re.compile(
    r"(?:^|\n)[ \t]*(?i:(?:release\s+)?date)(?:[ \t]+[A-Z][a-z]+){1,4}[ \t]*\n\Z"
)


def _dateline(text: str, scan: DateScan) -> list[DateMention]:
    """The date a news item or page is dated, when its head prints one alone on a line (perhaps
    with the time it was posted) or after "Published:"."""
    for mention in scan.between(0, 400):
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        before = text[line_start : mention.start]
        after = text[mention.end : len(text) if line_end < 0 else line_end]
        labelled = _DATELINE_LABEL.search(before)
        if _DATE_COLUMN_ABOVE.search(text, max(0, line_start - 80), line_start) and (
            not before.strip() or before.strip(" \t,").title() in _WEEKDAYS
        ):
            # a release's header row flattened: "Date Reference Embargo" over "Thursday 18
            # July 2024 PR/24/117 For immediate release", the day its first cell
            return [mention]
        if (
            not after.strip()
            or _DATELINE_AFTER.fullmatch(after)
            or (labelled and _BESIDE_DATELINE.fullmatch(after))
        ) and (
            not before.strip()
            or labelled
            or before.strip(" \t,").title() in _WEEKDAYS
            or _DATELINE_TIME_FIRST.fullmatch(before)  # "16:45, 16 JUL 2024", "6:00am Friday 12 …"
        ):
            return [mention]
    return []


def _told_from_dateline(text: str, words: str, year: int) -> date | None:
    """The day a sign-off told by the press names ("last night", "yesterday", "today",
    "Monday evening's meeting"), from the page's dateline."""
    dated = _dateline(text, scan_dates(text, year))
    return _day_named(dated[0].value, words, ahead=False) if dated else None


def _day_named(published: date, words: str, *, ahead: bool) -> date:
    """The day ``words`` name from a page dated ``published``: a weekday is the next such day
    after it (``ahead``, a step to come) or the last one before it; "last night" and
    "yesterday" the day before; "today", "tonight", "this evening" the day itself."""
    last = words.split()[-1].title()
    if last in _WEEKDAYS:
        day = _WEEKDAYS.index(last)
        if ahead:
            return published + timedelta(days=(day - published.weekday()) % 7 or 7)
        return published - timedelta(days=(published.weekday() - day) % 7 or 7)
    back = 1 if words.lower() in {"last night", "yesterday"} else 0
    return published - timedelta(days=back)


# A weekday with no date, as the press writes it ("will be submitted to the department on
# Thursday"): the day is read from the article's dateline.
_WEEKDAY_ALONE = re.compile(
    rf"\bon\s+(?P<day>{'|'.join(_WEEKDAYS)})\b"
    r"(?!\s*[(,]?\s*(?:\d|(?:the\s+)?\d|January|February|March|April|May|June|July|August"
    r"|September|October|November|December))"
)


def _weekday_from_dateline(text: str, scan: DateScan, start: int, end: int) -> date | None:
    """The day a bare weekday in ``text[start:end]`` names: the next such day after the
    dateline for a step to come, the last one before it for a step taken."""
    found = _WEEKDAY_ALONE.search(text, start, end)
    dated = _dateline(text, scan) if found else []
    if not found or not dated:
        return None
    return _day_named(
        dated[0].value, found.group("day"), ahead=_not_yet(text, start, found.start())
    )


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Published, uploaded or made available on the website, stated as done (not "will be").
_PUBLISHED = re.compile(
    # "was published on …", and the coordinated "was submitted … and uploaded to the website".
    r"\b(?:has\s+been|have\s+been|was|were|is\s+now|is|are|now|and(?:\s+then)?)\s+(?:also\s+)?"
    r"(?:published|uploaded|made\s+available|available|placed|posted)\b"
    r"[^.\n]{0,80}?\b(?:website|web\s*site|webpages?|web\s+pages?|online|\.gov\.uk)",
    re.IGNORECASE,
)


_WEBSITE = re.compile(r"website|web\s*site|web\s*pages?|online|\.gov\.uk", re.IGNORECASE)


def find_publication(text: str) -> Quote | None:
    """A sentence saying the plan was published on the council's website, if any.

    Looks for the rare word (website, online) first and checks its sentence for a done
    "published/uploaded/made available"."""
    checked: set[int] = set()
    for at in word_offsets(text, ("web", "online", ".gov.uk")):
        if _WEBSITE.match(text, at) is None:
            continue
        start, end = _sentence_bounds(text, at)
        if start in checked:
            continue
        checked.add(start)
        sentence = text[start:end]
        m = _PUBLISHED.search(sentence)
        if m is None or not _about_the_plan(text, start, sentence):
            continue
        if re.search(r"\b(?:will|must|should|to)\s+be\b", sentence[: m.end()], re.I):
            continue
        return Quote(sentence.strip(), *_stripped(text, start, end))
    return None


def _about_the_plan(text: str, start: int, sentence: str) -> bool:
    """The sentence names the plan, or refers back to it ("It was then … uploaded to the
    Council's website") and the sentence before it names the plan."""
    if re.search(r"\bplan\b", sentence, re.IGNORECASE):
        return True
    if start < 2 or not _BACK_REFERENCE.match(sentence):
        return False
    previous_start = _sentence_bounds(text, start - 2)[0]
    return bool(re.search(r"\bplan\b", text[previous_start:start], re.IGNORECASE))


# "It was …", "This was …", "- 1.6 It was …": a sentence about the one before it.
_BACK_REFERENCE = re.compile(r"\s*(?:[-–•]\s*)?(?:[\d.]+\s+)?(?:it|this)\b", re.IGNORECASE)


# ---------------------------------------------------------------- author, flags, recs

_AUTHOR_PATTERNS = [
    re.compile(
        r"Report\s+Author(?:\s+and\s+Contact\s+(?:Details|Officer))?\s*:?[ \t]*\n*[ \t]*"
        r"(?P<line>[^\n]+)(?:\n\s*\n?[ \t]*(?P<next>[A-Z][^\n]{3,80}))?",
        re.IGNORECASE,
    ),
    re.compile(r"Report\s+By\s*[:\t ]\s*(?P<line>[^\n]+)", re.IGNORECASE),
]
_REPORT_OF = re.compile(r"^\s*Report\s+of\s+(?:the\s+)?(?P<role>[^\n]{3,80})$", re.MULTILINE | re.I)
_NAME = re.compile(r"^(?:Cllr\.?\s+|Councillor\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
_ROLE_WORDS = re.compile(
    r"\b(?:chief|director|officer|manager|head|executive|assistant|leader|deputy|monitoring|"
    r"section\s+151|strategic|lead|project|policy|finance|corporate)\b",
    re.IGNORECASE,
)


AUTHOR_HEAD = 8_000  # the author is named on the report's first pages


def find_author(text: str) -> Author | None:
    for pattern in _AUTHOR_PATTERNS:
        m = pattern.search(text, 0, AUTHOR_HEAD)
        if not m:
            continue
        line = re.sub(r"\s+", " ", m.group("line")).strip(" :\t")
        line = re.split(r"\s+(?:\d{4,}|\S+@\S+)", line)[0].strip(" ,")
        name: str | None = None
        role: str | None = None
        if "," in line:
            first, rest = (p.strip() for p in line.split(",", 1))
            if _NAME.match(first):
                name, role = first, rest or None
        elif _NAME.match(line) and not _ROLE_WORDS.search(line):
            name = line
            nxt = m.groupdict().get("next")
            if nxt and _ROLE_WORDS.search(nxt):
                role = nxt.strip()
        elif _ROLE_WORDS.search(line):
            role = line
        if role and role.isupper():
            role = role.title()
        if name or role:
            return Author(name=name, role=role)
    m = _REPORT_OF.search(text, 0, AUTHOR_HEAD)
    if m and _ROLE_WORDS.search(m.group("role")):
        return Author(name=None, role=m.group("role").strip())
    return None


_KEY_YESNO = re.compile(
    r"\bkey\s+decision\s*(?:\?|:)[^\n]{0,400}?\b(?P<v>yes|no)\b", re.IGNORECASE | re.DOTALL
)
_KEY_NOT = re.compile(
    r"\b(?:is\s+not|was\s+not|not\s+(?:considered\s+to\s+be\s+)?)a\s+key\s+decision\b", re.I
)
_KEY_IS = re.compile(r"\bthis\s+is\s+a\s+key\s+decision\b", re.IGNORECASE)
_CALLIN_YESNO = re.compile(
    r"\bsubject\s+to\s+call[\s-]?in\s*(?:\?|:)(?:\s*\([^)]*\))?[^\n]{0,200}?\b(?P<v>yes|no)\b",
    re.IGNORECASE,
)
_CALLIN_NOT = re.compile(
    r"\b(?:excluded|exempt)\s+from\s+(?:the\s+)?call[\s-]?in\b|\bnot\s+subject\s+to\s+call[\s-]?in\b",
    re.IGNORECASE,
)

# What every key-decision and call-in statement holds, looked for in the lowercased text.
_KEY_DECISION = re.compile(r"key\s+decision")
_CALL_IN = re.compile(r"call[\s-]?in")


def find_key_decision(text: str) -> bool | None:
    if _KEY_DECISION.search(text.lower()) is None:
        return None  # none of the statements below can match
    m = _KEY_YESNO.search(text)
    if m:
        return m.group("v").lower() == "yes"
    if _KEY_NOT.search(text):
        return False
    if _KEY_IS.search(text):
        return True
    return None


def find_call_in(text: str) -> bool | None:
    if _CALL_IN.search(text.lower()) is None:
        return None  # none of the statements below can match
    m = _CALLIN_YESNO.search(text)
    if m:
        return m.group("v").lower() == "yes"
    if _CALLIN_NOT.search(text):
        return False
    return None


_RECS_HEAD = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:Recommendations?(?:\(s\))?(?:\s+to\s+[^\n]{2,40})?|RESOLVED(?:\s+THAT)?"
    r"(?:\s+\w+)?|Decisions?)\s*:?[ \t]*(?P<inline>[^\n]*)$",
    re.MULTILINE,
)
_ITEM_SPLIT = re.compile(r"(?:^|\s)(?:\(?\d{1,2}(?:\.\d)?[.)]|\(?[a-h][.)]|[-•·])\s+")


RECOMMENDATIONS_HEAD = 15_000  # where the recommendations heading is looked for


def find_recommendations(text: str) -> list[str]:
    m = _RECS_HEAD.search(text, 0, RECOMMENDATIONS_HEAD)
    if not m:
        return []
    end = min(len(text), m.end() + 1500)
    stop = _ZONE_END.search(text, m.end(), end)
    body = m.group("inline") + "\n" + text[m.end() : stop.start() if stop else end]
    items: list[str] = []
    for part in _ITEM_SPLIT.split(body):
        part = re.sub(r"\s+", " ", part).strip(" \t-")
        if len(part) < 12 or re.fullmatch(r"THAT [A-Z ]+:?", part):
            continue
        if re.match(r"(?:Approved by|List of|Appendix)\b", part):
            break
        items.append(part)
    return items[:10]


# ---------------------------------------------------------------- forward plans, status

# Furniture of a forward-plan entry (ModernGov "Decision due:", CMIS "Proposed date of
# decision", "Notice of key decision"): notice of a decision to come. A "Forward Plan
# reference" alone is not one: reports print theirs too.
FORWARD_PLAN = re.compile(
    r"^\s*(?:(?:notice|notification)\s+of\s+(?:a\s+)?(?:proposed|key|intended|forthcoming)\s+"
    r"(?:key\s+|executive\s+)?decision"
    r"|decision\s+due\b"
    r"|(?:proposed|anticipated|expected|planned|provisional|likely)\s+(?:date\s+of\s+(?:the\s+)?"
    r"decision|decision\s+date)"
    # "Date first published in the Forward Plan: 14/06/2024" (not a report's "Included in the
    # Forward Plan: No")
    r"|(?:date\s+)?(?:first\s+)?(?:published|included|entered)\s+(?:in|on)\s+(?:the\s+)?"
    r"forward\s+plan(?:\s*:?\s*(?:yes\b|on\b|\d)|[ \t]*$)"
    r"|anticipated\s+restriction"
    r"|making\s+representations\s+on\s+this\s+decision"
    # the notice's own title: "Notice of key and other decisions to be taken by the Cabinet",
    # "The Forward Plan of the London Borough of …", "Forward Plan" alone (not a report's
    # "Forward Plan reference")
    r"|notice\s+of\s+(?:key\s+|executive\s+)?(?:and\s+other\s+)?decisions\s+to\s+be\s+(?:taken|made)"
    # "Forward Plan - Notice of Key and Executive Decisions"
    r"|notice\s+of\s+key\s+and\s+(?:executive|other|non-key)\s+decisions\b"
    # "FORTHCOMING EXECUTIVE DECISIONS", "List of decisions to be taken by the Cabinet"
    r"|(?:forthcoming|future)\s+(?:key\s+|executive\s+|cabinet\s+)?decisions\b"
    r"|list\s+of\s+(?:key\s+)?decisions\s+to\s+be\s+(?:taken|made)\b"
    # "KEY DECISION NOTICE", "Plan of Key Decisions", "Forward plan entry", a box's "Decision
    # to be made by:", "Date decision to be taken:"
    r"|key\s+decision\s+notice|plan\s+of\s+key\s+decisions|forward\s+plan\s+(?:entry|item)\b"
    r"|decisions?\s+to\s+be\s+(?:taken|made)\s+by\s*:"
    r"|date\s+(?:of\s+)?decision\s+to\s+be\s+(?:taken|made)"
    # an entry's boxes: "Details of Decision to be taken", "Decision Expected"
    r"|details\s+of\s+(?:the\s+)?decision\s+to\s+be\s+(?:taken|made)|decision\s+expected\b"
    # its title, perhaps after the council's name: "SEFTON COUNCIL FORWARD PLAN"
    r"|(?:the\s+)?(?:(?:[\w'’&-]+\s+){0,4}(?:council|borough|county)\s+)?forward\s+plan"
    r"(?:\s+(?:of|for)\b|[ \t]*$|\s*[-–—:|]))",
    re.IGNORECASE | re.MULTILINE,
)
# What a page shows once the decision has been taken.
_DECISION_TAKEN = re.compile(
    r"^\s*(?:decided\s+at\s+meeting\s*:"
    r"|decision\s+status\s*:\s*(?:recommendations?\s+)?(?:approved|agreed|noted|endorsed"
    r"|deferred|withdrawn|rejected|made|taken|implemented|decided)"
    r"|decisions?\s+(?:taken|made)\s*:"
    r"|(?:\d{1,2}[.)]\s*)?date\s+(?:the\s+)?decision\s+(?:was\s+)?(?:taken|made)\s*:"
    r"|record\s+of\s+(?:the\s+)?(?:\w+\s+)?decision\b"
    r"|(?:it\s+was\s+)?resolved\b)",
    re.IGNORECASE | re.MULTILINE,
)
# Types a forward-plan entry can be classified as (a notice has decision-page furniture).
_NOTICE_TYPES = frozenset({"decision_record", "agenda_item", "other"})


def is_forward_plan(text: str) -> bool:
    """Whether ``text`` is a forward-plan entry: its head has forward-plan furniture and no
    sign that the decision has been taken."""
    head = text[:BODY_HEAD]
    return FORWARD_PLAN.search(head) is not None and _DECISION_TAKEN.search(head) is None


# An agenda's summons to its meeting, and the meeting named as still to be held (the document
# types read them as an agenda's cues too).
SUMMONS = r"\b(?:summoned|requested|invited)\s+to\s+attend\s+(?:a|the)\s+meeting\b"
MEETING_TO_BE_HELD = r"\bmeeting\s+of\s+(?:the\s+)?[\w&, ]{3,80}?\s+to\s+be\s+held\s+(?:on|at|in)\b"
# An agenda pack's front sheet, line by line (multi-line patterns): "AGENDA" over its items,
# "Agenda published: 3 July 2024".
AGENDA_HEADING = r"^\s*agenda\s*$"
AGENDA_PUBLISHED = r"^\s*agenda\s+(?:published|issued|despatched|dispatched)\s*:"
# A decision still to be taken, as a notice of the meeting puts it.
_DECISION_TO_COME = re.compile(
    r"\b(?:will|is\s+due\s+to|are\s+due\s+to)\s+be\s+asked\s+to\s+(?:decide|approve|agree|consider"
    r"|note|endorse)\b|\bdecision\s+will\s+be\s+(?:recorded|taken|made|published)\b"
    r"|\bdecision\s+due\b"
    # an agenda before its meeting: "You are summoned to attend a meeting of the Executive to be
    # held on …"
    rf"|{SUMMONS}|(?m:^)[ \t]*agenda\s+for\b|{MEETING_TO_BE_HELD}"
    rf"|(?m:{AGENDA_HEADING})|(?m:{AGENDA_PUBLISHED})",
    re.IGNORECASE,
)


def _no_decision_here(text: str, doc_type: str) -> bool:
    """Whether ``text`` holds no decision about the plan, rather than one cut off before its
    outcome: a notice of a decision still to be taken, or minutes whose item about the plan is
    followed by another item (it is whole, and decided nothing)."""
    if doc_type in _NOTICE_TYPES:
        return _DECISION_TO_COME.search(text, 0, BODY_HEAD) is not None
    first = _PRODUCTIVITY.search(text)
    if doc_type != "minutes" or first is None:
        return False
    return _plan_item(text, first.start())[1] < len(text)


_DECISION_STATUS = re.compile(
    r"^[ \t]*Decision\s+status\s*:[ \t]*(?P<status>[^\n]+)", re.IGNORECASE | re.MULTILINE
)


def _status_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    """(outcome, line, start, end) from a decision page's status line, or Nones."""
    m = _DECISION_STATUS.search(text, 0, BODY_HEAD)
    if m is None:
        return None, None, None, None
    found = {outcome for outcome, pattern in _VERBS if pattern.search(m.group("status"))}
    if (outcome := _by_precedence(found)) is not None:
        return outcome, m.group(0).strip(), m.start(), m.end()
    return None, None, None, None


_RECORDS = frozenset({"decision_record", "minutes"})
# A cell that opens with the outcome a decision sheet's table gives its row: "Approved the
# plan …", "Deferred pending …", "Noted".
_OUTCOME_CELL = re.compile(
    r"(?:Approved|Agreed|Adopted|Endorsed|Noted|Deferred|Delegated|Withdrawn)\b"
)


def _row_outcome(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    """(outcome, row, start, end) from the row of a decision sheet's table about the plan: a
    line naming productivity, with a later cell that opens with its outcome; or Nones."""
    for at in word_offsets(text[:OUTCOME_HEAD], ("productivity",)):
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        cells = _cells(text[start:end])
        # the cell that names the plan, then the next two in its row (a maker's column may
        # come first; further on, a wrapped table's next row may have been joined on)
        named = [i for i, (col, _) in enumerate(cells) if start + col <= at]
        for _, cell in cells[named[-1] + 1 : named[-1] + 3] if named and len(cells) > 2 else []:
            if not _OUTCOME_CELL.match(cell):
                continue
            found = {outcome for outcome, pattern in _VERBS if pattern.match(cell)}
            # ("Noted that …" opens no noting of the plan: the verb patterns say so)
            if (outcome := _by_precedence(found)) is not None:
                return outcome, text[start:end].strip(), start, end
    return None, None, None, None


# ---------------------------------------------------------------- live blogs

# A live blog's entry telling the plan's fate as it happens, with no body named: "The
# productivity plan has been noted, with 22 in favour", "Councillors have voted to note the
# council's productivity plan".
_JUST_DECIDED = re.compile(
    r"\b(?:the|our|its)\s+(?:council['’]s\s+)?(?:productivity\s+)?plan\s+has\s+(?:now\s+)?been\s+"
    r"(?P<verb>noted|approved|endorsed|agreed|adopted)\b"
    r"|\b(?:councillors|members)\s+have\s+(?:now\s+)?(?:voted|agreed|decided)\s+(?:unanimously\s+)?"
    r"to\s+(?P<verb2>note|approve|endorse|adopt)\s+(?:the|its|our)\s+(?:council['’]s\s+)?"
    r"(?:draft\s+)?(?:productivity\s+)?plan\b"
    # and put off: "the productivity plan has been put off until next week"
    r"|\b(?:the|our|its)\s+(?:council['’]s\s+)?(?:productivity\s+)?plan\s+has\s+(?:now\s+)?been\s+"
    r"(?P<put_off>deferred|postponed|put\s+off|pulled)\b",
    re.IGNORECASE,
)
# The meeting a live blog follows, as its title names it ("LIVE: Hull City Council full council
# meeting - …") or its standfirst ("Follow live as councillors on Bristol City Council's
# Strategy and Resources Policy Committee meet at City Hall").
_LIVE_MEETING = re.compile(
    rf"\bLIVE\b[^\n]{{0,80}}?\b(?P<body>(?i:full\s+council)|{_BODY_CORE})\s+(?i:meeting)\b"
    rf"|\b(?i:councillors|members)\s+(?i:on|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){{0,4}}"
    rf"(?:Council['’]s\s+)?(?P<body2>{_BODY_CORE})\s+(?i:meet|met|are\s+meeting)\b"
    # "… where South Kesteven District Council's Cabinet is meeting this afternoon"
    rf"|\bCouncil['’]s\s+(?P<body4>{_BODY_CORE})\s+(?i:is|are)\s+(?i:meeting)\b"
    # "Follow our live coverage of the last full council meeting before the summer recess"
    rf"|\b(?i:live\s+(?:coverage|updates|reporting|blog)\s+(?:of|from)\s+(?:the|today['’]s|this"
    rf"|this\s+week['’]s))\s+(?:(?i:last|latest|final|first|special|extraordinary|annual)\s+)?"
    rf"(?P<body3>(?i:full\s+council)|{_BODY_CORE})\s+(?i:meeting)\b"
)


def _live_blog_decision(
    text: str, scan: DateScan
) -> tuple[str, date | None, str, str, int, int] | None:
    """(body, day, outcome, sentence, start, end) of a decision a live blog of a meeting tells
    as just taken without naming who took it: the meeting its title names, on its dateline's
    day."""
    if not is_live_blog(text):
        return None
    meeting = _LIVE_MEETING.search(text, 0, _LIVE_BLOG_HEAD)
    decided = _JUST_DECIDED.search(text)
    if meeting is None or decided is None:
        return None
    dated = _dateline(text, scan)
    verb = decided.group("verb") or decided.group("verb2") or decided.group("put_off")
    start, end = _sentence_bounds(text, decided.start())
    body = (
        meeting.group("body")
        or meeting.group("body2")
        or meeting.group("body3")
        or meeting.group("body4")
    )
    return (
        "Full Council" if body.lower().split() == ["full", "council"] else _clean_body(body),
        dated[0].value if dated else None,
        _outcome_of(verb),
        text[start:end].strip(),
        *_stripped(text, start, end),
    )


# ---------------------------------------------------------------- together


def extract_decision(
    text: str, doc_type: str, scan: DateScan | None = None
) -> tuple[Decision, int]:
    """The decision in ``text`` and the context year used for year-less dates."""
    scan = scan or scan_dates(text, _DEADLINE.year)
    year = scan.year
    body, when, _how = find_body_and_date(text, doc_type, scan)
    outcome: str | None
    if doc_type in _NOTICE_TYPES and is_forward_plan(text):
        # A notice of a decision still to be taken: no outcome yet. Its body and date are the
        # meeting's to come, as the labelling conventions read a notice; the sector never
        # shows a decision with outcome "none" as a step taken.
        outcome, sentence, start, end = "none", None, None, None
    elif doc_type in _PLAN_LIKE:
        outcome, sentence, start, end = _plan_outcome(text)
        if outcome is None and doc_type == "other":
            outcome, sentence, start, end = find_outcome(text)
        live = _live_blog_decision(text, scan) if doc_type == "news" else None
        if live is not None and (when is None or when != live[1]):
            # a live blog's meeting deciding, rather than an earlier step it recalls ("…
            # approved by the council's Cabinet last Wednesday")
            body, when, outcome, sentence, start, end = live
        if outcome is None:
            outcome = "none"
    else:
        # A decision sheet's table gives each row its outcome: the plan's row is its own,
        # whatever the rows around it say (a report's table tells history, not its decision).
        outcome, sentence, start, end = (
            _row_outcome(text) if doc_type in _RECORDS else (None, None, None, None)
        )
        if outcome is None:
            outcome, sentence, start, end = find_outcome(text, doc_type)
        if outcome is None:
            # A decision page whose box gives no verb: its status line ("Decision status:
            # Recommendations approved").
            outcome, sentence, start, end = _status_outcome(text)
        if outcome is None:
            outcome = "none" if _no_decision_here(text, doc_type) else "unknown"
    allowed = load_regime().outcome_ids
    if outcome not in allowed:
        outcome = "unknown" if "unknown" in allowed else allowed[-1]
    return (
        Decision(
            body=body,
            body_kind=body_kind(body),
            date=when,
            outcome=outcome,
            evidence=sentence,
            start=start,
            end=end,
        ),
        year,
    )
