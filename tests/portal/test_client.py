"""The adapter's client against the fake portal: sessions, "already exists", failures, secrets."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from app.services.portal.client import (
    PortalClient,
    PortalConfig,
    PortalRefused,
    PortalUnavailable,
    SessionLogin,
)
from tests.dossiers.conftest import World
from tests.portal.conftest import PORTAL_PASSWORD, Portal
from tests.portal.scenarios import Builder


async def _dossier(world: World, name: str = "received") -> str:
    builder = Builder(world, "online")
    await builder.login()
    return await builder.build(name)


async def test_an_expired_session_is_renewed_and_the_message_sent_once(
    world: World, portal: Portal
) -> None:
    first, second = await _dossier(world), await _dossier(world)
    await portal.send(world, first)
    assert await portal.logins() == 1
    await portal.expire_sessions()

    result = await portal.send(world, second)

    assert result.created
    assert await portal.logins() == 2
    stored = await portal.dossiers()
    assert stored[second]["creates"] == 1 and stored[second]["statuses"] == [2]
    creates = [c for c in await portal.received("DongBoHoSoMC") if c["data"][0]["MaHoSo"] == second]
    # the call that met the expiry, then the same call with the new session
    assert [c["error_code"] for c in creates] == ["-2", "0"]


async def test_a_session_expiring_between_calls_of_one_sync_loses_nothing(
    world: World, portal: Portal
) -> None:
    code = await _dossier(world, "in_progress")
    leader = await world.officer("lanhdao.xa")
    for turn in range(10):  # eleven events and more: two progress chunks
        response = await world.act(
            code, "assign", leader, assignee="chuyenvien.xa", note=f"Phân công lần {turn + 1}"
        )
        assert response.status_code == 200, response.text
    await portal.send(world, await _dossier(world))  # a session exists
    await portal.fault("expire_session", service="CapNhatTienDoHoSoMC")

    result = await portal.send(world, code)

    stored = (await portal.dossiers())[code]
    assert len(stored["progress"]) == result.progress_rows > 10  # two chunks, none lost
    assert await portal.logins() == 2


async def test_already_exists_on_create_becomes_an_update(world: World, portal: Portal) -> None:
    code = await _dossier(world)
    await portal.fault("exists", service="DongBoHoSoMC")

    result = await portal.send(world, code)

    assert result.updated and not result.created
    calls = await portal.received("DongBoHoSoMC")
    assert [(c["isUpdating"], c["error_code"]) for c in calls] == [("False", "3"), ("True", "0")]
    assert (await portal.dossiers())[code]["statuses"] == [2]


async def test_an_update_of_a_dossier_the_portal_lacks_becomes_a_create(
    world: World, portal: Portal
) -> None:
    code = await _dossier(world)

    result = await portal.send(world, code, known=True)

    assert result.created
    calls = await portal.received("DongBoHoSoMC")
    assert [(c["isUpdating"], c["error_code"]) for c in calls] == [("True", "4"), ("False", "0")]


async def test_a_lost_answer_is_retried_and_applied_once(world: World, portal: Portal) -> None:
    code = await _dossier(world)
    await portal.fault("timeout", delay=3, service="DongBoHoSoMC")  # the client waits 2 s
    with pytest.raises(PortalUnavailable):
        await portal.send(world, code)
    await asyncio.sleep(1.5)  # the portal applies the first call after its answer was lost

    result = await portal.send(world, code)  # the retry: the dossier exists already

    assert result.updated
    stored = (await portal.dossiers())[code]
    assert (stored["creates"], stored["updates"]) == (1, 1)
    assert stored["statuses"] == [2, 2]


async def test_server_errors_and_an_unreachable_portal_are_retryable(
    world: World, portal: Portal
) -> None:
    code = await _dossier(world)
    await portal.fault("status", status=503)
    with pytest.raises(PortalUnavailable, match="503"):
        await portal.send(world, code)
    unreachable = PortalConfig(
        **{**portal.client.config.__dict__, "base_url": "http://127.0.0.1:9"}
    )
    with pytest.raises(PortalUnavailable):
        await PortalClient(portal.http, unreachable).call("DongBoHoSoMC", "X", [{}])


async def test_invalid_data_is_refused_with_the_portals_reasons(portal: Portal) -> None:
    with pytest.raises(PortalRefused) as refused:
        await portal.client.sync("000.31.00.H99", {"MaHoSo": "X-1"}, [])
    assert refused.value.code == "-1"
    assert "MaTTHC: thiếu trường bắt buộc" in str(refused.value)


async def test_wrong_credentials_are_refused(portal: Portal) -> None:
    config = PortalConfig(**{**portal.client.config.__dict__, "username": "someone-else"})
    with pytest.raises(PortalRefused, match="login"):
        await SessionLogin(config).credentials(portal.http)


async def test_one_login_serves_concurrent_calls_and_secrets_are_never_logged(
    world: World, portal: Portal, caplog: pytest.LogCaptureFixture
) -> None:
    codes = [await _dossier(world) for _ in range(3)]
    caplog.set_level(logging.DEBUG)
    auth = portal.client.auth
    assert isinstance(auth, SessionLogin)
    await portal.send(world, codes[0])
    token = await auth.credentials(portal.http)
    await portal.send(world, codes[1])
    await portal.send(world, codes[2])

    assert auth.logins == 1 == await portal.logins()
    logged = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert "portal_call" in logged
    assert PORTAL_PASSWORD not in logged and token not in logged
    logins = [c for c in await portal.received() if c["path"].endswith("/login")]
    assert logins and all("password" not in c for c in logins)


async def test_the_client_is_off_without_a_portal_url(portal: Portal) -> None:
    settings = portal.settings.model_copy(update={"portal_base_url": None})
    assert PortalConfig.from_settings(settings) is None
    assert isinstance(portal.http, httpx.AsyncClient)
