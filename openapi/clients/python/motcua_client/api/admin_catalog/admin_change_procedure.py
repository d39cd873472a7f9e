from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.procedure_data import ProcedureData
from ...models.procedure_read import ProcedureRead
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: ProcedureData,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/admin/procedures/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProcedureRead | None:
    if response.status_code == 200:
        response_200 = ProcedureRead.from_dict(response.json())

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
) -> Response[Problem | ProcedureRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ProcedureData,
) -> Response[Problem | ProcedureRead]:
    """Sửa thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure: edits its draft, or opens a new draft version when the current one is
    published. Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        code (str):
        body (ProcedureData): The national record of a procedure (without its version and state).
            Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH', 'processing_time':
            {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng ký khai sinh',
            'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ khai đăng ký
            khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy khai sinh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ProcedureData,
) -> Problem | ProcedureRead | None:
    """Sửa thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure: edits its draft, or opens a new draft version when the current one is
    published. Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        code (str):
        body (ProcedureData): The national record of a procedure (without its version and state).
            Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH', 'processing_time':
            {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng ký khai sinh',
            'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ khai đăng ký
            khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy khai sinh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ProcedureData,
) -> Response[Problem | ProcedureRead]:
    """Sửa thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure: edits its draft, or opens a new draft version when the current one is
    published. Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        code (str):
        body (ProcedureData): The national record of a procedure (without its version and state).
            Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH', 'processing_time':
            {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng ký khai sinh',
            'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ khai đăng ký
            khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy khai sinh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ProcedureData,
) -> Problem | ProcedureRead | None:
    """Sửa thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố

     Changes a procedure: edits its draft, or opens a new draft version when the current one is
    published. Recorded in the admin audit log. **Who may call:** the province administrator only (admin
    at the province's root agency).

    Args:
        code (str):
        body (ProcedureData): The national record of a procedure (without its version and state).
            Example: {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH', 'processing_time':
            {'amount': '1', 'unit': 'working_days'}, 'fees': [{'name': 'Lệ phí đăng ký khai sinh',
            'kind': 'levy', 'amount': 0}], 'documents': [{'code': 'TP01', 'name': 'Tờ khai đăng ký
            khai sinh'}], 'online_level': 'full', 'levels': ['commune'], 'result': 'Giấy khai sinh'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureRead
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
