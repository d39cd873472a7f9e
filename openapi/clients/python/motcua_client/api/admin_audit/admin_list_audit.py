import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_action import AdminAction
from ...models.audit_page import AuditPage
from ...models.audit_target import AuditTarget
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: None | str | Unset = UNSET,
    action: AdminAction | None | Unset = UNSET,
    target_type: AuditTarget | None | Unset = UNSET,
    target_key: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, AdminAction):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_target_type: None | str | Unset
    if isinstance(target_type, Unset):
        json_target_type = UNSET
    elif isinstance(target_type, AuditTarget):
        json_target_type = target_type.value
    else:
        json_target_type = target_type
    params["target_type"] = json_target_type

    json_target_key: None | str | Unset
    if isinstance(target_key, Unset):
        json_target_key = UNSET
    else:
        json_target_key = target_key
    params["target_key"] = json_target_key

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

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
        "url": "/api/v1/admin/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    action: AdminAction | None | Unset = UNSET,
    target_type: AuditTarget | None | Unset = UNSET,
    target_key: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPage | Problem]:
    """Nhật ký quản trị: ai đã thay đổi gì, khi nào (mới nhất trước, phân trang bằng con trỏ)

     The administrators' audit log: who changed what and when, newest first, filtered by action, actor or
    target; paginated by cursor. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        actor (None | str | Unset): Tên đăng nhập của người thực hiện
        action (AdminAction | None | Unset): Thao tác
        target_type (AuditTarget | None | Unset): Loại đối tượng
        target_key (None | str | Unset): Mã đối tượng (cần kèm target_type)
        since (datetime.datetime | None | Unset): Từ thời điểm này (tính cả)
        until (datetime.datetime | None | Unset): Đến trước thời điểm này
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        action=action,
        target_type=target_type,
        target_key=target_key,
        since=since,
        until=until,
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
    actor: None | str | Unset = UNSET,
    action: AdminAction | None | Unset = UNSET,
    target_type: AuditTarget | None | Unset = UNSET,
    target_key: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AuditPage | Problem | None:
    """Nhật ký quản trị: ai đã thay đổi gì, khi nào (mới nhất trước, phân trang bằng con trỏ)

     The administrators' audit log: who changed what and when, newest first, filtered by action, actor or
    target; paginated by cursor. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        actor (None | str | Unset): Tên đăng nhập của người thực hiện
        action (AdminAction | None | Unset): Thao tác
        target_type (AuditTarget | None | Unset): Loại đối tượng
        target_key (None | str | Unset): Mã đối tượng (cần kèm target_type)
        since (datetime.datetime | None | Unset): Từ thời điểm này (tính cả)
        until (datetime.datetime | None | Unset): Đến trước thời điểm này
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return sync_detailed(
        client=client,
        actor=actor,
        action=action,
        target_type=target_type,
        target_key=target_key,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    action: AdminAction | None | Unset = UNSET,
    target_type: AuditTarget | None | Unset = UNSET,
    target_key: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPage | Problem]:
    """Nhật ký quản trị: ai đã thay đổi gì, khi nào (mới nhất trước, phân trang bằng con trỏ)

     The administrators' audit log: who changed what and when, newest first, filtered by action, actor or
    target; paginated by cursor. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        actor (None | str | Unset): Tên đăng nhập của người thực hiện
        action (AdminAction | None | Unset): Thao tác
        target_type (AuditTarget | None | Unset): Loại đối tượng
        target_key (None | str | Unset): Mã đối tượng (cần kèm target_type)
        since (datetime.datetime | None | Unset): Từ thời điểm này (tính cả)
        until (datetime.datetime | None | Unset): Đến trước thời điểm này
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        action=action,
        target_type=target_type,
        target_key=target_key,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    action: AdminAction | None | Unset = UNSET,
    target_type: AuditTarget | None | Unset = UNSET,
    target_key: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> AuditPage | Problem | None:
    """Nhật ký quản trị: ai đã thay đổi gì, khi nào (mới nhất trước, phân trang bằng con trỏ)

     The administrators' audit log: who changed what and when, newest first, filtered by action, actor or
    target; paginated by cursor. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        actor (None | str | Unset): Tên đăng nhập của người thực hiện
        action (AdminAction | None | Unset): Thao tác
        target_type (AuditTarget | None | Unset): Loại đối tượng
        target_key (None | str | Unset): Mã đối tượng (cần kèm target_type)
        since (datetime.datetime | None | Unset): Từ thời điểm này (tính cả)
        until (datetime.datetime | None | Unset): Đến trước thời điểm này
        cursor (None | str | Unset): `next_cursor` của trang trước
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            action=action,
            target_type=target_type,
            target_key=target_key,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
