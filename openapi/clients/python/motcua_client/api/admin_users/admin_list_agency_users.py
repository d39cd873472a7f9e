from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_read import UserRead
from ...types import Response


def _get_kwargs(
    agency_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/agencies/{agency_code}/users".format(
            agency_code=quote(str(agency_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[UserRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = UserRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[UserRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    agency_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[UserRead]]:
    """Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó hoặc cấp trên)

     Lists the officers holding a role at an agency, with their roles and whether the account is
    disabled. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        agency_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[UserRead]]
    """

    kwargs = _get_kwargs(
        agency_code=agency_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agency_code: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[UserRead] | None:
    """Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó hoặc cấp trên)

     Lists the officers holding a role at an agency, with their roles and whether the account is
    disabled. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        agency_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[UserRead]
    """

    return sync_detailed(
        agency_code=agency_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    agency_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[UserRead]]:
    """Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó hoặc cấp trên)

     Lists the officers holding a role at an agency, with their roles and whether the account is
    disabled. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        agency_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[UserRead]]
    """

    kwargs = _get_kwargs(
        agency_code=agency_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agency_code: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[UserRead] | None:
    """Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó hoặc cấp trên)

     Lists the officers holding a role at an agency, with their roles and whether the account is
    disabled. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        agency_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[UserRead]
    """

    return (
        await asyncio_detailed(
            agency_code=agency_code,
            client=client,
        )
    ).parsed
