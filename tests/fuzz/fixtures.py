"""Realistic data for the schemathesis runs, made through the live demo's own API before they start.

Generated values alone rarely name a procedure, an agency or a dossier that exists, so most answers
would be 404/422. The runner creates what the operations need (accounts to act on, uploads, dossiers
with their PINs, procedures and applications the run may publish or retire) and hands the hooks
(``tests/fuzz/hooks.py``) a JSON file of them.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.samples import PDF, PNG

DEMO_PASSWORD = "motcua-demo-2026"  # app/demo/accounts.json (demo only)
ADMIN = "admin"  # the province administrator: admin at the root agency 000.00.00.H99
RECEPTIONIST = "tiepnhan.xa"  # desk of the commune 000.31.00.H99
LOGIN_PROBE = "chuyenvien.tuphap"  # the account the anonymous login cases use
DEMO_ACCOUNTS = (
    "admin", "tiepnhan", "tiepnhan.xa", "chuyenvien.tuphap", "lanhdao.tuphap",
    "chuyenvien.xaydung", "lanhdao.xaydung", "chuyenvien.xa", "lanhdao.xa",
)  # fmt: skip
SELF_SERVICE = "fuzz.self"  # revokes its own tokens and changes its own password in the admin run
FUZZ_PASSWORD = "fuzz-mat-khau-2026"
COMMUNE = "000.31.00.H99"
COMMUNE_UNIT = "H99.31"
BIRTH = "1.001193"  # single agency at the commune, demo catalog
CALENDAR_DAYS = [  # working days (Monday to Friday) of March 2031: a day off is a change there
    f"2031-03-{day:02d}" for day in range(1, 15) if date(2031, 3, day).weekday() < 5
]
TARGETS = 4  # accounts the administrator's user operations act on


def _ok(response: httpx.Response, *statuses: int) -> Any:
    if response.status_code not in (statuses or (200,)):
        raise RuntimeError(
            f"seeding: {response.request.method} {response.request.url} -> "
            f"{response.status_code} {response.text[:500]}"
        )
    return response.json() if response.content else None


def login(client: httpx.Client, username: str, password: str = DEMO_PASSWORD) -> str:
    body = _ok(client.post("/api/v1/auth/token", data={"username": username, "password": password}))
    token: str = body["access_token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def citizen_token(client: httpx.Client, subject: str) -> str:
    body = _ok(
        client.post(
            "/api/v1/dev/citizen-token",
            json={"subject": subject, "full_name": "Công Dân Thử", "personal_id": "001099000123"},
        )
    )
    token: str = body["access_token"]
    return token


def upload(client: httpx.Client, token: str, content: bytes = PDF) -> str:
    kind, name = ("application/pdf", "giay-to.pdf") if content is PDF else ("image/png", "anh.png")
    body = _ok(
        client.post(
            "/api/v1/uploads", files={"file": (name, content, kind)}, headers=bearer(token)
        ),
        201,
    )
    upload_id: str = body["id"]
    return upload_id


def _mandatory_documents(client: httpx.Client, procedure: str, channel: str) -> list[str]:
    """What a dossier of ``channel`` must contain (the catalog's channels; a document only shown at
    the desk is never uploaded online)."""
    body = _ok(client.get(f"/api/v1/procedures/{procedure}"))
    return [
        d["code"]
        for d in body["documents"]
        if d.get("mandatory")
        and (d.get("channels") is None or channel in d["channels"])
        and (channel == "desk" or not d.get("presented_only"))
    ]


def desk_body(client: httpx.Client, outcome: str = "receive") -> dict[str, Any]:
    """A dossier received at the commune's desk (paper originals ticked: no upload needed)."""
    return {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "receiving_office_code": COMMUNE,
        "applicant": {
            "name": "Công Dân Thử",
            "id_kind": "personal_id",
            "id_number": "001099000123",
            "unit_code": COMMUNE_UNIT,
        },
        "documents": [
            {"requirement_code": code, "paper_original_checked": True}
            for code in _mandatory_documents(client, BIRTH, "desk")
        ],
        "outcome": outcome,
    }


