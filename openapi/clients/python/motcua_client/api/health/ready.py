from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.readiness_read import ReadinessRead
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ready",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadinessRead | None:
    if response.status_code == 200:
        response_200 = ReadinessRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 503:
        response_503 = ReadinessRead.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReadinessRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ReadinessRead]:
    """Sẵn sàng phục vụ: cơ sở dữ liệu truy cập được và đã ở phiên bản migration mới nhất

     Readiness probe: 200 when the database answers and is migrated to the newest revision, else 503 with
    the failing checks. **Who may call:** anyone; no token is needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadinessRead]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ReadinessRead | None:
    """Sẵn sàng phục vụ: cơ sở dữ liệu truy cập được và đã ở phiên bản migration mới nhất

     Readiness probe: 200 when the database answers and is migrated to the newest revision, else 503 with
    the failing checks. **Who may call:** anyone; no token is needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadinessRead
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ReadinessRead]:
    """Sẵn sàng phục vụ: cơ sở dữ liệu truy cập được và đã ở phiên bản migration mới nhất

     Readiness probe: 200 when the database answers and is migrated to the newest revision, else 503 with
    the failing checks. **Who may call:** anyone; no token is needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadinessRead]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ReadinessRead | None:
    """Sẵn sàng phục vụ: cơ sở dữ liệu truy cập được và đã ở phiên bản migration mới nhất

     Readiness probe: 200 when the database answers and is migrated to the newest revision, else 503 with
    the failing checks. **Who may call:** anyone; no token is needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadinessRead
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
