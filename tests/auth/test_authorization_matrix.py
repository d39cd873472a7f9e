"""The authorisation matrix (issue 11): role × scope × operation → status, rows from the route table.

Every operation of the app is classified below by the scope it requires (``SCOPES``); the route table
(``iter_route_contexts``) must hold exactly the classified operations, so a new route cannot be
forgotten, and each route's declared audience (``app/callers.py``: what its documentation says about
who may call it) must be the scope it is classified with here. Each operation is then called by six callers:

* nobody (no token), a citizen, a plain officer (receptionist, specialist, leader at a commune),
* the administrator of another commune (outside the target's subtree),
* the administrator of the commune whose subtree holds the target (``CHILD``, below ``COMMUNE``),
* the province administrator (admin at the province's root agency).

A caller the scope refuses gets 401 (nobody) or 403; a caller it admits gets anything but an
authorisation refusal (a 2xx, or a 4xx of the operation's own: 404, 409, 422...). The requests are
built per operation (``CALLS``) so that an admitted caller reaches the service: an administrative
change answered 2xx must have written the admin audit log, and every administrative change is
admitted at least once (the matrix is not all refusals).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.callers import Audience, audience_of
from app.main import create_app
from app.models.audit import AdminAuditEntry
from app.models.dossier import (
    ApplicantKind,
    Channel,
    Dossier,
    DossierStatus,
    IdentifierKind,
)
from app.models.payment import Payment, PaymentProvider, PaymentStatus
from app.models.procedure import Procedure, ProcedureApplication
from app.models.user import Role
from app.services.catalog import transfer as catalog_import
from app.services.dossiers.rule_sets import rule_set_at
from tests.catalog.sample import COMMUNE_AGENCY, OTHER_COMMUNE_AGENCY, sample_catalog
from tests.conftest import PROVINCE_ROOT, OfficerFactory, make_settings

COMMUNE = COMMUNE_AGENCY  # the subtree of the target
OTHER_COMMUNE = OTHER_COMMUNE_AGENCY  # a commune outside it
CHILD = "000.31.01.H99"  # an office below COMMUNE: the target of agency-scoped operations

# Codes an authorisation refusal carries; any other 403 (a lifecycle rule) is the operation's own.
AUTH_REFUSALS = {
    "unauthorized",
    "invalid_token",
    "token_revoked",
    "forbidden",
    "officer_required",
    "citizen_required",
    "admin_required",
    "province_admin_required",
    "agency_not_administered",
    "not_officer_here",
}


class Scope(StrEnum):
    public = "public"  # anyone, no token
    # anyone reaches the operation; a link we signed is the permission (a bad one: 403 of its own)
    link = "link"
    # anyone reaches the operation; the gateway's signature decides, answered in its protocol
    gateway = "gateway"
    caller = "caller"  # any authenticated officer or citizen (the operation scopes its rows)
    officer = "officer"  # any officer
    citizen = "citizen"  # citizens only
    admin = "admin"  # an administrator of any agency (the process templates' catalogue)
    desk = "desk"  # an officer with a role at the target desk, its administrators, the province's
    agency = "agency"  # an administrator of the target agency's subtree, or the province admin
    province = "province"  # the province administrator only
    # no token admits: the request itself is signed (HMAC), so every caller without the signature
    # gets the same 401 as nobody (the national portal's forwarded dossiers)
    signed = "signed"


class Caller(StrEnum):
    nobody = "nobody"
    citizen = "citizen"
    officer = "officer"
    outside_admin = "outside_admin"
    subtree_admin = "subtree_admin"
    province_admin = "province_admin"


ADMITTED: dict[Scope, set[Caller]] = {
    Scope.public: set(Caller),
    Scope.link: set(Caller),
    Scope.gateway: set(Caller),
    Scope.caller: set(Caller) - {Caller.nobody},
    Scope.officer: set(Caller) - {Caller.nobody, Caller.citizen},
    Scope.citizen: {Caller.citizen},
    Scope.admin: {Caller.outside_admin, Caller.subtree_admin, Caller.province_admin},
    Scope.desk: {Caller.officer, Caller.subtree_admin, Caller.province_admin},
    Scope.agency: {Caller.subtree_admin, Caller.province_admin},
    Scope.province: {Caller.province_admin},
    Scope.signed: set(),
}

# Every operation of the app, by operation id. A route missing here fails the suite.
SCOPES: dict[str, Scope] = {
    "health": Scope.public,
    "ready": Scope.public,
    "auth_token": Scope.public,
    "auth_me": Scope.officer,
    "auth_revoke": Scope.officer,
    "auth_change_password": Scope.officer,
    "auth_citizen_me": Scope.citizen,
    "dev_citizen_issuer_jwks": Scope.public,
    "dev_citizen_token": Scope.public,
    # the public catalog and calendar
    "list_units": Scope.public,
    "get_unit": Scope.public,
    "list_agencies": Scope.public,
    "get_agency": Scope.public,
    "list_fields": Scope.public,
    "search_procedures": Scope.public,
    "get_procedure": Scope.public,
    "preview_due_date": Scope.public,
    "lookup_dossier": Scope.public,
    # a desk rating device: the dossier's code and PIN are its authorisation (pin_guard)
    "rate_on_device": Scope.public,
    # uploads and dossiers: any caller, each row visible to whom it concerns (tests/dossiers)
    "upload_create": Scope.caller,
    "upload_get": Scope.caller,
    "upload_download": Scope.caller,
    "submit_dossier": Scope.caller,
    "list_dossiers": Scope.caller,
    "get_dossier": Scope.caller,
    "dossier_action": Scope.caller,
    "add_dossier_documents": Scope.caller,
    "dossier_events": Scope.caller,
    "dossier_form": Scope.caller,
    "download_dossier_result": Scope.caller,
    # online payments: the dossier's visibility scopes them; the gateways' callbacks and the
    # payer's return page authenticate by the gateway's own signature or show nothing private
    "start_payment": Scope.caller,
    "get_payment": Scope.caller,
    "vnpay_ipn": Scope.gateway,
    "momo_ipn": Scope.gateway,
    "zalopay_callback": Scope.gateway,
    "national_payment_callback": Scope.gateway,
    "payment_return": Scope.public,
    # the register of a desk (form 06)
    "dossier_register": Scope.desk,
    # statistics (issue 17): any officer, answered for their own scope (an agency outside it is a 403)
    "stats_indicators": Scope.officer,
    "stats_summary": Scope.officer,
    "stats_grid": Scope.officer,
    "stats_indicator_dossiers": Scope.officer,
    # the report page answers its sign-in form to anyone, the report to a signed-in officer
    "stats_report_page": Scope.public,
    "stats_report_sign_in": Scope.public,
    "stats_report_sign_out": Scope.public,
    # users: within the administrator's subtrees
    "admin_list_agency_users": Scope.agency,
    "admin_create_user": Scope.agency,
    "admin_update_user": Scope.agency,
    "admin_reset_password": Scope.agency,
    "admin_revoke_user_tokens": Scope.agency,
    # province-wide catalog data
    "admin_put_unit": Scope.province,
    "admin_put_agency": Scope.province,
    "admin_put_field": Scope.province,
    "admin_create_procedure": Scope.province,
    "admin_change_procedure": Scope.province,
    "admin_list_procedure_versions": Scope.province,
    "admin_set_procedure_state": Scope.province,
    # process templates: read by any administrator, written within the subtree of their fixed steps
    "admin_list_templates": Scope.admin,
    "admin_get_template": Scope.admin,
    "admin_create_template": Scope.agency,
    # procedure applications: the applying agency's subtree
    "admin_create_application": Scope.agency,
    "admin_change_application": Scope.agency,
    "admin_list_application_versions": Scope.agency,
    "admin_set_application_state": Scope.agency,
    # the calendar, the outbox and the audit log are province-wide
    "admin_get_calendar_year": Scope.province,
    "admin_set_calendar_override": Scope.province,
    "admin_delete_calendar_override": Scope.province,
    "admin_get_outbox_status": Scope.province,
    "admin_replay_outbox": Scope.province,
    "admin_list_audit": Scope.province,
    # the national portal: the signed file links (the link is the permission: public), the dossiers
    # it forwards (signed), the sync state and its replay (province-wide)
    "portal_file_download": Scope.link,
    "portal_forward_dossier": Scope.signed,
    "portal_get_sync_status": Scope.province,
    "portal_replay_sync": Scope.province,
    # payments for the finance office: province-wide
    "admin_list_payments": Scope.province,
    "admin_payment_alerts": Scope.province,
    "admin_payment_settlement": Scope.province,
    "admin_payment_callbacks": Scope.province,
    "admin_refund_payment": Scope.province,
}

# Administrators' operations outside /api/v1/admin, where their integration's documentation puts them.
ADMIN_ELSEWHERE = {"portal_get_sync_status", "portal_replay_sync"}

# Operations that act on the caller's own account in a way later rows would feel: run last.
SELF_REVOKING = {"auth_revoke"}


@dataclass
class World:
    """What the requests refer to."""

    target_user: str  # an officer at CHILD, managed by the subtree's and the province's admins
    payment_id: str = ""  # a succeeded payment (refunded once, by the province administrator)


Body = Callable[[Caller, World], Any]


Value = Callable[[Caller, World], str]


@dataclass(frozen=True)
class Call:
    path: dict[str, Value] = field(default_factory=dict)
    json: Body | None = None
    params: dict[str, str] = field(default_factory=dict)


def _const(value: str) -> Value:
    return lambda caller, world: value


def _procedure_data(caller: Caller) -> dict[str, Any]:
    body = next(p for p in sample_catalog()["procedures"] if p["code"] == "1.001193")
    body = {k: v for k, v in body.items() if k not in ("code", "version", "state")}
    return body | {"name": f"Thủ tục đăng ký khai sinh ({caller})"}


def _agency_data(caller: Caller) -> dict[str, Any]:
    return {
        "name": f"Bộ phận một cửa xã Một ({caller})",
        "kind": "other",
        "parent": COMMUNE,
        "unit": "31",
        "receives_dossiers": True,
        "valid_from": "2025-07-01",
    }


def _application_data(caller: Caller) -> dict[str, Any]:
    return {
        "receiving_offices": [CHILD],
        "template": "QT-1NGAY",
        "template_version": 1,
        "effective_from": "2026-01-01" if caller is Caller.subtree_admin else "2026-02-01",
    }


STEP = {"role": "specialist", "duration": {"amount": "1", "unit": "working_days"}}

# The request of each operation whose scope is an administrator's (the others need none: their
# refusals happen before any input is read, and an admitted caller's 4xx is the operation's own).
CALLS: dict[str, Call] = {
    "dossier_register": Call(
        path={"office_code": _const(COMMUNE)},
        params={"received_from": "2026-11-01", "received_to": "2026-11-30"},
    ),
    "stats_indicators": Call(params={"period": "2026-11"}),
    "stats_summary": Call(params={"period": "2026-11"}),
    "stats_grid": Call(params={"period": "2026-Q4", "by": "agency"}),
    "stats_indicator_dossiers": Call(
        path={"indicator": _const("2.1")}, params={"period": "2026-11"}
    ),
    "admin_list_agency_users": Call(path={"agency_code": _const(CHILD)}),
    "admin_create_user": Call(
        json=lambda c, w: {
            "username": f"matrix.{c}",
            "full_name": "Cán bộ mới",
            "password": "mot-mat-khau-kho-doan-9",
            "roles": [{"agency": CHILD, "role": "specialist"}],
        }
    ),
    "admin_update_user": Call(
        path={"username": lambda c, w: w.target_user},
        json=lambda c, w: {"full_name": f"Cán bộ kiểm thử ({c})"},
    ),
    "admin_reset_password": Call(
        path={"username": lambda c, w: w.target_user},
        json=lambda c, w: {"password": f"mot-mat-khau-moi-{c}-7"},
    ),
    "admin_revoke_user_tokens": Call(path={"username": lambda c, w: w.target_user}),
    "admin_put_unit": Call(
        path={"code": _const("31")},
        json=lambda c, w: {
            "name": f"Xã Một ({c})",
            "kind": "commune",
            "parent": "H99",
            "valid_from": "2025-07-01",
        },
    ),
    "admin_put_agency": Call(path={"code": _const(CHILD)}, json=lambda c, w: _agency_data(c)),
    "admin_put_field": Call(path={"code": _const("MATRIX")}, json=lambda c, w: {"name": str(c)}),
    "admin_create_procedure": Call(
        json=lambda c, w: _procedure_data(c) | {"code": "1.999999"},
    ),
    "admin_change_procedure": Call(
        path={"code": _const("1.001193")}, json=lambda c, w: _procedure_data(c)
    ),
    "admin_list_procedure_versions": Call(path={"code": _const("1.001193")}),
    "admin_set_procedure_state": Call(
        path={
            "code": _const("1.999999"),
            "version": _const("1"),
            "action": _const("retire"),
        }
    ),
    "admin_list_templates": Call(),
    "admin_get_template": Call(path={"code": _const("QT-1NGAY"), "version": _const("1")}),
    "admin_create_template": Call(
        json=lambda c, w: {
            "code": "QT-MATRIX",
            "name": "Quy trình tại bộ phận một cửa",
            "kind": "single_agency",
            "steps": [
                {"code": "S1", "name": "Tiếp nhận", "runs_at": {"kind": "receiving_office"}} | STEP,
                {"code": "S2", "name": "Xử lý", "runs_at": {"kind": "fixed", "agency": CHILD}}
                | STEP,
            ],
        }
    ),
    "admin_create_application": Call(
        json=lambda c, w: _application_data(c) | {"procedure": "1.000894", "agency": CHILD},
    ),
    "admin_change_application": Call(
        path={"procedure": _const("1.001193"), "agency": _const(CHILD)},
        json=lambda c, w: _application_data(c),
    ),
    "admin_list_application_versions": Call(
        path={"procedure": _const("1.001193"), "agency": _const(CHILD)}
    ),
    "admin_set_application_state": Call(
        path={
            "procedure": _const("1.001193"),
            "agency": _const(CHILD),
            "version": _const("2"),
            # each admitted caller changes something: the subtree's publishes, the province retires
            "action": lambda c, w: "publish" if c is Caller.subtree_admin else "retire",
        }
    ),
    "admin_get_calendar_year": Call(params={"year": "2026"}),
    "admin_set_calendar_override": Call(
        path={"day": _const("2026-12-31")},
        json=lambda c, w: {"kind": "day_off", "reason": f"Quyết định của UBND tỉnh ({c})"},
    ),
    "admin_delete_calendar_override": Call(path={"day": _const("2026-12-31")}),
    "admin_get_outbox_status": Call(),
    "admin_replay_outbox": Call(json=lambda c, w: {"topic": "matrix.topic"}),
    "admin_list_audit": Call(params={"action": "user.create"}),
    "portal_file_download": Call(
        path={"document_id": _const("1")}, params={"expires": "1", "signature": "0" * 64}
    ),
    "portal_forward_dossier": Call(json=lambda c, w: {"MaHoSo": "G22.99-000001"}),
    "portal_get_sync_status": Call(),
    "portal_replay_sync": Call(json=lambda c, w: {}),
    "admin_list_payments": Call(params={"status": "succeeded"}),
    "admin_payment_alerts": Call(),
    "admin_payment_settlement": Call(params={"day": "2026-11-30"}),
    "admin_payment_callbacks": Call(path={"payment_id": lambda c, w: w.payment_id}),
    "admin_refund_payment": Call(
        path={"payment_id": lambda c, w: w.payment_id},
        json=lambda c, w: {"reason": "Nộp thừa", "reference": "HT-0001"},
    ),
}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    audience: Audience  # who may call, as the route declares it (app/callers.py)


def operations(app: FastAPI) -> list[Operation]:
    """The app's operations, from its route table (included routers unwrapped)."""
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.route
        if isinstance(route, APIRoute):
            found.extend(
                Operation(method, route.path, route.operation_id or route.name, audience_of(route))
                for method in sorted(route.methods)
            )
    return found


