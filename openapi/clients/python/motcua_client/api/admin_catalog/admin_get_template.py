from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.template_row import TemplateRow
from ...types import Response


def _get_kwargs(
    code: str,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/templates/{code}/versions/{version}".format(
            code=quote(str(code), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TemplateRow | None:
    if response.status_code == 200:
        response_200 = TemplateRow.from_dict(response.json())

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
) -> Response[Problem | TemplateRow]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TemplateRow]:
    """Một phiên bản quy trình

     One version of a process template with its steps. **Who may call:** an administrator of any agency
    (an officer with the `admin` role).

    Args:
        code (str):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateRow]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | TemplateRow | None:
    """Một phiên bản quy trình

     One version of a process template with its steps. **Who may call:** an administrator of any agency
    (an officer with the `admin` role).

    Args:
        code (str):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateRow
    """

    return sync_detailed(
        code=code,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TemplateRow]:
    """Một phiên bản quy trình

     One version of a process template with its steps. **Who may call:** an administrator of any agency
    (an officer with the `admin` role).

    Args:
        code (str):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateRow]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | TemplateRow | None:
    """Một phiên bản quy trình

     One version of a process template with its steps. **Who may call:** an administrator of any agency
    (an officer with the `admin` role).

    Args:
        code (str):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateRow
    """

    return (
        await asyncio_detailed(
            code=code,
            version=version,
            client=client,
        )
    ).parsed
