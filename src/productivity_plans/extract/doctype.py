"""What kind of document this is: plan, committee report, decision record, minutes, agenda
item, web page, news or other (the framework's ``document_types``).

Scored from house-style cues that recur across democracy systems and council websites (not
from any one council's phrasing): ModernGov page furniture ("Decision details", "Decision
Maker:", "Minutes:", "Issue - meetings"), report furniture ("Report Author", "Purpose of
Report", "Recommendation(s)", "Key Decision"), resolution verbs, and the shape of the URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

import re2

from productivity_plans.extract.governance import (
    AGENDA_HEADING,
    AGENDA_PUBLISHED,
    FORWARD_PLAN,
    MEETING_TO_BE_HELD,
    SUMMONS,
    is_forward_plan,
)
from productivity_plans.framework import load_regime

_F = re.IGNORECASE | re.MULTILINE
# Characters of the opening blocks scored for cues: about the first page, where templates put
# their furniture. Scanning the whole of a 40-page report cost more than the rest of extraction.
DOCTYPE_HEAD = 4_000


@dataclass(frozen=True, slots=True)
class Cue:
    """A house-style cue and its weight."""

    pattern: re.Pattern[str]
    weight: float


def _cues(*cues: tuple[str, float]) -> list[Cue]:
    return [Cue(re.compile(source, _F), weight) for source, weight in cues]


CUES: dict[str, list[Cue]] = {
    "decision_record": _cues(
        (r"^\s*decision details\s*$", 4),
        # and a form's boxes whose colon the PDF's text lost: "Decision maker Leader of the
        # Council", "Date of decision 15 July 2024", perhaps after the box's number ("2 Decision
        # maker")
        (r"^\s*(?:\d{1,2}\.?[ \t]+)?decision maker(?:\s*:|[ \t]+(?-i:[A-Z]))", 4),
        (r"^\s*decision status\s*:", 2),
        (r"^\s*(?:\d{1,2}\.?[ \t]+)?(?:date of decision|decision date)(?:\s*:|[ \t]+\d)", 2),
        (
            r"^\s*(?:record of )?(?:executive |officer |delegated )?decision notice\b",
            3,
        ),
        (r"\bofficer decision\b", 1),
        # Record headings: "Delegated Decision", "Mayoral Decision Record", "Decision by the
        # Portfolio Holder …", "Decision Report - Executive Decision by the Leader", and
        # ModernGov's page title "Decision - <subject>".
        (
            r"^\s*(?:decision\s+(?:report|sheet|notice)\s*[-–:]\s*)?(?:record\s+of\s+(?:an?\s+)?)?"
            r"(?:delegated|individual|executive|officer|key|mayoral|leader'?s|urgent"
            # "Record of Individual Cabinet Member Decision", "Individual Portfolio Holder
            # Decision"
            r"|(?:individual\s+)?(?:cabinet|executive)\s+member|individual\s+portfolio\s+holder)"
            r"\s+decisions?\b",
            3,
        ),
        (r"^\s*decisions?\s+(?:of|by|taken\s+by)\s+the\b", 2),
        # a sheet of a meeting's decisions: "Decision sheet", "The following decisions were
        # taken by the Cabinet at its meeting held on …"
        (r"^[^\n]{0,40}?\bdecisions?\s+sheet\s*$", 3),  # "CABINET – DECISION SHEET"
        (r"\bthe following decisions were (?:taken|made)\b", 3),
        (r"^\s*decision\s+-\s+\S", 2),
        (r"^\s*decisions?\s*:[ \t]*\S", 1),
        # A decision box: "Decision taken:", "Decisions made", "Decision:" over its text.
        (
            r"^\s*decisions?\s+(?:taken|made)(?:\s*:|[ \t]*$|\s+(?:on|at|in)\b)",
            3,
        ),
        (r"^\s*decisions?\s*:?[ \t]*$", 1),
        (r"^\s*decided\s+at\s+meeting\s*:", 3),
        (
            r"^\s*(?:record\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+)?decision|decision\s+record"
            r"|notice\s+of\s+decision)\b",
            3,
        ),
        (
            r"^\s*(?:decisions?\s+(?:taken|made)\s+by|decided\s+by|decision\s+by)\s*:",
            3,
        ),
        # ModernGov's decision page footer.
        (
            r"^\s*(?:publication\s+date|effective\s+from|date\s+(?:comes\s+)?into\s+force"
            r"|call[- ]in\s+(?:deadline|expiry|period\s+(?:ends|expires)))\s*:",
            2,
        ),
        # A forward-plan entry: notice of a decision still to be taken.
        (
            FORWARD_PLAN.pattern,
            3,
        ),
    ),
    "minutes": _cues(
        (r"^\s*minutes\s*:", 4),
        # the record's heading alone on its line, and its attendance: "MINUTES", "Present:"
        (r"^\s*(?:printed\s+|draft\s+|confirmed\s+)?minutes\s*$", 3),
        (r"^\s*present\s*:", 2),
        (r"\bin the (?:debate|discussion) that followed\b", 1.5),
        # the record's own heading: "Minutes of the meeting held on …", "MINUTES OF A MEETING"
        (
            r"^\s*minutes\s+of\s+(?:a|the)\s+(?:\w+\s+){0,3}?(?:meeting|committee|council|cabinet)\b",
            3,
        ),
        (r"^\s*issue - meetings\s*$", 3),
        (r"^\s*agenda and minutes\s*$", 3),
        (
            r"^\s*(?:it was )?(?:resolved|ordered|agreed)\b(?:\s+unanimously)?\s*(?:that\b|:|$)",
            2,
        ),
        (r"\bRESOLVED\b", 1),
        (
            r"\b(?:moved|proposed) by Councillor\b|\bseconded by Councillor\b",
            2,
        ),
        (r"\bseconded the (?:motion|recommendations?)\b", 2),
        (r"\bCouncillor \w+ (?:moved|proposed|seconded)\b", 2),
        (r"\bapologies (?:for absence|were received)\b", 2),
        (
            r"\bmembers (?:considered|discussed|were informed|noted|received)\b",
            1.5,
        ),
        (
            r"\b(?:cabinet|executive|committee|council) (?:received|considered) a report\b",
            2,
        ),
        (
            r"^\s*the (?:cabinet|executive|committee|council|board|panel) (?:received|considered"
            r"|discussed|noted|approved|agreed)\b",
            1.5,
        ),
        (r"\bRECOMMENDED TO\b", 1.5),
        # A meeting page's title: "Overview and Scrutiny Committee - Monday, 8th July, 2024 6.30
        # pm", "Executive - 4 July 2024".
        (
            r"\A(?:[^\n]*\n){0,3}?[ \t]*[A-Z][\w ,&']{2,80}\s[-–]\s(?:\w+day,?\s+)?\d{1,2}"
            r"(?:st|nd|rd|th)?\s+\w+,?\s+20\d\d\b",
            2,
        ),
        (r"\bpresented the (?:report|productivity plan)\b", 1),
        (
            r"^\s*(?:approved|noted|agreed|endorsed)\b",
            0.5,
        ),
    ),
    # A report's headings are often numbered ("5 Financial Implications", "8. Recommendation").
    "committee_report": _cues(
        (r"\breport author\b", 3),
        (r"^\s*report (?:of|by|to)\b", 2),
        (r"^\s*(?:\d{1,2}\.?\s+)?purpose (?:of (?:the |this )?report|/ summary)", 2),
        (r"^\s*(?:\d{1,2}\.?\s+)?recommendations?(?:\(s\))?(?: to [\w ]+)?\s*:?\s*$", 2),
        # the recommendation as a cover field: "Recommendation: That Cabinet approves the plan"
        (r"^\s*recommendations?\s*:\s*that\b", 2),
        # the paper speaking of itself: "This report presents the draft plan for approval"
        (r"\bthis report (?:presents|seeks|asks|sets out|provides|recommends|invites)\b", 2),
        (r"\bkey decision\s*[:?]", 1.5),
        (
            r"\bis the decision a key decision\b|\bthis is (?:not )?a key decision\b",
            1.5,
        ),
        (r"\bsubject to call[- ]in\s*[:?]", 1),
        (
            r"^\s*(?:\d{1,2}\.?\s+)?(?:financial|legal|staffing|equalit\w+|risk)(?: and \w+)?"
            r" implications\b",
            1.5,
        ),
        (r"^\s*background papers\b", 1),
        (r"\b(?:wards? affected|ward/s)\b", 1.5),
        (
            r"^\s*date of meeting\b|^\s*meeting of [\w ]+ on\b|^\s*report to\s*:",
            2,
        ),
        (r"\bappendix (?:\d|one|two|a|b)\b", 0.5),
        (r"\bcontact (?:officer|details)\b", 1),
    ),
    "agenda_item": _cues(
        (r"^\s*agenda item\s*$", 3),
        # a meeting's page before it is held: "Agenda" over its items, "Status: Agenda published"
        (AGENDA_HEADING, 1.5),
        # the heading letter-spaced, as agenda packs print it ("A G E N D A"), and the pack's
        # cover ("Public Document Pack")
        (r"^\s*a[ \t]g[ \t]e[ \t]n[ \t]d[ \t]a\s*$", 1.5),
        (r"^\s*public\s+document\s+pack\s*$", 3),
        # a summons or an agenda's heading: "You are summoned to attend a meeting of the
        # Executive to be held on …", "Agenda for Cabinet on Tuesday, 16 July 2024"
        (SUMMONS, 3),
        (r"^\s*agenda\s+(?:for|of)\s+(?:the\s+)?(?:meeting|[A-Z])", 3),
        (MEETING_TO_BE_HELD, 2),
        (r"^\s*(?:meeting\s+)?status\s*:?[ \t|]*agenda\s+(?:published|issued|available)\b", 3),
        # an agenda pack's front sheet: its contents' "Item  Page" header, its publication, its
        # running header ("Cabinet Agenda – 11 July 2024"), its sections of decisions to take
        # ("KEY DECISIONS", "NON-KEY DECISIONS"), and its notice that "Decisions taken at this
        # meeting will be published on …" (each also looks like a record's or minutes' cue)
        (r"^\s*item[ \t]+page\s*$", 2),
        (AGENDA_PUBLISHED, 2),
        (r"^[ \t]*[A-Z][\w ,&']{2,60}\s+agenda\s*[-–]\s*(?:\w+day,?\s+)?\d{1,2}", 2),
        (r"^\s*(?:non[- ])?key\s+decisions\s*$", 3),
        (r"^\s*decisions?\s+(?:taken|made)\s+at\s+this\s+meeting\s+will\b", 3),
        (r"^\s*presented by\s*:", 1),
        (r"^\s*report\s*:", 1),
        (r"^\s*supporting documents\s*:?", 1),
    ),
    "plan": _cues(
        (r"\bour productivity plan\b", 1.5),
        (
            r"\bthis (?:productivity )?plan (?:sets out|outlines|summarises)\b",
            2,
        ),
        (
            r"^\s*(?:\d+\.\s*)?(?:introduction|what have we already achieved|our future plans)",
            1,
        ),
        (r"\bhow we (?:are |have )?transform(?:ed|ing)? the way we\b", 2),
        (r"\bwe (?:are|have|will)\b", 0.5),
        (r"^\s*(?:\w+ )*council productivity plan\s*$", 2),
        (r"^\s*productivity plan(?: \d{4}(?:[/-]\d{2,4})?)?\s*$", 1),
        # the plan presenting itself as the answer to the minister's letter: "This document is
        # Exampleton District Council's response to the letter from the Minister …"
        (
            r"\bthis (?:document|plan) is (?:the council['’]s|our|(?:\w+[ -]){1,5}\w+['’]s) "
            r"(?:response|answer|reply) to\b",
            2,
        ),
        # its parts named for the minister's themes, in its contents or headings: "Theme 1:
        # Transformation of services", "• Theme 4: Barriers"
        (
            r"^[ \t]*(?:[•·*-][ \t]*)?(?:theme|section|part)[ \t]+[1-4][ \t]*[:.–-][ \t]*"
            r"(?:transform|technology|digital|reduc|wasteful|barriers)",
            1.5,
        ),
        (
            r"\b(?:barriers to|preventing) (?:local government )?progress\b",
            0.5,
        ),
    ),
    "web_page": _cues(
        (
            r"^\s*(?:-\s*)?(?:download|further details|skip to main content)\s*$",
            1,
        ),
        # A landing page presents the plan as documents to open, in the third person.
        (
            r"\b(?:is|are|comprises|consists\s+of|is\s+made\s+up\s+of)\s+(?:a|an|the|our)?\s*"
            r"(?:suite|set|collection|series|number|pack)\s+of\s+(?:\w+\s+)?"
            r"(?:documents|papers|reports)\b",
            2,
        ),
        (
            r"^\s*the\s+(?:document|report|strategy|business\s+case)\s+(?:sets\s+out|identifies"
            r"|outlines|describes|explains|summarises)\b",
            1,
        ),
        (
            r"\b(?:the|our) productivity plan (?:has been|was) (?:approved|agreed|published"
            r"|submitted)\b",
            1.5,
        ),
        # A website's breadcrumb trail ("Home > Council and democracy > …", "Home / What we
        # do / …") and a page speaking of itself: a page of a site, not a document.
        (r"^\s*(?:you are here:?\s*)?home\s*(?:>|/|›|»|\|)\s*\w", 2),
        (r"\b(?:this|the following) page (?:summarises|sets out|explains|describes|gives)\b", 1),
        # A link to the plan as a file: "Download the productivity plan (PDF, 1MB)".
        (r"\(\s*pdf\b[^)\n]{0,20}\)", 1),
        (
            r"\b(?:you can )?(?:read|view|download) (?:our|the) (?:full )?productivity plan\b",
            1.5,
        ),
        # A page about the plan, by its headings and links: "What our plan says", "How our
        # plan was agreed", "Find out what our plan says", "Read the plan".
        (
            r"^\s*(?:what|how) (?:our|the) (?:productivity )?plan (?:says|was (?:agreed|approved"
            r"|developed|written))\s*$",
            2,
        ),
        (r"\bfind out (?:what|how|more about)\b[^.\n]{0,40}\bplan\b", 1.5),
        (r"^\s*(?:read|view|download) the (?:full )?(?:productivity )?plan\s*$", 1.5),
        # "What's in the plan" over a summary of it, "The plan tells the Government about …":
        # the plan told of in the third person
        (r"^\s*what(?:'|’)?s in (?:our|the) (?:productivity )?plan\s*$", 2),
        (r"\bthe plan (?:tells|asks|shows) the government\b", 1),
    ),
    "news": _cues(
        (r"\b(?:press|news|media) release\b", 3),
        (r"^\s*for immediate release\b", 3),
        (r"^\s*news\s*$", 1),
        (r"\b(?:said|says) (?:Councillor|Cllr|the Leader)\b", 2),
        (
            r"^\s*(?:published|(?:last\s+)?updated|posted)\s*(?:on)?\s*:?\s*(?:\w+day,?\s+)?\d",
            1,
        ),
        # An article, wherever it is published: a byline, reported speech, a spokesperson,
        # the furniture of a news site.
        (
            r"^[ \t]*by\s+(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-zA-Z'’-]+){1,2})"
            r"(?:[ \t]*[,|•–-][^\n]{0,60})?[ \t]*$",
            2,
        ),
        (
            r"\b(?:reporter|correspondent|journalist|in\s+a\s+statement)\b",
            1,
        ),
        (
            r"\b(?:image\s+(?:source|caption)|getty\s+images|pa\s+media|more\s+on\s+this\s+story"
            r"|top\s+stories)\b",
            1.5,
        ),
        (r"\bspokes(?:person|man|woman)\b", 2),
        (
            r"[”\"]\s*,?\s*(?:said|says|added|told)\b|\b(?:he|she|they)\s+(?:said|added|told)\b",
            1.5,
        ),
        (r"\blocal\s+democracy\s+report(?:er|ing)\b", 2),
        # a live blog: "We followed the deadline day as it happened", "Thanks for following"
        (
            r"\blive\s+(?:blog|updates|coverage|reporting)\b|\bas\s+it\s+happened\b"
            r"|\bthanks\s+for\s+following\b",
            2,
        ),
        (r"\b(?:tells|told)\s+us\b", 1),
        (
            r"\b(?:share\s+(?:this\s+(?:article|story|page)|on\s+(?:facebook|twitter|x|linkedin))"
            r"|related\s+(?:articles?|stories|news|content|topics)|sign\s+up\s+(?:to|for)\s+(?:our\s+)?"
            r"(?:\w+\s+)?newsletters?|subscribe\s+(?:to|now|today)|most\s+read)\b",
            1.5,
        ),
        (r"\b\d{1,2}[:.]\d{2}\s*(?:bst|gmt)\b", 1),
        # An e-mail bulletin (a council's own newsletter is its news): the mailing furniture.
        (
            r"\b(?:view\s+(?:it|this\s+(?:e-?mail|newsletter))\s+in\s+(?:your|a)\s+browser"
            r"|you\s+are\s+receiving\s+this|unsubscribe\b|manage\s+(?:your\s+)?(?:preferences"
            r"|subscriptions?))",
            2,
        ),
        (r"\be-?news(?:letter)?\b|\bnewsletter\b", 1),
    ),
}

URL_CUES: list[tuple[re.Pattern[str], str, float]] = [
    (
        re.compile(r"iedecisiondetails|mgdelegateddecisions|mgissuehistory", re.I),
        "decision_record",
        3,
    ),
    (re.compile(r"ieissuedetails|ielistdocuments|mgminutes", re.I), "minutes", 2),
    # A democracy system's file named for what it is: "…/Printed minutes 02nd-Jul-2024….pdf",
    # "…/Minutes of Cabinet…" (ModernGov files meetings' minutes under /documents/g1234/).
    (re.compile(r"/documents/g\d+/|[/_%20+-]minutes\b", re.I), "minutes", 1.5),
    (re.compile(r"mgai\.aspx|ielistmeetings|mgagenda", re.I), "agenda_item", 1.5),
    # A council's or anyone's news section: "/news/", "/latest-news/", "/news-and-events/",
    # "/press-releases/", "/newsroom/", "/media-releases/".
    (
        re.compile(
            r"/[\w-]*news[\w-]*/|/press(?:-releases?|-office|room)?/|/media-releases?/", re.I
        ),
        "news",
        4,
    ),
    # Trade and national press: "….article", "/story/", a dated path ("/2024/jul/19/").
    (re.compile(r"\.article\b|/story/|/20\d\d/(?:\d\d|[a-z]{3})/\d\d/", re.I), "news", 3),
]
# A file attached to a meeting, not a page of the democracy system: ModernGov's
# "/documents/s1234/…", or a PDF or Word file.
# A web page's title names its site after the page: "Productivity plan - Lancashire County
# Council", "Public service reform | West Midlands Combined Authority". A document's own title
# (a plan's, a report's) does not.
SITE_TITLE = re.compile(
    r"\s[-–—|]\s[^-–—|]*\b(?:council|borough|authority|corporation|gov\.uk)\b[^-–—|]*$",
    re.IGNORECASE,
)
SITE_TITLE_WEIGHT = 1.5
ATTACHED_FILE = re.compile(r"/documents/s\d+/|\.(?:pdf|docx?|odt)(?:$|[?#])", re.I)
DEMOCRACY_HOST = re.compile(
    r"^(?:democracy|democratic|moderngov\w*|committee\w*|minutes(?:-\d)?|mycouncil|"
    r"councillors|meetings|cmis|modgov)\."
    # a council's democracy system hosted by its supplier: "uttlesford.moderngov.co.uk"
    r"|[\w-]+\.moderngov\.co\.uk$",
    re.I,
)


class _CueSet:
    """Every cue, matched together in one pass (the coder's rules are matched the same way)."""

    def __init__(self) -> None:
        options = re2.Options()
        options.case_sensitive = False
        self._set = re2.Set.SearchSet(options)
        self._cues = [(doc_type, cue) for doc_type, cues in CUES.items() for cue in cues]
        for _, cue in self._cues:
            self._set.Add(f"(?m){cue.pattern.pattern}")
        self._set.Compile()

    def present(self, text: str) -> list[tuple[str, Cue]]:
        return [self._cues[i] for i in sorted(self._set.Match(text) or [])]


@lru_cache(maxsize=1)
def _cue_set() -> _CueSet:
    return _CueSet()


def classify_document(
    text: str, *, url: str | None = None, title: str | None = None
) -> tuple[str, dict[str, float]]:
    """(document type, scores per type). Types come from the framework's vocabulary."""
    allowed = load_regime().document_type_ids
    scores = {t: 0.0 for t in allowed}
    # Page furniture is in the opening blocks; up to three mentions of a cue count. One pass
    # of RE2's set matching says which cues the head has at all; only those are counted.
    head = text[:DOCTYPE_HEAD]
    for doc_type, cue in _cue_set().present(head):
        if doc_type in scores:
            n = len(list(islice(cue.pattern.finditer(head), 3)))
            scores[doc_type] += cue.weight * n**0.5
    host = ""
    is_file = bool(url) and ATTACHED_FILE.search(url or "") is not None
    if url:
        host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
        for pattern, doc_type, weight in URL_CUES:
            if doc_type == "news" and is_file:
                continue  # a file's dated or news folder ("/uploads/2024/07/11/") is a folder
            if pattern.search(url) and doc_type in scores:
                scores[doc_type] += weight
    on_democracy_site = bool(DEMOCRACY_HOST.match(host))
    # A PDF or Word file is a document, whatever its first line looks like: not a site's page.
    if is_file and "web_page" in scores:
        scores["web_page"] *= 0.3
    elif title and SITE_TITLE.search(title) and not on_democracy_site and "web_page" in scores:
        scores["web_page"] += SITE_TITLE_WEIGHT
    if url and not on_democracy_site:
        # A page on the council's main website is a plan, a web page or news, not a paper.
        for doc_type in ("committee_report", "minutes", "decision_record", "agenda_item"):
            if doc_type in scores:
                scores[doc_type] *= 0.4
    if on_democracy_site and not ATTACHED_FILE.search(url or ""):
        # A democracy system's own page (an issue, a decision, a meeting) is a paper, whatever
        # plan wording it quotes. A file attached to a meeting (a report's appendix) may be
        # the plan itself.
        for doc_type in ("plan", "web_page", "news"):
            if doc_type in scores:
                scores[doc_type] *= 0.3
    # Reporting (a byline, quotes, a spokesperson) on a site that is not a council's: an
    # article about the plan, by the press, whatever plan wording it quotes.
    off_council_site = bool(url) and not on_democracy_site and not host.endswith(".gov.uk")
    reported = off_council_site and scores.get("news", 0) > 0
    if reported:
        for doc_type in ("plan", "web_page"):
            if doc_type in scores:
                scores[doc_type] *= 0.5
    # "Minutes:" on a ModernGov agenda-item page means the minute is shown: minutes.
    if scores.get("minutes", 0) >= 4 and scores.get("agenda_item", 0) > 0:
        scores["agenda_item"] *= 0.5
    best = max(scores, key=lambda t: scores[t])
    if best == "web_page" and "plan" in scores and _page_is_the_plan(text, scores["web_page"]):
        return "plan", scores
    # a short page pointing at the plan as a file ("Download the plan"), on the council's site:
    # its landing page, even with no other furniture of a site's page
    landing = url and not is_file and not on_democracy_site
    if best == "plan" and landing and _points_to_the_plan(text):
        return "web_page", scores
    # a page of the council's site with a few paragraphs telling of the plan ("Our plan was
    # agreed by Cabinet …", "In our plan we explain …"): too short to be the plan (3-4 pages)
    # or one of its chapters, so a page about it
    if (
        best == "plan"
        and landing
        and _TELLS_OF_THE_PLAN.search(text, 0, DOCTYPE_HEAD)
        and not _is_sustained_prose(text[:DOCTYPE_HEAD])
    ):
        return "web_page", scores
    if best == "decision_record" and "agenda_item" in scores and is_forward_plan(text):
        # A forward-plan entry has a decision page's furniture but gives notice of a decision
        # still to be taken: an item for a meeting to come.
        return "agenda_item", scores
    if (
        best == "committee_report"
        and "agenda_item" in scores
        and _FORWARD_PLAN_TITLE.search(text, 0, _TITLE_REACH)
        and is_forward_plan(text)
    ):
        # A forward plan's own title over its entries, whose "Report of the …" cells name the
        # papers each decision will be taken on: a notice, not a report.
        return "agenda_item", scores
    if scores[best] < 1.0:
        if url and not on_democracy_site and "web_page" in scores:
            # Little furniture on the council's own site. A page about the plan has to point at
            # it (a web-page cue) or is a short blurb; sustained prose with neither is a
            # section of the plan itself (its background or one of its chapters).
            if reported and "news" in scores:
                return "news", scores
            plan_like = scores.get("plan", 0) >= scores.get("web_page", 0)
            on_council_site = host.endswith(".gov.uk")
            if plan_like and on_council_site and _is_sustained_prose(text[:DOCTYPE_HEAD]):
                return "plan", scores
            if not is_file:  # a PDF or Word file is never a page of the site
                return "web_page", scores
        # little furniture, but some: the likeliest type beats "other"
        if scores[best] > 0:
            return best, scores
        return ("other" if "other" in scores else best), scores
    return best, scores


# A page telling of the plan as another document: its sign-off, submission or contents.
_TELLS_OF_THE_PLAN = re.compile(
    r"\b(?:our|the)\s+(?:productivity\s+)?plan\s+(?:was|has\s+been)\s+(?:agreed|approved"
    r"|endorsed|signed\s+off|submitted|sent|published)\b"
    r"|\bin\s+(?:our|the)\s+(?:productivity\s+)?plan,?\s+we\s+(?:explain|set\s+out|describe|say"
    r"|show|highlight)\b",
    re.IGNORECASE,
)
# A plan section: at least this many characters of running text in this many sentences.
PROSE_CHARS = 800
PROSE_SENTENCES = 5
_SENTENCE_END = re.compile(r"[a-z0-9)’”'\"][.!?](?:\s|$)")


# A page pointing at the plan as a file to open.
_POINTS_TO_FILE = re.compile(
    r"\(\s*pdf\b|\bdownload\b|\b(?:read|view|open) (?:our|the) (?:full |whole )?"
    r"(?:productivity )?plan\b",
    re.IGNORECASE,
)
# Running text of a whole plan (3-4 pages), not a page's summary of one.
PLAN_PROSE_CHARS = 2_000


# A page saying it carries the plan's whole text: "This page sets out our plan in full", "the
# plan is published in full below", "This is Slough Borough Council's productivity plan".
_IN_FULL_HERE = re.compile(
    r"\bthis\s+page\b[^.\n]{0,80}\bin\s+full\b|\bin\s+full\s+(?:below|on\s+this\s+page)\b"
    r"|\bthis\s+is\s+(?:our|the\s+council['’]s|(?-i:[A-Z])[\w' -]{0,60}['’]s)\s+"
    r"(?:productivity\s+)?plan\b",
    re.IGNORECASE,
)


def _page_is_the_plan(text: str, web_page_score: float) -> bool:
    """A page that only speaks of itself ("This page sets out our productivity plan") and then
    gives pages of running text, pointing at no file, publishes the plan as the page; so does
    one that says it gives the plan in full, whatever download of it it also offers."""
    long_enough = sum(map(len, _prose_lines(text))) >= PLAN_PROSE_CHARS
    if _IN_FULL_HERE.search(text):
        return long_enough
    if web_page_score > 1.0 or _POINTS_TO_FILE.search(text):
        return False
    return long_enough


# A forward plan's title at the head of its text: "FORWARD PLAN: 1 July 2024 to 31 October
# 2024" (not a report's "Forward Plan reference").
_FORWARD_PLAN_TITLE = re.compile(
    r"^[^\n]{0,60}?\b(?:forward\s+plan\b(?!\s+ref)|forthcoming\s+(?:key\s+|executive\s+)?decisions\b)",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_REACH = 300


def _points_to_the_plan(text: str) -> bool:
    """A short page pointing at the plan as a file ("Download … (PDF 1.2MB)") is a landing
    page, whatever plan wording (the four headings restated) it carries."""
    if not _POINTS_TO_FILE.search(text):
        return False
    return sum(map(len, _prose_lines(text))) < PLAN_PROSE_CHARS


def _prose_lines(text: str) -> list[str]:
    """The lines long enough to be running text rather than titles, links or list items."""
    return [ln for ln in text.splitlines() if len(ln) > 80]


def _is_sustained_prose(head: str) -> bool:
    """Whether the opening is running text (paragraphs of sentences), not a blurb or a list
    of links."""
    prose = _prose_lines(head)
    chars = sum(map(len, prose))
    return chars >= PROSE_CHARS and len(_SENTENCE_END.findall("\n".join(prose))) >= PROSE_SENTENCES
