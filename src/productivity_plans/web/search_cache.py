"""Search results kept per data generation: a query asked again costs a dictionary look-up.

A page of hits is a function of the query, the filters, the page and the stored data. The key
holds the first three; the catalogue's generation (``Catalogue.generation``: documents, facts,
uploads, publications and withdrawals, passages and codes) stands for the data. Any write
changes the generation, so a cached page is never served across a change: at once after a
write in this process (``Catalogue.invalidate`` also empties this cache) and within
``GENERATION_TTL`` (one second) after another process's, the same freshness as every other
page the catalogue serves. Search reads the public record only, the same for every visitor, so
one entry serves everyone.

A broad full-text query ranks every match inside FTS5 (``bm25`` over ten thousand blocks of
the sector: about 25 ms of one core), which is most of what a busy search box costs; the same
few queries are asked again and again. Different queries are not helped: each is searched
once per generation. A search by meaning is also keyed on the version of the semantic index's
matrix it ranked (``SemanticIndex.version``), which refreshes on its own clock. A request with
``Cache-Control: no-cache`` searches afresh (and keeps the result), which is how the benchmark
measures real searching with a rotation of queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

_T = TypeVar("_T")
# A page of 20-50 hits (each with its block's text) is tens of kilobytes, so 256 pages are
# about 10 MB per process; the API's largest page (200 hits of long blocks) is under 0.5 MB.
SEARCH_ENTRIES = 256


class SearchCache:
    """Least recently used search results of the current generation. Thread-safe."""

    def __init__(
        self, generation: Callable[[], Hashable], *, entries: int = SEARCH_ENTRIES
    ) -> None:
        self._generation = generation
        self._entries = entries
        self._lock = threading.Lock()
        self._results: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()

    def get(self, key: Hashable, search: Callable[[], _T], *, fresh: bool = False) -> _T:
        """``search()``'s result for ``key`` in the current generation: kept from an earlier
        call unless ``fresh`` asks for a new search. Two requests that miss at once both
        search (a search is milliseconds; waiting for another's would serialise them)."""
        generation = self._generation()
        if not fresh:
            with self._lock:
                kept = self._results.get(key)
                if kept is not None and kept[0] == generation:
                    self._results.move_to_end(key)
                    return cast(_T, kept[1])
        value = search()
        with self._lock:
            self._results[key] = (generation, value)
            self._results.move_to_end(key)
            while len(self._results) > self._entries:
                self._results.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        return len(self._results)
