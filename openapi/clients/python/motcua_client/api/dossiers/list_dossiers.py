import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.dossier_page import DossierPage
from ...models.dossier_status import DossierStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[DossierStatus] | None | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    passed_through: bool | Unset = False,
    assignee: None | str | Unset = UNSET,
    assigned_to_me: bool | Unset = False,
    overdue: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    procedure: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
    applicant_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_agency: None | str | Unset
    if isinstance(agency, Unset):
        json_agency = UNSET
    else:
        json_agency = agency
    params["agency"] = json_agency

    params["passed_through"] = passed_through

    json_assignee: None | str | Unset
    if isinstance(assignee, Unset):
        json_assignee = UNSET
    else:
        json_assignee = assignee
    params["assignee"] = json_assignee

    params["assigned_to_me"] = assigned_to_me

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.datetime):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_procedure: None | str | Unset
    if isinstance(procedure, Unset):
        json_procedure = UNSET
    else:
        json_procedure = procedure
    params["procedure"] = json_procedure

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, Channel):
        json_channel = channel.value
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_received_from: None | str | Unset
    if isinstance(received_from, Unset):
        json_received_from = UNSET
    elif isinstance(received_from, datetime.datetime):
        json_received_from = received_from.isoformat()
    else:
        json_received_from = received_from
    params["received_from"] = json_received_from

    json_received_to: None | str | Unset
    if isinstance(received_to, Unset):
        json_received_to = UNSET
    elif isinstance(received_to, datetime.datetime):
        json_received_to = received_to.isoformat()
    else:
        json_received_to = received_to
    params["received_to"] = json_received_to

    json_applicant_id: None | str | Unset
    if isinstance(applicant_id, Unset):
        json_applicant_id = UNSET
    else:
        json_applicant_id = applicant_id
    params["applicant_id"] = json_applicant_id

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
        "url": "/api/v1/dossiers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DossierPage | Problem | None:
    if response.status_code == 200:
        response_200 = DossierPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DossierPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[DossierStatus] | None | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    passed_through: bool | Unset = False,
    assignee: None | str | Unset = UNSET,
    assigned_to_me: bool | Unset = False,
    overdue: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    procedure: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
    applicant_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[DossierPage | Problem]:
    """Danh sách hồ sơ (sổ theo dõi) của cán bộ, hoặc hồ sơ của chính công dân

     Worklists: an officer's dossiers (those received at their offices or with a step at their agencies),
    a citizen's own dossiers; filters by status, procedure, agency, overdue, dates and applicant id;
    keyset pages (`cursor`). **Who may call:** any signed-in officer (password-flow token) or citizen
    (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        status (list[DossierStatus] | None | Unset): Một hoặc nhiều trạng thái
        agency (None | str | Unset): Hồ sơ đang ở cơ quan này
        passed_through (bool | Unset): Với agency: cả hồ sơ đã qua cơ quan (tiếp nhận hoặc có bước
            xử lý tại đó) Default: False.
        assignee (None | str | Unset): Tên đăng nhập của cán bộ được phân công
        assigned_to_me (bool | Unset):  Default: False.
        overdue (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        procedure (None | str | Unset): Mã thủ tục
        channel (Channel | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):
        applicant_id (None | str | Unset): Số giấy tờ của người nộp
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        agency=agency,
        passed_through=passed_through,
        assignee=assignee,
        assigned_to_me=assigned_to_me,
        overdue=overdue,
        due_before=due_before,
        procedure=procedure,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        applicant_id=applicant_id,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: list[DossierStatus] | None | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    passed_through: bool | Unset = False,
    assignee: None | str | Unset = UNSET,
    assigned_to_me: bool | Unset = False,
    overdue: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    procedure: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
    applicant_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> DossierPage | Problem | None:
    """Danh sách hồ sơ (sổ theo dõi) của cán bộ, hoặc hồ sơ của chính công dân

     Worklists: an officer's dossiers (those received at their offices or with a step at their agencies),
    a citizen's own dossiers; filters by status, procedure, agency, overdue, dates and applicant id;
    keyset pages (`cursor`). **Who may call:** any signed-in officer (password-flow token) or citizen
    (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        status (list[DossierStatus] | None | Unset): Một hoặc nhiều trạng thái
        agency (None | str | Unset): Hồ sơ đang ở cơ quan này
        passed_through (bool | Unset): Với agency: cả hồ sơ đã qua cơ quan (tiếp nhận hoặc có bước
            xử lý tại đó) Default: False.
        assignee (None | str | Unset): Tên đăng nhập của cán bộ được phân công
        assigned_to_me (bool | Unset):  Default: False.
        overdue (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        procedure (None | str | Unset): Mã thủ tục
        channel (Channel | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):
        applicant_id (None | str | Unset): Số giấy tờ của người nộp
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        agency=agency,
        passed_through=passed_through,
        assignee=assignee,
        assigned_to_me=assigned_to_me,
        overdue=overdue,
        due_before=due_before,
        procedure=procedure,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        applicant_id=applicant_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[DossierStatus] | None | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    passed_through: bool | Unset = False,
    assignee: None | str | Unset = UNSET,
    assigned_to_me: bool | Unset = False,
    overdue: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    procedure: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
    applicant_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[DossierPage | Problem]:
    """Danh sách hồ sơ (sổ theo dõi) của cán bộ, hoặc hồ sơ của chính công dân

     Worklists: an officer's dossiers (those received at their offices or with a step at their agencies),
    a citizen's own dossiers; filters by status, procedure, agency, overdue, dates and applicant id;
    keyset pages (`cursor`). **Who may call:** any signed-in officer (password-flow token) or citizen
    (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        status (list[DossierStatus] | None | Unset): Một hoặc nhiều trạng thái
        agency (None | str | Unset): Hồ sơ đang ở cơ quan này
        passed_through (bool | Unset): Với agency: cả hồ sơ đã qua cơ quan (tiếp nhận hoặc có bước
            xử lý tại đó) Default: False.
        assignee (None | str | Unset): Tên đăng nhập của cán bộ được phân công
        assigned_to_me (bool | Unset):  Default: False.
        overdue (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        procedure (None | str | Unset): Mã thủ tục
        channel (Channel | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):
        applicant_id (None | str | Unset): Số giấy tờ của người nộp
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        agency=agency,
        passed_through=passed_through,
        assignee=assignee,
        assigned_to_me=assigned_to_me,
        overdue=overdue,
        due_before=due_before,
        procedure=procedure,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        applicant_id=applicant_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: list[DossierStatus] | None | Unset = UNSET,
    agency: None | str | Unset = UNSET,
    passed_through: bool | Unset = False,
    assignee: None | str | Unset = UNSET,
    assigned_to_me: bool | Unset = False,
    overdue: bool | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    procedure: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    received_from: datetime.datetime | None | Unset = UNSET,
    received_to: datetime.datetime | None | Unset = UNSET,
    applicant_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> DossierPage | Problem | None:
    """Danh sách hồ sơ (sổ theo dõi) của cán bộ, hoặc hồ sơ của chính công dân

     Worklists: an officer's dossiers (those received at their offices or with a step at their agencies),
    a citizen's own dossiers; filters by status, procedure, agency, overdue, dates and applicant id;
    keyset pages (`cursor`). **Who may call:** any signed-in officer (password-flow token) or citizen
    (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        status (list[DossierStatus] | None | Unset): Một hoặc nhiều trạng thái
        agency (None | str | Unset): Hồ sơ đang ở cơ quan này
        passed_through (bool | Unset): Với agency: cả hồ sơ đã qua cơ quan (tiếp nhận hoặc có bước
            xử lý tại đó) Default: False.
        assignee (None | str | Unset): Tên đăng nhập của cán bộ được phân công
        assigned_to_me (bool | Unset):  Default: False.
        overdue (bool | None | Unset):
        due_before (datetime.datetime | None | Unset):
        procedure (None | str | Unset): Mã thủ tục
        channel (Channel | None | Unset):
        received_from (datetime.datetime | None | Unset):
        received_to (datetime.datetime | None | Unset):
        applicant_id (None | str | Unset): Số giấy tờ của người nộp
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            agency=agency,
            passed_through=passed_through,
            assignee=assignee,
            assigned_to_me=assigned_to_me,
            overdue=overdue,
            due_before=due_before,
            procedure=procedure,
            channel=channel,
            received_from=received_from,
            received_to=received_to,
            applicant_id=applicant_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
