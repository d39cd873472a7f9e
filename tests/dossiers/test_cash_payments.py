"""Cash at the desk is a payment too (issue 15): recorded by ``record_payment``, and the cash recorded
before the payments table existed migrated into it (migration 0017)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app import migrate
from app.models.payment import Payment, PaymentProvider, PaymentStatus
from tests.dossiers.conftest import COMMUNE, committed_world

pytestmark = pytest.mark.committed

HOUSEHOLD = "1.001612"  # 50,000 đ at the desk


async def test_cash_recorded_at_the_desk_is_a_payment_and_old_cash_is_migrated(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    url = clone_demo()
    world, engine = await committed_world(url, dev_key, tmp_path)
    try:
        desk = await world.officer("tiepnhan.xa")
        created = await world.submit_at_desk(desk, HOUSEHOLD, COMMUNE, outcome="receive")
        assert created.status_code == 201, created.text
        code = created.json()["code"]
        assert (await world.act(code, "request_payment", desk)).status_code == 200
        paid = await world.act(code, "record_payment", desk, receipt_number="BL-0042")
        assert paid.status_code == 200, paid.text
        async with world.factory() as session:
            payments = list(await session.scalars(select(Payment)))
            assert [(p.provider, p.amount, p.status, p.receipt_number) for p in payments] == [
                (PaymentProvider.cash, 50_000, PaymentStatus.succeeded, "BL-0042")
            ]
            # as before the payments table: only the paid lines
            await session.execute(delete(Payment))
            await session.commit()
    finally:
        await world.client.aclose()
        await engine.dispose()
    await asyncio.to_thread(migrate.downgrade, url, "0019")
    await asyncio.to_thread(migrate.upgrade, url)
    world, engine = await committed_world(url, dev_key, tmp_path)
    try:
        async with world.factory() as session:
            migrated = list(await session.scalars(select(Payment)))
        assert [(p.provider, p.amount, p.status, p.receipt_number) for p in migrated] == [
            (PaymentProvider.cash, 50_000, PaymentStatus.succeeded, "BL-0042")
        ]
        assert migrated[0].order_ref.startswith("CASH") and len(migrated[0].fee_line_ids) == 1
    finally:
        await world.client.aclose()
        await engine.dispose()
