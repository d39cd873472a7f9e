from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payment_create import PaymentCreate
from ...models.payment_read import PaymentRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: PaymentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/dossiers/{code}/payments".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaymentRead | Problem | None:
    if response.status_code == 200:
        response_200 = PaymentRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = PaymentRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaymentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PaymentCreate,
) -> Response[PaymentRead | Problem]:
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ

     Creates a payment for the dossier's confirmed, unpaid fees due now and returns the URL to send the
    payer to. An open payment with the same provider is returned again (200). **Who may call:** any
    signed-in officer (password-flow token) or citizen (citizen bearer token); each sees and acts only
    on what concerns them.

    Args:
        code (str):
        body (PaymentCreate): Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now,
            through one provider. Example: {'provider': 'vnpay'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PaymentCreate,
) -> PaymentRead | Problem | None:
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ

     Creates a payment for the dossier's confirmed, unpaid fees due now and returns the URL to send the
    payer to. An open payment with the same provider is returned again (200). **Who may call:** any
    signed-in officer (password-flow token) or citizen (citizen bearer token); each sees and acts only
    on what concerns them.

    Args:
        code (str):
        body (PaymentCreate): Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now,
            through one provider. Example: {'provider': 'vnpay'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentRead | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PaymentCreate,
) -> Response[PaymentRead | Problem]:
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ

     Creates a payment for the dossier's confirmed, unpaid fees due now and returns the URL to send the
    payer to. An open payment with the same provider is returned again (200). **Who may call:** any
    signed-in officer (password-flow token) or citizen (citizen bearer token); each sees and acts only
    on what concerns them.

    Args:
        code (str):
        body (PaymentCreate): Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now,
            through one provider. Example: {'provider': 'vnpay'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PaymentCreate,
) -> PaymentRead | Problem | None:
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ

     Creates a payment for the dossier's confirmed, unpaid fees due now and returns the URL to send the
    payer to. An open payment with the same provider is returned again (200). **Who may call:** any
    signed-in officer (password-flow token) or citizen (citizen bearer token); each sees and acts only
    on what concerns them.

    Args:
        code (str):
        body (PaymentCreate): Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now,
            through one provider. Example: {'provider': 'vnpay'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
