from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.vnpay_ipn_answer import VnpayIpnAnswer
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/payments/vnpay/ipn",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> VnpayIpnAnswer | None:
    if response.status_code == 200:
        response_200 = VnpayIpnAnswer.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[VnpayIpnAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[VnpayIpnAnswer]:
    """VNPay IPN

     VNPay's server-to-server IPN (GET with the signed `vnp_*` query parameters). Answered in VNPay's
    protocol, never as a problem: HTTP 200 with `RspCode` and `Message` whatever happened (a bad
    signature, an unknown order or a wrong amount included), so VNPay retries only what it should. **Who
    may call:** the payment gateway's servers only: the request is verified with the gateway's own
    signature before anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VnpayIpnAnswer]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> VnpayIpnAnswer | None:
    """VNPay IPN

     VNPay's server-to-server IPN (GET with the signed `vnp_*` query parameters). Answered in VNPay's
    protocol, never as a problem: HTTP 200 with `RspCode` and `Message` whatever happened (a bad
    signature, an unknown order or a wrong amount included), so VNPay retries only what it should. **Who
    may call:** the payment gateway's servers only: the request is verified with the gateway's own
    signature before anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VnpayIpnAnswer
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[VnpayIpnAnswer]:
    """VNPay IPN

     VNPay's server-to-server IPN (GET with the signed `vnp_*` query parameters). Answered in VNPay's
    protocol, never as a problem: HTTP 200 with `RspCode` and `Message` whatever happened (a bad
    signature, an unknown order or a wrong amount included), so VNPay retries only what it should. **Who
    may call:** the payment gateway's servers only: the request is verified with the gateway's own
    signature before anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VnpayIpnAnswer]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> VnpayIpnAnswer | None:
    """VNPay IPN

     VNPay's server-to-server IPN (GET with the signed `vnp_*` query parameters). Answered in VNPay's
    protocol, never as a problem: HTTP 200 with `RspCode` and `Message` whatever happened (a bad
    signature, an unknown order or a wrong amount included), so VNPay retries only what it should. **Who
    may call:** the payment gateway's servers only: the request is verified with the gateway's own
    signature before anything else, and answered in the gateway's protocol.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VnpayIpnAnswer
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
