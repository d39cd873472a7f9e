from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.template_create import TemplateCreate
from ...models.template_row import TemplateRow
from ...types import Response


def _get_kwargs(
    *,
    body: TemplateCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TemplateRow | None:
    if response.status_code == 201:
        response_201 = TemplateRow.from_dict(response.json())

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
) -> Response[Problem | TemplateRow]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateCreate,
) -> Response[Problem | TemplateRow]:
    """Tạo quy trình hoặc phiên bản mới của quy trình

     Creates a process template, or a new version of one: its ordered steps, where each runs and its
    duration. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (TemplateCreate):  Example: {'name': 'Quy trình hộ tịch cấp xã', 'kind':
            'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ sơ', 'runs_at': {'kind':
            'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind':
            'competent_agency'}, 'role': 'leader', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}], 'code': 'QT-HOTICH-XA'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateRow]
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
    body: TemplateCreate,
) -> Problem | TemplateRow | None:
    """Tạo quy trình hoặc phiên bản mới của quy trình

     Creates a process template, or a new version of one: its ordered steps, where each runs and its
    duration. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (TemplateCreate):  Example: {'name': 'Quy trình hộ tịch cấp xã', 'kind':
            'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ sơ', 'runs_at': {'kind':
            'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind':
            'competent_agency'}, 'role': 'leader', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}], 'code': 'QT-HOTICH-XA'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateRow
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateCreate,
) -> Response[Problem | TemplateRow]:
    """Tạo quy trình hoặc phiên bản mới của quy trình

     Creates a process template, or a new version of one: its ordered steps, where each runs and its
    duration. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (TemplateCreate):  Example: {'name': 'Quy trình hộ tịch cấp xã', 'kind':
            'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ sơ', 'runs_at': {'kind':
            'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind':
            'competent_agency'}, 'role': 'leader', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}], 'code': 'QT-HOTICH-XA'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateRow]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TemplateCreate,
) -> Problem | TemplateRow | None:
    """Tạo quy trình hoặc phiên bản mới của quy trình

     Creates a process template, or a new version of one: its ordered steps, where each runs and its
    duration. Recorded in the admin audit log. **Who may call:** an administrator of the agencies
    concerned (admin there or at an agency above them), or the province administrator.

    Args:
        body (TemplateCreate):  Example: {'name': 'Quy trình hộ tịch cấp xã', 'kind':
            'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ sơ', 'runs_at': {'kind':
            'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind':
            'competent_agency'}, 'role': 'leader', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}], 'code': 'QT-HOTICH-XA'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateRow
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
