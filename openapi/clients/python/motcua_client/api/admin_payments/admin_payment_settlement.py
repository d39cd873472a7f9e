import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    day: datetime.date,
    merchant_code: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_day = day.isoformat()
    params["day"] = json_day

    json_merchant_code: None | str | Unset
    if isinstance(merchant_code, Unset):
        json_merchant_code = UNSET
    else:
        json_merchant_code = merchant_code
    params["merchant_code"] = json_merchant_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/payments/settlement",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    day: datetime.date,
    merchant_code: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Báo cáo đối soát trong ngày theo tài khoản thu (CSV, theo ngày giờ Việt Nam)

     The day's settlement report per merchant account (CSV; the day in Vietnam's time). **Who may call:**
    the province administrator only (admin at the province's root agency).

    Args:
        day (datetime.date): Ngày (giờ Việt Nam)
        merchant_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        day=day,
        merchant_code=merchant_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    day: datetime.date,
    merchant_code: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Báo cáo đối soát trong ngày theo tài khoản thu (CSV, theo ngày giờ Việt Nam)

     The day's settlement report per merchant account (CSV; the day in Vietnam's time). **Who may call:**
    the province administrator only (admin at the province's root agency).

    Args:
        day (datetime.date): Ngày (giờ Việt Nam)
        merchant_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        day=day,
        merchant_code=merchant_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    day: datetime.date,
    merchant_code: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Báo cáo đối soát trong ngày theo tài khoản thu (CSV, theo ngày giờ Việt Nam)

     The day's settlement report per merchant account (CSV; the day in Vietnam's time). **Who may call:**
    the province administrator only (admin at the province's root agency).

    Args:
        day (datetime.date): Ngày (giờ Việt Nam)
        merchant_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        day=day,
        merchant_code=merchant_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    day: datetime.date,
    merchant_code: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Báo cáo đối soát trong ngày theo tài khoản thu (CSV, theo ngày giờ Việt Nam)

     The day's settlement report per merchant account (CSV; the day in Vietnam's time). **Who may call:**
    the province administrator only (admin at the province's root agency).

    Args:
        day (datetime.date): Ngày (giờ Việt Nam)
        merchant_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            day=day,
            merchant_code=merchant_code,
        )
    ).parsed
