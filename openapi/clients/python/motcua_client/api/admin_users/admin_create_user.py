from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_create import UserCreate
from ...models.user_read import UserRead
from ...types import Response


def _get_kwargs(
    *,
    body: UserCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserRead | None:
    if response.status_code == 201:
        response_201 = UserRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    *,
    client: AuthenticatedClient,
    body: UserCreate,
) -> Response[Problem | UserRead]:
    """Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)

     Creates an officer account with its (agency, role) pairs; every agency named must be administered by
    the caller. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (UserCreate):  Example: {'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn
            A', 'password': 'mat-khau-du-dai-123', 'roles': [{'agency': '000.00.01.H99', 'role':
            'receptionist'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UserCreate,
) -> Problem | UserRead | None:
    """Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)

     Creates an officer account with its (agency, role) pairs; every agency named must be administered by
    the caller. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (UserCreate):  Example: {'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn
            A', 'password': 'mat-khau-du-dai-123', 'roles': [{'agency': '000.00.01.H99', 'role':
            'receptionist'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UserCreate,
) -> Response[Problem | UserRead]:
    """Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)

     Creates an officer account with its (agency, role) pairs; every agency named must be administered by
    the caller. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (UserCreate):  Example: {'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn
            A', 'password': 'mat-khau-du-dai-123', 'roles': [{'agency': '000.00.01.H99', 'role':
            'receptionist'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UserCreate,
) -> Problem | UserRead | None:
    """Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)

     Creates an officer account with its (agency, role) pairs; every agency named must be administered by
    the caller. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (UserCreate):  Example: {'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn
            A', 'password': 'mat-khau-du-dai-123', 'roles': [{'agency': '000.00.01.H99', 'role':
            'receptionist'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
