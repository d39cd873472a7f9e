from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response


def _get_kwargs(
    document_id: int,
    *,
    expires: int,
    signature: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expires"] = expires

    params["signature"] = signature

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/integrations/national-portal/files/{document_id}".format(
            document_id=quote(str(document_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    document_id: int,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,
) -> Response[File | Problem]:
    """Tải tệp của hồ sơ qua đường dẫn có chữ ký, có hạn (gửi Cổng DVCQG)

     Downloads a dossier's document through a signed, expiring link sent to the National Public Service
    Portal; a wrong or expired signature is a 403. **Who may call:** anyone holding a link this service
    signed and sent; the link is the permission and expires.

    Args:
        document_id (int):
        expires (int): Hết hạn (giây Unix)
        signature (str): Chữ ký HMAC-SHA256 (hex)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        expires=expires,
        signature=signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    document_id: int,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,
) -> File | Problem | None:
    """Tải tệp của hồ sơ qua đường dẫn có chữ ký, có hạn (gửi Cổng DVCQG)

     Downloads a dossier's document through a signed, expiring link sent to the National Public Service
    Portal; a wrong or expired signature is a 403. **Who may call:** anyone holding a link this service
    signed and sent; the link is the permission and expires.

    Args:
        document_id (int):
        expires (int): Hết hạn (giây Unix)
        signature (str): Chữ ký HMAC-SHA256 (hex)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        document_id=document_id,
        client=client,
        expires=expires,
        signature=signature,
    ).parsed


async def asyncio_detailed(
    document_id: int,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,
) -> Response[File | Problem]:
    """Tải tệp của hồ sơ qua đường dẫn có chữ ký, có hạn (gửi Cổng DVCQG)

     Downloads a dossier's document through a signed, expiring link sent to the National Public Service
    Portal; a wrong or expired signature is a 403. **Who may call:** anyone holding a link this service
    signed and sent; the link is the permission and expires.

    Args:
        document_id (int):
        expires (int): Hết hạn (giây Unix)
        signature (str): Chữ ký HMAC-SHA256 (hex)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        expires=expires,
        signature=signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    document_id: int,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,
) -> File | Problem | None:
    """Tải tệp của hồ sơ qua đường dẫn có chữ ký, có hạn (gửi Cổng DVCQG)

     Downloads a dossier's document through a signed, expiring link sent to the National Public Service
    Portal; a wrong or expired signature is a 403. **Who may call:** anyone holding a link this service
    signed and sent; the link is the permission and expires.

    Args:
        document_id (int):
        expires (int): Hết hạn (giây Unix)
        signature (str): Chữ ký HMAC-SHA256 (hex)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            document_id=document_id,
            client=client,
            expires=expires,
            signature=signature,
        )
    ).parsed
