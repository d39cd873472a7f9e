from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.indicators_read import IndicatorsRead
from ...models.problem import Problem
from ...models.stats_format import StatsFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/indicators",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IndicatorsRead | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorsRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IndicatorsRead | Problem]:
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
) -> Response[IndicatorsRead | Problem]:
    """Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của kỳ, theo phạm vi

     The service indicators of Decision 766/QĐ-TTg for a period (month, quarter or year) over the
    caller's scope: each with its numerator, denominator and score; also as CSV or XLSX (`format`).
    **Who may call:** any signed-in officer; a citizen's token is refused (403 `officer_required`).
    Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorsRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
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
) -> IndicatorsRead | Problem | None:
    """Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của kỳ, theo phạm vi

     The service indicators of Decision 766/QĐ-TTg for a period (month, quarter or year) over the
    caller's scope: each with its numerator, denominator and score; also as CSV or XLSX (`format`).
    **Who may call:** any signed-in officer; a citizen's token is refused (403 `officer_required`).
    Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorsRead | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    format_: StatsFormat | Unset = UNSET,
) -> Response[IndicatorsRead | Problem]:
    """Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của kỳ, theo phạm vi

     The service indicators of Decision 766/QĐ-TTg for a period (month, quarter or year) over the
    caller's scope: each with its numerator, denominator and score; also as CSV or XLSX (`format`).
    **Who may call:** any signed-in officer; a citizen's token is refused (403 `officer_required`).
    Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorsRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        agency=agency,
        unit=unit,
        format_=format_,
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
) -> IndicatorsRead | Problem | None:
    """Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của kỳ, theo phạm vi

     The service indicators of Decision 766/QĐ-TTg for a period (month, quarter or year) over the
    caller's scope: each with its numerator, denominator and score; also as CSV or XLSX (`format`).
    **Who may call:** any signed-in officer; a citizen's token is refused (403 `officer_required`).
    Answers are limited to the officer's own agencies.

    Args:
        period (str): Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)
        agency (None | str | Unset): Cơ quan (cả cấp dưới)
        unit (None | str | Unset): Đơn vị hành chính
        format_ (StatsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorsRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            agency=agency,
            unit=unit,
            format_=format_,
        )
    ).parsed
