from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.upload_form import UploadForm
from ...models.upload_read import UploadRead
from ...types import Response


def _get_kwargs(
    *,
    body: UploadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/uploads",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadRead | None:
    if response.status_code == 201:
        response_201 = UploadRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | UploadRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadForm,
) -> Response[Problem | UploadRead]:
    """Tải tệp lên (PDF, JPEG, PNG) để đính kèm hồ sơ; tệp tự xóa sau 24 giờ nếu chưa dùng

     Uploads one file (multipart form) before it is referenced by id in a dossier. PDF, JPEG and PNG are
    accepted, checked by their content; size limits apply while the file streams in. An upload never
    attached is deleted after 24 hours. **Who may call:** any signed-in officer (password-flow token) or
    citizen (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        body (UploadForm): Tải một tệp lên (``multipart/form-data``): the file and, optionally,
            what it is for. Example: {'file': '(nội dung tệp giay-khai-sinh.pdf)', 'purpose':
            'submitted'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadRead]
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
    body: UploadForm,
) -> Problem | UploadRead | None:
    """Tải tệp lên (PDF, JPEG, PNG) để đính kèm hồ sơ; tệp tự xóa sau 24 giờ nếu chưa dùng

     Uploads one file (multipart form) before it is referenced by id in a dossier. PDF, JPEG and PNG are
    accepted, checked by their content; size limits apply while the file streams in. An upload never
    attached is deleted after 24 hours. **Who may call:** any signed-in officer (password-flow token) or
    citizen (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        body (UploadForm): Tải một tệp lên (``multipart/form-data``): the file and, optionally,
            what it is for. Example: {'file': '(nội dung tệp giay-khai-sinh.pdf)', 'purpose':
            'submitted'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadForm,
) -> Response[Problem | UploadRead]:
    """Tải tệp lên (PDF, JPEG, PNG) để đính kèm hồ sơ; tệp tự xóa sau 24 giờ nếu chưa dùng

     Uploads one file (multipart form) before it is referenced by id in a dossier. PDF, JPEG and PNG are
    accepted, checked by their content; size limits apply while the file streams in. An upload never
    attached is deleted after 24 hours. **Who may call:** any signed-in officer (password-flow token) or
    citizen (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        body (UploadForm): Tải một tệp lên (``multipart/form-data``): the file and, optionally,
            what it is for. Example: {'file': '(nội dung tệp giay-khai-sinh.pdf)', 'purpose':
            'submitted'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadForm,
) -> Problem | UploadRead | None:
    """Tải tệp lên (PDF, JPEG, PNG) để đính kèm hồ sơ; tệp tự xóa sau 24 giờ nếu chưa dùng

     Uploads one file (multipart form) before it is referenced by id in a dossier. PDF, JPEG and PNG are
    accepted, checked by their content; size limits apply while the file streams in. An upload never
    attached is deleted after 24 hours. **Who may call:** any signed-in officer (password-flow token) or
    citizen (citizen bearer token); each sees and acts only on what concerns them.

    Args:
        body (UploadForm): Tải một tệp lên (``multipart/form-data``): the file and, optionally,
            what it is for. Example: {'file': '(nội dung tệp giay-khai-sinh.pdf)', 'purpose':
            'submitted'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
