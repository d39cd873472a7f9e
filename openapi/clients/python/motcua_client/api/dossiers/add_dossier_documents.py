from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_request import ActionRequest
from ...models.dossier_read import DossierRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: ActionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/dossiers/{code}/documents".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DossierRead | Problem | None:
    if response.status_code == 200:
        response_200 = DossierRead.from_dict(response.json())

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
) -> Response[DossierRead | Problem]:
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
    body: ActionRequest,
) -> Response[DossierRead | Problem]:
    """Đính kèm tệp kết quả giải quyết vào hồ sơ (cán bộ xử lý)

     Attaches uploads to a dossier outside an action: the result documents by the officer handling the
    current step. **Who may call:** any signed-in officer (password-flow token) or citizen (citizen
    bearer token); each sees and acts only on what concerns them.

    Args:
        code (str):
        body (ActionRequest):  Example: {'version': 3, 'note': 'Chuyển Sở Xây dựng thẩm định'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierRead | Problem]
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
    body: ActionRequest,
) -> DossierRead | Problem | None:
    """Đính kèm tệp kết quả giải quyết vào hồ sơ (cán bộ xử lý)

     Attaches uploads to a dossier outside an action: the result documents by the officer handling the
    current step. **Who may call:** any signed-in officer (password-flow token) or citizen (citizen
    bearer token); each sees and acts only on what concerns them.

    Args:
        code (str):
        body (ActionRequest):  Example: {'version': 3, 'note': 'Chuyển Sở Xây dựng thẩm định'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierRead | Problem
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
    body: ActionRequest,
) -> Response[DossierRead | Problem]:
    """Đính kèm tệp kết quả giải quyết vào hồ sơ (cán bộ xử lý)

     Attaches uploads to a dossier outside an action: the result documents by the officer handling the
    current step. **Who may call:** any signed-in officer (password-flow token) or citizen (citizen
    bearer token); each sees and acts only on what concerns them.

    Args:
        code (str):
        body (ActionRequest):  Example: {'version': 3, 'note': 'Chuyển Sở Xây dựng thẩm định'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierRead | Problem]
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
    body: ActionRequest,
) -> DossierRead | Problem | None:
    """Đính kèm tệp kết quả giải quyết vào hồ sơ (cán bộ xử lý)

     Attaches uploads to a dossier outside an action: the result documents by the officer handling the
    current step. **Who may call:** any signed-in officer (password-flow token) or citizen (citizen
    bearer token); each sees and acts only on what concerns them.

    Args:
        code (str):
        body (ActionRequest):  Example: {'version': 3, 'note': 'Chuyển Sở Xây dựng thẩm định'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