def _online_dossier(
    client: httpx.Client, citizen: str, fee_choices: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "applicant": {
            "name": "Công Dân Thử",
            "id_kind": "personal_id",
            "id_number": "001099000123",
            "unit_code": COMMUNE_UNIT,
        },
        "documents": [
            {"requirement_code": code, "upload_id": upload(client, citizen)}
            for code in _mandatory_documents(client, BIRTH, "online")
        ],
        "fee_choices": fee_choices or [],
    }
    created: dict[str, Any] = _ok(
        client.post("/api/v1/dossiers", json=body, headers=bearer(citizen)), 201
    )
    return created


def _paid_in_sandbox(client: httpx.Client, citizen: str, code: str) -> str:
    """A VNPay payment of the dossier's fees, paid on the demo's sandbox page; its id."""
    payment = _ok(
        client.post(
            f"/api/v1/dossiers/{code}/payments", json={"provider": "vnpay"}, headers=bearer(citizen)
        ),
        201,
    )
    query = urlsplit(payment["pay_url"]).query
    _ok(client.post("/sandbox/vnpay/pay", data={"query": query, "choice": "pay"}), 303)
    paid_id: str = payment["id"]
    return paid_id


def _create_user(client: httpx.Client, admin: str, username: str, role: str) -> None:
    _ok(
        client.post(
            "/api/v1/admin/users",
            json={
                "username": username,
                "full_name": "Cán bộ kiểm thử",
                "password": FUZZ_PASSWORD,
                "roles": [{"agency": COMMUNE, "role": role}],
            },
            headers=bearer(admin),
        ),
        201,
    )


RETURNED = 6  # each run rates its own half of them (a dossier is rated once)


def _returned_dossier(
    client: httpx.Client, receptionist: str, specialist: str, leader: str
) -> dict[str, Any]:
    """A desk dossier taken to its return, with a result file attached on the way."""
    dossier: dict[str, Any] = _ok(
        client.post("/api/v1/dossiers", json=desk_body(client), headers=bearer(receptionist)),
        201,
    )
    code = dossier["code"]

    def act(action: str, token: str) -> None:
        _ok(
            client.post(f"/api/v1/dossiers/{code}/actions/{action}", json={}, headers=bearer(token))
        )

    act("forward", receptionist)
    result = {"documents": [{"requirement_code": "KQ", "upload_id": upload(client, receptionist)}]}
    _ok(
        client.post(f"/api/v1/dossiers/{code}/documents", json=result, headers=bearer(receptionist))
    )
    act("forward", specialist)
    act("resolve", leader)
    act("return_result", receptionist)
    return dossier


def _fuzz_procedure(client: httpx.Client, admin: str, code: str) -> None:
    base = _ok(client.get(f"/api/v1/procedures/{BIRTH}"))
    body = {
        "code": code,
        "name": f"Thủ tục kiểm thử {code}",
        "field": base["field"],
        "processing_time": base["processing_time"],
    }
    _ok(client.post("/api/v1/admin/procedures", json=body, headers=bearer(admin)), 201)


