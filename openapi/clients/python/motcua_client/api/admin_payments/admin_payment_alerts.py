from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payment_alert_read import PaymentAlertRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/payments/alerts",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[PaymentAlertRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = PaymentAlertRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[PaymentAlertRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[PaymentAlertRead]]:
    """Cảnh báo thanh toán đang mở (hoàn tiền, sai số tiền)

     Open payment alerts for the finance office: money taken that must be refunded (`refund_needed`) and
    verified successes for another amount (`amount_mismatch`). **Who may call:** the province
    administrator only (admin at the province's root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PaymentAlertRead]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | list[PaymentAlertRead] | None:
    """Cảnh báo thanh toán đang mở (hoàn tiền, sai số tiền)

     Open payment alerts for the finance office: money taken that must be refunded (`refund_needed`) and
    verified successes for another amount (`amount_mismatch`). **Who may call:** the province
    administrator only (admin at the province's root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PaymentAlertRead]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[PaymentAlertRead]]:
    """Cảnh báo thanh toán đang mở (hoàn tiền, sai số tiền)

     Open payment alerts for the finance office: money taken that must be refunded (`refund_needed`) and
    verified successes for another amount (`amount_mismatch`). **Who may call:** the province
    administrator only (admin at the province's root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PaymentAlertRead]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | list[PaymentAlertRead] | None:
    """Cảnh báo thanh toán đang mở (hoàn tiền, sai số tiền)

     Open payment alerts for the finance office: money taken that must be refunded (`refund_needed`) and
    verified successes for another amount (`amount_mismatch`). **Who may call:** the province
    administrator only (admin at the province's root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PaymentAlertRead]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
