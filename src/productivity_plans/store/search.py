"""Full-text search over blocks: turning what a user typed into a safe query, per dialect.

Users type things like ``single year settlement``, ``"single-year" AND``, ``C++`` or
``council's``. Passed straight to FTS5 several of those are syntax errors, so nothing the user
types is ever handed to the engine as query syntax. Instead the query is reduced to words
(the same way the index tokenised the text) and rebuilt:

* every whitespace-separated chunk becomes a term; a chunk the tokeniser would split
  (``single-year``, ``council's``) becomes a phrase, and a ``"quoted run"`` is a phrase too;
* all terms must match (AND), like a web search engine and like PostgreSQL's
  ``websearch_to_tsquery``. Bare ``AND`` / ``OR`` / ``NOT`` are dropped as noise, since we do not
  offer operators and keeping them would demand the literal word "and" on SQLite only;
* a query with no words left (``""``, ``*``, ``"``) matches nothing rather than erroring.

SQLite gets each term double-quoted for FTS5 and ranks by ``bm25``; PostgreSQL gets the rebuilt
string through ``websearch_to_tsquery('english', ...)`` (which never raises) and ranks by
``ts_rank``. One difference remains by design: PostgreSQL's English configuration ignores stop
words ("the", "of"), SQLite's porter tokeniser indexes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import TextClause, text

# Words the index would produce from a chunk: letters and digits; anything else separates.
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"')
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# A pasted page of text is not a search; cap the work an FTS query can ask for.
MAX_TERMS = 32

# Private-use characters stand in for highlight marks on PostgreSQL: ts_headline takes its
# marks inside an options string with its own quoting rules, so user marks never go there.
_PG_START = "\ue000"
_PG_END = "\ue001"
_PG_FRAGMENTS = "\ue002"

FTS_OBJECTS = frozenset({"blocks_fts", "blocks_fts_ai", "blocks_fts_ad", "blocks_fts_au"})


def is_fts_object(name: str | None, type_: str) -> bool:
    """True for the hand-written FTS table, its shadow tables, triggers, and the PG tsv column.

    Alembic autogenerate must not try to drop these just because the models do not map them.
    """
    if name is None:
        return False
    if type_ == "column":
        return name == "tsv"
    return name in FTS_OBJECTS or name.startswith("blocks_fts_") or name == "ix_blocks_tsv"


@dataclass(frozen=True, slots=True)
class Marks:
    """Text placed around matched words in snippets, and between snippet fragments."""

    start: str = "["
    end: str = "]"
    ellipsis: str = "…"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching block: enough to show it in a result list and cite it."""

    block_id: int
    document_id: int
    title: str | None
    source: str | None  # the first place the document was seen
    page: int
    kind: str
    text: str
    snippet: str
    score: float  # higher is better; comparable only within one result list
    council_gss: str | None = None  # the council the extract stage attributed the document to
    council: str | None = None  # that council's official name


def council_name(gss_code: str | None) -> str | None:
    """The official name of a council by GSS code (None when unknown)."""
    if gss_code is None:
        return None
    from productivity_plans.councils import load_register

    council = load_register().by_gss(gss_code)
    return council.official_name if council else None


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Reduce a user's query to terms; each term is a tuple of words matched as a phrase."""
    terms: list[tuple[str, ...]] = []
    # Quoted runs first; an unbalanced quote is just a separator.
    pieces = _QUOTED.split(query)
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            words = tuple(_WORD.findall(piece))
            if words:
                terms.append(words)
            continue
        for chunk in piece.replace('"', " ").split():
            if chunk in _OPERATORS:
                continue
            words = tuple(_WORD.findall(chunk))
            if words:
                terms.append(words)
    return terms[:MAX_TERMS]


def fts5_match(terms: list[tuple[str, ...]]) -> str:
    """FTS5 MATCH string: each term a double-quoted string (phrase), implicitly ANDed.

    Words hold only letters and digits, so they need no escaping inside the quotes.
    """
    return " ".join('"' + " ".join(words) + '"' for words in terms)


