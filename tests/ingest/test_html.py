from __future__ import annotations

from pathlib import Path

from productivity_plans.config import Limits
from productivity_plans.ingest import BlockKind, parse_file
from tests.fixtures.checks import assert_well_formed
from tests.fixtures.make_files import (
    MODERNGOV_COOKIE,
    MODERNGOV_DECISION,
    MODERNGOV_NAV,
    MODERNGOV_REASON,
    MODERNGOV_SCRIPT,
    make_html,
    moderngov_html,
)


def test_saved_moderngov_page_keeps_the_decision_and_drops_nav_cookies_and_scripts(
    tmp_path: Path, limits: Limits
) -> None:
    parsed, media_type = parse_file(make_html(tmp_path / "ieDecisionDetails.aspx"), limits)
    assert media_type == "html"
    assert MODERNGOV_DECISION in parsed.text
    assert MODERNGOV_REASON in parsed.text
    assert "Date of decision: 18/06/2024" in parsed.text
    for leaked in (MODERNGOV_NAV, MODERNGOV_COOKIE, MODERNGOV_SCRIPT, "styleLeakMarker", "{"):
        assert leaked not in parsed.text
    assert_well_formed(parsed)


def test_moderngov_page_blocks_have_headings_list_items_and_table_rows(
    tmp_path: Path, limits: Limits
) -> None:
    parsed, _ = parse_file(make_html(tmp_path / "mgAi.aspx"), limits)
    blocks = [(b.kind, parsed.block_text(b)) for b in parsed.blocks]
    assert (BlockKind.HEADING, "Decision:") in blocks
    assert (BlockKind.PARAGRAPH, MODERNGOV_DECISION) in blocks
    assert (BlockKind.LIST_ITEM, "Publish the plan on the council website.") in blocks
    assert (BlockKind.TABLE_ROW, "Digital transformation | 450") in blocks
    assert parsed.title == "Decision - Productivity Plan | Anytown Borough Council"  # <title>


