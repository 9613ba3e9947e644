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

import json
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

# Search runs in two statements. The first ranks and pages block ids only (no text, no
# snippet); the second fetches text, title, source, council and the highlighted snippet for
# that page alone. A snippet costs as much as re-reading the block, so building one per match
# and keeping twenty (as one statement with ORDER BY ... LIMIT did: SQLite evaluates the
# selected columns before sorting) was most of a broad query's time.
#
# On SQLite the page's hits are read back by a second MATCH (snippet() needs the match's
# positions), kept to the page's range of rowids: FTS5 seeks to the first and stops
# after the last rather than walking every match of a broad query (the "+" stops SQLite from
# running one MATCH per page rowid instead: 1.4-16 ms against 0.2-4.6 ms for a page of 20).
#
# SQLite: FTS5 ranks inside the index (ORDER BY bm25 with LIMIT in the FTS query itself), over
# a window of the best matches; the visibility rule and the council filter then look at that
# window only, not at every match. When they leave the page short and the window was full, the
# window widens (rare: drafts are few). A ``document_ids`` filter is applied inside the FTS
# query instead, since it may keep only a small share of the matches.
_SQLITE_RANKED = """
WITH ranked AS MATERIALIZED (
    SELECT rowid AS block_id, bm25(blocks_fts) AS bm25
    FROM blocks_fts
    WHERE blocks_fts MATCH :match {documents_filter}
    ORDER BY bm25(blocks_fts), rowid
    LIMIT :window
)
SELECT r.block_id, b.document_id, -r.bm25 AS score,
       (SELECT count(*) FROM ranked) AS window_rows, count(*) OVER () AS kept_rows
FROM ranked r
JOIN blocks b ON b.id = r.block_id
LEFT JOIN facts f ON f.document_id = b.document_id
WHERE 1 = 1 {council_filter} {public_filter}
ORDER BY r.bm25, r.block_id
LIMIT :limit OFFSET :offset
"""

_SQLITE_HITS = f"""
SELECT b.id AS block_id, b.document_id, d.title, b.page, b.kind, b.text,
       {_SOURCE_SUBQUERY.format(doc="b.document_id")} AS source,
       snippet(blocks_fts, 0, :mark_start, :mark_end, :ellipsis, :snippet_tokens) AS snippet,
       f.council_gss
FROM blocks_fts
JOIN blocks b ON b.id = blocks_fts.rowid
JOIN documents d ON d.id = b.document_id
LEFT JOIN facts f ON f.document_id = b.document_id
WHERE blocks_fts MATCH :match AND blocks_fts.rowid BETWEEN :first AND :last
  AND +blocks_fts.rowid IN (SELECT value FROM json_each(:ids))
"""

_SQLITE_COUNT = """
SELECT count(*) AS found, count(*) AS window_rows FROM (
    SELECT 1
    FROM (SELECT rowid AS block_id FROM blocks_fts
          WHERE blocks_fts MATCH :match {documents_filter}) r
    JOIN blocks b ON b.id = r.block_id
    LEFT JOIN facts f ON f.document_id = b.document_id
    WHERE 1 = 1 {council_filter} {public_filter}
    LIMIT :window
)
"""

# The unary + keeps SQLite from handing the rowids to FTS5 one by one as constraints (a match
# query per rowid: 69 ms against 1.3 ms for a council's 6 documents among 11,180 matches).
_SQLITE_DOCUMENTS = (
    "AND +rowid IN (SELECT id FROM blocks "
    "WHERE document_id IN (SELECT value FROM json_each(:documents)))"
)

# PostgreSQL: matches are found either through the GIN index or by reading blocks in storage
# order until enough have matched, whichever the planner finds cheaper for the query's words
# (a broad query such as "productivity plan" matches a quarter of an archive's blocks: its GIN
# bitmap alone costs more than reading the first few thousand blocks). Either way the window
# is the first ``window`` matches in storage order with the word and document filters applied,
# and only those are ranked with ``ts_rank``: a query matching more than that is ranked among
# its first matches, not among all of them. The tsquery is written out (not a CTE) so the
# planner sees the words and estimates how many blocks match. The visibility rule looks at the
# window only (two index lookups per candidate, where inside the scan the planner would hash
# every document to check it); when drafts leave the page short and the window was full, the
# window widens (``Store._ranked``), as on SQLite.
_PG_TSQUERY = "websearch_to_tsquery('english', :query)"