def websearch_query(terms: list[tuple[str, ...]]) -> str:
    """Input for ``websearch_to_tsquery``: the same terms, quoted so "or" stays a word."""
    return " ".join('"' + " ".join(words) + '"' for words in terms)


_SOURCE_SUBQUERY = (
    "(SELECT s.source FROM sources s WHERE s.document_id = {doc} ORDER BY s.id LIMIT 1)"
)

_SQLITE_SEARCH = f"""
SELECT b.id AS block_id, b.document_id, d.title, b.page, b.kind, b.text,
       {_SOURCE_SUBQUERY.format(doc="b.document_id")} AS source,
       snippet(blocks_fts, 0, :mark_start, :mark_end, :ellipsis, :snippet_tokens) AS snippet,
       -bm25(blocks_fts) AS score, f.council_gss
FROM blocks_fts
JOIN blocks b ON b.id = blocks_fts.rowid
JOIN documents d ON d.id = b.document_id
LEFT JOIN facts f ON f.document_id = b.document_id
WHERE blocks_fts MATCH :match {{council_filter}} {{public_filter}}
ORDER BY bm25(blocks_fts), b.id
LIMIT :limit
"""

# Rank and limit first, then build headlines only for the rows returned: ts_headline re-parses
# the text and is the expensive part.
_POSTGRES_SEARCH = f"""
WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
hits AS (
    SELECT b.id, b.document_id, b.page, b.kind, b.text,
           ts_rank(b.tsv, q.query, 1) AS score, q.query, f.council_gss
    FROM blocks b CROSS JOIN q
    LEFT JOIN facts f ON f.document_id = b.document_id
    WHERE b.tsv @@ q.query {{council_filter}} {{public_filter}}
    ORDER BY score DESC, b.id
    LIMIT :limit
)
SELECT h.id AS block_id, h.document_id, d.title, h.page, h.kind, h.text,
       {_SOURCE_SUBQUERY.format(doc="h.document_id")} AS source,
       ts_headline('english', h.text, h.query, :headline_options) AS snippet,
       h.score, h.council_gss
FROM hits h
JOIN documents d ON d.id = h.document_id
ORDER BY h.score DESC, h.id
"""


def search_statement(
    dialect: str,
    terms: list[tuple[str, ...]],
    *,
    limit: int,
    marks: Marks,
    council: str | None = None,
    public: str | None = None,
) -> tuple[TextClause, dict[str, Any]]:
    """The ranked search SQL and its bound parameters for ``dialect``; ``council`` (a GSS
    code) restricts hits to documents attributed to that council, ``public`` (a condition on
    ``b.document_id``, from ``store.visibility``) to the documents it holds for."""
    council_filter = "AND f.council_gss = :council" if council else ""
    filters = {
        "council_filter": council_filter,
        "public_filter": f"AND ({public})" if public else "",
    }
    extra: dict[str, Any] = {"council": council.upper()} if council else {}
    if dialect == "sqlite":
        return text(_SQLITE_SEARCH.format(**filters)), extra | {
            "match": fts5_match(terms),
            "mark_start": marks.start,
            "mark_end": marks.end,
            "ellipsis": marks.ellipsis,
            "snippet_tokens": 24,
            "limit": limit,
        }
    if dialect == "postgresql":
        options = (
            f"StartSel={_PG_START}, StopSel={_PG_END}, MaxWords=24, MinWords=8, "
            f"MaxFragments=2, FragmentDelimiter={_PG_FRAGMENTS}"
        )
        return text(_POSTGRES_SEARCH.format(**filters)), extra | {
            "query": websearch_query(terms),
            "headline_options": options,
            "limit": limit,
        }
    raise ValueError(f"no full-text search for dialect {dialect!r}")


def finish_snippet(dialect: str, snippet: str, marks: Marks) -> str:
    """Swap PostgreSQL's placeholder marks for the caller's; SQLite already used them."""
    if dialect != "postgresql":
        return snippet
    return (
        snippet.replace(_PG_START, marks.start)
        .replace(_PG_END, marks.end)
        .replace(_PG_FRAGMENTS, f" {marks.ellipsis} ")
    )
