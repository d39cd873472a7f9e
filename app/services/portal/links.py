"""Signed, expiring download links for the files the portal receives (``DuongDanTaiTepTin``,
``DuongDanTepTinKetQua``): the national index counts online and electronic-result dossiers only when
their files have a link the portal can open.

A link is ``{public base}/api/v1/integrations/national-portal/files/{document id}?expires={unix
time}&signature={hex}``, the signature an HMAC-SHA256 under a key derived from the service's secret
key over ``"{document id}.{expires}"``; whoever holds the link may download the file until it expires.
``verify`` is what the serving route checks (constant-time).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

FILES_PATH = "/api/v1/integrations/national-portal/files"
_KEY_LABEL = b"motcua/portal-file-link/v1"


def _key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), _KEY_LABEL, hashlib.sha256).digest()


def signature(secret_key: str, document_id: int, expires: int) -> str:
    message = f"{document_id}.{expires}".encode()
    return hmac.new(_key(secret_key), message, hashlib.sha256).hexdigest()


def document_link(base_url: str, secret_key: str, document_id: int, expires_at: datetime) -> str:
    expires = int(expires_at.timestamp())
    sig = signature(secret_key, document_id, expires)
    return f"{base_url.rstrip('/')}{FILES_PATH}/{document_id}?expires={expires}&signature={sig}"


def verify(secret_key: str, document_id: int, expires: int, sig: str, now: datetime) -> bool:
    """The link is ours, for this document, and not expired."""
    if expires < now.timestamp():
        return False
    return hmac.compare_digest(signature(secret_key, document_id, expires), sig)
