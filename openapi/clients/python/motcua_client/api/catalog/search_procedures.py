from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.online_level import OnlineLevel
from ...models.problem import Problem
from ...models.procedure_summary_page import ProcedureSummaryPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    online: None | OnlineLevel | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_agency: None | str | Unset
    if isinstance(agency, Unset):
        json_agency = UNSET
    else:
        json_agency = agency
    params["agency"] = json_agency

    json_field: None | str | Unset
    if isinstance(field, Unset):
        json_field = UNSET
    else:
        json_field = field
    params["field"] = json_field

    json_online: None | str | Unset
    if isinstance(online, Unset):
        json_online = UNSET
    elif isinstance(online, OnlineLevel):
        json_online = online.value
    else:
        json_online = online
    params["online"] = json_online

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/procedures",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProcedureSummaryPage | None:
    if response.status_code == 200:
        response_200 = ProcedureSummaryPage.from_dict(response.json())

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
) -> Response[Problem | ProcedureSummaryPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    online: None | OnlineLevel | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Problem | ProcedureSummaryPage]:
    """Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)

     Searches the published procedures: the query matches names and codes ignoring case and Vietnamese
    accents; filters by agency, field and online level; paginated. **Who may call:** anyone; no token is
    needed.

    Args:
        q (None | str | Unset): Từ khóa, ví dụ `cap giay phep xay dung`
        agency (None | str | Unset): Chỉ thủ tục cơ quan này áp dụng
        field (None | str | Unset): Mã lĩnh vực
        online (None | OnlineLevel | Unset): Mức độ dịch vụ công trực tuyến
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureSummaryPage]
    """

    kwargs = _get_kwargs(
        q=q,
        agency=agency,
        field=field,
        online=online,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    online: None | OnlineLevel | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Problem | ProcedureSummaryPage | None:
    """Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)

     Searches the published procedures: the query matches names and codes ignoring case and Vietnamese
    accents; filters by agency, field and online level; paginated. **Who may call:** anyone; no token is
    needed.

    Args:
        q (None | str | Unset): Từ khóa, ví dụ `cap giay phep xay dung`
        agency (None | str | Unset): Chỉ thủ tục cơ quan này áp dụng
        field (None | str | Unset): Mã lĩnh vực
        online (None | OnlineLevel | Unset): Mức độ dịch vụ công trực tuyến
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureSummaryPage
    """

    return sync_detailed(
        client=client,
        q=q,
        agency=agency,
        field=field,
        online=online,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    online: None | OnlineLevel | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Problem | ProcedureSummaryPage]:
    """Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)

     Searches the published procedures: the query matches names and codes ignoring case and Vietnamese
    accents; filters by agency, field and online level; paginated. **Who may call:** anyone; no token is
    needed.

    Args:
        q (None | str | Unset): Từ khóa, ví dụ `cap giay phep xay dung`
        agency (None | str | Unset): Chỉ thủ tục cơ quan này áp dụng
        field (None | str | Unset): Mã lĩnh vực
        online (None | OnlineLevel | Unset): Mức độ dịch vụ công trực tuyến
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureSummaryPage]
    """

    kwargs = _get_kwargs(
        q=q,
        agency=agency,
        field=field,
        online=online,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    field: None | str | Unset = UNSET,
    online: None | OnlineLevel | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Problem | ProcedureSummaryPage | None:
    """Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)

     Searches the published procedures: the query matches names and codes ignoring case and Vietnamese
    accents; filters by agency, field and online level; paginated. **Who may call:** anyone; no token is
    needed.

    Args:
        q (None | str | Unset): Từ khóa, ví dụ `cap giay phep xay dung`
        agency (None | str | Unset): Chỉ thủ tục cơ quan này áp dụng
        field (None | str | Unset): Mã lĩnh vực
        online (None | OnlineLevel | Unset): Mức độ dịch vụ công trực tuyến
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureSummaryPage
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            agency=agency,
            field=field,
            online=online,
            page=page,
            page_size=page_size,
        )
    ).parsed
