"""Application factory: settings, lifespan (engine made here, never at import), routers, handlers."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi

from app import __doc__ as app_doc
from app.admission import FairLimit
from app.config import Environment, Settings, get_settings
from app.db import (
    asyncpg_dsn,
    create_engine,
    create_read_pool,
    create_read_session_factory,
    create_session_factory,
)
from app.docs import install_docs
from app.input_guard import BadInputMiddleware
from app.lean import LeanAPI
from app.limits import BodyLimitMiddleware
from app.observability import RequestContextMiddleware, configure_logging
from app.openapi_docs import document_operations
from app.openapi_examples import complete_examples
from app.problems import (
    InternalErrorMiddleware,
    RequestTargetMiddleware,
    document_problems,
    install_error_handlers,
)
from app.routers import (
    calendar,
    catalog,
    catalog_admin,
    dossiers,
    dossiers_lookup,
    dossiers_register,
    dossiers_results,
    identity,
    identity_admin,
    identity_dev,
    integrations,
    payments,
    payments_admin,
    payments_sandbox,
    reports,
    stats,
    system,
    system_admin,
    uploads,
)
from app.services.calendar import cache as calendar_cache
from app.services.calendar.cache import OverridesCache
from app.services.calendar.working_time import warm_holidays
from app.services.identity.dev_issuer import DevCitizenIssuer
from app.services.identity.jwks import HttpJwksSource, JwksVerifier
from app.services.identity.tokens import TokenService
from app.services.stats.answers import Answers
from app.services.system.health import alembic_heads
from app.services.uploads.storage import LocalStorage
from app.workers.runner import run_in_process

log = logging.getLogger(__name__)

API_DESCRIPTION = """
MotCua — hệ thống thông tin giải quyết thủ tục hành chính một cửa.

Backend of Vietnam's one-stop administrative procedure system: procedure catalog, dossiers and their
lifecycle, public lookup, payments and national-portal synchronisation.

* Errors are `application/problem+json` (RFC 9457) with a stable `code`; titles and details are in
  Vietnamese.
* Officers authenticate with `POST /api/v1/auth/token` (the **Authorize** button above:
  `OAuth2PasswordBearer`, username and password).
* Citizens and businesses send a bearer token of the citizens' identity provider (VNeID-style OIDC);
  in the demo, `POST /api/v1/dev/citizen-token` mints one (**Authorize**: `CitizenBearer`).
