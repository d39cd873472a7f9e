"""The other indicators, the endpoints, scopes, drill-down and exports (issue 17): four dossiers built
through the API, placed in October 2026, and every computable indicator checked by hand."""

from __future__ import annotations

import io
import uuid

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import (
    ActorKind,
    DocumentKind,
    DossierDocument,
    DossierEvent,
    DossierFeeLine,
)
from app.models.outbox import OutboxMessage
from app.services.stats import worker as stats_worker
from app.services.stats.facts import VIETNAM
from app.services.system.registry import Envelope
from tests.dossiers.conftest import BIRTH, COMMUNE, World
from tests.stats.helpers import at, dossier_id, indicator, place, refresh, report

DUE = at(9, 17)


async def _ok(
    world: World, code: str, action: str, headers: dict[str, str], **body: object
) -> None:
    response = await world.act(code, action, headers, **body)
    assert response.status_code == 200, response.text


async def _online_returned(world: World, subject: str, rating: int) -> str:
    citizen = await world.citizen(subject)
    created = await world.submit_online(citizen)
    assert created.status_code == 201, created.text
    code: str = created.json()["code"]
    await _ok(world, code, "receive", await world.officer("tiepnhan.xa"))
    await _ok(world, code, "forward", await world.officer("tiepnhan.xa"))
    await _ok(world, code, "forward", await world.officer("chuyenvien.xa"))
    await _ok(world, code, "resolve", await world.officer("lanhdao.xa"))
    await _ok(world, code, "return_result", await world.officer("tiepnhan.xa"))
    await _ok(world, code, "rate", citizen, rating=rating)
    return code


