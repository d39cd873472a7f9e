"""What both journeys share: the demo's accounts, a tiny PDF, clients for a citizen and an officer.

Run against the demo (``make demo``, which turns the development citizen issuer on); the generated
client is ``openapi/clients/python`` (put it on ``sys.path`` or ``pip install -e`` it).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "python"
if str(CLIENT) not in sys.path:
    sys.path.insert(0, str(CLIENT))

from motcua_client import AuthenticatedClient, Client  # noqa: E402
from motcua_client.api.auth import auth_token  # noqa: E402
from motcua_client.api.dev import dev_citizen_token  # noqa: E402
from motcua_client.api.uploads import upload_create  # noqa: E402
from motcua_client.models import (  # noqa: E402
    DevCitizenTokenRequest,
    OfficerLoginForm,
    Problem,
    UploadForm,
)
from motcua_client.types import File, Response  # noqa: E402

DEMO_PASSWORD = "motcua-demo-2026"  # every demo account's (README, "Demo accounts")
COMMUNE = "000.31.00.H99"  # xã An Bình: its desk receives, its specialist and leader process
COMMUNE_UNIT = "H99.31"
BIRTH = "1.001193"  # birth registration: one commune, online, a copy fee (8,000 đ a copy)
CITIZEN_ID = "001203004567"


def _pdf() -> bytes:
    """A blank one-page PDF with its cross-reference table (what the upload check opens with pypdf)."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF = _pdf()


def ok(response: Response[Any], status: int = 200) -> Any:
    """The parsed body of a documented success, or an error naming the problem's code."""
    if response.status_code != status or isinstance(response.parsed, Problem):
        problem = response.parsed
        code = problem.code if isinstance(problem, Problem) else response.content[:300].decode()
        raise AssertionError(f"expected {status}, got {response.status_code}: {code}")
    return response.parsed


def citizen(
    base_url: str, subject: str, name: str, personal_id: str = CITIZEN_ID
) -> AuthenticatedClient:
    """A citizen's client, with a token of the demo's development issuer (not in production: there
    the token comes from the identity provider, VNeID)."""
    body = DevCitizenTokenRequest(subject=subject, full_name=name, personal_id=personal_id)
    token = ok(dev_citizen_token.sync_detailed(client=Client(base_url=base_url), body=body))
    return AuthenticatedClient(base_url=base_url, token=token.access_token)


def officer(base_url: str, username: str) -> AuthenticatedClient:
    """An officer's client: the OAuth2 password flow (``POST /api/v1/auth/token``)."""
    body = OfficerLoginForm(username=username, password=DEMO_PASSWORD, grant_type="password")
    token = ok(auth_token.sync_detailed(client=Client(base_url=base_url), body=body))
    return AuthenticatedClient(base_url=base_url, token=token.access_token)


def upload(client: AuthenticatedClient, file_name: str = "giay-to.pdf") -> str:
    """Uploads a PDF; its id is what a dossier or a supplement references."""
    body = UploadForm(
        file=File(payload=io.BytesIO(PDF), file_name=file_name, mime_type="application/pdf")
    )
    uploaded = ok(upload_create.sync_detailed(client=client, body=body), 201)
    assert uploaded.content_type == "application/pdf"
    return str(uploaded.id)