* Each operation's description ends with who may call it, and declares the tokens it accepts.
"""

TAGS = [
    {"name": "health", "description": "Liveness and readiness probes."},
    {"name": "auth", "description": "Officer authentication (OAuth2 password flow, JWT)."},
    {"name": "admin: users", "description": "Officer accounts and their (agency, role) pairs."},
    {
        "name": "calendar",
        "description": "Working calendar: preview of an appointment date in working days or hours.",
    },
    {
        "name": "admin: calendar",
        "description": "Public holidays of a year and administrator overrides (extra days off, "
        "compensatory working days).",
    },
    {
        "name": "uploads",
        "description": "Files uploaded first (PDF, JPEG, PNG checked by content) and referenced by id.",
    },
    {
        "name": "dev",
        "description": "Development issuer of citizen tokens (demo and tests only; absent in production).",
    },
    {
        "name": "dossiers",
        "description": "Dossiers: submission, worklists, lifecycle actions, audit trail, forms.",
    },
    {"name": "lookup", "description": "Public status lookup with the dossier code and its PIN."},
    {
        "name": "admin: outbox",
        "description": "Durable side effects: outbox delivery state, dead letters, periodic jobs.",
    },
    {
        "name": "admin: audit",
        "description": "The administrators' append-only audit log (province administrator only).",
    },
    {
        "name": "catalog",
        "description": "Public procedure catalog: units, agencies, fields, procedure search.",
    },
    {
        "name": "admin: catalog",
        "description": "Catalog administration: versioned procedures and applications, templates.",
    },
]


def _register_citizen_issuers(app: FastAPI, settings: Settings) -> None:
    """The citizens' identity provider (JWKS) and, when asked for outside production, the development
    issuer."""
    tokens: TokenService = app.state.token_service
    if settings.citizen_issuer is not None and settings.citizen_jwks_url is not None:
        tokens.register(
            JwksVerifier(
                issuer=settings.citizen_issuer,
                audience=settings.citizen_audience,
                algorithms=tuple(settings.citizen_algorithms),
                source=HttpJwksSource(settings.citizen_jwks_url),
                cache_seconds=settings.citizen_jwks_cache_seconds,
                refetch_seconds=settings.citizen_jwks_refetch_seconds,
            )
        )
    if settings.dev_issuer_enabled:
        log.warning(
            "dev_issuer_enabled",
            extra={"hint": "POST /api/v1/dev/citizen-token lets anyone act as any citizen"},
        )
        app.state.dev_issuer = DevCitizenIssuer(settings)
        tokens.register(app.state.dev_issuer.verifier())
        app.include_router(identity_dev.router)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, json_logs=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.database_url is None:
            raise RuntimeError("MOTCUA_DATABASE_URL is not set (use `motcua serve --demo`)")
        listener_stop = asyncio.Event()
        listener_task = None
        if not hasattr(app.state, "engine"):  # tests may hand in their own
            app.state.engine = create_engine(settings.database_url.get_secret_value(), settings)
            # the calendar's overrides kept while PostgreSQL tells this process of every change
            overrides = OverridesCache(max_age_seconds=settings.calendar_cache_seconds)
            app.state.calendar_cache = overrides
            app.state.session_factory = create_session_factory(
                app.state.engine, info={calendar_cache.INFO_KEY: overrides}
            )
            app.state.read_session_factory = create_read_session_factory(app.state.engine)
            if settings.calendar_cache_seconds > 0:
                dsn = asyncpg_dsn(settings.database_url.get_secret_value())
                listener_task = asyncio.create_task(
                    calendar_cache.listen(overrides, dsn, listener_stop)
                )
        if not hasattr(app.state, "read_pool"):  # the hot public reads' own pool
            app.state.read_pool = await create_read_pool(
                settings.database_url.get_secret_value(), settings
            )
        app.state.alembic_heads = alembic_heads()
        # the public holidays of the years in use, now rather than on the first action after a
        # start (the package imports its calendars: ~0.4 s), and frozen with the rest below
        warm_holidays()
        # Everything imported and built so far lives as long as the process: keep it out of the
        # cyclic collector's full passes, which otherwise walk it again and again and pause every
        # request in flight (the statistics' p99 at 16 clients went 122 → 56 ms, bench/README.md).
        # Not in tests, which build many apps in one process.
        if settings.env is not Environment.test:
            gc.collect()
            gc.freeze()
        worker_stop = asyncio.Event()
        worker_task = None
        if settings.worker_in_process:  # demo mode: one command runs everything
            worker_task = asyncio.create_task(run_in_process(settings, worker_stop))
        try:
            yield
        finally:
            if worker_task is not None:
                worker_stop.set()
                await worker_task
            if listener_task is not None:
                listener_stop.set()
                await listener_task
            await app.state.engine.dispose()
            await app.state.read_pool.close()

    app = LeanAPI(
        title="MotCua API",
        version="0.1.0",
        summary=(app_doc or "").strip(),
        description=API_DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        # the documentation pages come from app/docs.py (no CDN); all three are off when docs are off
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs_on else None,
    )
    if settings.docs_on:
        install_docs(app)
    app.state.settings = settings
    app.state.callback_admission = FairLimit(settings.callback_concurrency)
    app.state.token_service = TokenService(settings)
    app.state.storage = LocalStorage(settings.upload_root)
    app.state.stats_answers = Answers(settings.stats_answer_seconds)

    install_error_handlers(app)
    # Middleware added later wraps what was added before: errors, then the refusal of a NUL in any
    # input (app/input_guard.py, inside the body limit: the body it reads is capped), then the body
    # limit, then the request target's checks (a path that is not UTF-8, an over-long query), then
    # CORS (so even a 500 carries CORS headers), then the request context outermost (a request id
    # for everything inside). The lean routes get the same stack.
    app.add_middleware(InternalErrorMiddleware)
    app.add_middleware(BadInputMiddleware, exempt_prefixes=payments.PAYMENT_CALLBACK_PREFIXES)
    app.add_middleware(
        BodyLimitMiddleware,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.upload_max_bytes,
    )
    app.add_middleware(RequestTargetMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "If-Match"],
            expose_headers=["X-Request-ID", "ETag", "Retry-After"],
            max_age=600,
        )
    app.add_middleware(RequestContextMiddleware)

    for router in (
        system.router,
        identity.router,
        identity.citizen_router,
        identity_admin.router,
        catalog.router,
        catalog_admin.router,
        calendar.router,
        uploads.router,
        dossiers.router,
        dossiers_register.router,
        dossiers_lookup.router,
        dossiers_results.router,
        dossiers_results.ratings_router,
        stats.router,
        reports.router,
        payments.router,
        payments.callback_router,
        payments_admin.router,
        system_admin.router,
        system_admin.audit_router,
        calendar.admin_router,
        integrations.files_router,
        integrations.router,
    ):
        app.include_router(router)
    if settings.payment_sandbox_on:  # the demo's own payment page (never in production)
        app.include_router(payments_sandbox.router)
    # the hot public requests, served without the framework's per-request layers (app/lean.py)
    app.lean_routes.extend((dossiers_lookup.LEAN_ROUTE, catalog.LEAN_ROUTE, payments.LEAN_ROUTE))
    _register_citizen_issuers(app, settings)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            document_problems(schema)
            document_operations(schema, app.routes)
            complete_examples(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