_POSTGRES_RANKED = f"""
WITH candidates AS MATERIALIZED (
    SELECT b.id, b.document_id, b.tsv
    FROM blocks b
    WHERE b.tsv @@ {_PG_TSQUERY} {{documents_filter}} {{council_filter}}
    LIMIT :window
)
SELECT b.id AS block_id, b.document_id, ts_rank(b.tsv, {_PG_TSQUERY}, 1) AS score,
       (SELECT count(*) FROM candidates) AS window_rows, count(*) OVER () AS kept_rows
FROM candidates b
WHERE 1 = 1 {{public_filter}}
ORDER BY score DESC, b.id
LIMIT :limit OFFSET :offset
"""

# ts_headline re-parses the text and is the expensive part: only for the page shown.
_POSTGRES_HITS = f"""
WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query)
SELECT b.id AS block_id, b.document_id, d.title, b.page, b.kind, b.text,
       {_SOURCE_SUBQUERY.format(doc="b.document_id")} AS source,
       ts_headline('english', b.text, q.query, :headline_options) AS snippet,
       f.council_gss
FROM blocks b CROSS JOIN q
JOIN documents d ON d.id = b.document_id
LEFT JOIN facts f ON f.document_id = b.document_id
WHERE b.id IN (SELECT CAST(value AS integer) FROM json_array_elements_text(CAST(:ids AS json)))
"""

# Counted over the same kind of window: the public matches among the first ``window`` matches,
# and how many the window held (a full window with too few public matches is widened).
_POSTGRES_COUNT = f"""
WITH candidates AS MATERIALIZED (
    SELECT b.document_id
    FROM blocks b
    WHERE b.tsv @@ {_PG_TSQUERY} {{documents_filter}} {{council_filter}}
    LIMIT :window
)
SELECT count(*) AS found, (SELECT count(*) FROM candidates) AS window_rows
FROM candidates b
WHERE 1 = 1 {{public_filter}}
"""

# The documents as a semi-join on an array the planner sees (not JSON, whose length it guesses
# as 100): a council's few hundred documents are read through their blocks' (document_id,
# ordinal) index when the words are common, matched against the GIN index's few hits when they
# are rare. As ``document_id = ANY(...)`` the planner would AND the two indexes, paying for the
# whole GIN bitmap of a common word (70 ms for "productivity plan" against 6 ms).
_POSTGRES_DOCUMENTS = "AND b.document_id IN (SELECT unnest(CAST(:documents AS integer[])))"
# A council's documents are looked up once (an InitPlan on its index), then their blocks by
# the (document_id, ordinal) index: as a semi-join the planner scanned every fact (20 ms).
_POSTGRES_COUNCIL = (
    "AND b.document_id = ANY(ARRAY(SELECT f.document_id FROM facts f "
    "WHERE f.council_gss = :council))"
)

