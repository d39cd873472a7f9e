from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.procedure_create import ProcedureCreate
from ...models.procedure_read import ProcedureRead
from ...types import Response


def _get_kwargs(
    *,
    body: ProcedureCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/procedures",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProcedureRead | None:
    if response.status_code == 201:
        response_201 = ProcedureRead.from_dict(response.json())

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
) -> Response[Problem | ProcedureRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProcedureCreate,
) -> Response[Problem | ProcedureRead]:
    """Tạo thủ tục mới (bản nháp phiên bản 1)

     Creates a new procedure as draft version 1; it is not visible to citizens until published. Recorded
    in the admin audit log. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Args:
        body (ProcedureCreate):  Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH',
            'processing_time': {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng
            ký khai sinh', 'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ
            khai đăng ký khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy
            khai sinh', 'code': '1.001193'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
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
    body: ProcedureCreate,
) -> Problem | ProcedureRead | None:
    """Tạo thủ tục mới (bản nháp phiên bản 1)

     Creates a new procedure as draft version 1; it is not visible to citizens until published. Recorded
    in the admin audit log. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Args:
        body (ProcedureCreate):  Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH',
            'processing_time': {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng
            ký khai sinh', 'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ
            khai đăng ký khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy
            khai sinh', 'code': '1.001193'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProcedureCreate,
) -> Response[Problem | ProcedureRead]:
    """Tạo thủ tục mới (bản nháp phiên bản 1)

     Creates a new procedure as draft version 1; it is not visible to citizens until published. Recorded
    in the admin audit log. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Args:
        body (ProcedureCreate):  Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH',
            'processing_time': {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng
            ký khai sinh', 'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ
            khai đăng ký khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy
            khai sinh', 'code': '1.001193'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProcedureCreate,
) -> Problem | ProcedureRead | None:
    """Tạo thủ tục mới (bản nháp phiên bản 1)

     Creates a new procedure as draft version 1; it is not visible to citizens until published. Recorded
    in the admin audit log. **Who may call:** the province administrator only (admin at the province's
    root agency).

    Args:
        body (ProcedureCreate):  Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH',
            'processing_time': {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng
            ký khai sinh', 'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ
            khai đăng ký khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy
            khai sinh', 'code': '1.001193'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
