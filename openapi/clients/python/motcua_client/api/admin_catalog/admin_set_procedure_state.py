from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.procedure_read import ProcedureRead
from ...models.state_action import StateAction
from ...types import Response


def _get_kwargs(
    code: str,
    version: int,
    action: StateAction,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/procedures/{code}/versions/{version}/{action}".format(
            code=quote(str(code), safe=""),
            version=quote(str(version), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProcedureRead | None:
    if response.status_code == 200:
        response_200 = ProcedureRead.from_dict(response.json())

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
) -> Response[Problem | ProcedureRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProcedureRead]:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục

     Publishes a draft version of a procedure (it becomes the one citizens see) or retires a version.
    Recorded in the admin audit log. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        code (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
        action=action,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Problem | ProcedureRead | None:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục

     Publishes a draft version of a procedure (it becomes the one citizens see) or retires a version.
    Recorded in the admin audit log. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        code (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return sync_detailed(
        code=code,
        version=version,
        action=action,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProcedureRead]:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục

     Publishes a draft version of a procedure (it becomes the one citizens see) or retires a version.
    Recorded in the admin audit log. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        code (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
        action=action,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    version: int,
    action: StateAction,
    *,
    client: AuthenticatedClient,
) -> Problem | ProcedureRead | None:
    """Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục

     Publishes a draft version of a procedure (it becomes the one citizens see) or retires a version.
    Recorded in the admin audit log. **Who may call:** the province administrator only (admin at the
    province's root agency).

    Args:
        code (str):
        version (int):
        action (StateAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return (
        await asyncio_detailed(
            code=code,
            version=version,
            action=action,
            client=client,
        )
    ).parsed
