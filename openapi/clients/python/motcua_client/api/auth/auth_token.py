from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.officer_login_form import OfficerLoginForm
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: OfficerLoginForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OfficerLoginForm,
) -> Response[Problem | TokenResponse]:
    """Cán bộ đăng nhập, nhận mã truy cập (JWT)

     Officer login by the OAuth2 password flow: exchanges a username and password (form-encoded) for a
    bearer JWT. Failed logins are counted per account and client and throttled (429 with Retry-After).
    **Who may call:** anyone; no token is needed.

    Args:
        body (OfficerLoginForm): Officer login, form-encoded: the OAuth2 password flow (RFC 6749,
            section 4.3), as Swagger
            UI's Authorize dialog and any OAuth2 client send it. Example: {'grant_type': 'password',
            'username': 'tiepnhan.nguyenvana', 'password': 'mat-khau-du-dai-123'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: OfficerLoginForm,
) -> Problem | TokenResponse | None:
    """Cán bộ đăng nhập, nhận mã truy cập (JWT)

     Officer login by the OAuth2 password flow: exchanges a username and password (form-encoded) for a
    bearer JWT. Failed logins are counted per account and client and throttled (429 with Retry-After).
    **Who may call:** anyone; no token is needed.

    Args:
        body (OfficerLoginForm): Officer login, form-encoded: the OAuth2 password flow (RFC 6749,
            section 4.3), as Swagger
            UI's Authorize dialog and any OAuth2 client send it. Example: {'grant_type': 'password',
            'username': 'tiepnhan.nguyenvana', 'password': 'mat-khau-du-dai-123'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OfficerLoginForm,
) -> Response[Problem | TokenResponse]:
    """Cán bộ đăng nhập, nhận mã truy cập (JWT)

     Officer login by the OAuth2 password flow: exchanges a username and password (form-encoded) for a
    bearer JWT. Failed logins are counted per account and client and throttled (429 with Retry-After).
    **Who may call:** anyone; no token is needed.

    Args:
        body (OfficerLoginForm): Officer login, form-encoded: the OAuth2 password flow (RFC 6749,
            section 4.3), as Swagger
            UI's Authorize dialog and any OAuth2 client send it. Example: {'grant_type': 'password',
            'username': 'tiepnhan.nguyenvana', 'password': 'mat-khau-du-dai-123'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OfficerLoginForm,
) -> Problem | TokenResponse | None:
    """Cán bộ đăng nhập, nhận mã truy cập (JWT)

     Officer login by the OAuth2 password flow: exchanges a username and password (form-encoded) for a
    bearer JWT. Failed logins are counted per account and client and throttled (429 with Retry-After).
    **Who may call:** anyone; no token is needed.

    Args:
        body (OfficerLoginForm): Officer login, form-encoded: the OAuth2 password flow (RFC 6749,
            section 4.3), as Swagger
            UI's Authorize dialog and any OAuth2 client send it. Example: {'grant_type': 'password',
            'username': 'tiepnhan.nguyenvana', 'password': 'mat-khau-du-dai-123'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
