from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_rating import DeviceRating
from ...models.device_rating_read import DeviceRatingRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: DeviceRating,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ratings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceRatingRead | Problem | None:
    if response.status_code == 200:
        response_200 = DeviceRatingRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeviceRatingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceRating,
) -> Response[DeviceRatingRead | Problem]:
    """Đánh giá mức độ hài lòng tại quầy (thiết bị đánh giá, bằng mã hồ sơ và mã tra cứu)

     Records the applicant's satisfaction rating from a desk's rating device, authorised by the dossier
    code and its PIN (throttled like the lookup). **Who may call:** anyone; no token is needed.

    Args:
        body (DeviceRating): A rating from a desk device (kiosk, tablet): the dossier's code and
            PIN from its receipt. Example: {'code': '000.31.00.H99-261123-0001', 'pin': 'K7M2QX',
            'rating': 5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceRatingRead | Problem]
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
    body: DeviceRating,
) -> DeviceRatingRead | Problem | None:
    """Đánh giá mức độ hài lòng tại quầy (thiết bị đánh giá, bằng mã hồ sơ và mã tra cứu)

     Records the applicant's satisfaction rating from a desk's rating device, authorised by the dossier
    code and its PIN (throttled like the lookup). **Who may call:** anyone; no token is needed.

    Args:
        body (DeviceRating): A rating from a desk device (kiosk, tablet): the dossier's code and
            PIN from its receipt. Example: {'code': '000.31.00.H99-261123-0001', 'pin': 'K7M2QX',
            'rating': 5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceRatingRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceRating,
) -> Response[DeviceRatingRead | Problem]:
    """Đánh giá mức độ hài lòng tại quầy (thiết bị đánh giá, bằng mã hồ sơ và mã tra cứu)

     Records the applicant's satisfaction rating from a desk's rating device, authorised by the dossier
    code and its PIN (throttled like the lookup). **Who may call:** anyone; no token is needed.

    Args:
        body (DeviceRating): A rating from a desk device (kiosk, tablet): the dossier's code and
            PIN from its receipt. Example: {'code': '000.31.00.H99-261123-0001', 'pin': 'K7M2QX',
            'rating': 5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceRatingRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceRating,
) -> DeviceRatingRead | Problem | None:
    """Đánh giá mức độ hài lòng tại quầy (thiết bị đánh giá, bằng mã hồ sơ và mã tra cứu)

     Records the applicant's satisfaction rating from a desk's rating device, authorised by the dossier
    code and its PIN (throttled like the lookup). **Who may call:** anyone; no token is needed.

    Args:
        body (DeviceRating): A rating from a desk device (kiosk, tablet): the dossier's code and
            PIN from its receipt. Example: {'code': '000.31.00.H99-261123-0001', 'pin': 'K7M2QX',
            'rating': 5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceRatingRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
