from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...models.state_action import StateAction
from ...types import Response


def _get_kwargs(
    procedure: str,
    agency: str,
    version: int,
    action: StateAction,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/applications/{procedure}/{agency}/versions/{version}/{action}".format(
            procedure=quote(str(procedure), safe=""),
            agency=quote(str(agency), safe=""),
            version=quote(str(version), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicationRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    procedure: str,
    agency: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Response[ApplicationRead | Problem]:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục

     Publishes or retires a version of a procedure's application at an agency. Recorded in the admin
    audit log. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
        version=version,
        action=action,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    procedure: str,
    agency: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> ApplicationRead | Problem | None:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục

     Publishes or retires a version of a procedure's application at an agency. Recorded in the admin
    audit log. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        procedure=procedure,
        agency=agency,
        version=version,
        action=action,
        client=client,
    ).parsed


async def asyncio_detailed(
    procedure: str,
    agency: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Response[ApplicationRead | Problem]:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục

     Publishes or retires a version of a procedure's application at an agency. Recorded in the admin
    audit log. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
        version=version,
        action=action,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    procedure: str,
    agency: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> ApplicationRead | Problem | None:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục

     Publishes or retires a version of a procedure's application at an agency. Recorded in the admin
    audit log. **Who may call:** an administrator of the agencies concerned (admin there or at an agency
    above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            procedure=procedure,
            agency=agency,
            version=version,
            action=action,
            client=client,
        )
    ).parsed
