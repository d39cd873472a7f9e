import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.due_date_read import DueDateRead
from ...models.duration_unit import DurationUnit
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    amount: float | str,
    unit: DurationUnit,
    start: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_amount: float | str
    json_amount = amount
    params["amount"] = json_amount

    json_unit = unit.value
    params["unit"] = json_unit

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.datetime):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/due-date",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DueDateRead | Problem | None:
    if response.status_code == 200:
        response_200 = DueDateRead.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DueDateRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    amount: float | str,
    unit: DurationUnit,
    start: datetime.datetime | None | Unset = UNSET,
) -> Response[DueDateRead | Problem]:
    """Tính thử ngày hẹn trả theo ngày, giờ làm việc

     Previews the working-time calculation: the due date of a duration in working days or hours counted
    from a start instant, with the holidays, compensatory working days and office hours in force. **Who
    may call:** anyone; no token is needed.

    Args:
        amount (float | str): Thời hạn
        unit (DurationUnit): Units of a processing time as the national procedure database states
            them.
        start (datetime.datetime | None | Unset): Thời điểm bắt đầu, ISO 8601 kèm múi giờ (mặc
            định: hiện tại)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDateRead | Problem]
    """

    kwargs = _get_kwargs(
        amount=amount,
        unit=unit,
        start=start,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    amount: float | str,
    unit: DurationUnit,
    start: datetime.datetime | None | Unset = UNSET,
) -> DueDateRead | Problem | None:
    """Tính thử ngày hẹn trả theo ngày, giờ làm việc

     Previews the working-time calculation: the due date of a duration in working days or hours counted
    from a start instant, with the holidays, compensatory working days and office hours in force. **Who
    may call:** anyone; no token is needed.

    Args:
        amount (float | str): Thời hạn
        unit (DurationUnit): Units of a processing time as the national procedure database states
            them.
        start (datetime.datetime | None | Unset): Thời điểm bắt đầu, ISO 8601 kèm múi giờ (mặc
            định: hiện tại)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDateRead | Problem
    """

    return sync_detailed(
        client=client,
        amount=amount,
        unit=unit,
        start=start,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    amount: float | str,
    unit: DurationUnit,
    start: datetime.datetime | None | Unset = UNSET,
) -> Response[DueDateRead | Problem]:
    """Tính thử ngày hẹn trả theo ngày, giờ làm việc

     Previews the working-time calculation: the due date of a duration in working days or hours counted
    from a start instant, with the holidays, compensatory working days and office hours in force. **Who
    may call:** anyone; no token is needed.

    Args:
        amount (float | str): Thời hạn
        unit (DurationUnit): Units of a processing time as the national procedure database states
            them.
        start (datetime.datetime | None | Unset): Thời điểm bắt đầu, ISO 8601 kèm múi giờ (mặc
            định: hiện tại)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueDateRead | Problem]
    """

    kwargs = _get_kwargs(
        amount=amount,
        unit=unit,
        start=start,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    amount: float | str,
    unit: DurationUnit,
    start: datetime.datetime | None | Unset = UNSET,
) -> DueDateRead | Problem | None:
    """Tính thử ngày hẹn trả theo ngày, giờ làm việc

     Previews the working-time calculation: the due date of a duration in working days or hours counted
    from a start instant, with the holidays, compensatory working days and office hours in force. **Who
    may call:** anyone; no token is needed.

    Args:
        amount (float | str): Thời hạn
        unit (DurationUnit): Units of a processing time as the national procedure database states
            them.
        start (datetime.datetime | None | Unset): Thời điểm bắt đầu, ISO 8601 kèm múi giờ (mặc
            định: hiện tại)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueDateRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            amount=amount,
            unit=unit,
            start=start,
        )
    ).parsed
