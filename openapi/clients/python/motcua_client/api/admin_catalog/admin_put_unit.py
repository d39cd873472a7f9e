from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.unit_data import UnitData
from ...models.unit_row import UnitRow
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: UnitData,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/admin/units/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UnitRow | None:
    if response.status_code == 200:
        response_200 = UnitRow.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UnitRow]:
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
    body: UnitData,
) -> Response[Problem | UnitRow]:
    """Tạo hoặc sửa đơn vị hành chính

     Creates or replaces an administrative unit by its code. Recorded in the admin audit log. **Who may
    call:** the province administrator only (admin at the province's root agency).

    Args:
        code (str): Mã (chuỗi không khoảng trắng)
        body (UnitData):  Example: {'name': 'Xã Một', 'kind': 'commune', 'parent': 'H99',
            'valid_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitRow]
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
    body: UnitData,
) -> Problem | UnitRow | None:
    """Tạo hoặc sửa đơn vị hành chính

     Creates or replaces an administrative unit by its code. Recorded in the admin audit log. **Who may
    call:** the province administrator only (admin at the province's root agency).

    Args:
        code (str): Mã (chuỗi không khoảng trắng)
        body (UnitData):  Example: {'name': 'Xã Một', 'kind': 'commune', 'parent': 'H99',
            'valid_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitRow
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
    body: UnitData,
) -> Response[Problem | UnitRow]:
    """Tạo hoặc sửa đơn vị hành chính

     Creates or replaces an administrative unit by its code. Recorded in the admin audit log. **Who may
    call:** the province administrator only (admin at the province's root agency).

    Args:
        code (str): Mã (chuỗi không khoảng trắng)
        body (UnitData):  Example: {'name': 'Xã Một', 'kind': 'commune', 'parent': 'H99',
            'valid_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitRow]
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
    body: UnitData,
) -> Problem | UnitRow | None:
    """Tạo hoặc sửa đơn vị hành chính

     Creates or replaces an administrative unit by its code. Recorded in the admin audit log. **Who may
    call:** the province administrator only (admin at the province's root agency).

    Args:
        code (str): Mã (chuỗi không khoảng trắng)
        body (UnitData):  Example: {'name': 'Xã Một', 'kind': 'commune', 'parent': 'H99',
            'valid_from': '2025-07-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitRow
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
