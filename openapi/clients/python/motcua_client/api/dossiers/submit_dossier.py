from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dossier_create import DossierCreate
from ...models.dossier_read import DossierRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DossierCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/dossiers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DossierRead | Problem | None:
    if response.status_code == 201:
        response_201 = DossierRead.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: DossierCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DossierRead | Problem]:
    """Nộp hồ sơ: công dân nộp trực tuyến, hoặc cán bộ tiếp nhận tạo tại quầy

     Submits a dossier: a citizen online (the applicant is the caller, or someone they may act for), or a
    receptionist at the desk (recording the check's outcome). Documents are uploads referenced by id. An
    `Idempotency-Key` makes a retried submission answer the dossier created the first time (200). **Who
    may call:** any signed-in officer (password-flow token) or citizen (citizen bearer token); each sees
    and acts only on what concerns them.

    Args:
        idempotency_key (None | str | Unset): Gửi lại cùng khóa sẽ nhận lại hồ sơ đã tạo lần đầu
        body (DossierCreate):  Example: {'procedure_code': '1.001193', 'agency_code':
            '000.31.00.H99', 'receiving_office_code': '000.31.00.H99', 'applicant': {'name': 'Nguyễn
            Văn An', 'id_kind': 'personal_id', 'id_number': '001099012345', 'phone': '0912345678',
            'unit_code': 'H99.31'}, 'documents': [{'requirement_code': 'TP02', 'upload_id':
            '0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11'}, {'requirement_code': 'TP03', 'upload_id':
            '5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DossierCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> DossierRead | Problem | None:
    """Nộp hồ sơ: công dân nộp trực tuyến, hoặc cán bộ tiếp nhận tạo tại quầy

     Submits a dossier: a citizen online (the applicant is the caller, or someone they may act for), or a
    receptionist at the desk (recording the check's outcome). Documents are uploads referenced by id. An
    `Idempotency-Key` makes a retried submission answer the dossier created the first time (200). **Who
    may call:** any signed-in officer (password-flow token) or citizen (citizen bearer token); each sees
    and acts only on what concerns them.

    Args:
        idempotency_key (None | str | Unset): Gửi lại cùng khóa sẽ nhận lại hồ sơ đã tạo lần đầu
        body (DossierCreate):  Example: {'procedure_code': '1.001193', 'agency_code':
            '000.31.00.H99', 'receiving_office_code': '000.31.00.H99', 'applicant': {'name': 'Nguyễn
            Văn An', 'id_kind': 'personal_id', 'id_number': '001099012345', 'phone': '0912345678',
            'unit_code': 'H99.31'}, 'documents': [{'requirement_code': 'TP02', 'upload_id':
            '0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11'}, {'requirement_code': 'TP03', 'upload_id':
            '5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DossierCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DossierRead | Problem]:
    """Nộp hồ sơ: công dân nộp trực tuyến, hoặc cán bộ tiếp nhận tạo tại quầy

     Submits a dossier: a citizen online (the applicant is the caller, or someone they may act for), or a
    receptionist at the desk (recording the check's outcome). Documents are uploads referenced by id. An
    `Idempotency-Key` makes a retried submission answer the dossier created the first time (200). **Who
    may call:** any signed-in officer (password-flow token) or citizen (citizen bearer token); each sees
    and acts only on what concerns them.

    Args:
        idempotency_key (None | str | Unset): Gửi lại cùng khóa sẽ nhận lại hồ sơ đã tạo lần đầu
        body (DossierCreate):  Example: {'procedure_code': '1.001193', 'agency_code':
            '000.31.00.H99', 'receiving_office_code': '000.31.00.H99', 'applicant': {'name': 'Nguyễn
            Văn An', 'id_kind': 'personal_id', 'id_number': '001099012345', 'phone': '0912345678',
            'unit_code': 'H99.31'}, 'documents': [{'requirement_code': 'TP02', 'upload_id':
            '0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11'}, {'requirement_code': 'TP03', 'upload_id':
            '5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DossierRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DossierCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> DossierRead | Problem | None:
    """Nộp hồ sơ: công dân nộp trực tuyến, hoặc cán bộ tiếp nhận tạo tại quầy

     Submits a dossier: a citizen online (the applicant is the caller, or someone they may act for), or a
    receptionist at the desk (recording the check's outcome). Documents are uploads referenced by id. An
    `Idempotency-Key` makes a retried submission answer the dossier created the first time (200). **Who
    may call:** any signed-in officer (password-flow token) or citizen (citizen bearer token); each sees
    and acts only on what concerns them.

    Args:
        idempotency_key (None | str | Unset): Gửi lại cùng khóa sẽ nhận lại hồ sơ đã tạo lần đầu
        body (DossierCreate):  Example: {'procedure_code': '1.001193', 'agency_code':
            '000.31.00.H99', 'receiving_office_code': '000.31.00.H99', 'applicant': {'name': 'Nguyễn
            Văn An', 'id_kind': 'personal_id', 'id_number': '001099012345', 'phone': '0912345678',
            'unit_code': 'H99.31'}, 'documents': [{'requirement_code': 'TP02', 'upload_id':
            '0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11'}, {'requirement_code': 'TP03', 'upload_id':
            '5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DossierRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
