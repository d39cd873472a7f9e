from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.form_document import FormDocument
from ...models.form_name import FormName
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    form: FormName,
    *,
    format_: str | Unset = "json",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dossiers/{code}/forms/{form}".format(
            code=quote(str(code), safe=""),
            form=quote(str(form), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FormDocument | Problem | None:
    if response.status_code == 200:
        response_200 = FormDocument.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FormDocument | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    form: FormName,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "json",
) -> Response[FormDocument | Problem]:
    """Biểu mẫu của hồ sơ: JSON, hoặc bản in khổ A5 (`format=html`; phiếu tiếp nhận kèm mã QR tra cứu)

     Biểu mẫu theo Thông tư 01/2018/TT-VPCP (số hiệu mẫu theo bộ quy tắc của hồ sơ): receipt,
    supplement_request, refusal (từ chối tiếp nhận hoặc từ chối giải quyết sau thẩm định), apology,
    stop_notice, control_sheet. Chủ hồ sơ và cán bộ có liên quan xem được; biểu mẫu của thao tác chưa
    diễn ra trả về 409 `form_not_available`. Xem docs/forms.md. **Who may call:** any signed-in officer
    (password-flow token) or citizen (citizen bearer token); each sees and acts only on what concerns
    them.

    Args:
        code (str):
        form (FormName):
        format_ (str | Unset):  Default: 'json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FormDocument | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        form=form,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    form: FormName,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "json",
) -> FormDocument | Problem | None:
    """Biểu mẫu của hồ sơ: JSON, hoặc bản in khổ A5 (`format=html`; phiếu tiếp nhận kèm mã QR tra cứu)

     Biểu mẫu theo Thông tư 01/2018/TT-VPCP (số hiệu mẫu theo bộ quy tắc của hồ sơ): receipt,
    supplement_request, refusal (từ chối tiếp nhận hoặc từ chối giải quyết sau thẩm định), apology,
    stop_notice, control_sheet. Chủ hồ sơ và cán bộ có liên quan xem được; biểu mẫu của thao tác chưa
    diễn ra trả về 409 `form_not_available`. Xem docs/forms.md. **Who may call:** any signed-in officer
    (password-flow token) or citizen (citizen bearer token); each sees and acts only on what concerns
    them.

    Args:
        code (str):
        form (FormName):
        format_ (str | Unset):  Default: 'json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FormDocument | Problem
    """

    return sync_detailed(
        code=code,
        form=form,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    code: str,
    form: FormName,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "json",
) -> Response[FormDocument | Problem]:
    """Biểu mẫu của hồ sơ: JSON, hoặc bản in khổ A5 (`format=html`; phiếu tiếp nhận kèm mã QR tra cứu)

     Biểu mẫu theo Thông tư 01/2018/TT-VPCP (số hiệu mẫu theo bộ quy tắc của hồ sơ): receipt,
    supplement_request, refusal (từ chối tiếp nhận hoặc từ chối giải quyết sau thẩm định), apology,
    stop_notice, control_sheet. Chủ hồ sơ và cán bộ có liên quan xem được; biểu mẫu của thao tác chưa
    diễn ra trả về 409 `form_not_available`. Xem docs/forms.md. **Who may call:** any signed-in officer
    (password-flow token) or citizen (citizen bearer token); each sees and acts only on what concerns
    them.

    Args:
        code (str):
        form (FormName):
        format_ (str | Unset):  Default: 'json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FormDocument | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        form=form,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    form: FormName,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "json",
) -> FormDocument | Problem | None:
    """Biểu mẫu của hồ sơ: JSON, hoặc bản in khổ A5 (`format=html`; phiếu tiếp nhận kèm mã QR tra cứu)

     Biểu mẫu theo Thông tư 01/2018/TT-VPCP (số hiệu mẫu theo bộ quy tắc của hồ sơ): receipt,
    supplement_request, refusal (từ chối tiếp nhận hoặc từ chối giải quyết sau thẩm định), apology,
    stop_notice, control_sheet. Chủ hồ sơ và cán bộ có liên quan xem được; biểu mẫu của thao tác chưa
    diễn ra trả về 409 `form_not_available`. Xem docs/forms.md. **Who may call:** any signed-in officer
    (password-flow token) or citizen (citizen bearer token); each sees and acts only on what concerns
    them.

    Args:
        code (str):
        form (FormName):
        format_ (str | Unset):  Default: 'json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FormDocument | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            form=form,
            client=client,
            format_=format_,
        )
    ).parsed
