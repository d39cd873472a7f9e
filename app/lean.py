"""Lean routes: the hottest requests served without the framework's per-request layers.

Only requests whose documented route cannot reach its target in ``bench/`` have one: today the
public lookup, the usual catalog search and the payment gateways' callbacks (their handlers take the
raw query or body and nothing FastAPI would parse; each runs in one transaction committed before the
answer, ``routing.write_transaction``). A lean route matches with its documented route's own
parameter model (``model_params``), so both validate alike.

A lean route says which requests it serves (``match``: the parsed request, or ``None`` to leave it to
the documented FastAPI route) and serves them (``serve`` reads what ``match`` parsed under
``scope[LEAN_KEY]``). :class:`LeanAPI` sends a matched request to a stack made of the same user
middleware as everything else (request id and access log, CORS, the 500 problem) around ``serve``, so
only FastAPI's own layers (its exception and body-limit middlewares, route scanning, dependency
solving, response-model validation) are skipped. A request a lean route does not match (a missing or
malformed parameter, another method) gets the documented route's usual answer (422 problem, 405...).
Measured in bench/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from fastapi import FastAPI
from pydantic import BaseModel, ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

LEAN_KEY = "motcua.lean"
M = TypeVar("M", bound=BaseModel)


def query_params(scope: Scope, allowed: frozenset[str]) -> dict[str, str] | None:
    """The query as a dict when every parameter is ``allowed`` and appears once, else ``None``."""
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    params = dict(pairs)
    if len(params) != len(pairs) or not allowed.issuperset(params):
        return None
    return params


def model_params(scope: Scope, model: type[M]) -> M | None:
    """The query validated by ``model``, the documented route's own parameter model, when every
    parameter is one of its fields and appears once; ``None`` for anything else (the documented route
    then answers it, with the same model: one source of validation)."""
    params = query_params(scope, frozenset(model.model_fields))
    if params is None:
        return None
    try:
        return model.model_validate(params)
    except ValidationError:
        return None


def cached_model_params(model: type[M], maxsize: int = 4096) -> Callable[[Scope], M | None]:
    """``model_params`` remembered per query string, for anonymous queries that repeat (the catalog
    search); never for a query that carries a secret (a lookup's PIN). ``model`` must be frozen: one
    validated instance serves every request with the same query string."""

    @lru_cache(maxsize=maxsize)
    def validated(query_string: bytes) -> M | None:
        return model_params({"query_string": query_string}, model)

    return lambda scope: validated(scope["query_string"])


@dataclass(frozen=True)
class LeanRoute:
    match: Callable[[Scope], Any | None]
    serve: ASGIApp


class LeanAPI(FastAPI):
    """FastAPI with :class:`LeanRoute` s tried first (``lean_routes``, added before the first request)."""

    lean_routes: list[LeanRoute]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lean_routes = []

    def build_middleware_stack(self) -> ASGIApp:
        full = super().build_middleware_stack()
        routes: list[tuple[Callable[[Scope], Any | None], ASGIApp]] = []
        for route in self.lean_routes:
            app = route.serve
            for cls, args, kwargs in reversed(self.user_middleware):
                app = cls(app, *args, **kwargs)
            routes.append((route.match, app))

        async def dispatch(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                for match, app in routes:
                    matched = match(scope)
                    if matched is not None:
                        scope[LEAN_KEY] = matched
                        await app(scope, receive, send)
                        return
            await full(scope, receive, send)

        return dispatch
