"""The API documentation pages, served without the internet: Swagger UI and ReDoc from a package.

Rule (issue 11): ``/docs`` renders with no network access, so no page we serve names a CDN. The
JavaScript, CSS and favicon come from the ``fastapi-offline`` package's static folder, mounted under
``/docs/static``. Swagger UI never keeps a token in the browser's storage (``persistAuthorization``
false) and never asks the public online validator (``validatorUrl`` null). The pages, the OAuth2
redirect page and the OpenAPI JSON exist only when ``Settings.docs_on`` (``MOTCUA_DOCS_ENABLED``; by
default on outside production, off in production).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
STATIC_URL = "/docs/static"
STATIC_DIR = Path(str(files("fastapi_offline") / "static"))

SWAGGER_UI_PARAMETERS: dict[str, Any] = {
    "persistAuthorization": False,  # tokens never kept in localStorage
    "validatorUrl": None,  # no badge fetched from the public validator
}


def install_docs(app: FastAPI) -> None:
    """Adds the documentation pages and their assets to ``app`` (built with ``docs_url=None``)."""
    assert app.openapi_url is not None
    openapi_url = app.openapi_url
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="docs-static")

    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
            swagger_js_url=f"{root}{STATIC_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{STATIC_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{STATIC_URL}/favicon.png",
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )

    async def oauth2_redirect(request: Request) -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{STATIC_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
            with_google_fonts=False,
        )

    app.add_route(DOCS_URL, swagger_ui, include_in_schema=False)
    app.add_route(OAUTH2_REDIRECT_URL, oauth2_redirect, include_in_schema=False)
    app.add_route(REDOC_URL, redoc, include_in_schema=False)
