# ruff: noqa: E501  (web pages put each paragraph on one long line; the rule reads that shape)
"""Plan vs web page on a council's own site, from structure. Councils are real register
entries; the page texts are made up."""

from pathlib import Path

from productivity_plans.extract.doctype import CUES, DOCTYPE_HEAD, classify_document

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

SITE = "https://www.rushmoor.gov.uk/your-council/productivity-plan"

BACKGROUND_SECTION = """Background
In April 2024 the Minister for Local Government wrote to every council asking for a productivity plan. The request followed the Local Government Finance Settlement, which said that future settlements would be informed by the plans.
Councils were asked to cover four areas: how services have been transformed, how technology and data are used, how wasteful spend is reduced, and the barriers that Government could remove.
Plans were to be agreed by members and returned by 19 July 2024, and published so that residents could read them.
Government said that the plans would not be scored, and that a panel with the Office for Local Government would consider the themes that emerge across the sector.
A list of suggested topics was also supplied, covering workforce, the use of consultants, shared services, data, and the reporting that councils are asked to do for different departments.
"""

CHAPTER_SECTION = """Improving services
We started a programme of reviews of every service last year, looking at cost, demand and outcomes in each one, and each review ends with an agreed improvement plan.
We have moved our customer contact online where residents prefer it, and kept the telephone and face to face routes for those who need them most.
Our teams now share one case management system. That has removed double keying between housing, benefits and council tax, and freed staff time for casework.
The outputs of these reviews feed our medium term financial strategy and are reported to members each quarter.
Next year we will extend the reviews to the services we commission from partners, starting with leisure and grounds maintenance, where contracts are due for renewal.
We will publish what each review finds, so residents can see what has changed and why.
"""

LANDING_PAGE = """Productivity Plan
Our productivity plan is made up of a set of documents, listed below.
Medium Term Financial Strategy
The strategy sets out how we balance the budget over four years and the savings we have identified.
Transformation Programme
The document sets out our programme of service changes and the efficiencies we expect from them.
We are proud of what we have achieved and we will keep improving our services for residents across the borough in the coming years.
"""


def test_a_plan_background_section_in_running_text_is_a_plan():
    assert classify_document(BACKGROUND_SECTION, url=SITE)[0] == "plan"


def test_a_first_person_plan_chapter_is_a_plan():
    assert classify_document(CHAPTER_SECTION, url=SITE)[0] == "plan"


def test_a_page_presenting_the_plan_as_a_set_of_documents_is_a_web_page():
    assert classify_document(LANDING_PAGE, url=SITE)[0] == "web_page"


def test_a_short_blurb_about_the_plan_is_a_web_page():
    text = "The Government asked every council to publish a productivity plan in 2024."
    assert classify_document(text, url=SITE)[0] == "web_page"


def test_running_text_that_points_to_a_download_is_a_web_page():
    text = BACKGROUND_SECTION + "\nYou can download our productivity plan below.\nDownload\n"
    assert classify_document(text, url=SITE)[0] == "web_page"


# ---------------------------------------------------------------- cue key words

