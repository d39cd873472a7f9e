from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lookup_read import LookupRead
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    code: str,
    *,
    pin: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pin"] = pin

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/lookup/{code}".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LookupRead | Problem | None:
    if response.status_code == 200:
        response_200 = LookupRead.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LookupRead | Problem]:
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
    pin: str,
) -> Response[LookupRead | Problem]:
    """Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)

     Public status lookup with the dossier code and the PIN printed on the receipt: the status, the steps
    and due dates, the applicant's name masked, no identifiers. A wrong PIN and an unknown code are the
    same 404; failed look-ups are throttled. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        pin (str): Mã tra cứu in trên phiếu

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        pin=pin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    pin: str,
) -> LookupRead | Problem | None:
    """Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)

     Public status lookup with the dossier code and the PIN printed on the receipt: the status, the steps
    and due dates, the applicant's name masked, no identifiers. A wrong PIN and an unknown code are the
    same 404; failed look-ups are throttled. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        pin (str): Mã tra cứu in trên phiếu

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupRead | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        pin=pin,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    pin: str,
) -> Response[LookupRead | Problem]:
    """Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)

     Public status lookup with the dossier code and the PIN printed on the receipt: the status, the steps
    and due dates, the applicant's name masked, no identifiers. A wrong PIN and an unknown code are the
    same 404; failed look-ups are throttled. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        pin (str): Mã tra cứu in trên phiếu

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        pin=pin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    pin: str,
) -> LookupRead | Problem | None:
    """Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)

     Public status lookup with the dossier code and the PIN printed on the receipt: the status, the steps
    and due dates, the applicant's name masked, no identifiers. A wrong PIN and an unknown code are the
    same 404; failed look-ups are throttled. **Who may call:** anyone; no token is needed.

    Args:
        code (str):
        pin (str): Mã tra cứu in trên phiếu

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            pin=pin,
        )
    ).parsed
