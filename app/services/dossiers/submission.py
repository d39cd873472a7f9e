"""Submission: creating a dossier is submitting it (DESIGN.md sections 3-6).

Online by a citizen (status submitted, the citizen owns it) or at the desk by a receptionist. The desk's
outcome (receive, request_supplement, refuse) is a lifecycle action applied by ``actions.submit`` right
after; submission itself never reaches into the actions. It writes the ``submit`` event and queues its
notification in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import VIETNAM_TZ_NAME, Settings
from app.errors import Conflict, Forbidden, ProblemCode, field_error
from app.models.calendar import DurationUnit
from app.models.dossier import (
    Channel,
    DocumentKind,
    Dossier,
    DossierFeeLine,
    DossierStatus,
    IdempotencyKey,
    ResultDelivery,
)
from app.models.procedure import FeesDue
from app.models.user import Role
from app.schemas.dossiers import DeskOutcome, DossierCreate
from app.schemas.fees import FeeRule, QuantityKind
from app.services.catalog import fees
from app.services.catalog import reads as catalog_service
from app.services.dossiers import applicants, places, routing
from app.services.dossiers import codes as dossier_codes
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers.events import actor_of, record_event
from app.services.dossiers.rule_sets import rule_set_at
from app.services.identity.principals import CitizenPrincipal, OfficerPrincipal, Principal

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)


def _request_hash(data: DossierCreate) -> str:
    canonical = json.dumps(data.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotency_owner(principal: Principal) -> str:
    kind, actor = actor_of(principal)
    return f"{kind}:{actor}"


async def _replayed(
    session: AsyncSession, principal: Principal, key: str, request_hash: str
) -> Dossier | None:
    """A submission already made with this key by this caller, or None.

    A transaction-level advisory lock on (caller, key) serialises concurrent retries: the second one
    waits for the first to commit, then finds its dossier.
    """
    owner = _idempotency_owner(principal)
    await session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(owner + key, 0))))
    row = await session.get(IdempotencyKey, (owner, key))
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise Conflict(
            "Idempotency-Key này đã được dùng cho một yêu cầu khác.",
            code=ProblemCode.idempotency_key_reused,
        )
    return await session.get(Dossier, row.dossier_id)


@dataclass(frozen=True)
class Submission:
    dossier: Dossier
    replayed: bool


async def _choose_application(
    session: AsyncSession, data: DossierCreate, at: datetime
) -> catalog_service.ApplicationInForce:
    agency = data.agency_code
    if agency is None:
        candidates = await catalog_service.applications_in_force(session, data.procedure_code, at)
        if not candidates:
            raise field_error(
                "procedure_code",
                "Thủ tục không được áp dụng hoặc chưa có hiệu lực",
                code=ProblemCode.procedure_code_invalid,
            )
        if len(candidates) > 1:
            raise field_error(
                "agency_code",
                "Thủ tục được nhiều cơ quan áp dụng: cần chọn cơ quan ("
                + ", ".join(c.agency_code for c in candidates)
                + ")",
                code=ProblemCode.agency_code_invalid,
            )
        agency = candidates[0].agency_code
    found = await catalog_service.application_in_force(session, data.procedure_code, agency, at)
    if found is None:
        raise field_error(
            "agency_code",
            "Cơ quan này không áp dụng thủ tục, hoặc thủ tục chưa có hiệu lực",
            code=ProblemCode.agency_code_invalid,
        )
    return found


def _step_durations(
    found: catalog_service.ApplicationInForce, channel: Channel
) -> list[tuple[Decimal, DurationUnit]]:
    """Each step's duration for a dossier of ``channel``: the template's, or, when the channel has
    its own processing time (``reads.processing_time``), the template's shares of that time, so the
    steps still add up to the time the dossier is due in (DESIGN.md section 3)."""
    steps = found.template.steps
    own = [(step.duration_amount, DurationUnit(step.duration_unit)) for step in steps]
    amount, unit = found.processing_time_for(channel.value)
    total = sum((step_amount for step_amount, _ in own), Decimal(0))
    if not own or total == 0 or (amount, unit) == (total, own[0][1]):
        return own
    return [
        ((step_amount * amount / total).quantize(Decimal("0.001")), unit) for step_amount, _ in own
    ]


async def _route(
    session: AsyncSession,
    found: catalog_service.ApplicationInForce,
    receiving_office: str,
    competent_agency: str,
    subject_unit: str | None,
    channel: Channel,
) -> list[dict[str, Any]]:
    routed: dict[str, str] = {}
    plan: list[dict[str, Any]] = []
    durations = _step_durations(found, channel)
    for position, step in enumerate(found.template.steps):
        context = routing.RoutingContext(
            receiving_office_code=receiving_office,
            competent_agency_code=competent_agency,
            subject_unit_code=subject_unit,
            routed=routed,
        )
        agency = await routing.step_agency(session, step, context)
        routed[step.code] = agency
        plan.append(
            {
                "position": position,
                "code": step.code,
                "name": step.name,
                "agency_code": agency,
                "role": str(step.role),
                "duration_amount": str(durations[position][0]),
                "duration_unit": str(durations[position][1]),
            }
        )
    return plan


def _fee_lines(
    found: catalog_service.ApplicationInForce,
    data: DossierCreate,
    desk: bool,
    channel: Channel,
    on_date: date,
) -> list[DossierFeeLine]:
    """The dossier's fee lines, priced by the catalog's fee rules (``catalog.fees``; docs/payments.md).

    A line with a condition or a quantity is confirmed by the applicant's choice at submission
    (``fee_choices``: asked for, with its pages / copies / sets) or by the receptionist
    (``confirmed_fee_lines``); an unconfirmed conditional line is never charged (amount 0), a counted
    line without its quantity waits for the desk. An amount left to the province and not configured
    makes no line (nothing can be charged). Luật Phí và lệ phí 2015; issue 15.
    """
    choices = {choice.index: choice for choice in data.fee_choices}
    unknown = [index for index in choices if index >= len(found.fees)]
    if unknown:
        raise field_error(
            "fee_choices",
            "Thủ tục không có khoản phí số " + ", ".join(map(str, unknown)),
            code=ProblemCode.fee_quantities_invalid,
        )
    procedure_due = FeesDue(found.procedure.fees_due or FeesDue.on_submission)
    lines: list[DossierFeeLine] = []
    for index, fee in enumerate(found.fees):
        rule = FeeRule.model_validate(fee)
        choice = choices.get(index)
        quantities = choice.quantities() if choice is not None else {}
        needs = fees.needs_confirmation(rule)
        confirmed = (
            not needs
            or (choice is not None and choice.requested)
            or (desk and index in data.confirmed_fee_lines)
        )
        try:
            amount = fees.charge(
                rule,
                {QuantityKind(kind): value for kind, value in quantities.items()},
                channel,
                on_date,
                confirmed=confirmed,
            )
        except fees.FeeNotSet:  # set by the province and not configured: nothing can be charged
            continue
        except fees.MissingQuantity:  # the desk confirms the quantity later
            amount, confirmed = 0, False
        if choice is not None and not choice.requested:
            amount, confirmed = 0, False
        lines.append(
            DossierFeeLine(
                name=rule.name,
                kind=rule.kind,
                amount=amount,
                condition=rule.condition,
                requires_confirmation=needs,
                confirmed=confirmed,
                quantities=quantities,
                rule=fee,
                due=fees.due_point(rule, procedure_due).value,
            )
        )
    return lines


async def submit(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    data: DossierCreate,
    *,
    now: datetime,
    idempotency_key: str | None = None,
    channel: Channel | None = None,
) -> Submission:
    """Create (submit) a dossier; with an ``Idempotency-Key`` a retry returns the first result.

    ``channel`` names a citizen's channel other than ``online`` (a dossier the national portal
    forwarded: ``national_portal``, whose documents follow the online rules)."""
    request_hash = _request_hash(data)
    if idempotency_key is not None:
        previous = await _replayed(session, principal, idempotency_key, request_hash)
        if previous is not None:
            return Submission(previous, replayed=True)

    desk = isinstance(principal, OfficerPrincipal)
    if isinstance(principal, CitizenPrincipal):
        if channel is None:  # a forward from the national portal: the portal identified the account
            applicants.check_online_identity(principal, data)
    else:
        applicants.check_desk_submitter(data)
    found = await _choose_application(session, data, now)
    receiving_office = await places.receiving_office(
        session, found, data.receiving_office_code, now
    )
    competent_agency = await places.competent_agency(session, found.application.agency_code, now)
    if isinstance(principal, OfficerPrincipal):
        if not principal.has_role(receiving_office, Role.receptionist):
            raise Forbidden(
                "Chỉ cán bộ tiếp nhận của nơi tiếp nhận mới được tạo hồ sơ tại quầy.",
                code=ProblemCode.not_receptionist_here,
            )
        if data.outcome is None:
            raise field_error(
                "outcome",
                "Tại quầy cần chọn kết quả kiểm tra hồ sơ",
                code=ProblemCode.outcome_invalid,
            )
        if data.result_delivery is ResultDelivery.online:
            raise field_error(
                "result_delivery",
                "Kết quả điện tử chỉ trả cho hồ sơ nộp trực tuyến (tài khoản của người nộp)",
                code=ProblemCode.validation_failed,
            )
    elif data.outcome is not None or data.confirmed_fee_lines or data.channel is not None:
        raise field_error(
            "outcome",
            "Chỉ cán bộ tiếp nhận mới chọn kết quả kiểm tra hồ sơ",
            code=ProblemCode.outcome_invalid,
        )

    for code in filter(None, (data.applicant.unit_code, data.subject_unit_code)):
        await catalog_service.get_unit(session, code)  # 404 -> translated below
    subject_unit = data.subject_unit_code or data.applicant.unit_code
    if desk:
        channel = data.channel or Channel.desk
    elif channel is None:
        channel = Channel.online
    route = await _route(session, found, receiving_office, competent_agency, subject_unit, channel)
    documents = await dossier_documents.check_submission(
        session,
        principal,
        found.procedure,
        data.documents,
        desk=desk,
        now=now,
        # the desk's check found the dossier incomplete: it asks for the missing documents, or
        # refuses it (an outcome that needs no complete dossier)
        allow_missing=desk and data.outcome in (DeskOutcome.request_supplement, DeskOutcome.refuse),
    )
    authorisation = applicants.authorisation_input(data)
    if authorisation is not None:
        documents += await dossier_documents.check_additional(
            session, principal, [authorisation], desk=desk, kind=DocumentKind.submitted, now=now
        )

    applicant = data.applicant
    dossier = Dossier(
        code=await dossier_codes.next_code(session, receiving_office, now),
        pin=dossier_codes.new_pin(),
        procedure_id=found.procedure.id,
        application_id=found.application.id,
        rule_set=rule_set_at(now).code,
        receiving_office_code=receiving_office,
        competent_agency_code=competent_agency,
        channel=channel,
        applicant_kind=applicant.kind,
        applicant_name=applicant.name,
        applicant_id_kind=applicant.id_kind,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        applicant_address=applicant.address,
        applicant_unit_code=applicant.unit_code,
        subject_unit_code=subject_unit,
        owner_issuer=principal.issuer if isinstance(principal, CitizenPrincipal) else None,
        owner_subject=principal.subject if isinstance(principal, CitizenPrincipal) else None,
        owner_vneid_verified=applicants.vneid_verified(principal),
        submitter=applicants.submitter_record(data),
        route=route,
        status=DossierStatus.submitted,
        current_agency_code=receiving_office,
        submitted_at=now,
        result_delivery=data.result_delivery,
        result_address=data.result_address,
        supplement_count=0,
        desk_supplement_count=0,
        reschedule_count=0,
        calendar_days_paused=0,
        last_event_seq=0,
        overdue=False,
        due_soon=False,
    )
    session.add(dossier)
    await session.flush()
    local_day = now.astimezone(VIETNAM).date()
    for line in _fee_lines(found, data, desk, channel, local_day):
        line.dossier_id = dossier.id
        session.add(line)
    await dossier_documents.attach(session, dossier, documents, now=now)
    await record_event(
        session, settings, dossier, action="submit", from_status=None, principal=principal, at=now
    )
    if idempotency_key is not None:
        session.add(
            IdempotencyKey(
                owner=_idempotency_owner(principal),
                key=idempotency_key,
                request_hash=request_hash,
                dossier_id=dossier.id,
                created_at=now,
            )
        )
    await session.flush()
    return Submission(dossier, replayed=False)
