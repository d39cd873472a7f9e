from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_payment_read import AdminPaymentRead
from ...models.problem import Problem
from ...models.refund_create import RefundCreate
from ...types import Response


def _get_kwargs(
    payment_id: UUID,
    *,
    body: RefundCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/payments/{payment_id}/refund".format(
            payment_id=quote(str(payment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminPaymentRead | Problem | None:
    if response.status_code == 200:
        response_200 = AdminPaymentRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AdminPaymentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundCreate,
) -> Response[AdminPaymentRead | Problem]:
    """Ghi nhận hoàn tiền một giao dịch

     Records that a payment was refunded (the money goes back through the gateway's or the treasury's own
    process). Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        payment_id (UUID):
        body (RefundCreate):  Example: {'reason': 'Nộp thừa lệ phí', 'reference':
            'HT-20261124-0001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminPaymentRead | Problem]
    """

    kwargs = _get_kwargs(
        payment_id=payment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundCreate,
) -> AdminPaymentRead | Problem | None:
    """Ghi nhận hoàn tiền một giao dịch

     Records that a payment was refunded (the money goes back through the gateway's or the treasury's own
    process). Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        payment_id (UUID):
        body (RefundCreate):  Example: {'reason': 'Nộp thừa lệ phí', 'reference':
            'HT-20261124-0001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminPaymentRead | Problem
    """

    return sync_detailed(
        payment_id=payment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundCreate,
) -> Response[AdminPaymentRead | Problem]:
    """Ghi nhận hoàn tiền một giao dịch

     Records that a payment was refunded (the money goes back through the gateway's or the treasury's own
    process). Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        payment_id (UUID):
        body (RefundCreate):  Example: {'reason': 'Nộp thừa lệ phí', 'reference':
            'HT-20261124-0001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminPaymentRead | Problem]
    """

    kwargs = _get_kwargs(
        payment_id=payment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundCreate,
) -> AdminPaymentRead | Problem | None:
    """Ghi nhận hoàn tiền một giao dịch

     Records that a payment was refunded (the money goes back through the gateway's or the treasury's own
    process). Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        payment_id (UUID):
        body (RefundCreate):  Example: {'reason': 'Nộp thừa lệ phí', 'reference':
            'HT-20261124-0001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminPaymentRead | Problem
    """

    return (
        await asyncio_detailed(
            payment_id=payment_id,
            client=client,
            body=body,
        )
    ).parsed