# Furniture lines, one or more for each kind of cue.
FURNITURE = [
    "Home > Council and democracy > Budgets and spending > Our productivity plan",
    "Agenda",
    "Status: | Agenda published",
    "You are summoned to attend a meeting of the Executive to be held on Monday 22 July 2024",
    "Agenda for Resources Committee on Monday, 22nd July, 2024, 7.00 pm",
    "A G E N D A",
    "Recommendation: That Cabinet approves the Productivity Plan.",
    "Public Document Pack",
    "Item Page",
    "Agenda published: Wednesday 3 July 2024",
    "Cabinet Agenda – 11 July 2024 – Page 1",
    "NON-KEY DECISIONS",
    "Decisions taken at this meeting will be published on 12 July 2024.",
    "What our plan says",
    "We followed the deadline day as it happened.",
    "A finance director tells us the settlement came late.",
    "Find out what our plan says and read it in full.",
    "Read the plan",
    "NEWS RELEASE",
    "FOR IMMEDIATE RELEASE",
    "CABINET – DECISION SHEET",
    "This page summarises what the plan says.",
    "Decision details",
    "Decision Maker: Leader of the Council",
    "Decision status: Recommendations approved",
    "Date of decision: 15 July 2024",
    "Record of Officer Decision Notice",
    "Mayoral Decision Record",
    "Decisions taken by the Leader",
    "Decision - Productivity Plan",
    "Minutes:",
    "Issue - meetings",
    "It was RESOLVED that the plan be approved",
    "Moved by Councillor Ahmed and seconded by Councillor Jones",
    "Councillor Ahmed moved the recommendations",
    "Apologies for absence were received",
    "Members considered the plan",
    "The Cabinet considered the plan",
    "RECOMMENDED TO Council",
    "Report Author: Jane Smith",
    "Purpose of the Report",
    "Recommendation(s) to Cabinet:",
    "Is the decision a key decision? No",
    "Subject to call-in: Yes",
    "Financial and Legal Implications",
    "5 Financial Implications",
    "This report presents the draft plan for approval.",
    "Wards affected: All",
    "Date of meeting 15 July 2024",
    "Appendix A",
    "Contact officer",
    "Agenda item",
    "Presented by: the Leader",
    "Supporting documents:",
    "This plan sets out our approach",
    "We have transformed services and we will go further",
    "Barriers to progress",
    "Skip to main content",
    "Our productivity plan is made up of a set of documents",
    "The document sets out our approach",
    "Download the productivity plan (PDF, 1MB)",
    "Press release",
    "said Councillor Patel",
    "Published: 15 July 2024",
    "Decision taken:",
    "Decisions made",
    "Decided at meeting: 16/07/2024 - Cabinet",
    "Record of the Leader's decision",
    "Decision taken by: Leader of the Council",
    "Publication date: 19/07/2024",
    "Call-in deadline: 26/07/2024",
    "Decision due: 16 Jul 2024 by Cabinet",
    "Decision sheet",
    "The following decisions were taken by the Cabinet at its meeting on 10 July 2024.",
    "Decision Report - Executive Decision by the Leader of the Council",
    "Decision date: 16 July 2024",
    "Notice of key decision",
    "Proposed date of decision: 10 July 2024",
    "Forward Plan reference: FP/2024/031",
    "Anticipated restriction: Open",
    "By Sarah Jones, Local Democracy Reporter",
    "A council spokesperson said it would respond.",
    '"We are proud of it," she said.',
    "Related articles",
    "Sign up to our daily newsletter",
    "19 July 2024, 10:32 BST",
    "Image caption, The town hall",
    "The council said in a statement",
    "Decisions: approved",
    "Decision:",
    "Agenda and minutes",
    "Councillor Ali seconded the motion",
    "Cabinet considered a report of the Chief Executive",
    "Overview and Scrutiny Committee - Monday, 8th July, 2024 6.30 pm",
    "The Leader presented the report",
    "Agreed",
    "Report of the Chief Executive",
    "Background papers",
    "Report: Productivity Plan",
    "1. Introduction",
    "How we have transformed the way we work",
    "Rushmoor Borough Council Productivity Plan",
    "Productivity Plan 2024/25",
    "This document is Rushmoor Borough Council's response to the letter from the Minister",
    "• Theme 1: Transformation of services",
    "What's in the plan",
    "The plan tells the Government about three things that get in the way",
    "Our productivity plan was approved by Cabinet",
    "News",
    "Can't see this email? View it in your browser.",
    "Summer e-news",
    "MINUTES OF A MEETING held on Tuesday, 2 July 2024",
    "MINUTES",
    "Present: Councillor A (Chairman)",
    "In the debate that followed:",
]


def test_every_cue_matches_some_furniture_line():
    """So that the key-word test below checks every cue at least once."""
    for cues in CUES.values():
        for cue in cues:
            assert any(cue.pattern.search(line) for line in FURNITURE), cue.pattern.pattern


def test_the_cue_set_finds_exactly_the_cues_each_pattern_finds():
    """The one-pass set decides which cues are counted: it must agree with the patterns."""
    from productivity_plans.extract.doctype import _cue_set

    texts = [line for base in FURNITURE for line in (base, base.upper(), base.lower())]
    texts += [p.read_text(encoding="utf-8")[:DOCTYPE_HEAD] for p in (CORPUS / "docs").glob("*.txt")]
    for text in texts:
        present = {id(cue) for _, cue in _cue_set().present(text)}
        for cues in CUES.values():
            for cue in cues:
                assert (id(cue) in present) == bool(cue.pattern.search(text)), (
                    cue.pattern.pattern,
                    text[:80],
                )


