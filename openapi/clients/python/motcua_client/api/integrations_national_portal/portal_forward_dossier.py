from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forward_result import ForwardResult
from ...models.forwarded_dossier import ForwardedDossier
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ForwardedDossier,
    x_portal_timestamp: None | str | Unset = UNSET,
    x_portal_signature: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_portal_timestamp, Unset):
        headers["X-Portal-Timestamp"] = x_portal_timestamp

    if not isinstance(x_portal_signature, Unset):
        headers["X-Portal-Signature"] = x_portal_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/integrations/national-portal/dossiers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForwardResult | Problem | None:
    if response.status_code == 200:
        response_200 = ForwardResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ForwardResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ForwardResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ForwardedDossier,
    x_portal_timestamp: None | str | Unset = UNSET,
    x_portal_signature: None | str | Unset = UNSET,
) -> Response[ForwardResult | Problem]:
    """Nhận hồ sơ nộp trên Cổng DVCQG (ký HMAC-SHA256 trên dấu thời gian và nội dung)

     Receives a dossier submitted on the National Public Service Portal (its own vocabulary: MaHoSo,
    MaTTHC...); a repeated forward answers the dossier created the first time (200). **Who may call:**
    the National Public Service Portal only: the request is signed (HMAC-SHA256 over the timestamp and
    the body); no token.

    Args:
        x_portal_timestamp (None | str | Unset):
        x_portal_signature (None | str | Unset):
        body (ForwardedDossier): A dossier as the portal forwards it (the vocabulary of its synced
            documents). Example: {'MaHoSo': 'G22.99-261123-000123', 'MaTTHC': '1.001193', 'MaCoQuan':
            '000.31.00.H99', 'MaDonViTiepNhan': '000.31.00.H99', 'ChuHoSo': 'Nguyễn Văn An',
            'LoaiDoiTuong': '1', 'SoGiayToChuHoSo': '001099012345', 'SoDienThoaiChuHoSo':
            '0912345678', 'HinhThuc': '0', 'TaiLieuNop': [{'MaThanhPhanHoSo': 'TP01', 'TenTepDinhKem':
            'to-khai.pdf', 'DuongDanTaiTepTin': 'https://dichvucong.gov.vn/files/abc123'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForwardResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_portal_timestamp=x_portal_timestamp,
        x_portal_signature=x_portal_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ForwardedDossier,
    x_portal_timestamp: None | str | Unset = UNSET,
    x_portal_signature: None | str | Unset = UNSET,
) -> ForwardResult | Problem | None:
    """Nhận hồ sơ nộp trên Cổng DVCQG (ký HMAC-SHA256 trên dấu thời gian và nội dung)

     Receives a dossier submitted on the National Public Service Portal (its own vocabulary: MaHoSo,
    MaTTHC...); a repeated forward answers the dossier created the first time (200). **Who may call:**
    the National Public Service Portal only: the request is signed (HMAC-SHA256 over the timestamp and
    the body); no token.

    Args:
        x_portal_timestamp (None | str | Unset):
        x_portal_signature (None | str | Unset):
        body (ForwardedDossier): A dossier as the portal forwards it (the vocabulary of its synced
            documents). Example: {'MaHoSo': 'G22.99-261123-000123', 'MaTTHC': '1.001193', 'MaCoQuan':
            '000.31.00.H99', 'MaDonViTiepNhan': '000.31.00.H99', 'ChuHoSo': 'Nguyễn Văn An',
            'LoaiDoiTuong': '1', 'SoGiayToChuHoSo': '001099012345', 'SoDienThoaiChuHoSo':
            '0912345678', 'HinhThuc': '0', 'TaiLieuNop': [{'MaThanhPhanHoSo': 'TP01', 'TenTepDinhKem':
            'to-khai.pdf', 'DuongDanTaiTepTin': 'https://dichvucong.gov.vn/files/abc123'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForwardResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        x_portal_timestamp=x_portal_timestamp,
        x_portal_signature=x_portal_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ForwardedDossier,
    x_portal_timestamp: None | str | Unset = UNSET,
    x_portal_signature: None | str | Unset = UNSET,
) -> Response[ForwardResult | Problem]:
    """Nhận hồ sơ nộp trên Cổng DVCQG (ký HMAC-SHA256 trên dấu thời gian và nội dung)

     Receives a dossier submitted on the National Public Service Portal (its own vocabulary: MaHoSo,
    MaTTHC...); a repeated forward answers the dossier created the first time (200). **Who may call:**
    the National Public Service Portal only: the request is signed (HMAC-SHA256 over the timestamp and
    the body); no token.

    Args:
        x_portal_timestamp (None | str | Unset):
        x_portal_signature (None | str | Unset):
        body (ForwardedDossier): A dossier as the portal forwards it (the vocabulary of its synced
            documents). Example: {'MaHoSo': 'G22.99-261123-000123', 'MaTTHC': '1.001193', 'MaCoQuan':
            '000.31.00.H99', 'MaDonViTiepNhan': '000.31.00.H99', 'ChuHoSo': 'Nguyễn Văn An',
            'LoaiDoiTuong': '1', 'SoGiayToChuHoSo': '001099012345', 'SoDienThoaiChuHoSo':
            '0912345678', 'HinhThuc': '0', 'TaiLieuNop': [{'MaThanhPhanHoSo': 'TP01', 'TenTepDinhKem':
            'to-khai.pdf', 'DuongDanTaiTepTin': 'https://dichvucong.gov.vn/files/abc123'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForwardResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_portal_timestamp=x_portal_timestamp,
        x_portal_signature=x_portal_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ForwardedDossier,
    x_portal_timestamp: None | str | Unset = UNSET,
    x_portal_signature: None | str | Unset = UNSET,
) -> ForwardResult | Problem | None:
    """Nhận hồ sơ nộp trên Cổng DVCQG (ký HMAC-SHA256 trên dấu thời gian và nội dung)

     Receives a dossier submitted on the National Public Service Portal (its own vocabulary: MaHoSo,
    MaTTHC...); a repeated forward answers the dossier created the first time (200). **Who may call:**
    the National Public Service Portal only: the request is signed (HMAC-SHA256 over the timestamp and
    the body); no token.

    Args:
        x_portal_timestamp (None | str | Unset):
        x_portal_signature (None | str | Unset):
        body (ForwardedDossier): A dossier as the portal forwards it (the vocabulary of its synced
            documents). Example: {'MaHoSo': 'G22.99-261123-000123', 'MaTTHC': '1.001193', 'MaCoQuan':
            '000.31.00.H99', 'MaDonViTiepNhan': '000.31.00.H99', 'ChuHoSo': 'Nguyễn Văn An',
            'LoaiDoiTuong': '1', 'SoGiayToChuHoSo': '001099012345', 'SoDienThoaiChuHoSo':
            '0912345678', 'HinhThuc': '0', 'TaiLieuNop': [{'MaThanhPhanHoSo': 'TP01', 'TenTepDinhKem':
            'to-khai.pdf', 'DuongDanTaiTepTin': 'https://dichvucong.gov.vn/files/abc123'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForwardResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_portal_timestamp=x_portal_timestamp,
            x_portal_signature=x_portal_signature,
        )
    ).parsed
