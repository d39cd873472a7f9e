"""A live demo for the journeys: the app served by a real uvicorn on a throwaway copy of the seeded
demo database (the template the dossier tests clone), in demo mode with the development citizen
issuer and the sandbox payment gateway on, as ``motcua serve --demo`` configures them."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.config import Environment
from app.main import create_app
from app.services.identity.dev_issuer import generate_private_key_pem
from tests.conftest import make_settings
from tests.dossiers.conftest import clone_demo, demo_template  # noqa: F401  (shared fixtures)
from tests.web.live import free_port, serve


@pytest.fixture(scope="module")
def demo_url(
    clone_demo: Callable[[], str],  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    url = clone_demo()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    data: Path = tmp_path_factory.mktemp("clients-demo")
    terminal = {
        "hash_secret": secrets.token_urlsafe(32),
        "pay_url": base + "/sandbox/vnpay/pay",
        "api_url": base + "/sandbox/vnpay/api",
    }
    settings = make_settings(
        url,
        env=Environment.demo,
        data_dir=data,
        upload_dir=data / "uploads",
        public_base_url=base,
        payment_sandbox=True,
        payment_merchants=SecretStr(json.dumps({"vnpay": {"SANDBOX1": terminal}})),
        payment_agency_merchants=json.dumps({"*": {"vnpay": "SANDBOX1"}}),
    )
    app = create_app(settings)
    app.state.dev_issuer.private_key_pem = generate_private_key_pem()
    with serve(app, port) as served:
        yield served
