from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: None | str | Unset
    if isinstance(period, Unset):
        json_period = UNSET
    else:
        json_period = period
    params["period"] = json_period

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/reports",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

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
    client: AuthenticatedClient | Client,
    period: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Trang báo cáo cho lãnh đạo: chỉ số 766 theo nhóm, xu hướng đúng hạn, trực tuyến, trễ hạn

     HTML do máy chủ dựng, biểu đồ SVG, không tải tài nguyên ngoài. Chưa đăng nhập: trang đăng nhập bằng
    tài khoản cán bộ. Số liệu theo phạm vi của người xem. **Who may call:** anyone; no token is needed.

    Args:
        period (None | str | Unset): YYYY, YYYY-MM hoặc YYYY-Qn

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    period: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Trang báo cáo cho lãnh đạo: chỉ số 766 theo nhóm, xu hướng đúng hạn, trực tuyến, trễ hạn

     HTML do máy chủ dựng, biểu đồ SVG, không tải tài nguyên ngoài. Chưa đăng nhập: trang đăng nhập bằng
    tài khoản cán bộ. Số liệu theo phạm vi của người xem. **Who may call:** anyone; no token is needed.

    Args:
        period (None | str | Unset): YYYY, YYYY-MM hoặc YYYY-Qn

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        period=period,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Trang báo cáo cho lãnh đạo: chỉ số 766 theo nhóm, xu hướng đúng hạn, trực tuyến, trễ hạn

     HTML do máy chủ dựng, biểu đồ SVG, không tải tài nguyên ngoài. Chưa đăng nhập: trang đăng nhập bằng
    tài khoản cán bộ. Số liệu theo phạm vi của người xem. **Who may call:** anyone; no token is needed.

    Args:
        period (None | str | Unset): YYYY, YYYY-MM hoặc YYYY-Qn

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Trang báo cáo cho lãnh đạo: chỉ số 766 theo nhóm, xu hướng đúng hạn, trực tuyến, trễ hạn

     HTML do máy chủ dựng, biểu đồ SVG, không tải tài nguyên ngoài. Chưa đăng nhập: trang đăng nhập bằng
    tài khoản cán bộ. Số liệu theo phạm vi của người xem. **Who may call:** anyone; no token is needed.

    Args:
        period (None | str | Unset): YYYY, YYYY-MM hoặc YYYY-Qn

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
        )
    ).parsed
