import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_payment_read import AdminPaymentRead
from ...models.payment_provider import PaymentProvider
from ...models.payment_status import PaymentStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | PaymentStatus | Unset = UNSET,
    provider: None | PaymentProvider | Unset = UNSET,
    agency_code: None | str | Unset = UNSET,
    merchant_code: None | str | Unset = UNSET,
    dossier_code: None | str | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PaymentStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_provider: None | str | Unset
    if isinstance(provider, Unset):
        json_provider = UNSET
    elif isinstance(provider, PaymentProvider):
        json_provider = provider.value
    else:
        json_provider = provider
    params["provider"] = json_provider

    json_agency_code: None | str | Unset
    if isinstance(agency_code, Unset):
        json_agency_code = UNSET
    else:
        json_agency_code = agency_code
    params["agency_code"] = json_agency_code

    json_merchant_code: None | str | Unset
    if isinstance(merchant_code, Unset):
        json_merchant_code = UNSET
    else:
        json_merchant_code = merchant_code
    params["merchant_code"] = json_merchant_code

    json_dossier_code: None | str | Unset
    if isinstance(dossier_code, Unset):
        json_dossier_code = UNSET
    else:
        json_dossier_code = dossier_code
    params["dossier_code"] = json_dossier_code

    json_created_from: None | str | Unset
    if isinstance(created_from, Unset):
        json_created_from = UNSET
    elif isinstance(created_from, datetime.datetime):
        json_created_from = created_from.isoformat()
    else:
        json_created_from = created_from
    params["created_from"] = json_created_from

    json_created_until: None | str | Unset
    if isinstance(created_until, Unset):
        json_created_until = UNSET
    elif isinstance(created_until, datetime.datetime):
        json_created_until = created_until.isoformat()
    else:
        json_created_until = created_until
    params["created_until"] = json_created_until

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/payments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[AdminPaymentRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AdminPaymentRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[AdminPaymentRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | PaymentStatus | Unset = UNSET,
    provider: None | PaymentProvider | Unset = UNSET,
    agency_code: None | str | Unset = UNSET,
    merchant_code: None | str | Unset = UNSET,
    dossier_code: None | str | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | list[AdminPaymentRead]]:
    """Danh sách giao dịch thanh toán (lọc theo trạng thái, kênh, cơ quan, tài khoản, hồ sơ, thời gian)

     The finance office's list of payments, filtered by status, provider, agency, merchant account,
    dossier and time. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        status (None | PaymentStatus | Unset):
        provider (None | PaymentProvider | Unset):
        agency_code (None | str | Unset):
        merchant_code (None | str | Unset):
        dossier_code (None | str | Unset):
        created_from (datetime.datetime | None | Unset):
        created_until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[AdminPaymentRead]]
    """

    kwargs = _get_kwargs(
        status=status,
        provider=provider,
        agency_code=agency_code,
        merchant_code=merchant_code,
        dossier_code=dossier_code,
        created_from=created_from,
        created_until=created_until,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | PaymentStatus | Unset = UNSET,
    provider: None | PaymentProvider | Unset = UNSET,
    agency_code: None | str | Unset = UNSET,
    merchant_code: None | str | Unset = UNSET,
    dossier_code: None | str | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | list[AdminPaymentRead] | None:
    """Danh sách giao dịch thanh toán (lọc theo trạng thái, kênh, cơ quan, tài khoản, hồ sơ, thời gian)

     The finance office's list of payments, filtered by status, provider, agency, merchant account,
    dossier and time. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        status (None | PaymentStatus | Unset):
        provider (None | PaymentProvider | Unset):
        agency_code (None | str | Unset):
        merchant_code (None | str | Unset):
        dossier_code (None | str | Unset):
        created_from (datetime.datetime | None | Unset):
        created_until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[AdminPaymentRead]
    """

    return sync_detailed(
        client=client,
        status=status,
        provider=provider,
        agency_code=agency_code,
        merchant_code=merchant_code,
        dossier_code=dossier_code,
        created_from=created_from,
        created_until=created_until,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | PaymentStatus | Unset = UNSET,
    provider: None | PaymentProvider | Unset = UNSET,
    agency_code: None | str | Unset = UNSET,
    merchant_code: None | str | Unset = UNSET,
    dossier_code: None | str | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | list[AdminPaymentRead]]:
    """Danh sách giao dịch thanh toán (lọc theo trạng thái, kênh, cơ quan, tài khoản, hồ sơ, thời gian)

     The finance office's list of payments, filtered by status, provider, agency, merchant account,
    dossier and time. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        status (None | PaymentStatus | Unset):
        provider (None | PaymentProvider | Unset):
        agency_code (None | str | Unset):
        merchant_code (None | str | Unset):
        dossier_code (None | str | Unset):
        created_from (datetime.datetime | None | Unset):
        created_until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[AdminPaymentRead]]
    """

    kwargs = _get_kwargs(
        status=status,
        provider=provider,
        agency_code=agency_code,
        merchant_code=merchant_code,
        dossier_code=dossier_code,
        created_from=created_from,
        created_until=created_until,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | PaymentStatus | Unset = UNSET,
    provider: None | PaymentProvider | Unset = UNSET,
    agency_code: None | str | Unset = UNSET,
    merchant_code: None | str | Unset = UNSET,
    dossier_code: None | str | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | list[AdminPaymentRead] | None:
    """Danh sách giao dịch thanh toán (lọc theo trạng thái, kênh, cơ quan, tài khoản, hồ sơ, thời gian)

     The finance office's list of payments, filtered by status, provider, agency, merchant account,
    dossier and time. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        status (None | PaymentStatus | Unset):
        provider (None | PaymentProvider | Unset):
        agency_code (None | str | Unset):
        merchant_code (None | str | Unset):
        dossier_code (None | str | Unset):
        created_from (datetime.datetime | None | Unset):
        created_until (datetime.datetime | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[AdminPaymentRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            provider=provider,
            agency_code=agency_code,
            merchant_code=merchant_code,
            dossier_code=dossier_code,
            created_from=created_from,
            created_until=created_until,
            limit=limit,
        )
    ).parsed
