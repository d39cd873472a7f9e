import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sync_status import SyncStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/integrations/national-portal/sync",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SyncStatus | None:
    if response.status_code == 200:
        response_200 = SyncStatus.from_dict(response.json())

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
) -> Response[Problem | SyncStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | SyncStatus]:
    """Tình trạng đồng bộ Cổng DVCQG: hàng đợi, độ trễ, thư chết, tỷ lệ đồng bộ theo cơ quan

     The national portal synchronisation's state: queue, delay, dead letters and the share of dossiers in
    sync per agency. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        since (datetime.datetime | None | Unset): Đầu kỳ (mặc định: 30 ngày trước)
        until (datetime.datetime | None | Unset): Cuối kỳ (mặc định: bây giờ)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncStatus]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Problem | SyncStatus | None:
    """Tình trạng đồng bộ Cổng DVCQG: hàng đợi, độ trễ, thư chết, tỷ lệ đồng bộ theo cơ quan

     The national portal synchronisation's state: queue, delay, dead letters and the share of dossiers in
    sync per agency. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        since (datetime.datetime | None | Unset): Đầu kỳ (mặc định: 30 ngày trước)
        until (datetime.datetime | None | Unset): Cuối kỳ (mặc định: bây giờ)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncStatus
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | SyncStatus]:
    """Tình trạng đồng bộ Cổng DVCQG: hàng đợi, độ trễ, thư chết, tỷ lệ đồng bộ theo cơ quan

     The national portal synchronisation's state: queue, delay, dead letters and the share of dossiers in
    sync per agency. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        since (datetime.datetime | None | Unset): Đầu kỳ (mặc định: 30 ngày trước)
        until (datetime.datetime | None | Unset): Cuối kỳ (mặc định: bây giờ)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncStatus]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Problem | SyncStatus | None:
    """Tình trạng đồng bộ Cổng DVCQG: hàng đợi, độ trễ, thư chết, tỷ lệ đồng bộ theo cơ quan

     The national portal synchronisation's state: queue, delay, dead letters and the share of dossiers in
    sync per agency. **Who may call:** the province administrator only (admin at the province's root
    agency).

    Args:
        since (datetime.datetime | None | Unset): Đầu kỳ (mặc định: 30 ngày trước)
        until (datetime.datetime | None | Unset): Cuối kỳ (mặc định: bây giờ)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncStatus
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
        )
    ).parsed