OPERATIONS = operations(create_app(make_settings("postgresql+asyncpg://u@localhost/unused")))


def test_every_route_is_classified() -> None:
    """A route the table does not classify fails here (and a classified route that is gone)."""
    ids = [op.operation_id for op in OPERATIONS]
    assert len(ids) == len(set(ids)), "operation ids must be unique"
    assert sorted(set(ids) - set(SCOPES)) == [], "classify these operations in SCOPES"
    assert sorted(set(SCOPES) - set(ids)) == [], "these classified operations no longer exist"
    # the audience a route declares (its documentation's "Who may call") is the scope called here
    declared = {op.operation_id: Scope(op.audience.value) for op in OPERATIONS}
    assert {i: s for i, s in declared.items() if s is not SCOPES[i]} == {}, (
        "the route's declared audience (app/callers.py) differs from SCOPES"
    )
    admin_ops = {i for i, scope in SCOPES.items() if scope in (Scope.admin, Scope.agency)}
    admin_ops |= {i for i, scope in SCOPES.items() if scope is Scope.province}
    assert sorted(admin_ops - set(CALLS)) == [], "give these administrators' operations a request"
    assert all(
        op.path.startswith("/api/v1/admin")
        for op in OPERATIONS
        if op.operation_id in admin_ops - ADMIN_ELSEWHERE
    )
    # every route under /api/v1/admin is an administrator's
    assert all(
        SCOPES[op.operation_id] in (Scope.admin, Scope.agency, Scope.province)
        for op in OPERATIONS
        if op.path.startswith("/api/v1/admin")
    )


