"""Answers of real requests hold every instant in Asia/Ho_Chi_Minh, ``+07:00`` (DESIGN.md section 5;
issue 14): the dossier, its list, events (their payloads too), forms, the public lookup on its lean
and documented routes, uploads, the register's page, the calendar preview. The route table's side of
the same rule: tests/test_times.py."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.dossiers import form_cases
from tests.dossiers.conftest import COMMUNE, World

# an RFC 3339 date-time anywhere in a JSON text
INSTANT = re.compile(r'"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))"')


def _offsets(text: str) -> set[str]:
    return {found[19:].lstrip(".0123456789") for found in INSTANT.findall(text)}


async def test_real_answers_hold_no_instant_outside_vietnam_time(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    citizen = await world.citizen("times-citizen")
    online = (await world.submit_online(citizen)).json()
    case = await form_cases.control_sheet(world)
    supplement = await form_cases.supplement_request(world)
    apology = await form_cases.apology(world)
    code = online["code"]
    case_pin = (await world.get(case.code, desk)).json()["pin"]
    today, week = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date(), timedelta(days=7)
    answers = {
        "submit": json.dumps(online),
        "dossier": (await world.get(case.code, desk)).text,
        "list": (await world.client.get("/api/v1/dossiers", headers=desk)).text,
        "events": (
            await world.client.get(f"/api/v1/dossiers/{case.code}/events", headers=desk)
        ).text,
        "supplement events": (
            await world.client.get(f"/api/v1/dossiers/{supplement.code}/events", headers=desk)
        ).text,
        "lookup (lean)": (
            await world.client.get(f"/api/v1/lookup/{case.code}", params={"pin": case_pin})
        ).text,
        "lookup (documented)": (
            await world.client.get(
                f"/api/v1/lookup/{case.code}", params=[("pin", case_pin), ("pin", case_pin)]
            )
        ).text,
        "citizen's dossier": (await world.get(code, citizen)).text,
        "upload": (
            await world.client.get(
                f"/api/v1/uploads/{online['documents'][0]['upload_id']}", headers=citizen
            )
        ).text,
        "register": (
            await world.client.get(
                f"/api/v1/registers/{COMMUNE}",
                params={"received_from": str(today - week), "received_to": str(today + week)},
                headers=desk,
            )
        ).text,
        "calendar": (
            await world.client.get(
                "/api/v1/calendar/due-date",
                params={"start": "2026-12-01T01:00:00Z", "amount": "1", "unit": "working_days"},
            )
        ).text,
    }
    for made in (case, supplement, apology):
        answers[made.form] = (
            await world.client.get(
                f"/api/v1/dossiers/{made.code}/forms/{made.form}", headers=made.headers
            )
        ).text
    for name, text in answers.items():
        assert INSTANT.search(text), name  # each answer has instants to check
        assert _offsets(text) == {"+07:00"}, (name, text[:300])
