"""Procedure search: one page of current published procedures, best match first, with the total.

Search runs in PostgreSQL on the GIN index of ``procedures.search_vector`` (built from the folded
name and the code); the query is folded by the same ``app.services.text.fold`` and every word is
matched as a prefix. Nothing loads the catalog into Python. Pages may come from the per-process
``SearchCache``, keyed by the catalog generation (``app.services.search_cache``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Integer,
    Select,
    String,
    bindparam,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg

from app.models.procedure import (
    CatalogState,
    OnlineLevel,
    Procedure,
    ProcedureApplication,
    duration,
)
from app.services.catalog.reads import PageRequest
from app.services.catalog.search_cache import GENERATION_SQL, SearchCache
from app.services.catalog.text import fold, prefix_tsquery


@dataclass(frozen=True)
class ProcedureFilter:
    q: str | None = None
    agency: str | None = None
    field: str | None = None
    online: OnlineLevel | None = None


SUMMARY_COLUMNS = (
    Procedure.code,
    Procedure.version,
    Procedure.name,
    Procedure.field_code,
    Procedure.online_level,
    Procedure.processing_time_amount,
    Procedure.processing_time_unit,
    Procedure.levels,
)

# Names in the national catalog often begin with "Thủ tục"; a query without it still counts as a
# phrase prefix of such a name ("dang ky khai sinh" → "Thủ tục đăng ký khai sinh").
_NAME_LEAD = "thu tuc "
# the text search configuration of the generated column (a constant, never user input)
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")
_ASYNCPG = PGDialect_asyncpg()  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class SearchStatement:
    """A search statement and the values of its bound parameters."""

    statement: Select[Any]
    params: dict[str, Any]

    def bound(self) -> Select[Any]:
        """The statement with its values bound (for ``EXPLAIN`` and the benchmark)."""
        return self.statement.params(self.params)


def _like_prefix(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


@functools.cache
def _search_hits(has_q: bool, agency: bool, field: bool, online: bool) -> CTE:
    """The matches as narrow rows ``(id, tier, rank, length, code)``: what ordering needs, no more.

    Built once per combination of filters, with bound parameters for every value: a search then
    costs no statement building and SQLAlchemy's compiled cache always hits.
    """
    conditions: list[Any] = [Procedure.is_current]
    if field:
        conditions.append(Procedure.field_code == bindparam("field"))
    if online:
        conditions.append(Procedure.online_level == bindparam("online"))
    if agency:
        conditions.append(
            exists().where(
                ProcedureApplication.procedure_code == Procedure.code,
                ProcedureApplication.agency_code == bindparam("agency"),
                ProcedureApplication.state == CatalogState.published,
            )
        )
    tier: ColumnElement[Any] = literal_column("2")
    rank: ColumnElement[Any] = literal_column("0::real")
    if has_q:
        # a scalar subquery: parsed once per statement (an InitPlan), also under the generic plan
        # PostgreSQL switches to for a statement asyncpg has prepared, instead of once per row
        tsquery = select(
            func.to_tsquery(_SIMPLE, bindparam("tsquery", type_=String))
        ).scalar_subquery()
        conditions.append(Procedure.search_vector.bool_op("@@")(tsquery))
        tier = case(
            (
                or_(
                    Procedure.name_folded == bindparam("folded", type_=String),
                    Procedure.code == bindparam("q", type_=String),
                ),
                0,
            ),
            (
                or_(
                    Procedure.name_folded.like(bindparam("prefix", type_=String), escape="/"),
                    Procedure.name_folded.like(bindparam("lead_prefix", type_=String), escape="/"),
                ),
                1,
            ),
            else_=2,
        )
        rank = func.ts_rank_cd(Procedure.search_vector, tsquery, 2)
    return (
        select(
            Procedure.id,
            tier.label("tier"),
            rank.label("rank"),
            func.length(Procedure.name).label("length"),
            Procedure.code,
        )
        .where(*conditions)
        .cte("hits")
    )


@functools.cache
def _page_statement(has_q: bool, agency: bool, field: bool, online: bool) -> Select[Any]:
    hits = _search_hits(has_q, agency, field, online)
    order = (hits.c.tier, hits.c.rank.desc(), hits.c.length, hits.c.code)
    hit_page = (
        select(hits)
        .order_by(*order)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery("page")
    )
    total = select(func.count()).select_from(hits).scalar_subquery()
    return (
        select(*SUMMARY_COLUMNS, total.label("total"))
        .join_from(hit_page, Procedure, Procedure.id == hit_page.c.id)
        .order_by(hit_page.c.tier, hit_page.c.rank.desc(), hit_page.c.length, hit_page.c.code)
    )


@functools.cache
def _count_statement(has_q: bool, agency: bool, field: bool, online: bool) -> Select[Any]:
    return select(func.count()).select_from(_search_hits(has_q, agency, field, online))


def _search_params(filters: ProcedureFilter) -> tuple[tuple[bool, ...], dict[str, Any]] | None:
    """Which statement shape and which values; None when ``q`` has no searchable word."""
    params: dict[str, Any] = {}
    q = (filters.q or "").strip()
    if q:
        tsquery_text = prefix_tsquery(q)
        if tsquery_text is None:
            return None
        folded = fold(q)
        params.update(
            tsquery=tsquery_text,
            folded=folded,
            q=q,
            prefix=_like_prefix(folded),
            lead_prefix=_like_prefix(_NAME_LEAD + folded),
        )
    for name in ("agency", "field", "online"):
        if getattr(filters, name) is not None:
            params[name] = getattr(filters, name)
    shape = (bool(q), filters.agency is not None, filters.field is not None)
    return (*shape, filters.online is not None), params


def procedure_search_query(filters: ProcedureFilter, page: PageRequest) -> SearchStatement | None:
    """One page of the search with the total (None when ``q`` has no searchable word).

    Ranking: exact name (or code), then names starting with the query, then full-text rank
    (cover density, normalised by length), then the shorter name, then the code. ``q`` is case-
    and accent-insensitive and every word matches as a prefix.

    The matches are ranked as narrow rows (a materialised CTE read twice: once for the page, once
    for the total), and only the page's rows are joined back for the summary columns; ranking wide
    rows under ``count(*) OVER ()`` cost twice as much on broad queries (``c``, ``cap``).
    """
    found = _search_params(filters)
    if found is None:
        return None
    shape, params = found
    params.update(offset=page.offset, limit=page.page_size)
    return SearchStatement(_page_statement(*shape), params)


def procedure_count_query(filters: ProcedureFilter) -> SearchStatement | None:
    """How many procedures match (for a page past the end, which carries no rows)."""
    found = _search_params(filters)
    if found is None:
        return None
    shape, params = found
    return SearchStatement(_count_statement(*shape), params)


@functools.cache
def _driver_sql(kind: str, shape: tuple[bool, ...]) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """A shape's page or count statement as PostgreSQL text, its parameter names in order and the
    values of its constant parameters (the tiers, the rank normalisation).

    Compiled once per shape; a search then hands text and values straight to asyncpg, which
    prepares it once per connection (no SQLAlchemy compile, cache-key or result layer per request).
    """
    statement = _page_statement(*shape) if kind == "page" else _count_statement(*shape)
    compiled = statement.compile(dialect=_ASYNCPG)
    constants = {name: value for name, value in compiled.params.items() if value is not None}
    return str(compiled), tuple(compiled.positiontup or ()), constants


def _driver_args(kind: str, shape: tuple[bool, ...], params: dict[str, Any]) -> list[Any]:
    sql, names, constants = _driver_sql(kind, shape)
    return [sql, *(params[name] if name in params else constants[name] for name in names)]


async def search_rows(
    driver: Any, filters: ProcedureFilter, page: PageRequest
) -> tuple[list[Any], int]:
    """One page of matches (records with ``SUMMARY_COLUMNS``) and the total, on an asyncpg connection.

    ``driver`` is the asyncpg connection itself (``AsyncConnection.get_raw_connection()``): in a
    transaction if its owner began one, otherwise each statement is its own snapshot.
    """
    found = _search_params(filters)
    if found is None:
        return [], 0
    shape, params = found
    params.update(offset=page.offset, limit=page.page_size)
    rows = await driver.fetch(*_driver_args("page", shape, params))
    if rows:
        return rows, int(rows[0]["total"])
    if page.page == 1:
        return [], 0
    return [], int(await driver.fetchval(*_driver_args("count", shape, params)) or 0)


def render_page(rows: list[Any], total: int, page: PageRequest) -> bytes:
    """The JSON of ``Page[ProcedureSummary]`` for these rows, rendered once (cached as bytes).

    Field for field what ``schemas.catalog.procedure_summary`` validates (tests compare the two).
    """
    items = []
    for row in rows:
        levels = row["levels"]
        items.append(
            {
                "code": row["code"],
                "version": row["version"],
                "name": row["name"],
                "field": row["field_code"],
                "online_level": row["online_level"],
                "processing_time": duration(
                    row["processing_time_amount"], row["processing_time_unit"]
                ),
                "levels": json.loads(levels) if isinstance(levels, str) else levels,
            }
        )
    body = {"items": items, "total": total, "page": page.page, "page_size": page.page_size}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode()


async def search_page(
    driver: Any, filters: ProcedureFilter, page: PageRequest, cache: SearchCache
) -> bytes:
    """The public search answer as JSON bytes, from ``cache`` when its generation is current.

    Two single statements on ``driver`` (an asyncpg connection, ``db.read_connection``: outside any
    transaction, or in tests inside the test's): the generation (one primary-key read), then, on a
    miss only, the search. The search's snapshot is taken after the
    generation was read, which is what ``app.services.search_cache`` needs: a committed catalog
    change is never hidden, and no entry is older than its key.
    """
    key = (
        (filters.q or "").strip(),
        filters.agency,
        filters.field,
        filters.online,
        page.page,
        page.page_size,
    )
    generation = int(await driver.fetchval(GENERATION_SQL) or 0)
    body = cache.get(generation, key)
    if body is not None:
        return body
    rows, total = await search_rows(driver, filters, page)
    body = render_page(rows, total, page)
    cache.put(generation, key, body)
    return body
