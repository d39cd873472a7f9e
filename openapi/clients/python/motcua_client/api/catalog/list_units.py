from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.unit_kind import UnitKind
from ...models.unit_row_page import UnitRowPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: None | UnitKind | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, UnitKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    else:
        json_parent = parent
    params["parent"] = json_parent

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/units",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UnitRowPage | None:
    if response.status_code == 200:
        response_200 = UnitRowPage.from_dict(response.json())

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
) -> Response[Problem | UnitRowPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: None | UnitKind | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Problem | UnitRowPage]:
    """Danh sách đơn vị hành chính

     Lists the administrative units (province, communes), paginated, optionally by parent or kind. **Who
    may call:** anyone; no token is needed.

    Args:
        kind (None | UnitKind | Unset):
        parent (None | str | Unset): Mã đơn vị cấp trên
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitRowPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent=parent,
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
    kind: None | UnitKind | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Problem | UnitRowPage | None:
    """Danh sách đơn vị hành chính

     Lists the administrative units (province, communes), paginated, optionally by parent or kind. **Who
    may call:** anyone; no token is needed.

    Args:
        kind (None | UnitKind | Unset):
        parent (None | str | Unset): Mã đơn vị cấp trên
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitRowPage
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent=parent,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: None | UnitKind | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Problem | UnitRowPage]:
    """Danh sách đơn vị hành chính

     Lists the administrative units (province, communes), paginated, optionally by parent or kind. **Who
    may call:** anyone; no token is needed.

    Args:
        kind (None | UnitKind | Unset):
        parent (None | str | Unset): Mã đơn vị cấp trên
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitRowPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent=parent,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: None | UnitKind | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Problem | UnitRowPage | None:
    """Danh sách đơn vị hành chính

     Lists the administrative units (province, communes), paginated, optionally by parent or kind. **Who
    may call:** anyone; no token is needed.

    Args:
        kind (None | UnitKind | Unset):
        parent (None | str | Unset): Mã đơn vị cấp trên
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitRowPage
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent=parent,
            page=page,
            page_size=page_size,
        )
    ).parsed
