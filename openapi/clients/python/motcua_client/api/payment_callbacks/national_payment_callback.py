from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.national_callback_answer import NationalCallbackAnswer
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/national/callback",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NationalCallbackAnswer | None:
    if response.status_code == 200:
        response_200 = NationalCallbackAnswer.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NationalCallbackAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[NationalCallbackAnswer]:
    """Nền tảng thanh toán quốc gia: callback

     The national payment platform's callback, in its configured adapter's protocol (the bundled fake's,
    [U]: a JSON POST of `data` (base64 JSON) and `signature`, answered HTTP 200 with `code` and
    `message` whatever happened; docs/payments.md). Never answered as a problem. **Who may call:** the
    payment gateway's servers only: the request is verified with the gateway's own signature before
    anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalCallbackAnswer]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> NationalCallbackAnswer | None:
    """Nền tảng thanh toán quốc gia: callback

     The national payment platform's callback, in its configured adapter's protocol (the bundled fake's,
    [U]: a JSON POST of `data` (base64 JSON) and `signature`, answered HTTP 200 with `code` and
    `message` whatever happened; docs/payments.md). Never answered as a problem. **Who may call:** the
    payment gateway's servers only: the request is verified with the gateway's own signature before
    anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalCallbackAnswer
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[NationalCallbackAnswer]:
    """Nền tảng thanh toán quốc gia: callback

     The national payment platform's callback, in its configured adapter's protocol (the bundled fake's,
    [U]: a JSON POST of `data` (base64 JSON) and `signature`, answered HTTP 200 with `code` and
    `message` whatever happened; docs/payments.md). Never answered as a problem. **Who may call:** the
    payment gateway's servers only: the request is verified with the gateway's own signature before
    anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalCallbackAnswer]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> NationalCallbackAnswer | None:
    """Nền tảng thanh toán quốc gia: callback

     The national payment platform's callback, in its configured adapter's protocol (the bundled fake's,
    [U]: a JSON POST of `data` (base64 JSON) and `signature`, answered HTTP 200 with `code` and
    `message` whatever happened; docs/payments.md). Never answered as a problem. **Who may call:** the
    payment gateway's servers only: the request is verified with the gateway's own signature before
    anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalCallbackAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
