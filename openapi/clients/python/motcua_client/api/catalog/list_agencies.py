from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agency_kind import AgencyKind
from ...models.agency_row_page import AgencyRowPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: AgencyKind | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    receives_dossiers: bool | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, AgencyKind):
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

    json_unit: None | str | Unset
    if isinstance(unit, Unset):
        json_unit = UNSET
    else:
        json_unit = unit
    params["unit"] = json_unit

    json_receives_dossiers: bool | None | Unset
    if isinstance(receives_dossiers, Unset):
        json_receives_dossiers = UNSET
    else:
        json_receives_dossiers = receives_dossiers
    params["receives_dossiers"] = json_receives_dossiers

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/agencies",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgencyRowPage | Problem | None:
    if response.status_code == 200:
        response_200 = AgencyRowPage.from_dict(response.json())

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
) -> Response[AgencyRowPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: AgencyKind | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    receives_dossiers: bool | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[AgencyRowPage | Problem]:
    """Danh sách cơ quan

     Lists the agencies (departments, people's committees, one-stop desks), paginated, optionally
    filtered. **Who may call:** anyone; no token is needed.

    Args:
        kind (AgencyKind | None | Unset):
        parent (None | str | Unset): Mã cơ quan cấp trên
        unit (None | str | Unset): Mã đơn vị hành chính cơ quan phục vụ
        receives_dossiers (bool | None | Unset): Chỉ nơi tiếp nhận hồ sơ
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgencyRowPage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent=parent,
        unit=unit,
        receives_dossiers=receives_dossiers,
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
    kind: AgencyKind | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    receives_dossiers: bool | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> AgencyRowPage | Problem | None:
    """Danh sách cơ quan

     Lists the agencies (departments, people's committees, one-stop desks), paginated, optionally
    filtered. **Who may call:** anyone; no token is needed.

    Args:
        kind (AgencyKind | None | Unset):
        parent (None | str | Unset): Mã cơ quan cấp trên
        unit (None | str | Unset): Mã đơn vị hành chính cơ quan phục vụ
        receives_dossiers (bool | None | Unset): Chỉ nơi tiếp nhận hồ sơ
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgencyRowPage | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent=parent,
        unit=unit,
        receives_dossiers=receives_dossiers,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: AgencyKind | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    receives_dossiers: bool | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[AgencyRowPage | Problem]:
    """Danh sách cơ quan

     Lists the agencies (departments, people's committees, one-stop desks), paginated, optionally
    filtered. **Who may call:** anyone; no token is needed.

    Args:
        kind (AgencyKind | None | Unset):
        parent (None | str | Unset): Mã cơ quan cấp trên
        unit (None | str | Unset): Mã đơn vị hành chính cơ quan phục vụ
        receives_dossiers (bool | None | Unset): Chỉ nơi tiếp nhận hồ sơ
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgencyRowPage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent=parent,
        unit=unit,
        receives_dossiers=receives_dossiers,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: AgencyKind | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    receives_dossiers: bool | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> AgencyRowPage | Problem | None:
    """Danh sách cơ quan

     Lists the agencies (departments, people's committees, one-stop desks), paginated, optionally
    filtered. **Who may call:** anyone; no token is needed.

    Args:
        kind (AgencyKind | None | Unset):
        parent (None | str | Unset): Mã cơ quan cấp trên
        unit (None | str | Unset): Mã đơn vị hành chính cơ quan phục vụ
        receives_dossiers (bool | None | Unset): Chỉ nơi tiếp nhận hồ sơ
        page (int | Unset): Trang, bắt đầu từ 1 Default: 1.
        page_size (int | Unset): Số mục mỗi trang (tối đa 100) Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgencyRowPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent=parent,
            unit=unit,
            receives_dossiers=receives_dossiers,
            page=page,
            page_size=page_size,
        )
    ).parsed
