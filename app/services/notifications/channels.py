"""Notification channels: a structured log line, and a signed webhook.

The webhook is how a province plugs in its SMS / Zalo ZNS gateway: MotCua POSTs a JSON document to
``MOTCUA_NOTIFY_WEBHOOK_URL`` with these headers:

* ``X-MotCua-Message-Id``: the outbox message id; the same on every retry, so receivers dedupe by it
  (delivery is at least once);
* ``X-MotCua-Topic``: the kind of notification, e.g. ``notification.status_changed``;
* ``X-MotCua-Signature: t=<unix seconds>,v1=<hex>`` where
  ``hex = HMAC-SHA256(key=MOTCUA_NOTIFY_WEBHOOK_SECRET, msg=f"{t}." + raw request body)``.

A receiver recomputes the HMAC over the raw bytes it received, compares in constant time, and refuses a
timestamp older than a few minutes (replay). ``verify_signature`` below is that check, documented for
receivers (README, "Notification webhook").
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any

import httpx

SIGNATURE_HEADER = "X-MotCua-Signature"
MESSAGE_ID_HEADER = "X-MotCua-Message-Id"
TOPIC_HEADER = "X-MotCua-Topic"
DEFAULT_TOLERANCE_SECONDS = 300
# Only these payload fields reach the log channel: never names, phone numbers or personal ids.
LOG_SAFE_FIELDS = ("kind", "status", "from_status", "to_status", "action")

log = logging.getLogger("motcua.notifications")


class WebhookRejected(Exception):
    """The receiver answered something other than 2xx; the outbox retries later."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-MotCua-Signature`` header value for ``body`` sent at ``timestamp`` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """Receiver side: is ``header`` a valid signature of the raw ``body``, made recently enough?"""
    parts: dict[str, str] = {}
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if sep:
            parts[key] = value
    try:
        timestamp = int(parts["t"])
        received = parts["v1"]
    except (KeyError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_seconds:
        return False
    expected = sign(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, received)


def encode_body(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def log_channel(message_id: int, topic: str, ordering_key: str, data: dict[str, Any]) -> None:
    """One structured line per notification (what an operator greps for), without personal data."""
    safe = {field: data[field] for field in LOG_SAFE_FIELDS if field in data}
    log.info(
        "notification",
        extra={
            "channel": "log",
            "message_id": message_id,
            "topic": topic,
            "ordering_key": ordering_key,
            **safe,
        },
    )


async def webhook_channel(
    http: httpx.AsyncClient,
    *,
    url: str,
    secret: str,
    message_id: int,
    topic: str,
    document: dict[str, Any],
) -> None:
    """POST the signed document; anything but a 2xx raises (the outbox retries with back-off)."""
    body = encode_body(document)
    headers = {
        "Content-Type": "application/json",
        MESSAGE_ID_HEADER: str(message_id),
        TOPIC_HEADER: topic,
        SIGNATURE_HEADER: sign(secret, int(time.time()), body),
    }
    response = await http.post(url, content=body, headers=headers)
    if not response.is_success:
        raise WebhookRejected(f"webhook answered HTTP {response.status_code}")
