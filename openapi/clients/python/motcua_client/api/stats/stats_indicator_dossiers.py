from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.drill_page import DrillPage
from ...models.drill_part import DrillPart
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    indicator: str,
    *,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    part: DrillPart | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 100,
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

    json_part: str | Unset = UNSET
    if not isinstance(part, Unset):
        json_part = part.value

    params["part"] = json_part

    json_after: int | None | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/indicators/{indicator}/dossiers".format(
            indicator=quote(str(indicator), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DrillPage | Problem | None:
    if response.status_code == 200:
        response_200 = DrillPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DrillPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    indicator: str,
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    part: DrillPart | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[DrillPage | Problem]:
    """Các hồ sơ thuộc tử số hoặc mẫu số của một chỉ số (trang theo khóa)

     The dossiers behind one indicator's numerator or denominator for a period (drill-down), in keyset
    pages. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        indicator (str):
        period (str):
        agency (None | str | Unset):
        unit (None | str | Unset):
        part (DrillPart | Unset):
        after (int | None | Unset): Trang sau: next_after
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DrillPage | Problem]
    """

    kwargs = _get_kwargs(
        indicator=indicator,
        period=period,
        agency=agency,
        unit=unit,
        part=part,
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    indicator: str,
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    part: DrillPart | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> DrillPage | Problem | None:
    """Các hồ sơ thuộc tử số hoặc mẫu số của một chỉ số (trang theo khóa)

     The dossiers behind one indicator's numerator or denominator for a period (drill-down), in keyset
    pages. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        indicator (str):
        period (str):
        agency (None | str | Unset):
        unit (None | str | Unset):
        part (DrillPart | Unset):
        after (int | None | Unset): Trang sau: next_after
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DrillPage | Problem
    """

    return sync_detailed(
        indicator=indicator,
        client=client,
        period=period,
        agency=agency,
        unit=unit,
        part=part,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    indicator: str,
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    part: DrillPart | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[DrillPage | Problem]:
    """Các hồ sơ thuộc tử số hoặc mẫu số của một chỉ số (trang theo khóa)

     The dossiers behind one indicator's numerator or denominator for a period (drill-down), in keyset
    pages. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        indicator (str):
        period (str):
        agency (None | str | Unset):
        unit (None | str | Unset):
        part (DrillPart | Unset):
        after (int | None | Unset): Trang sau: next_after
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DrillPage | Problem]
    """

    kwargs = _get_kwargs(
        indicator=indicator,
        period=period,
        agency=agency,
        unit=unit,
        part=part,
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    indicator: str,
    *,
    client: AuthenticatedClient,
    period: str,
    agency: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    part: DrillPart | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> DrillPage | Problem | None:
    """Các hồ sơ thuộc tử số hoặc mẫu số của một chỉ số (trang theo khóa)

     The dossiers behind one indicator's numerator or denominator for a period (drill-down), in keyset
    pages. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        indicator (str):
        period (str):
        agency (None | str | Unset):
        unit (None | str | Unset):
        part (DrillPart | Unset):
        after (int | None | Unset): Trang sau: next_after
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DrillPage | Problem
    """

    return (
        await asyncio_detailed(
            indicator=indicator,
            client=client,
            period=period,
            agency=agency,
            unit=unit,
            part=part,
            after=after,
            limit=limit,
        )
    ).parsed