def test_a_web_pages_title_naming_its_site_makes_it_a_page_not_the_plan():
    text = (
        "Productivity plan\n\nThe government asked all councils in England to produce a "
        "productivity plan in 2024. We have published ours below.\n\nFurther details\n"
    )
    url = "https://www.example-council.gov.uk/productivity-plan"
    plain, _ = classify_document(text, url=url, title="Productivity plan")
    paged, _ = classify_document(text, url=url, title="Productivity plan - Example County Council")
    assert (plain, paged) == ("plan", "web_page")


def test_prose_on_a_site_that_is_not_a_councils_is_not_a_councils_plan():
    text = " ".join(["The combined authority works with its councils and partners on reform."] * 15)
    kind, _ = classify_document(text, url="https://www.example-combined.org.uk/what-we-do/reform")
    assert kind == "web_page"


def test_a_councils_e_mail_bulletin_about_its_plan_is_news():
    text = (
        "Can't see this email properly? View it in your browser.\n\nSummer e-news\n\n"
        "Working smarter: our productivity plan\n\nLike every council in England, we were asked "
        "to explain how we make the most of every pound. Our plan was signed off by Cabinet on "
        "2 July and is now on our website. More of our transactions are done online, we share "
        "services with neighbouring councils and we have let part of our offices.\n\n"
        "You are receiving this because you subscribed to our e-newsletter. Unsubscribe | "
        "Manage preferences.\n"
    )
    kind, _ = classify_document(text, url="https://content.govdelivery.com/accounts/X/bulletins/1")
    assert kind == "news"


def test_a_pdf_whose_first_line_reads_like_a_site_title_is_still_a_document():
    text = (
        "Productivity Plan 2024 - Example Borough Council\n\nProductivity Plan - July 2024\n\n"
        + (
            "1.1 The council has redesigned its services around residents, and the time taken "
            "to answer a request has fallen in every service that has been through a review.\n"
        )
        * 8
    )
    kind, _ = classify_document(
        text,
        url="https://www.example-borough.gov.uk/media/9876/productivity-plan-2024.pdf",
        title="Productivity Plan 2024 - Example Borough Council",
    )
    assert kind == "plan"


def test_a_page_that_publishes_the_whole_plan_as_its_text_is_the_plan():
    paragraph = (
        "We start every change by looking at the process from the resident's point of view, "
        "and we measure the number of steps before and after each redesign.\n\n"
    )
    intro = "Our productivity plan\n\nThis page sets out our productivity plan.\n\n"
    url = "https://www.example-borough.gov.uk/council/plans/productivity-plan"
    whole, _ = classify_document(intro + paragraph * 25, url=url)
    pointer, _ = classify_document(
        intro + paragraph * 25 + "Download the productivity plan (PDF, 1MB)\n", url=url
    )
    assert (whole, pointer) == ("plan", "web_page")


def test_a_short_page_pointing_at_the_plan_as_a_file_is_a_landing_page():
    """Restating the four headings makes a page look like a plan; a download link and a page
    far shorter than a plan make it the plan's landing page."""
    text = (
        "Productivity plan\n\nThe government asked all councils in England to produce a "
        "productivity plan in 2024. It asked councils to cover four areas:\n\n"
        "how we have transformed the way we design and deliver services\n\n"
        "how we plan to take advantage of technology and make better use of data\n\n"
        "our plans to reduce wasteful spend within our organisation and systems\n\n"
        "the barriers preventing activity that government can help to reduce or remove\n\n"
        "Download\n\nProductivity plan 2024 (PDF 1.2MB)\n"
    )
    kind, _ = classify_document(text, url="https://www.example-council.gov.uk/productivity-plan")
    assert kind == "web_page"


def test_a_document_with_little_furniture_takes_its_likeliest_type_not_other():
    text = (
        "Dorset Council: Productivity Plan\n\nWorking smarter for Dorset\n\n"
        "1. Who we are\nWe are a large rural unitary council serving 380,000 residents.\n"
    )
    kind, scores = classify_document(
        text, url="https://moderngov.dorsetcouncil.gov.uk/documents/s41233/Appendix%201.pdf"
    )
    assert 0 < scores["plan"] < 1.0
    assert kind == "plan"