def seed(base_url: str, dossiers: int = 12) -> dict[str, Any]:
    """Create the run's data on the live demo; return it for the hooks."""
    run = uuid.uuid4().hex[:6]
    with httpx.Client(base_url=base_url, timeout=30) as client:
        admin = login(client, ADMIN)
        receptionist = login(client, RECEPTIONIST)
        specialist = login(client, "chuyenvien.xa")
        leader = login(client, "lanhdao.xa")
        _create_user(client, admin, SELF_SERVICE, "specialist")
        targets = [f"fuzz.target{i}" for i in range(1, TARGETS + 1)]
        for username in targets:
            _create_user(client, admin, username, "specialist")
        citizen_subject = f"fuzz-citizen-{run}"
        citizen = citizen_token(client, citizen_subject)
        submitted = [_online_dossier(client, citizen) for _ in range(dossiers)]
        received = [
            _ok(
                client.post(
                    "/api/v1/dossiers", json=desk_body(client), headers=bearer(receptionist)
                ),
                201,
            )
            for _ in range(3)
        ]
        for dossier in received[1:]:  # in progress: the desk may attach result documents
            _ok(
                client.post(
                    f"/api/v1/dossiers/{dossier['code']}/actions/forward",
                    json={},
                    headers=bearer(receptionist),
                )
            )
        returned = [
            _returned_dossier(client, receptionist, specialist, leader) for _ in range(RETURNED)
        ]
        # dossiers whose copy fee is due (1 copy, 8,000 đ), paid online in the demo's sandbox
        payable = [_online_dossier(client, citizen, [{"index": 1, "copies": 1}]) for _ in range(4)]
        paid = [_paid_in_sandbox(client, citizen, d["code"]) for d in payable[1:]]
        admin_uploads = [upload(client, admin, PNG) for _ in range(2)]
        desk_uploads = [upload(client, receptionist) for _ in range(10)]
        procedures = [f"FUZZ.{run}.{i}" for i in range(3)]
        for code in procedures:
            _fuzz_procedure(client, admin, code)
        catalog = {
            "procedures": [
                p["code"] for p in _ok(client.get("/api/v1/procedures?page_size=100"))["items"]
            ],
            "agencies": [
                a["code"] for a in _ok(client.get("/api/v1/agencies?page_size=100"))["items"]
            ],
            "units": [u["code"] for u in _ok(client.get("/api/v1/units?page_size=100"))["items"]],
            "fields": [f["code"] for f in _ok(client.get("/api/v1/fields"))],
            "templates": [
                [t["code"], t["version"]]
                for t in _ok(client.get("/api/v1/admin/templates", headers=bearer(admin)))
            ],
        }
        application = _ok(
            client.get(
                f"/api/v1/admin/applications/{BIRTH}/{COMMUNE}/versions", headers=bearer(admin)
            )
        )[-1]
        application_data = {
            key: application[key]
            for key in ("receiving_offices", "template", "template_version", "effective_from")
        }
        _ok(  # the run's first procedure is published: applications of it can be published
            client.post(
                f"/api/v1/admin/procedures/{procedures[0]}/versions/1/publish",
                headers=bearer(admin),
            )
        )
        _ok(  # an application of the run's own procedure, which the run may publish and retire
            client.post(
                "/api/v1/admin/applications",
                json={**application_data, "procedure": procedures[0], "agency": COMMUNE},
                headers=bearer(admin),
            ),
            201,
        )
        for day in CALENDAR_DAYS:  # days the run may delete (and decide again)
            _ok(
                client.put(
                    f"/api/v1/admin/calendar/{day}",
                    json={"kind": "day_off", "reason": "Kiểm thử"},
                    headers=bearer(admin),
                ),
                200,
                201,
            )
        template = _ok(client.get("/api/v1/admin/templates", headers=bearer(admin)))[0]
        birth = _ok(client.get(f"/api/v1/procedures/{BIRTH}"))
        desk = desk_body(client)
    return {
        "base_url": base_url,
        "run": run,
        "demo_password": DEMO_PASSWORD,
        "admin": ADMIN,
        "admin_token": admin,
        "receptionist": RECEPTIONIST,
        "receptionist_token": receptionist,
        "login_probe": LOGIN_PROBE,
        "protected_accounts": [*DEMO_ACCOUNTS, SELF_SERVICE],
        "self_service": SELF_SERVICE,
        "self_service_password": FUZZ_PASSWORD,
        "targets": targets,
        "citizen_subject": citizen_subject,
        "citizen_token": citizen,
        "admin_uploads": admin_uploads,
        "submitted": [d["code"] for d in submitted],
        "dossiers": [{"code": d["code"], "pin": d["pin"]} for d in submitted + received],
        "received": [d["code"] for d in received],
        "fuzz_procedures": procedures,
        "application_data": application_data,
        "template_body": {k: template[k] for k in ("name", "kind", "steps")},
        "procedure_data": {k: birth[k] for k in ("field", "processing_time")},
        "desk_body": desk,
        "desk_uploads": desk_uploads,
        "in_progress": [d["code"] for d in received[1:]],
        # returned at the desk with an electronic result: downloaded, and rated on a device
        "returned": [{"code": d["code"], "pin": d["pin"]} for d in returned],
        "calendar_days": CALENDAR_DAYS,
        "payable": [payable[0]["code"]],
        "payments": paid,
        "birth": BIRTH,
        "commune": COMMUNE,
        **catalog,
    }
