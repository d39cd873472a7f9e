from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dev_citizen_token import DevCitizenToken
from ...models.dev_citizen_token_request import DevCitizenTokenRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: DevCitizenTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/dev/citizen-token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DevCitizenToken | Problem | None:
    if response.status_code == 200:
        response_200 = DevCitizenToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[DevCitizenToken | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DevCitizenTokenRequest,
) -> Response[DevCitizenToken | Problem]:
    """Cấp mã truy cập công dân thử nghiệm (chỉ ở chế độ demo, không có trong production)

     Mints a citizen bearer token for any subject (development and demo only; the route does not exist in
    production). Use it with the CitizenBearer scheme of Authorize. **Who may call:** anyone; no token
    is needed.

    Args:
        body (DevCitizenTokenRequest):  Example: {'subject': 'citizen-0001', 'full_name': 'Nguyễn
            Thị B', 'personal_id': '001203004567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevCitizenToken | Problem]
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
    client: AuthenticatedClient | Client,
    body: DevCitizenTokenRequest,
) -> DevCitizenToken | Problem | None:
    """Cấp mã truy cập công dân thử nghiệm (chỉ ở chế độ demo, không có trong production)

     Mints a citizen bearer token for any subject (development and demo only; the route does not exist in
    production). Use it with the CitizenBearer scheme of Authorize. **Who may call:** anyone; no token
    is needed.

    Args:
        body (DevCitizenTokenRequest):  Example: {'subject': 'citizen-0001', 'full_name': 'Nguyễn
            Thị B', 'personal_id': '001203004567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevCitizenToken | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DevCitizenTokenRequest,
) -> Response[DevCitizenToken | Problem]:
    """Cấp mã truy cập công dân thử nghiệm (chỉ ở chế độ demo, không có trong production)

     Mints a citizen bearer token for any subject (development and demo only; the route does not exist in
    production). Use it with the CitizenBearer scheme of Authorize. **Who may call:** anyone; no token
    is needed.

    Args:
        body (DevCitizenTokenRequest):  Example: {'subject': 'citizen-0001', 'full_name': 'Nguyễn
            Thị B', 'personal_id': '001203004567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DevCitizenToken | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DevCitizenTokenRequest,
) -> DevCitizenToken | Problem | None:
    """Cấp mã truy cập công dân thử nghiệm (chỉ ở chế độ demo, không có trong production)

     Mints a citizen bearer token for any subject (development and demo only; the route does not exist in
    production). Use it with the CitizenBearer scheme of Authorize. **Who may call:** anyone; no token
    is needed.

    Args:
        body (DevCitizenTokenRequest):  Example: {'subject': 'citizen-0001', 'full_name': 'Nguyễn
            Thị B', 'personal_id': '001203004567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DevCitizenToken | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
