from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    procedure: str,
    agency: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/applications/{procedure}/{agency}/versions".format(
            procedure=quote(str(procedure), safe=""),
            agency=quote(str(agency), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[ApplicationRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ApplicationRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[ApplicationRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[ApplicationRead]]:
    """Mọi phiên bản áp dụng thủ tục của một cơ quan

     Every version of a procedure's application at an agency, drafts included. **Who may call:** an
    administrator of the agencies concerned (admin there or at an agency above them), or the province
    administrator.

    Args:
        procedure (str):
        agency (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ApplicationRead]]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[ApplicationRead] | None:
    """Mọi phiên bản áp dụng thủ tục của một cơ quan

     Every version of a procedure's application at an agency, drafts included. **Who may call:** an
    administrator of the agencies concerned (admin there or at an agency above them), or the province
    administrator.

    Args:
        procedure (str):
        agency (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ApplicationRead]
    """

    return sync_detailed(
        procedure=procedure,
        agency=agency,
        client=client,
    ).parsed


async def asyncio_detailed(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[ApplicationRead]]:
    """Mọi phiên bản áp dụng thủ tục của một cơ quan

     Every version of a procedure's application at an agency, drafts included. **Who may call:** an
    administrator of the agencies concerned (admin there or at an agency above them), or the province
    administrator.

    Args:
        procedure (str):
        agency (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ApplicationRead]]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[ApplicationRead] | None:
    """Mọi phiên bản áp dụng thủ tục của một cơ quan

     Every version of a procedure's application at an agency, drafts included. **Who may call:** an
    administrator of the agencies concerned (admin there or at an agency above them), or the province
    administrator.

    Args:
        procedure (str):
        agency (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ApplicationRead]
    """

    return (
        await asyncio_detailed(
            procedure=procedure,
            agency=agency,
            client=client,
        )
    ).parsed
