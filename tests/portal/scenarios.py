"""Dossiers in every status the lifecycle reaches today, on each channel that exists today (desk,
online), built through the API as citizens and officers would."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tests.dossiers.conftest import COMMUNE, World

PROCEDURE = "1.001612"  # Đăng ký thành lập hộ kinh doanh: commune, 3 working days, fees
# what a supplement request names (issue 12: each document to supplement and what is wrong)
ITEMS = [{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}]
DESK, SPECIALIST, LEADER = "tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa"


@dataclass(frozen=True)
class Scenario:
    name: str
    channel: str  # desk / online
    status_code: int  # the TrangThaiHoSo the portal must hold afterwards


async def _ok(world: World, code: str, action: str, who: dict[str, str], **body: Any) -> None:
    response = await world.act(code, action, who, **body)
    assert response.status_code == 200, (action, response.text)


class Builder:
    def __init__(self, world: World, channel: str) -> None:
        self.world = world
        self.channel = channel
        self.owner: dict[str, str] = {}
        self.headers: dict[str, dict[str, str]] = {}

    async def login(self) -> None:
        self.owner = await self.world.citizen(f"citizen-portal-{self.channel}")
        for who in (DESK, SPECIALIST, LEADER):
            self.headers[who] = await self.world.officer(who)

    def h(self, who: str) -> dict[str, str]:
        return self.headers[who]

    async def submitted(self) -> str:
        assert self.channel == "online"
        response = await self.world.submit_online(self.owner, PROCEDURE, COMMUNE)
        assert response.status_code == 201, response.text
        code: str = response.json()["code"]
        return code

    async def at_desk(self, outcome: str) -> str:
        extra = {"supplement_items": ITEMS} if outcome == "request_supplement" else {}
        response = await self.world.submit_at_desk(
            self.h(DESK), PROCEDURE, outcome=outcome, **extra
        )
        assert response.status_code == 201, response.text
        code: str = response.json()["code"]
        return code

    async def received(self) -> str:
        if self.channel == "desk":
            return await self.at_desk("receive")
        code = await self.submitted()
        await _ok(self.world, code, "receive", self.h(DESK))
        return code

    async def in_progress(self) -> str:
        code = await self.received()
        await _ok(self.world, code, "forward", self.h(DESK))
        return code

    async def supplement_documents(self) -> list[dict[str, Any]]:
        uploader = self.owner if self.channel == "online" else self.h(DESK)
        return [{"requirement_code": "TP01", "upload_id": await self.world.upload(uploader)}]

    async def supplementer(self) -> dict[str, str]:
        return self.owner if self.channel == "online" else self.h(DESK)

    async def build(self, name: str) -> str:
        w = self.world
        if name == "submitted":
            return await self.submitted()
        if name == "supplement_before_receipt":
            if self.channel == "desk":
                return await self.at_desk("request_supplement")
            code = await self.submitted()
            await _ok(
                w, code, "request_supplement", self.h(DESK), note="Thiếu giấy tờ", items=ITEMS
            )
            return code
        if name == "rejected":
            if self.channel == "desk":
                return await self.at_desk("refuse")
            code = await self.submitted()
            await _ok(w, code, "reject", self.h(DESK), note="Không thuộc thẩm quyền")
            return code
        if name == "withdrawn_before_receipt":
            code = await self.submitted()
            await _ok(w, code, "withdraw", self.owner, note="Không còn nhu cầu")
            return code
        if name == "received":
            return await self.received()
        code = await self.in_progress()
        if name == "withdrawn_after_receipt":
            await _ok(w, code, "withdraw", self.h(DESK), note="Người nộp rút hồ sơ")
        elif name == "in_progress":
            await _ok(w, code, "assign", self.h(LEADER), assignee=SPECIALIST)
        elif name in ("supplement_requested", "supplemented"):
            await _ok(
                w,
                code,
                "request_supplement",
                self.h(SPECIALIST),
                note="Bổ sung bản vẽ",
                items=ITEMS,
            )
            if name == "supplemented":
                await _ok(
                    w,
                    code,
                    "supplement",
                    await self.supplementer(),
                    documents=await self.supplement_documents(),
                )
        elif name in ("awaiting_payment", "paid"):
            await _ok(w, code, "request_payment", self.h(SPECIALIST))
            if name == "paid":
                await _ok(w, code, "record_payment", self.h(DESK), receipt_number="BL-0001")
        elif name == "rescheduled":
            due = (await w.get(code, self.h(DESK))).json()["due_at"]
            promised = (datetime.fromisoformat(due) + timedelta(days=5)).isoformat()
            await _ok(
                w, code, "reschedule", self.h(LEADER), promised_due_at=promised, note="Cần xác minh"
            )
        elif name == "stopped":
            await _ok(w, code, "stop", self.h(LEADER), note="Người nộp đề nghị dừng")
        elif name == "refused_after_appraisal":
            await _ok(w, code, "refuse", self.h(LEADER), note="Không đủ điều kiện kinh doanh")
        elif name in ("resolved", "returned"):
            await _ok(w, code, "forward", self.h(SPECIALIST), note="Đủ điều kiện")
            await self.attach_result(code)
            await _ok(w, code, "resolve", self.h(LEADER))
            if name == "returned":
                await _ok(w, code, "return_result", self.h(DESK))
                if self.channel == "online":
                    await _ok(w, code, "rate", self.owner, rating=5, note="Nhanh gọn")
        else:
            raise AssertionError(name)
        return code

    async def attach_result(self, code: str) -> None:
        leader = self.h(LEADER)
        response = await self.world.client.post(
            f"/api/v1/dossiers/{code}/documents",
            json={
                "documents": [
                    {"requirement_code": "KQ", "upload_id": await self.world.upload(leader)}
                ],
                "note": "Giấy chứng nhận",
            },
            headers=leader,
        )
        assert response.status_code == 200, response.text


SCENARIOS = [
    Scenario("submitted", "online", 1),
    *(Scenario("supplement_before_receipt", c, 5) for c in ("online", "desk")),
    *(Scenario("rejected", c, 3) for c in ("online", "desk")),
    Scenario("withdrawn_before_receipt", "online", 7),
    *(
        Scenario(name, channel, status)
        for channel in ("online", "desk")
        for name, status in (
            ("received", 2),
            ("in_progress", 4),
            ("supplement_requested", 5),
            ("supplemented", 4),
            ("awaiting_payment", 6),
            ("paid", 4),
            ("rescheduled", 4),
            ("withdrawn_after_receipt", 7),
            ("stopped", 8),
            ("refused_after_appraisal", 3),
            ("resolved", 9),
            ("returned", 10),
        )
    ),
]

BuildFunction = Callable[[str], Awaitable[str]]