@pytest.fixture
async def matrix_catalog(session_factory: async_sessionmaker[AsyncSession]) -> None:
    """The sample catalog with a tree: the communes under the province's people's committee, and
    CHILD (a receiving office) under COMMUNE, applying one procedure."""
    document = sample_catalog()
    for agency in document["agencies"]:
        if agency["code"] in (COMMUNE, OTHER_COMMUNE):
            agency["parent"] = PROVINCE_ROOT
    child = {"code": CHILD, **_agency_data(Caller.nobody), "valid_to": None, "replaced_by": None}
    document["agencies"].append(child)
    application = next(a for a in document["applications"] if a["procedure"] == "1.001193")
    document["applications"].append(application | {"agency": CHILD, "receiving_offices": [CHILD]})
    async with session_factory() as session:
        report = await catalog_import.import_catalog(session, document)
        assert report.rejected == [], report.rejected
        await session.commit()


def _url(op: Operation, call: Call, caller: Caller, world: World) -> str:
    path = op.path
    for name, value in call.path.items():
        path = path.replace("{" + name + "}", value(caller, world))
    # parameters without a request of their own (the callers' scopes refuse before reading them)
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + "X" + path[end + 1 :]
    return path


def _refused(response: Any) -> bool:
    if response.status_code == 401:
        return True
    if response.status_code != 403:
        return False
    return response.json().get("code") in AUTH_REFUSALS