def test_html_page_that_trafilatura_cannot_use_falls_back_to_the_body_text(
    tmp_path: Path, limits: Limits
) -> None:
    html = (
        "<html><head><title>Agenda item</title><script>var hidden = 1;</script></head>"
        "<body><nav>Menu link</nav><ul><li>Approve the plan</li></ul></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "tiny.html", html), limits)
    assert "Approve the plan" in parsed.text
    assert "hidden" not in parsed.text
    assert parsed.title == "Agenda item"
    assert_well_formed(parsed)


def test_html_declared_as_windows_1252_decodes_pound_signs(tmp_path: Path, limits: Limits) -> None:
    html = moderngov_html(decision="Savings of £2.4 million were agreed “in principle”.")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    parsed, _ = parse_file(make_html(tmp_path / "page.htm", html, encoding="cp1252"), limits)
    assert "Savings of £2.4 million were agreed “in principle”." in parsed.text


def test_utf16_saved_page_with_a_bom_is_read_as_html(tmp_path: Path, limits: Limits) -> None:
    parsed, media_type = parse_file(make_html(tmp_path / "page.html", encoding="utf-16"), limits)
    assert media_type == "html"
    assert MODERNGOV_DECISION in parsed.text


def test_nested_list_items_become_blocks_of_their_own(tmp_path: Path, limits: Limits) -> None:
    html = (
        "<html><body><main><h1>Recommendations</h1><ul><li>Approve the plan"
        "<ul><li>including the appendix</li></ul></li></ul></main></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "nested.html", html), limits)
    items = [parsed.block_text(b) for b in parsed.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["Approve the plan", "including the appendix"]
    assert_well_formed(parsed)


def test_a_list_item_holding_paragraphs_keeps_its_nested_list_where_it_was_written(
    tmp_path: Path, limits: Limits
) -> None:
    """A minutes page lists its items, each a list item holding the item's number, heading,
    minutes and a list of resolutions before its "Reason for decision": the resolutions stay
    before the reason, not after the item's last paragraph."""
    item = (
        "<li><p>{n}.</p><h2>{title}</h2><p>Minutes:</p><div><p>The Cabinet considered the "
        "report on {title}.</p><p><strong>Resolved:</strong></p><ol><li>To approve the "
        "{title}.</li><li>To note the timetable.</li></ol><p><strong>Reason for decision:"
        "</strong></p><p>To meet the Minister's request.</p></div></li>"
    )
    html = (
        "<html><head><title>Cabinet - Tuesday 9 July 2024</title></head><body><main>"
        "<h1>Minutes</h1><ul>"
        + "".join(
            item.format(n=n, title=title)
            for n, title in [(41, "Productivity Plan"), (42, "Parking Strategy")]
        )
        + "</ul></main></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "minutes.html", html), limits)
    texts = [parsed.block_text(b) for b in parsed.blocks]
    first = texts.index("To approve the Productivity Plan.")
    assert texts.index("Resolved:") < first < texts.index("To meet the Minister's request.")
    assert texts.index("To note the timetable.") == first + 1
    assert first < texts.index("Parking Strategy")
    assert_well_formed(parsed)


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs_and_list_items(
    tmp_path: Path, limits: Limits
) -> None:
    """E-mail newsletters and older sites lay the page out in a table: its one cell holds the
    whole text, lists included, which must neither vanish nor run into one line."""
    html = (
        "<html><body><table><tr><td><h1>Summer news</h1><p>Our plan was signed off.</p>"
        "<p>Here are the headlines:</p><ul><li>Online first.</li><li>Shared services.</li></ul>"
        "<p>Thank you for reading.</p></td></tr></table></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "email.html", html), limits)
    texts = [parsed.block_text(b) for b in parsed.blocks]
    assert "Online first." in texts and "Shared services." in texts
    assert "Thank you for reading." in texts
    assert_well_formed(parsed)


def test_a_data_tables_rows_stay_rows_when_its_cells_wrap_values_in_paragraphs(
    tmp_path: Path, limits: Limits
) -> None:
    html = (
        "<html><body><main><h1>Decision details</h1><table>"
        "<tr><td><p>Decision maker</p></td><td><p>Cabinet</p></td></tr>"
        "<tr><td><p>Date of decision</p></td><td><p>9 July 2024</p></td></tr>"
        "</table></main></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "record.html", html), limits)
    rows = [parsed.block_text(b) for b in parsed.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == ["Decision maker | Cabinet", "Date of decision | 9 July 2024"]


def test_a_minutes_table_whose_cells_hold_a_title_over_one_paragraph_keeps_them_apart(
    tmp_path: Path, limits: Limits
) -> None:
    """A minutes page laid out as a table: the number in one cell, the item's bold title and its
    one-paragraph minute in the next. The title and the minute are two blocks (a data cell
    wraps a value in at most one paragraph, with nothing beside it), so each item still starts
    at its number and title."""
    items = [
        ("3.", "Capital Programme", "RESOLVED - That the programme be approved."),
        ("4.", "Productivity Plan", "RESOLVED - That the plan be endorsed."),
        ("5.", "Library Opening Hours", "RESOLVED - That the item be deferred to September."),
    ]
    rows = "".join(f"<tr><td>{n}</td><td><b>{t}</b><p>{m}</p></td></tr>" for n, t, m in items)
    html = f"<html><body><main><h1>Minutes</h1><table>{rows}</table></main></body></html>"
    parsed, _ = parse_file(make_html(tmp_path / "minutes.html", html), limits)
    texts = [parsed.block_text(b) for b in parsed.blocks]
    for number, title, minute in items:
        assert texts.index(number) < texts.index(title) < texts.index(minute)
    assert_well_formed(parsed)


def test_a_democracy_systems_minutes_keep_their_item_headings_and_line_breaks(
    tmp_path: Path, limits: Limits
) -> None:
    """trafilatura drops the item headings inside ModernGov's content area; they say where each
    minute starts, so that area is read as it is."""
    html = (
        "<html><head><title>Minutes - Cabinet</title></head><body><nav><a>Home</a></nav>"
        '<div id="modgov"><h1 class="mgMainTitleTxt">Minutes</h1>'
        '<p class="mgSubTitleTxt">Cabinet<br/>Monday, 8th July, 2024 6.00 pm</p>'
        '<div class="mgContent"><h2>CAB 26 DISPOSAL OF LAND</h2><p>RESOLVED: That the disposal '
        "be approved.</p><h2>CAB 27 PRODUCTIVITY PLAN</h2><p>The Director introduced the report."
        "</p><p>RESOLVED: That the plan be approved for submission.</p>"
        "<h2>CAB 28 CAR PARKING</h2><p>RESOLVED: That the tariffs be deferred.</p></div></div>"
        "<footer>Site footer</footer></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "mgMinutes.html", html), limits)
    blocks = [(b.kind, parsed.block_text(b)) for b in parsed.blocks]
    assert (BlockKind.HEADING, "CAB 27 PRODUCTIVITY PLAN") in blocks
    assert "Cabinet\nMonday, 8th July, 2024 6.00 pm" in parsed.text
    assert "Home" not in parsed.text and "Site footer" not in parsed.text
    assert parsed.title == "Minutes - Cabinet"  # the page's title, which names the meeting


def test_a_minutes_page_whose_headings_trafilatura_drops_is_read_with_its_sections(
    tmp_path: Path, limits: Limits
) -> None:
    """Without its item headings a minutes page is one run of text; a page with several
    headings of which trafilatura kept none is read directly. A bare cell beside a layout cell
    ("RESOLVED") stays in the text."""
    items = "".join(
        f"<h2>{n}. {title}</h2><p>The committee considered the {title.lower()} report in "
        "detail and discussed it at some length before reaching its view.</p>"
        for n, title in enumerate(["Apologies", "Minutes", "Draft Productivity Plan"], start=1)
    )
    html = (
        "<html><body><div id='breadcrumb'>Home &gt; Meetings</div><h1>Scrutiny Committee</h1>"
        f"{items}<table><tr><th>RESOLVED</th><td><p>To note the draft plan and to recommend to "
        "Cabinet that:</p><ol><li>it sets out its measures;</li></ol></td></tr></table>"
        "</body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "minutes.html", html), limits)
    blocks = [(b.kind, parsed.block_text(b)) for b in parsed.blocks]
    assert (BlockKind.HEADING, "3. Draft Productivity Plan") in blocks
    assert (BlockKind.PARAGRAPH, "RESOLVED") in blocks


def test_a_news_pages_dateline_that_trafilatura_drops_stays_after_its_heading(
    tmp_path: Path, limits: Limits
) -> None:
    """A story's "yesterday" is told from its dateline, which sits in the article's meta markup
    that trafilatura takes for furniture; a footer's "last reviewed" date is not a dateline."""
    story = "".join(
        f"<p>The council's cabinet approved its productivity plan yesterday. Paragraph {n} goes "
        "on about what the plan says and what the council has asked of government.</p>"
        for n in range(1, 5)
    )
    html = (
        "<html><head><title>Plan approved | Example Council</title></head><body>"
        "<nav>Home / News</nav><article><h1>Plan approved</h1>"
        "<p class='meta'>Posted on Friday 12 July 2024 | News release 2024/101</p>"
        f"{story}</article><footer>Page last reviewed: 3 June 2024</footer></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "news.html", html), limits)
    blocks = [parsed.block_text(b) for b in parsed.blocks]
    assert blocks[:2] == ["Plan approved", "Posted on Friday 12 July 2024 | News release 2024/101"]
    assert parsed.text.count("12 July 2024") == 1
    assert "3 June 2024" not in parsed.text
    assert_well_formed(parsed)


def test_a_page_wrapped_in_one_form_as_asp_net_sites_do_keeps_its_content(
    tmp_path: Path, limits: Limits
) -> None:
    """CMIS and other ASP.NET sites put the whole body in a <form>; a small search form is
    still dropped."""
    minutes = "".join(
        f"<h3>{n}. {title}</h3><p>The Committee considered the {title.lower()} and resolved "
        "to note it after a short discussion of the points raised by members.</p>"
        for n, title in enumerate(["Apologies", "Finance Monitoring", "Productivity Plan"], 21)
    )
    html = (
        "<html><head><title>Meeting details - Resources Committee</title></head><body>"
        "<form method='post' id='Form'><div class='menu'><a href='/'>Home</a></div>"
        "<h1>Resources Committee</h1><table><tr><th>Date:</th><td>Tuesday, 02 July 2024</td>"
        f"</tr></table><h2>Minutes</h2>{minutes}"
        "<form class='search'><input name='q'><button>Search site</button></form></form>"
        "</body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "meeting.html", html), limits)
    assert "23. Productivity Plan" in parsed.text
    assert "Tuesday, 02 July 2024" in parsed.text
    assert "Search site" not in parsed.text
    assert_well_formed(parsed)


def test_a_layout_cells_lines_broken_by_br_keep_their_first_line(
    tmp_path: Path, limits: Limits
) -> None:
    """trafilatura turns a cell's line breaks into paragraphs after the first line, which stays
    the cell's own text: it is kept, in its place."""
    rows = "".join(
        f"<tr><td>{n}/24</td><td>Item {n}</td><td>That the report be noted.</td></tr>"
        for n in range(40, 43)
    )
    html = (
        "<html><body><article><h1>Cabinet decisions</h1><p>The following decisions were taken "
        "by the Cabinet at its meeting on 17 July 2024.</p><table>"
        "<tr><th>Minute</th><th>Subject</th><th>Decision</th></tr>"
        f"{rows}<tr><td>43/24</td><td>Productivity Plan</td><td>(1) That the plan be approved."
        "<br>(2) That it be submitted to the Ministry.<br>(3) That progress be reported.</td>"
        "</tr></table></article></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "decisions.html", html), limits)
    first = parsed.text.find("(1) That the plan be approved.")
    assert 0 <= first < parsed.text.find("(2) That it be submitted") < parsed.text.find("(3)")
    assert_well_formed(parsed)


def test_a_democracy_pages_divisions_of_bare_text_are_kept_and_its_link_bars_are_not(
    tmp_path: Path, limits: Limits
) -> None:
    """A democracy system prints an item's meeting and its "Decision:" label in divisions of
    their own, which are the document's; its breadcrumbs and link bars are the site's."""
    html = (
        "<html><head><title>Agenda item - Budget Plan - Example Council</title></head><body>"
        "<div id='modgov'><div class='mgBreadCrumbs'>Committees &gt; Cabinet &gt; Item</div>"
        "<div class='mgLinkBar'><a href='a'>Meetings</a> | <a href='b'>Councillors</a></div>"
        "<h1>Agenda item</h1><h2>Budget Plan</h2>"
        "<div class='mgSectionTitle'>Meeting: 04/09/2024 - Executive (Item 7)</div>"
        "<div class='mgSectionTitle'>Decision:</div><p>That the budget plan be noted.</p>"
        "</div></body></html>"
    )
    parsed, _ = parse_file(make_html(tmp_path / "item.html", html), limits)
    assert "Meeting: 04/09/2024 - Executive (Item 7)" in parsed.text
    assert parsed.text.index("Decision:") < parsed.text.index("That the budget plan be noted.")
    assert "Committees > Cabinet" not in parsed.text
    assert "Councillors" not in parsed.text
    assert_well_formed(parsed)


def test_a_news_pages_byline_or_publication_metadata_gives_its_dateline(
    tmp_path: Path, limits: Limits
) -> None:
    """A story dated only in a byline with the month in capitals, or only in its
    ``article:published_time`` metadata, keeps that day: "on Monday" is told from it."""
    story = "".join(
        f"<p>The council's executive agreed its productivity plan on Monday. Paragraph {n} "
        "says more about the plan and about what the council asked of ministers.</p>"
        for n in range(1, 5)
    )

    def page(head: str, byline: str) -> str:
        return (
            f"<html><head><title>Plan agreed</title>{head}</head><body><article>"
            f"<h1>Plan agreed</h1>{byline}{story}</article></body></html>"
        )

    by_line = page("", "<p class='byline'>By A Reporter · 08:30, 21 AUG 2024</p>")
    parsed, _ = parse_file(make_html(tmp_path / "byline.html", by_line), limits)
    assert "21 AUG 2024" in parsed.text
    meta = "<meta property='article:published_time' content='2024-08-21T08:30:00+01:00'>"
    parsed, _ = parse_file(make_html(tmp_path / "meta.html", page(meta, "")), limits)
    assert "Published 2024-08-21" in parsed.text
    assert_well_formed(parsed)
    # a page that prints its own date keeps it, without the metadata's copy
    printed = page(meta, "<p>Published: 21 August 2024</p>")
    parsed, _ = parse_file(make_html(tmp_path / "printed.html", printed), limits)
    assert "21 August 2024" in parsed.text and "2024-08-21" not in parsed.text
