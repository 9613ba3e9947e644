"""Saved web pages (ModernGov decision and agenda pages, council news pages).

A democracy system's page (ModernGov's ``#modgov`` or ``.mgContent`` area) is read directly
with selectolax: that area is the meeting's or decision's own text, and trafilatura drops its
item headings. Other pages go through trafilatura, which removes navigation, cookie banners,
footers and scripts and keeps the text, tables included. When it finds nothing, or keeps none of
the headings of a page that has several (its sections lost), selectolax reads ``<main>`` (or
``<body>``) with scripts, styles, nav, header and footer removed.
"""

from __future__ import annotations

import codecs
import importlib.metadata
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import trafilatura
from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode

from productivity_plans.ingest.blocks import TextBuilder, clean_inline, join_cells
from productivity_plans.ingest.records import BlockKind, ParsedDocument
from productivity_plans.ingest.sniff import bom_encoding
from productivity_plans.ingest.text import decode

PARSER_VERSION = (
    f"trafilatura {importlib.metadata.version('trafilatura')}; "
    f"selectolax {importlib.metadata.version('selectolax')}"
)
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)

# trafilatura XML elements that are one block each.
_XML_BLOCKS = {
    "head": BlockKind.HEADING,
    "p": BlockKind.PARAGRAPH,
    "item": BlockKind.LIST_ITEM,
    "row": BlockKind.TABLE_ROW,
    "quote": BlockKind.PARAGRAPH,
    "code": BlockKind.PARAGRAPH,
}
# Elements whose content is never part of the document text.
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "form",
    "button",
    "select",
]
_HTML_BLOCKS = {
    "h1": BlockKind.HEADING,
    "h2": BlockKind.HEADING,
    "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING,
    "h5": BlockKind.HEADING,
    "h6": BlockKind.HEADING,
    "p": BlockKind.PARAGRAPH,
    "blockquote": BlockKind.PARAGRAPH,
    "pre": BlockKind.PARAGRAPH,
    "dt": BlockKind.PARAGRAPH,
    "dd": BlockKind.PARAGRAPH,
    "caption": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "tr": BlockKind.TABLE_ROW,
}
_HTML_BLOCK_TAGS = ", ".join(_HTML_BLOCKS)
_MAIN_SELECTORS = ["main", "[role=main]", "article", "#content", "body"]


def decode_html(data: bytes) -> str:
    """BOM first, then a ``<meta charset>`` that actually decodes, then the text decoder."""
    if bom_encoding(data) is None:
        match = _META_CHARSET_RE.search(data[:4096])
        if match:
            try:
                encoding = codecs.lookup(match.group(1).decode("ascii")).name
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)[0]


def parse_html(path: Path, data: bytes) -> ParsedDocument:
    html = decode_html(data)
    tree = LexborHTMLParser(html)
    if _unwrap_page_forms(tree):
        html = tree.html or html  # trafilatura drops a form's content too
    warnings: list[str] = []
    builder = TextBuilder()
    parser = "trafilatura"
    democracy_area = _democracy_area(tree)
    if democracy_area is not None:
        # A democracy system's content area is the document, without the site around it;
        # trafilatura drops item headings there ("CAB 27 PRODUCTIVITY PLAN"), which say
        # where each minute starts. The title stays the page's, which names the meeting
        # ("Minutes - Cabinet, Monday, 8th July, 2024"), not the area's bare "Minutes".
        parser = "selectolax"
        h1_from_content = None
        _walk(democracy_area, builder)
    else:
        h1_from_content = _from_trafilatura(html, builder, tree)
        if _lost_its_headings(builder, tree):
            builder = TextBuilder()  # its sections are lost: read the page as below
    if not builder.blocks:
        parser = "selectolax"
        _from_selectolax(tree, builder)
        if builder.blocks:
            warnings.append("boilerplate_not_removed: read the main or body text directly")
    text = builder.text()
    return ParsedDocument(
        text=text,
        pages=builder.single_page(),
        blocks=builder.blocks,
        parser=parser,
        parser_version=PARSER_VERSION,
        title=h1_from_content or _title(tree),
        warnings=warnings,
    )