async def _audit_rows(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(AdminAuditEntry)) or 0)


async def _paid_payment(session_factory: async_sessionmaker[AsyncSession]) -> str:
    """A dossier at CHILD with a succeeded payment (rows written directly: the matrix is about who
    may call, the payment's own life is tested in tests/dossiers/test_online_payments.py)."""
    async with session_factory() as session:
        procedure = await session.scalar(
            select(Procedure).where(Procedure.code == "1.001193", Procedure.is_current)
        )
        application = await session.scalar(
            select(ProcedureApplication).where(ProcedureApplication.agency_code == CHILD)
        )
        assert procedure is not None and application is not None
        now = datetime.now(UTC)
        dossier = Dossier(
            code="000.31.01.H99-261130-9999", pin="ABC123", procedure_id=procedure.id,
            application_id=application.id, rule_set=rule_set_at(now).code,
            receiving_office_code=CHILD, competent_agency_code=CHILD, channel=Channel.online,
            applicant_kind=ApplicantKind.person, applicant_name="Người nộp ma trận",
            applicant_id_kind=IdentifierKind.personal_id, applicant_id_number="001099099999",
            route=[], status=DossierStatus.submitted, current_agency_code=CHILD, submitted_at=now,
            supplement_count=0, desk_supplement_count=0, reschedule_count=0,
            calendar_days_paused=0, last_event_seq=0, overdue=False, due_soon=False,
        )  # fmt: skip
        session.add(dossier)
        await session.flush()
        payment = Payment(
            id=uuid.uuid4(), dossier_id=dossier.id, provider=PaymentProvider.vnpay,
            merchant_code="MOTCUA01", agency_code=CHILD, order_ref="MCMATRIX0001", amount=8000,
            status=PaymentStatus.succeeded, fee_line_ids=[], expires_at=now, settled_at=now,
            created_at=now,
        )  # fmt: skip
        session.add(payment)
        await session.commit()
        return str(payment.id)