def test_a_democracy_systems_minutes_file_is_minutes():
    text = (
        "SCRUTINY COMMITTEE\nMINUTES OF A MEETING held on TUESDAY, 2 JULY 2024\n\n"
        "The Chief Executive introduced the draft plan. A member said that the council "
        "had been told its funding late.\n"
    )
    url = "https://example.moderngov.co.uk/documents/g6891/Printed%20minutes%2002nd-Jul-2024.pdf"
    kind, _ = classify_document(text, url=url)
    assert kind == "minutes"


def test_minutes_headed_as_minutes_quoting_members_are_minutes_not_an_article():
    text = (
        "SCRUTINY COMMITTEE\nMINUTES OF A MEETING held on TUESDAY, 2 JULY 2024\n\n"
        'Councillor Smith said the council was told its funding late. "We cannot plan," he '
        "said. A spokesperson for the group agreed.\n"
    )
    url = "https://uttlesford.moderngov.co.uk/documents/g6891/Printed%20minutes.pdf"
    kind, _ = classify_document(text, url=url)
    assert kind == "minutes"


def test_a_democracy_system_hosted_by_its_supplier_is_a_democracy_site():
    """A page of "<council>.moderngov.co.uk" is a paper, whatever plan wording it quotes."""
    text = (
        "Productivity Plan 2024\n\nWe have transformed our services and we will go further. "
        "We are investing in digital services and we have cut wasteful spend.\n"
    )
    hosted, _ = classify_document(
        text, url="https://uttlesford.moderngov.co.uk/mgIssueHistoryHome.aspx?IId=1"
    )
    own, _ = classify_document(text, url="https://www.uttlesford.gov.uk/productivity-plan")
    assert own == "plan" and hosted != "plan"


def test_a_report_with_numbered_headings_under_a_meeting_header_is_a_committee_report():
    """A report's own voice ("This report presents …") and its numbered headings ("5 Financial
    Implications", "8 Recommendation") outweigh a "COMMITTEE – 8 JULY 2024" header line that
    minutes also print."""
    text = (
        "EXAMPLE DISTRICT COUNCIL\n\nPOLICY AND RESOURCES COMMITTEE – 8 JULY 2024\n\n"
        "7. PRODUCTIVITY PLAN\n\n1 Summary\n1.1 This report presents the Council's draft "
        "productivity plan for approval.\n\n5 Financial Implications\n5.1 None.\n\n"
        "6 Legal Implications\n6.1 None.\n\n8 Recommendation\n8.1 That the Committee approves "
        "the plan.\n"
    )
    kind, _ = classify_document(text, url="https://www.example.gov.uk/meetings/report.pdf")
    assert kind == "committee_report"


def test_a_file_in_a_dated_upload_folder_is_not_a_news_story():
    """ "/uploads/2024/07/11/…pdf" is where a site keeps files, not a dated article's path."""
    text = (
        "EXAMPLE BOROUGH COUNCIL\nPRODUCTIVITY PLAN\nJuly 2024\n\n1  About us\nWe are a council.\n"
    )
    url = "https://d2abc.cloudfront.net/uploads/2024/07/11/Productivity-Plan-2024-final.pdf"
    assert classify_document(text, url=url)[0] == "plan"
    article = "https://www.examplecourier.co.uk/2024/07/11/council-agrees-plan/"
    assert classify_document(text, url=article)[1]["news"] > 0


def test_a_page_publishing_a_short_plan_in_full_is_the_plan_even_with_a_download_link():
    answer = (
        "We have joined up our neighbourhood teams, brought fostering in house and moved "
        "routine transactions online, which has saved money and time for residents and staff. "
    )
    text = (
        "Our productivity plan\n\nThese are our answers, set out as the questions we were "
        "asked.\n\n"
        + "".join(f"Question {n}?\n\n{answer * 3}\n\n" for n in range(1, 6))
        + "Download the plan (PDF, 200KB)\n"
    )
    url = "https://www.example-council.gov.uk/article/1/Our-productivity-plan"
    assert classify_document(text, url=url)[0] == "plan"
