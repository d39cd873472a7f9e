import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_override_read import CalendarOverrideRead
from ...models.calendar_override_write import CalendarOverrideWrite
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    day: datetime.date,
    *,
    body: CalendarOverrideWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/admin/calendar/{day}".format(
            day=quote(str(day), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarOverrideRead | Problem | None:
    if response.status_code == 200:
        response_200 = CalendarOverrideRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CalendarOverrideRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[CalendarOverrideRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    day: datetime.date,
    *,
    client: AuthenticatedClient,
    body: CalendarOverrideWrite,
) -> Response[CalendarOverrideRead | Problem]:
    """Thêm hoặc thay điều chỉnh lịch: ngày nghỉ thêm hoặc ngày làm việc bù

     Adds or replaces the override of one day: an extra day off or a compensatory working day (201 when
    new). Recorded in the admin audit log. **Who may call:** the province administrator only (admin at
    the province's root agency).

    Args:
        day (datetime.date): Ngày (YYYY-MM-DD)
        body (CalendarOverrideWrite):  Example: {'kind': 'day_off', 'reason': 'Nghỉ theo quyết
            định của UBND tỉnh (demo)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarOverrideRead | Problem]
    """

    kwargs = _get_kwargs(
        day=day,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    day: datetime.date,
    *,
    client: AuthenticatedClient,
    body: CalendarOverrideWrite,
) -> CalendarOverrideRead | Problem | None:
    """Thêm hoặc thay điều chỉnh lịch: ngày nghỉ thêm hoặc ngày làm việc bù

     Adds or replaces the override of one day: an extra day off or a compensatory working day (201 when
    new). Recorded in the admin audit log. **Who may call:** the province administrator only (admin at
    the province's root agency).

    Args:
        day (datetime.date): Ngày (YYYY-MM-DD)
        body (CalendarOverrideWrite):  Example: {'kind': 'day_off', 'reason': 'Nghỉ theo quyết
            định của UBND tỉnh (demo)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarOverrideRead | Problem
    """

    return sync_detailed(
        day=day,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    day: datetime.date,
    *,
    client: AuthenticatedClient,
    body: CalendarOverrideWrite,
) -> Response[CalendarOverrideRead | Problem]:
    """Thêm hoặc thay điều chỉnh lịch: ngày nghỉ thêm hoặc ngày làm việc bù

     Adds or replaces the override of one day: an extra day off or a compensatory working day (201 when
    new). Recorded in the admin audit log. **Who may call:** the province administrator only (admin at
    the province's root agency).

    Args:
        day (datetime.date): Ngày (YYYY-MM-DD)
        body (CalendarOverrideWrite):  Example: {'kind': 'day_off', 'reason': 'Nghỉ theo quyết
            định của UBND tỉnh (demo)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarOverrideRead | Problem]
    """

    kwargs = _get_kwargs(
        day=day,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    day: datetime.date,
    *,
    client: AuthenticatedClient,
    body: CalendarOverrideWrite,
) -> CalendarOverrideRead | Problem | None:
    """Thêm hoặc thay điều chỉnh lịch: ngày nghỉ thêm hoặc ngày làm việc bù

     Adds or replaces the override of one day: an extra day off or a compensatory working day (201 when
    new). Recorded in the admin audit log. **Who may call:** the province administrator only (admin at
    the province's root agency).

    Args:
        day (datetime.date): Ngày (YYYY-MM-DD)
        body (CalendarOverrideWrite):  Example: {'kind': 'day_off', 'reason': 'Nghỉ theo quyết
            định của UBND tỉnh (demo)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarOverrideRead | Problem
    """

    return (
        await asyncio_detailed(
            day=day,
            client=client,
            body=body,
        )
    ).parsed