async def _four(world: World, session: AsyncSession) -> dict[str, str]:
    """A: online, e-result, paid online, synced, rated 5, on time. B: online, paper result, not
    paid online, rated 1, on time. C: at the desk, a reused document, open (due in November). D: at the
    desk, stopped late."""
    desk = await world.officer("tiepnhan.xa")
    codes = {
        "A": await _online_returned(world, "citizen-a", 5),
        "B": await _online_returned(world, "citizen-b", 1),
        "C": (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"],
        "D": (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"],
    }
    await _ok(world, codes["D"], "stop", await world.officer("lanhdao.xa"), note="Dừng")
    ids = {
        "A": await place(
            session,
            codes["A"],
            received_at=at(5, 8),
            due_at=DUE,
            finished_at=at(8, 9),
            portal_acked_seq=1,
        ),
        "B": await place(
            session, codes["B"], received_at=at(5, 8), due_at=DUE, finished_at=at(9, 9)
        ),
        "C": await place(session, codes["C"], received_at=at(20, 8), due_at=at(5, 17, month=11)),
        "D": await place(
            session, codes["D"], received_at=at(5, 8), due_at=DUE, finished_at=at(14, 9)
        ),
    }
    upload = uuid.UUID(await world.upload(desk))
    session.add_all(
        [
            DossierDocument(
                dossier_id=ids["A"],
                requirement_code="KQ01",
                kind=DocumentKind.result,
                upload_id=upload,
                added_at=at(8, 9),
            ),
            # the payment gateway's confirmation, as the payments module records it
            DossierEvent(
                dossier_id=ids["A"],
                seq=999,
                action="record_payment",
                to_status="in_progress",
                actor_kind=ActorKind.gateway,
                actor_id="vnpay",
                at=at(6, 9),
                payload={},
            ),
        ]
    )
    await session.flush()
    await session.execute(
        update(DossierDocument)
        .where(
            DossierDocument.dossier_id == ids["C"], DossierDocument.kind == DocumentKind.submitted
        )
        .values(reused=True)
    )
    # each applicant asked for one copy of the birth certificate: its 8 000 đồng fee confirmed (the
    # copy fee "nếu có yêu cầu" is charged only when asked for, issue 15)
    await session.execute(
        update(DossierFeeLine)
        .where(DossierFeeLine.dossier_id.in_(ids.values()))
        .values(confirmed=True, amount=8000)
    )
    await refresh(session, *ids.values())
    return codes


async def test_every_computable_indicator_against_hand_computed_values(
    world: World, session: AsyncSession
) -> None:
    await _four(world, session)
    found = await report(session, agencies={COMMUNE}, portal=True)

    def check(code: str, numerator: float, denominator: float, score: float | None) -> None:
        item = indicator(found, code)
        assert item.computable, code
        assert (item.numerator, item.denominator) == (numerator, denominator), code
        assert item.score == (None if score is None else pytest.approx(score)), code

    check("1.4", 1, 4, 6 * 1 / 4)  # synced / received × 6
    check("2.1", 3, 4, 20 * 3 / 4)  # A, B on time, C open not past due; D late
    check("3.3", 2, 4, 6 * (2 / 4 * 1 / 4) / 0.5)  # online rate × sync rate, full at 50 %
    # every birth registration here asked for a copy (8 000 đồng, confirmed): 4 fee-bearing
    check("3.6", 1, 4, 6 * 1 / 4)  # paid online / fee-bearing
    check("4.1", 1, 2, 6 * 1 / 2)  # e-result / with a result
    check("4.2", 1, 4, 4 * (1 / 4) / 0.8)  # A only: files for every component and an e-result
    check("4.3", 1, 4, 2 * (1 / 4) / 0.8)  # C reused a document
    check("4.5", 2, 4, 2 * 2 / 4)  # A and B came from verified citizen accounts
    check("5.4", 2, 4, 6 * (2 / 4) / 0.9)  # 1 − (1 late + 1 dissatisfied) / 4, full at 90 %
    for code in ("1.1", "1.2", "1.3", "3.5", "4.4", "5.2", "5.3"):
        item = indicator(found, code)
        assert not item.computable and item.score is None and item.numerator is None
    # group scores are "x of the computable maximum" under the six-group rule set of 2026
    assert found.rule_set == "dvcqg-6-groups"
    progress = next(g for g in found.groups if g.group == "progress")
    assert (progress.score, progress.computable_maximum) == (15.0, 20)
    publicity = next(g for g in found.groups if g.group == "publicity")
    assert (publicity.score, publicity.computable_maximum) == (1.5, 6)
    # without a portal, 1.4 is not computable and 3.3 is not multiplied by it
    plain = await report(session, agencies={COMMUNE})
    assert not indicator(plain, "1.4").computable
    assert indicator(plain, "3.3").score == pytest.approx(6.0)
    # 2022's five groups put the payment indicators in the online group
    old = await report(session, "2022-10", {COMMUNE})
    assert old.rule_set == "766-2022" and {g.group for g in old.groups} == {
        "publicity",
        "progress",
        "digitisation",
        "online",
        "satisfaction",
    }


async def test_endpoints_answer_the_callers_scope_with_drill_down_and_exports(
    world: World, session: AsyncSession
) -> None:
    codes = await _four(world, session)
    admin, commune, other = (
        await world.officer("admin"),
        await world.officer("lanhdao.xa"),
        await world.officer("lanhdao.xaydung"),
    )
    query = {"period": "2026-10"}
    body = (await world.client.get("/api/v1/stats/indicators", params=query, headers=admin)).json()
    on_time = next(i for i in body["indicators"] if i["code"] == "2.1")
    assert (on_time["numerator"], on_time["denominator"], on_time["maximum"]) == (3, 4, 20)
    mine = (
        await world.client.get("/api/v1/stats/indicators", params=query, headers=commune)
    ).json()
    assert next(i for i in mine["indicators"] if i["code"] == "2.1")["denominator"] == 4
    # another department's leader sees none of the commune's dossiers, and may not ask for them
    theirs = (
        await world.client.get("/api/v1/stats/indicators", params=query, headers=other)
    ).json()
    assert next(i for i in theirs["indicators"] if i["code"] == "2.1")["denominator"] == 0
    refused = await world.client.get(
        "/api/v1/stats/indicators", params={**query, "agency": COMMUNE}, headers=other
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "not_officer_here")
    bad = await world.client.get(
        "/api/v1/stats/summary", params={"period": "2026-13"}, headers=admin
    )
    assert (bad.status_code, bad.json()["code"]) == (422, "period_invalid")

    summary = (
        await world.client.get("/api/v1/stats/summary", params=query, headers=commune)
    ).json()
    assert summary["counts"]["received"] == 4 and summary["counts"]["open"] == 1
    assert summary["counts"]["ended_resolved"] == 2 and summary["counts"]["ended_stopped"] == 1
    assert {b["key"]: b["received"] for b in summary["by_channel"]} == {"online": 2, "desk": 2}
    assert summary["by_agency"][0]["key"] == COMMUNE and summary["by_agency"][0]["late"] == 1

    # the months of the quarter by agency, in one answer: each cell is that month's summary bucket
    grid = await world.client.get(
        "/api/v1/stats/grid", params={"period": "2026-Q4"}, headers=commune
    )
    assert grid.status_code == 200, grid.text
    assert grid.json()["months"] == ["2026-10", "2026-11", "2026-12"]
    (row,) = [r for r in grid.json()["rows"] if r["key"] == COMMUNE]
    october = row["cells"][0]
    assert (october["received"], october["ended"], october["ended_on_time"]) == (4, 3, 2)
    assert october["late"] == 1  # D stopped late
    for cell in row["cells"]:
        month = (
            await world.client.get(
                "/api/v1/stats/summary", params={"period": cell["month"]}, headers=commune
            )
        ).json()
        bucket = next((b for b in month["by_agency"] if b["key"] == COMMUNE), None)
        fields = ("received", "received_online", "ended", "ended_on_time", "late")
        expected = {f: bucket[f] for f in fields} if bucket else dict.fromkeys(fields, 0)
        assert {f: cell[f] for f in fields} == expected, cell["month"]
    grid_csv = await world.client.get(
        "/api/v1/stats/grid",
        params={"period": "2026-Q4", "by": "channel", "format": "csv"},
        headers=commune,
    )
    lines = grid_csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Nhóm theo,Mã,Tên,Tháng,")
    assert len(lines) == 1 + 2 * 3  # desk and online × three months

    # drill-down: two pages of the 2.1 denominator, then the numerator
    seen: list[str] = []
    after = None
    while True:
        params = {
            **query,
            "part": "denominator",
            "limit": "3",
            **({"after": after} if after else {}),
        }
        page = (
            await world.client.get(
                "/api/v1/stats/indicators/2.1/dossiers", params=params, headers=commune
            )
        ).json()
        seen += [row["code"] for row in page["items"]]
        after = page["next_after"]
        if after is None:
            break
    assert sorted(seen) == sorted(codes.values())
    numerator = (
        await world.client.get(
            "/api/v1/stats/indicators/2.1/dossiers",
            params={**query, "part": "numerator"},
            headers=commune,
        )
    ).json()
    assert sorted(r["code"] for r in numerator["items"]) == sorted(
        [codes["A"], codes["B"], codes["C"]]
    )
    unknown = await world.client.get(
        "/api/v1/stats/indicators/1.1/dossiers", params=query, headers=commune
    )
    assert unknown.status_code == 422

    csv_file = await world.client.get(
        "/api/v1/stats/indicators", params={**query, "format": "csv"}, headers=commune
    )
    assert csv_file.headers["content-type"].startswith("text/csv")
    lines = csv_file.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Mã chỉ số,") and any(line.startswith("2.1,") for line in lines)
    xlsx = await world.client.get(
        "/api/v1/stats/summary", params={**query, "format": "xlsx"}, headers=commune
    )
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("Nhóm theo", "Mã", "Tên")
    assert ("total", "received", "received", 4) in [row[:4] for row in rows]


async def test_the_rollup_handler_folds_the_queued_messages(
    world: World, session: AsyncSession
) -> None:
    """The wiring: the actions queue ``stats.rollup`` messages; the handler's completion folds them."""
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"]
    messages = list(
        await session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.ordering_key == code, OutboxMessage.topic == "stats.rollup"
            )
        )
    )
    # submission and receipt, one transaction: one fold (topics.COALESCED_TOPICS), which reads the
    # dossier as it is when it runs — so it counts the receipt too
    assert [m.payload["action"] for m in messages] == ["submit"]
    for m in messages:
        envelope = Envelope(m.id, m.topic, m.ordering_key, m.payload, 1, m.created_at)
        complete = await stats_worker.fold_rollup(envelope, None)  # type: ignore[arg-type]
        await complete(session)
    today = (await session.scalar(select(OutboxMessage.created_at).limit(1))).astimezone(VIETNAM)
    found = await report(session, f"{today:%Y-%m}", {COMMUNE})
    assert found.counters["received"] >= 1 and found.counters["submitted"] >= 1
    assert await dossier_id(session, code) > 0
