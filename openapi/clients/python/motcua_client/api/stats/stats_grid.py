from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grid_dimension import GridDimension
from ...models.grid_read import GridRead
from ...models.problem import Problem
from ...models.stats_format import StatsFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
    by: GridDimension | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    json_agency: None | str | Unset
    if isinstance(agency, Unset):
        json_agency = UNSET
    else:
        json_agency = agency
    params["agency"] = json_agency

    json_unit: None | str | Unset
    if isinstance(unit, Unset):
        json_unit = UNSET
    else:
        json_unit = unit
    params["unit"] = json_unit

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/grid",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GridRead | Problem | None:
    if response.status_code == 200:
        response_200 = GridRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GridRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
    by: GridDimension | Unset = UNSET,
) -> Response[GridRead | Problem]:
    """Bảng số hồ sơ theo tháng của kỳ và theo cơ quan (đơn vị, kênh, thủ tục)

     The months of a period (a quarter or a year; a month gives one column) by agency, unit, channel or
    procedure over the caller's scope, in one answer: each cell the month's received, online, ended, on-
    time and late dossiers, judged at the month's end (today for the running month); also as CSV or XLSX
    (`format`). **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):
        by (GridDimension | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GridRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
    by: GridDimension | Unset = UNSET,
) -> GridRead | Problem | None:
    """Bảng số hồ sơ theo tháng của kỳ và theo cơ quan (đơn vị, kênh, thủ tục)

     The months of a period (a quarter or a year; a month gives one column) by agency, unit, channel or
    procedure over the caller's scope, in one answer: each cell the month's received, online, ended, on-
    time and late dossiers, judged at the month's end (today for the running month); also as CSV or XLSX
    (`format`). **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):
        by (GridDimension | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GridRead | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
        by=by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
    by: GridDimension | Unset = UNSET,
) -> Response[GridRead | Problem]:
    """Bảng số hồ sơ theo tháng của kỳ và theo cơ quan (đơn vị, kênh, thủ tục)

     The months of a period (a quarter or a year; a month gives one column) by agency, unit, channel or
    procedure over the caller's scope, in one answer: each cell the month's received, online, ended, on-
    time and late dossiers, judged at the month's end (today for the running month); also as CSV or XLSX
    (`format`). **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):
        by (GridDimension | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GridRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
    by: GridDimension | Unset = UNSET,
) -> GridRead | Problem | None:
    """Bảng số hồ sơ theo tháng của kỳ và theo cơ quan (đơn vị, kênh, thủ tục)

     The months of a period (a quarter or a year; a month gives one column) by agency, unit, channel or
    procedure over the caller's scope, in one answer: each cell the month's received, online, ended, on-
    time and late dossiers, judged at the month's end (today for the running month); also as CSV or XLSX
    (`format`). **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):
        by (GridDimension | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GridRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            agency=agency,
            unit=unit,
            format_=format_,
            by=by,
        )
    ).parsed
