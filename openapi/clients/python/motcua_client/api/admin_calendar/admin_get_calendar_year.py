from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.year_calendar_read import YearCalendarRead
from ...types import UNSET, Response


def _get_kwargs(
    *,
    year: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/calendar",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | YearCalendarRead | None:
    if response.status_code == 200:
        response_200 = YearCalendarRead.from_dict(response.json())

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
) -> Response[Problem | YearCalendarRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
) -> Response[Problem | YearCalendarRead]:
    """Lịch làm việc của một năm: ngày lễ, ngày làm bù, điều chỉnh của quản trị

     The working calendar of a year: public holidays, compensatory working days and the administrator's
    overrides. **Who may call:** the province administrator only (admin at the province's root agency).

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YearCalendarRead]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int,
) -> Problem | YearCalendarRead | None:
    """Lịch làm việc của một năm: ngày lễ, ngày làm bù, điều chỉnh của quản trị

     The working calendar of a year: public holidays, compensatory working days and the administrator's
    overrides. **Who may call:** the province administrator only (admin at the province's root agency).

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YearCalendarRead
    """

    return sync_detailed(
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
) -> Response[Problem | YearCalendarRead]:
    """Lịch làm việc của một năm: ngày lễ, ngày làm bù, điều chỉnh của quản trị

     The working calendar of a year: public holidays, compensatory working days and the administrator's
    overrides. **Who may call:** the province administrator only (admin at the province's root agency).

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YearCalendarRead]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int,
) -> Problem | YearCalendarRead | None:
    """Lịch làm việc của một năm: ngày lễ, ngày làm bù, điều chỉnh của quản trị

     The working calendar of a year: public holidays, compensatory working days and the administrator's
    overrides. **Who may call:** the province administrator only (admin at the province's root agency).

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YearCalendarRead
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
        )
    ).parsed