def _unwrap_page_forms(tree: LexborHTMLParser) -> bool:
    """Keep the content of a form that wraps the page, as ASP.NET sites (CMIS, DotNetNuke, older
    ModernGov) wrap the whole body in one ``<form>``: a form holding headings or paragraphs is
    the page, not a search box. Whether any was unwrapped."""
    wrappers = [form for form in tree.css("form") if form.css_first("h1, h2, h3, p") is not None]
    for form in wrappers:
        form.unwrap()
    return bool(wrappers)


# --- trafilatura -------------------------------------------------------------------------------


def _from_trafilatura(html: str, builder: TextBuilder, tree: LexborHTMLParser) -> str | None:
    """Fill ``builder`` from trafilatura's XML, with the page's dateline after its leading
    headings if trafilatura dropped it; return the first h1 it kept, if any."""
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True))
    if root is None:
        return None
    main = root.find("main")
    if main is None:
        return None
    first_h1: str | None = None
    dateline = _page_dateline(tree, " ".join(main.itertext()))
    for kind, element in _xml_blocks(main):
        if dateline is not None and kind is not BlockKind.HEADING:
            builder.add(BlockKind.PARAGRAPH, dateline)
            dateline = None
        if kind is BlockKind.TABLE_ROW:
            builder.add(kind, join_cells([clean_inline(_xml_text(c)) for c in element]))
            continue
        block_text = clean_inline(_xml_text(element))
        builder.add(kind, block_text)
        if first_h1 is None and kind is BlockKind.HEADING and element.get("rend") == "h1":
            first_h1 = block_text or None
    return first_h1


# A news page's dateline ("Posted on Friday 12 July 2024 | News release 2024/087"), in its
# article or main content: trafilatura drops it as page furniture, but "yesterday" and "today"
# in the story are told from it.
_DATELINE_NODES = ", ".join(
    f"{area} {node}"
    for area in ("article", "main")
    for node in (
        "time",
        "[class*=date]",
        "[class*=meta]",
        "[class*=posted]",
        "[class*=published]",
        "[class*=byline]",
    )
)
# A date as a dateline writes it: "12 July 2024", "10 JUL 2024", "July 12, 2024", "12/07/2024".
_WRITTEN_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][A-Za-z]+,?\s+20\d\d\b|\b[A-Z][A-Za-z]+\s+\d{1,2},?\s+20\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/20\d\d\b"
)
# A news page's publication time in its metadata (Open Graph's article:published_time).
_PUBLISHED_META = "meta[property='article:published_time'], meta[name='article:published_time']"
_ISO_DAY = re.compile(r"20\d\d-[01]\d-[0-3]\d")


def _dateline(tree: LexborHTMLParser) -> str | None:
    """The first short line of the page's content area that gives a date under a dateline's
    markup."""
    for node in tree.css(_DATELINE_NODES):
        line = clean_inline(node.text(separator=" ")).replace("\n", " ")
        if len(line) <= 120 and _WRITTEN_DATE.search(line):
            return line
    return None


def _published_meta(tree: LexborHTMLParser) -> str | None:
    """The day of the page's publication time in its metadata, as a dateline line."""
    meta = tree.css_first(_PUBLISHED_META)
    day = _ISO_DAY.match((meta.attributes.get("content") or "") if meta is not None else "")
    return f"Published {day.group(0)}" if day else None


# How far into a page's text a dateline it prints itself would be.
_DATELINE_REACH = 500


def _page_dateline(tree: LexborHTMLParser, kept: str) -> str | None:
    """The dateline to put back into the text trafilatura ``kept``: one under a dateline's
    markup that it dropped, else, when the page's head prints no date, the publication day
    in its metadata."""
    dateline = _dateline(tree)
    if dateline is not None:
        return None if dateline in kept else dateline
    if _WRITTEN_DATE.search(kept[:_DATELINE_REACH]):
        return None
    return _published_meta(tree)