@pytest.mark.usefixtures("matrix_catalog")
async def test_authorization_matrix(
    client: AsyncClient,
    app: FastAPI,
    make_officer: OfficerFactory,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    citizen_token, _ = await app.state.dev_issuer.mint("citizen-matrix", "Công Dân Ma Trận")
    officers = {
        Caller.officer: await make_officer(
            (COMMUNE, Role.receptionist), (COMMUNE, Role.specialist), (COMMUNE, Role.leader)
        ),
        Caller.outside_admin: await make_officer((OTHER_COMMUNE, Role.admin)),
        Caller.subtree_admin: await make_officer((COMMUNE, Role.admin)),
        Caller.province_admin: await make_officer((PROVINCE_ROOT, Role.admin)),
    }
    headers: dict[Caller, dict[str, str]] = {
        Caller.nobody: {},
        Caller.citizen: {"Authorization": f"Bearer {citizen_token}"},
        **{caller: officer.headers for caller, officer in officers.items()},
    }
    target = await make_officer((CHILD, Role.specialist))
    world = World(target_user=target.username, payment_id=await _paid_payment(session_factory))

    ordered = sorted(OPERATIONS, key=lambda op: op.operation_id in SELF_REVOKING)
    failures: list[str] = []
    unaudited: list[str] = []
    never_admitted: list[str] = []
    for op in ordered:
        scope = SCOPES[op.operation_id]
        call = CALLS.get(op.operation_id, Call())
        audits_admin_change = (
            op.path.startswith("/api/v1/admin") or op.operation_id in ADMIN_ELSEWHERE
        ) and op.method != "GET"
        admitted_once = False
        for caller in Caller:
            url = _url(op, call, caller, world)
            before = await _audit_rows(session_factory) if audits_admin_change else 0
            response = await client.request(
                op.method,
                url,
                params=call.params,
                json=call.json(caller, world) if call.json else None,
                headers=headers[caller],
            )
            code = response.status_code
            where = f"{op.method} {url} as {caller}: {code} {response.text[:200]}"
            if caller in ADMITTED[scope]:
                if _refused(response):
                    failures.append(f"admitted but refused: {where}")
                if code >= 500:
                    failures.append(f"server error: {where}")
                if audits_admin_change and 200 <= code < 300:
                    admitted_once = True
                    if await _audit_rows(session_factory) <= before:
                        unaudited.append(where)
            elif scope is Scope.signed:
                if code != 401 or response.json().get("code") != "portal_signature_invalid":
                    failures.append(f"expected 401 portal_signature_invalid: {where}")
            else:
                expected = 401 if caller is Caller.nobody else 403
                if code != expected or not _refused(response):
                    failures.append(f"expected {expected}: {where}")
                elif response.headers["content-type"] != "application/problem+json":
                    failures.append(f"refusal not a problem document: {where}")
        if audits_admin_change and not admitted_once:
            never_admitted.append(f"{op.method} {op.path}")
    assert failures == [], "\n".join(failures)
    # an administrative change answered 2xx wrote the admin audit log (its no-op repeats excepted:
    # a second identical state change writes nothing, so each operation counts once per caller)
    assert never_admitted == [], "no admitted caller got a 2xx: " + ", ".join(never_admitted)
    assert unaudited == [], "\n".join(unaudited)
