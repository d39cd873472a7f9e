import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.dossier_status import DossierStatus
from ...models.problem import Problem
from ...models.register_format import RegisterFormat
from ...models.register_page import RegisterPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    office_code: str,
    *,
    received_from: datetime.date,
    received_to: datetime.date,
    procedure_code: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    status: DossierStatus | None | Unset = UNSET,
    format_: RegisterFormat | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_received_from = received_from.isoformat()
    params["received_from"] = json_received_from

    json_received_to = received_to.isoformat()
    params["received_to"] = json_received_to

    json_procedure_code: None | str | Unset
    if isinstance(procedure_code, Unset):
        json_procedure_code = UNSET
    else:
        json_procedure_code = procedure_code
    params["procedure_code"] = json_procedure_code

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, Channel):
        json_channel = channel.value
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DossierStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/registers/{office_code}".format(
            office_code=quote(str(office_code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RegisterPage | None:
    if response.status_code == 200:
        response_200 = RegisterPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RegisterPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    office_code: str,
    *,
    client: AuthenticatedClient,
    received_from: datetime.date,
    received_to: datetime.date,
    procedure_code: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    status: DossierStatus | None | Unset = UNSET,
    format_: RegisterFormat | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | RegisterPage]:
    """Sổ theo dõi hồ sơ của bộ phận một cửa (mẫu 06): JSON, CSV, XLSX hoặc bản in

     The desk's register of dossiers (form 06 of Circular 01/2018/TT-VPCP) for a period of reception: one
    keyset page as JSON, or the whole period as CSV, XLSX or a printable HTML page (`format`). **Who may
    call:** officers with a role at the desk (one-stop office) named in the path, the administrators of
    its agency or of an agency above it, and the province administrator.

    Args:
        office_code (str):
        received_from (datetime.date): Từ ngày nhận hồ sơ (giờ Việt Nam), ví dụ 2026-12-01
        received_to (datetime.date): Đến ngày nhận hồ sơ (bao gồm ngày này)
        procedure_code (None | str | Unset):
        channel (Channel | None | Unset):
        status (DossierStatus | None | Unset):
        format_ (RegisterFormat | Unset):
        cursor (None | str | Unset): Trang sau (chỉ với json)
        limit (int | Unset): Số dòng mỗi trang (chỉ với json) Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegisterPage]
    """

    kwargs = _get_kwargs(
        office_code=office_code,
        received_from=received_from,
        received_to=received_to,
        procedure_code=procedure_code,
        channel=channel,
        status=status,
        format_=format_,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    office_code: str,
    *,
    client: AuthenticatedClient,
    received_from: datetime.date,
    received_to: datetime.date,
    procedure_code: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    status: DossierStatus | None | Unset = UNSET,
    format_: RegisterFormat | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | RegisterPage | None:
    """Sổ theo dõi hồ sơ của bộ phận một cửa (mẫu 06): JSON, CSV, XLSX hoặc bản in

     The desk's register of dossiers (form 06 of Circular 01/2018/TT-VPCP) for a period of reception: one
    keyset page as JSON, or the whole period as CSV, XLSX or a printable HTML page (`format`). **Who may
    call:** officers with a role at the desk (one-stop office) named in the path, the administrators of
    its agency or of an agency above it, and the province administrator.

    Args:
        office_code (str):
        received_from (datetime.date): Từ ngày nhận hồ sơ (giờ Việt Nam), ví dụ 2026-12-01
        received_to (datetime.date): Đến ngày nhận hồ sơ (bao gồm ngày này)
        procedure_code (None | str | Unset):
        channel (Channel | None | Unset):
        status (DossierStatus | None | Unset):
        format_ (RegisterFormat | Unset):
        cursor (None | str | Unset): Trang sau (chỉ với json)
        limit (int | Unset): Số dòng mỗi trang (chỉ với json) Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegisterPage
    """

    return sync_detailed(
        office_code=office_code,
        client=client,
        received_from=received_from,
        received_to=received_to,
        procedure_code=procedure_code,
        channel=channel,
        status=status,
        format_=format_,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    office_code: str,
    *,
    client: AuthenticatedClient,
    received_from: datetime.date,
    received_to: datetime.date,
    procedure_code: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    status: DossierStatus | None | Unset = UNSET,
    format_: RegisterFormat | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | RegisterPage]:
    """Sổ theo dõi hồ sơ của bộ phận một cửa (mẫu 06): JSON, CSV, XLSX hoặc bản in

     The desk's register of dossiers (form 06 of Circular 01/2018/TT-VPCP) for a period of reception: one
    keyset page as JSON, or the whole period as CSV, XLSX or a printable HTML page (`format`). **Who may
    call:** officers with a role at the desk (one-stop office) named in the path, the administrators of
    its agency or of an agency above it, and the province administrator.

    Args:
        office_code (str):
        received_from (datetime.date): Từ ngày nhận hồ sơ (giờ Việt Nam), ví dụ 2026-12-01
        received_to (datetime.date): Đến ngày nhận hồ sơ (bao gồm ngày này)
        procedure_code (None | str | Unset):
        channel (Channel | None | Unset):
        status (DossierStatus | None | Unset):
        format_ (RegisterFormat | Unset):
        cursor (None | str | Unset): Trang sau (chỉ với json)
        limit (int | Unset): Số dòng mỗi trang (chỉ với json) Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegisterPage]
    """

    kwargs = _get_kwargs(
        office_code=office_code,
        received_from=received_from,
        received_to=received_to,
        procedure_code=procedure_code,
        channel=channel,
        status=status,
        format_=format_,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    office_code: str,
    *,
    client: AuthenticatedClient,
    received_from: datetime.date,
    received_to: datetime.date,
    procedure_code: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    status: DossierStatus | None | Unset = UNSET,
    format_: RegisterFormat | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | RegisterPage | None:
    """Sổ theo dõi hồ sơ của bộ phận một cửa (mẫu 06): JSON, CSV, XLSX hoặc bản in

     The desk's register of dossiers (form 06 of Circular 01/2018/TT-VPCP) for a period of reception: one
    keyset page as JSON, or the whole period as CSV, XLSX or a printable HTML page (`format`). **Who may
    call:** officers with a role at the desk (one-stop office) named in the path, the administrators of
    its agency or of an agency above it, and the province administrator.

    Args:
        office_code (str):
        received_from (datetime.date): Từ ngày nhận hồ sơ (giờ Việt Nam), ví dụ 2026-12-01
        received_to (datetime.date): Đến ngày nhận hồ sơ (bao gồm ngày này)
        procedure_code (None | str | Unset):
        channel (Channel | None | Unset):
        status (DossierStatus | None | Unset):
        format_ (RegisterFormat | Unset):
        cursor (None | str | Unset): Trang sau (chỉ với json)
        limit (int | Unset): Số dòng mỗi trang (chỉ với json) Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegisterPage
    """

    return (
        await asyncio_detailed(
            office_code=office_code,
            client=client,
            received_from=received_from,
            received_to=received_to,
            procedure_code=procedure_code,
            channel=channel,
            status=status,
            format_=format_,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
