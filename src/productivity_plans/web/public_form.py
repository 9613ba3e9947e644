"""How a stored document is named to the public: its title and where it came from.

The store keeps what ingest saw: the first source is often a path on the server (the bundled
examples, a crawl folder, the uploads folder) and the title is whatever the page called itself,
which on council sites is often site furniture ("Toggle menu", "Issue - meetings"). Neither may
reach a page or the API as it is: a server path tells the public how the server is laid out,
and a furniture title names nothing. Every public view of a document goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

from productivity_plans.store.reading import DocumentView

# Words that site navigation and page chrome are made of. A title made of these alone names
# the page's furniture, not the document.
FURNITURE_WORDS = frozenset(
    [
        "toggle",
        "menu",
        "main",
        "navigation",
        "nav",
        "skip",
        "to",
        "content",
        "home",
        "homepage",
        "search",
        "cookies",
        "cookie",
        "settings",
        "accept",
        "reject",
        "sign",
        "in",
        "log",
        "login",
        "out",
        "print",
        "share",
        "back",
        "top",
        "page",
        "issue",
        "issues",
        "meeting",
        "meetings",
        "details",
        "detail",
        "view",
        "document",
        "documents",
        "item",
        "items",
        "browse",
        "untitled",
        "the",
        "and",
        "of",
        "a",
        "for",
        "this",
        "site",
        "website",
        "you",
        "are",
        "here",
        "breadcrumb",
        "close",
        "open",
        "more",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_URL_SCHEMES = ("http://", "https://")
MIN_LETTERS = 4  # fewer letters than this (a stray "A", "mgAi") names nothing


def is_site_furniture(title: str | None) -> bool:
    """True for a missing title, one with too few letters, or one made only of furniture words."""
    words = [w.lower() for w in _WORD_RE.findall(title or "")]
    if sum(len(w) for w in words) < MIN_LETTERS:
        return True
    return all(w in FURNITURE_WORDS for w in words)


def humanise(name: str) -> str:
    """A file or path segment as words: "productivity-plan_2024" → "Productivity plan 2024"."""
    stem = PurePosixPath(name).stem if "." in name else name
    words = re.sub(r"[-_+.\s]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def title_from_url(url: str | None) -> str | None:
    """The URL's last path segment as words, when that names something."""
    if not url or not url.startswith(_URL_SCHEMES):
        return None
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return None
    title = humanise(unquote(segments[-1]))
    return None if is_site_furniture(title) else title


def base_name(source: str) -> str:
    """The file's own name, whichever separator the server used."""
    return PureWindowsPath(source).name if "\\" in source else PurePosixPath(source).name


def public_source(source: str | None, url: str | None) -> str | None:
    """Where the public may be told a document came from: the URL it was published at when
    known (a manifest's ``url``, or a source that is itself a URL), else the file's base name.
    Never a path on the server."""
    if url:
        return url
    if not source:
        return None
    if source.startswith(_URL_SCHEMES):
        return source
    return base_name(source) or None


def public_document_view(view: DocumentView, title: str) -> DocumentView:
    """A stored document as the document page and its API twin show it: the listing's title
    and each source as its published URL (kept as ``url``) and file base name."""
    return replace(
        view,
        title=title,
        sources=tuple(replace(s, source=public_source(s.source, None) or "") for s in view.sources),
    )


def display_title(
    title: str | None,
    *,
    headings: Iterable[str] = (),
    url: str | None = None,
    source: str | None = None,
    document_id: int | str,
) -> str:
    """The stored title unless it is site furniture or a file path; else the first heading of
    the document that is not furniture, the URL's last path segment as words, the file's base
    name, or "Document N"."""
    if title and not is_site_furniture(title) and not _looks_like_a_path(title):
        return title
    for heading in headings:
        if not is_site_furniture(heading):
            return heading
    from_url = title_from_url(url) or title_from_url(source)
    if from_url:
        return from_url
    if source and not source.startswith(_URL_SCHEMES) and base_name(source):
        return base_name(source)
    return f"Document {document_id}"


def _looks_like_a_path(title: str) -> bool:
    return title.startswith(("/", "~/")) or bool(re.match(r"[A-Za-z]:\\", title))