# A table that lays out a page (an e-mail, an older council site, a democracy system's minutes)
# rather than tabulating data has cells holding headings, lists, tables of their own, several
# paragraphs, or a paragraph under text of its own (an item's bold title over its minute); a
# data cell holds a value, at most wrapped in one paragraph (as word processors export it).
_XML_STRUCTURE = ("head", "list", "table")
_HTML_STRUCTURE = "h1, h2, h3, h4, h5, h6, ul, ol, table"


def _xml_layout_row(row: etree._Element) -> bool:
    return any(_xml_layout_cell(cell) for cell in row)


def _xml_layout_cell(cell: etree._Element) -> bool:
    if any(cell.find(tag) is not None for tag in _XML_STRUCTURE):
        return True
    paragraphs = cell.findall("p")
    if len(paragraphs) != 1:
        return len(paragraphs) > 1
    inside = "".join(paragraphs[0].itertext())
    return "".join(cell.itertext()).strip() != inside.strip()


def _html_layout_row(row: LexborNode) -> bool:
    return any(
        _html_layout_cell(cell) for cell in row.iter(include_text=False) if cell.tag in ("td", "th")
    )


def _html_layout_cell(cell: LexborNode) -> bool:
    if cell.css_first(_HTML_STRUCTURE) is not None:
        return True
    paragraphs = cell.css("p")
    if len(paragraphs) != 1:
        return len(paragraphs) > 1
    inside = paragraphs[0].text(deep=True) or ""
    return (cell.text(deep=True) or "").strip() != inside.strip()


def _xml_blocks(
    children: Iterable[etree._Element],
) -> Iterator[tuple[BlockKind, etree._Element]]:
    """The blocks of ``children`` (an element's, or a list of elements), in order."""
    for child in children:
        kind = _XML_BLOCKS.get(str(child.tag))
        if kind is BlockKind.TABLE_ROW and _xml_layout_row(child):
            kind = None  # a layout row: its cells' blocks are the text, each one whole
        if kind is None and child.tag == "cell":
            # a layout row's cell: its blocks, and its bare text ("RESOLVED" beside the text)
            yield from _cell_blocks(child)
            continue
        if kind is None:
            yield from _xml_blocks(child)
            continue
        if kind is BlockKind.LIST_ITEM and any(sub.tag in ("p", "head") for sub in child):
            # a list item holding paragraphs: a web page's minute item (its number, heading,
            # minutes and the list of its resolutions, then "Reason for Decision"), read in
            # the order written, so its resolutions stay before what follows them
            yield from _container_blocks(child)
            continue
        yield kind, child
        # A list item may hold a nested list: its items follow as blocks of their own.
        for nested in child:
            if nested.tag in ("list", "table"):
                yield from _xml_blocks(nested)


def _container_blocks(item: etree._Element) -> Iterator[tuple[BlockKind, etree._Element]]:
    """The blocks of a list item that holds blocks, in order: its bare text and inline runs
    become paragraphs, its paragraphs, headings, lists and tables blocks of their own."""
    run: list[str] = [item.text or ""]
    for child in item:
        if child.tag in _XML_BLOCKS or child.tag in ("list", "table"):
            yield from _paragraph("".join(run))
            run = []
            yield from _xml_blocks([child])
        else:
            run.append(_xml_text(child))
        run.append(child.tail or "")
    yield from _paragraph("".join(run))


def _cell_blocks(cell: etree._Element) -> Iterator[tuple[BlockKind, etree._Element]]:
    """A layout cell's blocks in order, its own text before and between its children included
    (a bare cell's text is one paragraph): trafilatura turns a cell's line breaks into
    paragraphs after the first line, which stays the cell's text ("(1) That the plan be
    approved.<p>(2) That …</p>")."""
    yield from _paragraph(cell.text)
    for child in cell:
        yield from _xml_blocks([child])
        yield from _paragraph(child.tail)


def _paragraph(text: str | None) -> Iterator[tuple[BlockKind, etree._Element]]:
    if text and text.strip():
        paragraph = etree.Element("p")
        paragraph.text = text
        yield BlockKind.PARAGRAPH, paragraph