# Totals are counted up to here; beyond it a page says "more than 1,000".
COUNT_CAP = 1_000
# At most this many matches are ranked per PostgreSQL query, unless drafts leave the page short
# (see _POSTGRES_RANKED). One more than the count's cap, so that a window holding more public
# matches than the cap tells the total ("more than 1,000") without a count. Kept below the
# size at which the planner would hash every document for the visibility rule (≈ 2,000 on a
# 100,000-document archive) rather than look up the window's.
PG_CANDIDATES = COUNT_CAP + 1
# The first SQLite window: enough for a page or two after drafts are filtered out.
FIRST_WINDOW = 100


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What narrows a search besides the words: a council (GSS code, by extraction's
    attribution), a set of documents, and the visibility rule (SQL on ``b.document_id``, from
    ``store.visibility``; None searches drafts too)."""

    council: str | None = None
    document_ids: tuple[int, ...] | None = None
    public: str | None = None

    def sql(self, dialect: str) -> dict[str, str]:
        sqlite = dialect == "sqlite"
        council = "AND f.council_gss = :council" if sqlite else _POSTGRES_COUNCIL
        return {
            "council_filter": council if self.council else "",
            "public_filter": f"AND ({self.public})" if self.public else "",
            "documents_filter": (
                (_SQLITE_DOCUMENTS if sqlite else _POSTGRES_DOCUMENTS)
                if self.document_ids is not None
                else ""
            ),
        }

    def params(self, dialect: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if self.council:
            params["council"] = self.council.upper()
        if self.document_ids is not None:
            ids = list(self.document_ids)
            # PostgreSQL gets an array literal: one string, where psycopg would adapt a list
            # of tens of thousands of ids one by one (≈ 30 ms for a document type's 33,000).
            params["documents"] = (
                json.dumps(ids) if dialect == "sqlite" else "{" + ",".join(map(str, ids)) + "}"
            )
        return params


def _check(dialect: str) -> None:
    if dialect not in ("sqlite", "postgresql"):
        raise ValueError(f"no full-text search for dialect {dialect!r}")


def _limit(dialect: str, window: int | None) -> int | None:
    """A window as a LIMIT: None is every match, which SQLite spells -1 (PostgreSQL: NULL)."""
    return -1 if window is None and dialect == "sqlite" else window


def _words(dialect: str, terms: list[tuple[str, ...]]) -> dict[str, str]:
    if dialect == "sqlite":
        return {"match": fts5_match(terms)}
    return {"query": websearch_query(terms)}


def ranked_statement(
    dialect: str,
    terms: list[tuple[str, ...]],
    filters: SearchFilters,
    *,
    limit: int,
    offset: int,
    window: int | None,
) -> tuple[TextClause, dict[str, Any]]:
    """Ranked, filtered, paged block ids: ``block_id``, ``document_id``, ``score`` (higher is
    better), ``window_rows``: how many matches the window held (a full window means there may
    be more beyond it), and ``kept_rows``: how many of those passed every filter (the total,
    when the window was not full). ``window`` None ranks every match."""
    _check(dialect)
    sql = _SQLITE_RANKED if dialect == "sqlite" else _POSTGRES_RANKED
    params = _words(dialect, terms) | filters.params(dialect)
    params |= {"limit": limit, "offset": offset, "window": _limit(dialect, window)}
    return text(sql.format(**filters.sql(dialect))), params


def hits_statement(
    dialect: str, terms: list[tuple[str, ...]], block_ids: list[int], marks: Marks
) -> tuple[TextClause, dict[str, Any]]:
    """Text, title, source, council and highlighted snippet of the given blocks (one page)."""
    _check(dialect)
    params = _words(dialect, terms) | {"ids": json.dumps(block_ids)}
    if dialect == "sqlite":
        return text(_SQLITE_HITS), params | {
            "first": min(block_ids),
            "last": max(block_ids),
            "mark_start": marks.start,
            "mark_end": marks.end,
            "ellipsis": marks.ellipsis,
            "snippet_tokens": 24,
        }
    options = (
        f"StartSel={_PG_START}, StopSel={_PG_END}, MaxWords=24, MinWords=8, "
        f"MaxFragments=2, FragmentDelimiter={_PG_FRAGMENTS}"
    )
    return text(_POSTGRES_HITS), params | {"headline_options": options}


def count_statement(
    dialect: str, terms: list[tuple[str, ...]], filters: SearchFilters, *, window: int | None
) -> tuple[TextClause, dict[str, Any]]:
    """How many blocks match: ``found``, the matches that pass every filter among the first
    ``window``, and ``window_rows``, how many matches that window held. On SQLite every filter
    applies inside the window (the two are equal); on PostgreSQL the visibility rule applies
    after it, so a full window with too few public matches says nothing beyond itself."""
    _check(dialect)
    sql = _SQLITE_COUNT if dialect == "sqlite" else _POSTGRES_COUNT
    params = _words(dialect, terms) | filters.params(dialect)
    params["window"] = _limit(dialect, window)
    return text(sql.format(**filters.sql(dialect))), params


@dataclass(frozen=True, slots=True)
class SearchTotal:
    """How many blocks match: exact up to the cap, else "more than" the cap."""

    count: int
    more: bool = False

    def __str__(self) -> str:
        return f"more than {self.count:,}" if self.more else f"{self.count:,}"


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of hits and, when the search itself told it, the total (None: ask
    ``Store.count_matches``)."""

    hits: list[SearchHit]
    total: SearchTotal | None


def finish_snippet(dialect: str, snippet: str, marks: Marks) -> str:
    """Swap PostgreSQL's placeholder marks for the caller's; SQLite already used them."""
    if dialect != "postgresql":
        return snippet
    return (
        snippet.replace(_PG_START, marks.start)
        .replace(_PG_END, marks.end)
        .replace(_PG_FRAGMENTS, f" {marks.ellipsis} ")
    )
