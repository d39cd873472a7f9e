from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.procedure_detail import ProcedureDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    version: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/procedures/{code}".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProcedureDetail | None:
    if response.status_code == 200:
        response_200 = ProcedureDetail.from_dict(response.json())

        return response_200

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
) -> Response[Problem | ProcedureDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Response[Problem | ProcedureDetail]:
    """Chi tiết thủ tục hành chính và các cơ quan áp dụng

     One published procedure: its requirements (documents), fees, durations, and the agencies that apply
    it with their receiving offices. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        version (int | None | Unset): Phiên bản cũ (mặc định: hiện hành)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureDetail]
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
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Problem | ProcedureDetail | None:
    """Chi tiết thủ tục hành chính và các cơ quan áp dụng

     One published procedure: its requirements (documents), fees, durations, and the agencies that apply
    it with their receiving offices. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        version (int | None | Unset): Phiên bản cũ (mặc định: hiện hành)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureDetail
    """

    return sync_detailed(
        code=code,
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Response[Problem | ProcedureDetail]:
    """Chi tiết thủ tục hành chính và các cơ quan áp dụng

     One published procedure: its requirements (documents), fees, durations, and the agencies that apply
    it with their receiving offices. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        version (int | None | Unset): Phiên bản cũ (mặc định: hiện hành)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProcedureDetail]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Problem | ProcedureDetail | None:
    """Chi tiết thủ tục hành chính và các cơ quan áp dụng

     One published procedure: its requirements (documents), fees, durations, and the agencies that apply
    it with their receiving offices. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        version (int | None | Unset): Phiên bản cũ (mặc định: hiện hành)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProcedureDetail
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            version=version,
        )
    ).parsed
