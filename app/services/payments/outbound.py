"""The one place payments talk to a gateway over HTTP (create-order calls, status queries).

The gateway modules build the request and parse the answer; this sends it. No secret is logged: the
request's body carries signatures only, and nothing here logs it.
"""

from __future__ import annotations

import httpx

from app.services.payments.gateways.base import OutboundCall


async def send(call: OutboundCall, timeout_seconds: float) -> bytes:
    """POSTs ``call`` (JSON or form) and returns the answer's body; HTTP errors raise."""
    async with httpx.AsyncClient(timeout=timeout_seconds) as client:
        if call.json_body is not None:
            response = await client.request(call.method, call.url, json=dict(call.json_body))
        elif call.form_body is not None:
            response = await client.request(call.method, call.url, data=dict(call.form_body))
        else:
            response = await client.request(call.method, call.url)
        response.raise_for_status()
        return response.content