def _xml_text(element: etree._Element) -> str:
    """Text of an element with ``<lb/>`` as a line break, nested lists and tables left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in ("list", "table"):
            parts.append(_xml_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# --- selectolax fallback -----------------------------------------------------------------------


# A page with at least this many headings whose text trafilatura kept without any of them has
# lost its sections (a minutes page's items, "4. Draft Productivity Plan"): it is read directly.
_SECTIONED = 3


def _lost_its_headings(builder: TextBuilder, tree: LexborHTMLParser) -> bool:
    kept = any(block.kind is BlockKind.HEADING for block in builder.blocks)
    body = tree.body
    return not kept and body is not None and len(body.css("h1, h2, h3, h4, h5, h6")) >= _SECTIONED


# ModernGov's content area: the meeting's or decision's own text.
_DEMOCRACY_AREAS = ("#modgov", ".mgContent")


def _democracy_area(tree: LexborHTMLParser) -> LexborNode | None:
    """A democracy system's content area with text in it, its scripts and forms removed."""
    for selector in _DEMOCRACY_AREAS:
        area = tree.css_first(selector)
        if area is not None and (area.text(deep=True) or "").strip():
            area.strip_tags(_DROP_TAGS)
            _line_breaks(area)
            return area
    return None


def _line_breaks(node: LexborNode) -> None:
    """``<br>`` as the line break it is ("Cabinet<br>Monday, 8th July"), not nothing."""
    for br in node.css("br"):
        br.replace_with("\n")


def _from_selectolax(tree: LexborHTMLParser, builder: TextBuilder) -> None:
    tree.strip_tags(_DROP_TAGS)
    root = None
    for selector in _MAIN_SELECTORS:
        root = tree.css_first(selector)
        if root is not None and (root.text(deep=True) or "").strip():
            break
    if root is None:
        root = tree.root
    if root is None:
        return
    _line_breaks(root)
    found = _walk(root, builder)
    if not found:
        for line in (root.text(deep=True, separator="\n") or "").splitlines():
            builder.add(BlockKind.PARAGRAPH, clean_inline(line))


# Elements that are no block of their own but may hold a block's text directly.
_BARE_TEXT_HOLDERS = ("td", "th", "div", "section")
# A class or id naming the site's furniture: breadcrumbs, menus, link bars.
_FURNITURE_NAME = re.compile(r"crumb|nav|menu|links|header|footer|cookie|skip", re.IGNORECASE)


def _site_furniture(node: LexborNode) -> bool:
    """Whether a division of bare text is the site's, not the document's: named as furniture,
    or nothing but links ("Committee structure | Meetings | Councillors")."""
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    if _FURNITURE_NAME.search(names):
        return True
    text = "".join((node.text(deep=True) or "").split())
    linked = "".join("".join((a.text(deep=True) or "").split()) for a in node.css("a"))
    return bool(linked) and len(re.sub(r"[|>›»·•/-]", "", text)) <= len(linked)


def _walk(node: LexborNode, builder: TextBuilder) -> bool:
    found = False
    for child in node.iter(include_text=False):
        kind = _HTML_BLOCKS.get(child.tag or "")
        if kind is BlockKind.TABLE_ROW and _html_layout_row(child):
            kind = None  # a layout row (see _XML_STRUCTURE)
        if (
            kind is None
            and child.tag in _BARE_TEXT_HOLDERS
            and child.css_first(_HTML_BLOCK_TAGS) is None
            and (child.text(deep=True) or "").strip()
            and not _site_furniture(child)
        ):
            # a layout row's bare cell, as in _xml_blocks, or a division holding only text
            # (a democracy page's "Meeting: 27/06/2024 - Cabinet (Item 14)" and "Decision:")
            kind = BlockKind.PARAGRAPH
        if kind is None:
            found = _walk(child, builder) or found
            continue
        if kind is BlockKind.TABLE_ROW:
            cells = [
                clean_inline(cell.text(deep=True) or "")
                for cell in child.iter(include_text=False)
                if cell.tag in ("td", "th")
            ]
            builder.add(kind, join_cells(cells))
        else:
            builder.add(kind, clean_inline(child.text(deep=True) or ""))
        found = True
    return found


def _title(tree: LexborHTMLParser) -> str | None:
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            title = clean_inline(node.text(deep=True) or "").replace("\n", " ")
            if title:
                return title
    return None
