"""Dossiers in every status the lifecycle reaches, on every channel (desk, online, by post, forwarded
by the national portal and recorded at the desk), paid online, returned online and by post, built
through the API as citizens, officers and a payment gateway would."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import SecretStr

from tests.dossiers.conftest import COMMUNE, World
from tests.fakes.signing import vnpay_ipn_query

PROCEDURE = "1.001612"  # Đăng ký thành lập hộ kinh doanh: commune, 3 working days, fees
# what a supplement request names (issue 12: each document to supplement and what is wrong)
ITEMS = [{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}]
DESK, SPECIALIST, LEADER = "tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
VNPAY_TMN = "MOTCUAH9"
VNPAY_SECRET = "vnpay-portal-test-secret-0123456789"


@dataclass(frozen=True)
class Scenario:
    name: str
    channel: str  # desk / online / postal / national_portal (the last two recorded at the desk)
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

    async def submitted(self, **extra: Any) -> str:
        assert self.channel == "online"
        response = await self.world.submit_online(self.owner, PROCEDURE, COMMUNE, **extra)
        assert response.status_code == 201, response.text
        code: str = response.json()["code"]
        return code

    async def at_desk(self, outcome: str, **extra: Any) -> str:
        if outcome == "request_supplement":
            extra["supplement_items"] = ITEMS
        if self.channel != "desk":
            extra["channel"] = self.channel
        response = await self.world.submit_at_desk(
            self.h(DESK), PROCEDURE, outcome=outcome, **extra
        )
        assert response.status_code == 201, response.text
        code: str = response.json()["code"]
        return code

    async def received(self, **extra: Any) -> str:
        if self.channel != "online":
            return await self.at_desk("receive", **extra)
        code = await self.submitted(**extra)
        await _ok(self.world, code, "receive", self.h(DESK))
        return code

    async def in_progress(self, **extra: Any) -> str:
        code = await self.received(**extra)
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
        if name == "paid_online":
            code = await self.submitted()
            await self.pay_online(code)
            await _ok(w, code, "receive", self.h(DESK))
            return code
        if name == "returned_online":
            code = await self.in_progress(result_delivery="online")
            await self.resolve(code)
            download = await w.client.get(f"/api/v1/dossiers/{code}/result", headers=self.owner)
            assert download.status_code == 200, download.text
            return code
        if name == "returned_by_post":
            code = await self.in_progress(
                result_delivery="postal", result_address="Số 5 Lê Lợi, xã An Bình"
            )
            await self.resolve(code)
            await _ok(w, code, "return_result", self.h(DESK), consignment_number="EB123456789VN")
            return code
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
            await self.resolve(code)
            if name == "returned":
                await _ok(w, code, "return_result", self.h(DESK))
                if self.channel == "online":
                    await _ok(w, code, "rate", self.owner, rating=5, note="Nhanh gọn")
        else:
            raise AssertionError(name)
        return code

    async def resolve(self, code: str) -> None:
        await _ok(self.world, code, "forward", self.h(SPECIALIST), note="Đủ điều kiện")
        await self.attach_result(code)
        await _ok(self.world, code, "resolve", self.h(LEADER))

    async def pay_online(self, code: str) -> None:
        """The owner pays the fees due on submission through VNPay; the gateway's IPN (signed as
        VNPay signs, with the terminal's secret) says the payment succeeded. The terminal is
        configured for this payment only: other scenarios keep receiving unpaid online dossiers."""
        settings = self.world.settings
        before = (settings.payment_merchants, settings.payment_agency_merchants)
        settings.payment_merchants = SecretStr(
            json.dumps({"vnpay": {VNPAY_TMN: {"hash_secret": VNPAY_SECRET}}})
        )
        settings.payment_agency_merchants = json.dumps({"*": {"vnpay": VNPAY_TMN}})
        try:
            await self._pay_online(code)
        finally:
            settings.payment_merchants, settings.payment_agency_merchants = before

    async def _pay_online(self, code: str) -> None:
        started = await self.world.client.post(
            f"/api/v1/dossiers/{code}/payments", json={"provider": "vnpay"}, headers=self.owner
        )
        assert started.status_code == 201, started.text
        payment = started.json()
        ipn = {
            "vnp_Amount": str(payment["amount"] * 100),
            "vnp_BankCode": "NCB",
            "vnp_OrderInfo": f"Thanh toan ho so {code}",
            "vnp_PayDate": datetime.now(VIETNAM).strftime("%Y%m%d%H%M%S"),
            "vnp_ResponseCode": "00",
            "vnp_TmnCode": VNPAY_TMN,
            "vnp_TransactionNo": "14226112",
            "vnp_TransactionStatus": "00",
            "vnp_TxnRef": payment["order_ref"],
        }
        answer = await self.world.client.get(
            f"/api/v1/payments/vnpay/ipn?{vnpay_ipn_query(ipn, VNPAY_SECRET)}"
        )
        assert answer.json() == {"RspCode": "00", "Message": "Confirm Success"}, answer.text

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
    Scenario("paid_online", "online", 2),
    Scenario("returned_online", "online", 10),
    Scenario("returned_by_post", "desk", 10),
    *(Scenario("received", c, 2) for c in ("postal", "national_portal")),
    Scenario("returned", "postal", 10),
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
