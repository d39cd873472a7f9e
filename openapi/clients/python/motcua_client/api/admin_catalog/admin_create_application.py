from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_create import ApplicationCreate
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ApplicationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 201:
        response_201 = ApplicationRead.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
) -> Response[ApplicationRead | Problem]:
    """Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)

     Applies a procedure at an agency as draft version 1: its receiving offices, its process template and
    when it takes effect. Recorded in the admin audit log. **Who may call:** an administrator of the
    agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (ApplicationCreate):  Example: {'receiving_offices': ['000.31.00.H99'], 'template':
            'QT-HOTICH-XA', 'template_version': 1, 'effective_from': '2025-07-01', 'procedure':
            '1.001193', 'agency': '000.31.00.H99'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
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
    body: ApplicationCreate,
) -> ApplicationRead | Problem | None:
    """Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)

     Applies a procedure at an agency as draft version 1: its receiving offices, its process template and
    when it takes effect. Recorded in the admin audit log. **Who may call:** an administrator of the
    agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (ApplicationCreate):  Example: {'receiving_offices': ['000.31.00.H99'], 'template':
            'QT-HOTICH-XA', 'template_version': 1, 'effective_from': '2025-07-01', 'procedure':
            '1.001193', 'agency': '000.31.00.H99'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
) -> Response[ApplicationRead | Problem]:
    """Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)

     Applies a procedure at an agency as draft version 1: its receiving offices, its process template and
    when it takes effect. Recorded in the admin audit log. **Who may call:** an administrator of the
    agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (ApplicationCreate):  Example: {'receiving_offices': ['000.31.00.H99'], 'template':
            'QT-HOTICH-XA', 'template_version': 1, 'effective_from': '2025-07-01', 'procedure':
            '1.001193', 'agency': '000.31.00.H99'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
) -> ApplicationRead | Problem | None:
    """Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)

     Applies a procedure at an agency as draft version 1: its receiving offices, its process template and
    when it takes effect. Recorded in the admin audit log. **Who may call:** an administrator of the
    agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (ApplicationCreate):  Example: {'receiving_offices': ['000.31.00.H99'], 'template':
            'QT-HOTICH-XA', 'template_version': 1, 'effective_from': '2025-07-01', 'procedure':
            '1.001193', 'agency': '000.31.00.H99'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
