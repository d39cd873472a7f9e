from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_data import ApplicationData
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    procedure: str,
    agency: str,
    *,
    body: ApplicationData,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/admin/applications/{procedure}/{agency}".format(
            procedure=quote(str(procedure), safe=""),
            agency=quote(str(agency), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicationRead.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: ApplicationData,
) -> Response[ApplicationRead | Problem]:
    """Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure's application at an agency: edits its draft, or opens a new draft version when
    the current one is published. Recorded in the admin audit log. **Who may call:** an administrator of
    the agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        body (ApplicationData): How the applying agency applies a procedure (without its version
            and state). Example: {'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA',
            'template_version': 1, 'effective_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
        body=body,
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
    body: ApplicationData,
) -> ApplicationRead | Problem | None:
    """Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure's application at an agency: edits its draft, or opens a new draft version when
    the current one is published. Recorded in the admin audit log. **Who may call:** an administrator of
    the agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        body (ApplicationData): How the applying agency applies a procedure (without its version
            and state). Example: {'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA',
            'template_version': 1, 'effective_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        procedure=procedure,
        agency=agency,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationData,
) -> Response[ApplicationRead | Problem]:
    """Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure's application at an agency: edits its draft, or opens a new draft version when
    the current one is published. Recorded in the admin audit log. **Who may call:** an administrator of
    the agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        body (ApplicationData): How the applying agency applies a procedure (without its version
            and state). Example: {'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA',
            'template_version': 1, 'effective_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        procedure=procedure,
        agency=agency,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    procedure: str,
    agency: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationData,
) -> ApplicationRead | Problem | None:
    """Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure's application at an agency: edits its draft, or opens a new draft version when
    the current one is published. Recorded in the admin audit log. **Who may call:** an administrator of
    the agencies concerned (admin there or at an agency above them), or the province administrator.

    Args:
        procedure (str):
        agency (str):
        body (ApplicationData): How the applying agency applies a procedure (without its version
            and state). Example: {'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA',
            'template_version': 1, 'effective_from': '2025-07-01'}.

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
            client=client,
            body=body,
        )
    ).parsed
