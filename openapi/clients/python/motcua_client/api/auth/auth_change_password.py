from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.password_change import PasswordChange
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: PasswordChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Response[Any | Problem]:
    """Cán bộ đổi mật khẩu của chính mình (mọi mã truy cập đã cấp bị thu hồi: đăng nhập lại)

     The signed-in officer changes their own password; every token issued before is revoked, so they sign
    in again. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        body (PasswordChange):  Example: {'current_password': 'mat-khau-hien-tai', 'new_password':
            'mot-mat-khau-moi-kho-doan'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: PasswordChange,
) -> Any | Problem | None:
    """Cán bộ đổi mật khẩu của chính mình (mọi mã truy cập đã cấp bị thu hồi: đăng nhập lại)

     The signed-in officer changes their own password; every token issued before is revoked, so they sign
    in again. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        body (PasswordChange):  Example: {'current_password': 'mat-khau-hien-tai', 'new_password':
            'mot-mat-khau-moi-kho-doan'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Response[Any | Problem]:
    """Cán bộ đổi mật khẩu của chính mình (mọi mã truy cập đã cấp bị thu hồi: đăng nhập lại)

     The signed-in officer changes their own password; every token issued before is revoked, so they sign
    in again. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        body (PasswordChange):  Example: {'current_password': 'mat-khau-hien-tai', 'new_password':
            'mot-mat-khau-moi-kho-doan'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Any | Problem | None:
    """Cán bộ đổi mật khẩu của chính mình (mọi mã truy cập đã cấp bị thu hồi: đăng nhập lại)

     The signed-in officer changes their own password; every token issued before is revoked, so they sign
    in again. **Who may call:** any signed-in officer; a citizen's token is refused (403
    `officer_required`). Answers are limited to the officer's own agencies.

    Args:
        body (PasswordChange):  Example: {'current_password': 'mat-khau-hien-tai', 'new_password':
            'mot-mat-khau-moi-kho-doan'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
