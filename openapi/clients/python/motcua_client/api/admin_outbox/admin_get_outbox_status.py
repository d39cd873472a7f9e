from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outbox_status import OutboxStatus
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/outbox",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxStatus | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxStatus.from_dict(response.json())

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
) -> Response[OutboxStatus | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[OutboxStatus | Problem]:
    """Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ

     The outbox's state: undelivered messages per topic, the oldest message's age, dead letters and the
    periodic jobs' last runs. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxStatus | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> OutboxStatus | Problem | None:
    """Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ

     The outbox's state: undelivered messages per topic, the oldest message's age, dead letters and the
    periodic jobs' last runs. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxStatus | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[OutboxStatus | Problem]:
    """Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ

     The outbox's state: undelivered messages per topic, the oldest message's age, dead letters and the
    periodic jobs' last runs. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxStatus | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> OutboxStatus | Problem | None:
    """Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ

     The outbox's state: undelivered messages per topic, the oldest message's age, dead letters and the
    periodic jobs' last runs. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxStatus | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
