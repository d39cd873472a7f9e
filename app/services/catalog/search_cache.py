"""A per-process cache of catalog search pages, keyed by the catalog generation.

Every write to ``procedures`` or ``procedure_applications`` bumps ``catalog_generation.value`` in the
writer's own transaction (statement triggers, migration 0007). A search first reads the generation
(``GENERATION_SQL``, one primary-key lookup) and only then looks in the cache under (generation,
normalised query); an entry is the page's JSON, rendered once:

- a committed change is never hidden: a reader that runs after the commit reads the new number, and
  no entry was ever stored under it with older rows;
- an entry is at least as new as its key: the search statement runs after the generation was read,
  so its snapshot is the same or later (READ COMMITTED, or autocommit where each statement takes a
  new snapshot), never earlier;
- entries of older generations are simply never asked for again and age out of the LRU.

The cache lives on the application (``app.state``), one per process and per database: two workers
each keep their own, which costs only memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.procedure import CatalogGeneration

DEFAULT_ENTRIES = 4096
GENERATION_SQL = "SELECT value FROM catalog_generation WHERE id = 1"


async def catalog_generation(session: AsyncSession) -> int:
    """The current catalog generation as this transaction sees it."""
    value = await session.scalar(select(CatalogGeneration.value).where(CatalogGeneration.id == 1))
    return int(value or 0)


class SearchCache:
    """A bounded LRU of rendered search pages: ``(generation, key) -> JSON bytes``."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES) -> None:
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple[int, Hashable], bytes] = OrderedDict()

    def get(self, generation: int, key: Hashable) -> bytes | None:
        entry = self._entries.get((generation, key))
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end((generation, key))
        self.hits += 1
        return entry

    def put(self, generation: int, key: Hashable, body: bytes) -> None:
        self._entries[(generation, key)] = body
        self._entries.move_to_end((generation, key))
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
