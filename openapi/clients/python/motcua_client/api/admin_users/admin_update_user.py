from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_read import UserRead
from ...models.user_update import UserUpdate
from ...types import Response


def _get_kwargs(
    username: str,
    *,
    body: UserUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/admin/users/{username}".format(
            username=quote(str(username), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserRead | None:
    if response.status_code == 200:
        response_200 = UserRead.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    username: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Response[Problem | UserRead]:
    """Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)

     Changes an officer's full name, disables or enables the account, or replaces its roles (both the old
    and the new agencies must be administered by the caller). Recorded in the admin audit log. **Who may
    call:** an administrator of the agencies concerned (admin there or at an agency above them), or the
    province administrator.

    Args:
        username (str):
        body (UserUpdate): What an administrator changes on an account (absent: unchanged). A
            change of roles or of
            ``active`` refuses every token issued before it. Example: {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        username=username,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    username: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Problem | UserRead | None:
    """Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)

     Changes an officer's full name, disables or enables the account, or replaces its roles (both the old
    and the new agencies must be administered by the caller). Recorded in the admin audit log. **Who may
    call:** an administrator of the agencies concerned (admin there or at an agency above them), or the
    province administrator.

    Args:
        username (str):
        body (UserUpdate): What an administrator changes on an account (absent: unchanged). A
            change of roles or of
            ``active`` refuses every token issued before it. Example: {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return sync_detailed(
        username=username,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Response[Problem | UserRead]:
    """Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)

     Changes an officer's full name, disables or enables the account, or replaces its roles (both the old
    and the new agencies must be administered by the caller). Recorded in the admin audit log. **Who may
    call:** an administrator of the agencies concerned (admin there or at an agency above them), or the
    province administrator.

    Args:
        username (str):
        body (UserUpdate): What an administrator changes on an account (absent: unchanged). A
            change of roles or of
            ``active`` refuses every token issued before it. Example: {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        username=username,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Problem | UserRead | None:
    """Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)

     Changes an officer's full name, disables or enables the account, or replaces its roles (both the old
    and the new agencies must be administered by the caller). Recorded in the admin audit log. **Who may
    call:** an administrator of the agencies concerned (admin there or at an agency above them), or the
    province administrator.

    Args:
        username (str):
        body (UserUpdate): What an administrator changes on an account (absent: unchanged). A
            change of roles or of
            ``active`` refuses every token issued before it. Example: {'active': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            body=body,
        )
    ).parsed
