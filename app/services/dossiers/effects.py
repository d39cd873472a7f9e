"""What each lifecycle action does to a dossier: the clock, the steps, the fee lines, the documents.

The table in ``lifecycle`` says who may act and the next status; ``actions`` checks it and
calls the effect of the action from ``EFFECTS`` here. Each effect names the rule it implements.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import VIETNAM_TZ_NAME, Settings
from app.errors import Conflict, Forbidden, ProblemCode, field_error
from app.models.calendar import DurationUnit
from app.models.dossier import (
    Action,
    Channel,
    DocumentKind,
    Dossier,
    DossierFeeLine,
    DossierStatus,
    DossierStep,
    ResultDelivery,
)
from app.models.payment import Payment, PaymentProvider, PaymentStatus
from app.models.procedure import FeesDue
from app.models.user import Role, User, UserRole
from app.schemas.dossiers import ActionRequest
from app.services.calendar.working_time import WorkingCalendar
from app.services.dossiers import clock as dossier_clock
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers import ratings
from app.services.dossiers.access import actors_of, current_step
from app.services.dossiers.lifecycle import Actor
from app.services.dossiers.rule_sets import rule_set
from app.services.identity.principals import (
    ActingPrincipal,
    OfficerPrincipal,
    Principal,
    ServicePrincipal,
)

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)

# --- time ------------------------------------------------------------------------------------------


def _duration(step: dict[str, Any]) -> tuple[Decimal, DurationUnit]:
    return Decimal(step["duration_amount"]), DurationUnit(step["duration_unit"])


async def _start_step(
    session: AsyncSession, dossier: Dossier, position: int, calendar: WorkingCalendar, now: datetime
) -> None:
    step = dossier.route[position]
    amount, unit = _duration(step)
    dossier.current_step = position
    dossier.current_agency_code = step["agency_code"]
    dossier.assignee_id = None
    session.add(
        DossierStep(
            dossier_id=dossier.id,
            position=position,
            step_code=step["code"],
            agency_code=step["agency_code"],
            role=step["role"],
            started_at=now,
            due_at=calendar.add(now, amount, unit),
            overdue=False,
        )
    )


async def _finish_step(session: AsyncSession, dossier: Dossier, now: datetime) -> None:
    step = await dossier_clock.open_step(session, dossier)
    if step is not None:
        step.finished_at = now


def _processing_end(dossier: Dossier) -> int:
    """Position of the last processing step: trailing desk steps (returning the result) excluded."""
    last = len(dossier.route) - 1
    while last > 0:
        step = dossier.route[last]
        desk_step = (
            step["agency_code"] == dossier.receiving_office_code
            and step["role"] == Role.receptionist.value
        )
        if not desk_step:
            break
        last -= 1
    return last


# --- effects ---------------------------------------------------------------------------------------


@dataclass
class Context:
    session: AsyncSession
    settings: Settings
    principal: ActingPrincipal
    dossier: Dossier
    request: ActionRequest
    calendar: WorkingCalendar
    now: datetime
    payload: dict[str, Any]


Effect = Callable[[Context], Awaitable[None]]


def _require_note(ctx: Context, what: str) -> None:
    if not (ctx.request.note and ctx.request.note.strip()):
        raise field_error(
            "note",
            f"Cần ghi rõ lý do {what}.",
            code=ProblemCode.reason_required,
            field_code="missing",
        )


async def _receive(ctx: Context) -> None:
    """Receipt: processing starts at the first step (the clock itself: ``Clock.start``).

    A dossier submitted online whose fees are due on submission is received once they are paid, where
    the province takes payments online (merchant accounts configured). A dossier the desk records
    (handed in, by post, forwarded by the national portal) is received by the receptionist, who
    collects its fees (``record_payment``) or finds them paid with the post or on the portal."""
    if ctx.dossier.channel is Channel.online and ctx.settings.payments_online:
        await _block_unpaid(ctx, FeesDue.on_submission, "tiếp nhận hồ sơ")
    await _start_step(ctx.session, ctx.dossier, 0, ctx.calendar, ctx.now)


async def _reject(ctx: Context) -> None:
    _require_note(ctx, "từ chối tiếp nhận")


async def _request_supplement(ctx: Context) -> None:
    """A supplement request (form 02) names each document to supplement and a deadline.

    Decree 61/2018 as amended, Decree 118/2025 (reference section 1.2, [S]): the desk guides the
    applicant once, in writing, on every document to supplement or complete ("cụ thể một lần bằng
    văn bản theo mẫu"), never on documents the procedure does not list; a processing agency that
    finds the dossier incomplete sends its request to the applicant through the one-stop desk that
    received it (Decree 61/2018 art. 16), and the request says so. Once before receipt;
    during processing a second request is refused by default (the national index counts the
    dossier as late)."""
    _require_note(ctx, "yêu cầu bổ sung")
    dossier, rules = ctx.dossier, rule_set(ctx.dossier.rule_set)
    items = await dossier_documents.supplement_items(ctx.session, dossier, ctx.request.items)
    if Actor.desk not in actors_of(ctx.principal, dossier):  # the processing agency asks
        ctx.payload.update(
            requested_by=dossier.current_agency_code, through_desk=dossier.receiving_office_code
        )
    before_receipt = dossier.status is DossierStatus.submitted
    if before_receipt:
        if dossier.desk_supplement_count >= rules.max_desk_supplement_requests:
            raise Conflict(
                "Hồ sơ đã được yêu cầu bổ sung trước khi tiếp nhận.",
                code=ProblemCode.supplement_limit,
            )
        dossier.desk_supplement_count += 1
    else:
        if dossier.supplement_count >= rules.max_processing_supplement_requests:
            raise Conflict(
                "Không được yêu cầu bổ sung lần thứ hai trong quá trình giải quyết.",
                code=ProblemCode.supplement_limit,
            )
        dossier.supplement_count += 1
    amount, unit = rules.supplement_deadline
    dossier.supplement_deadline_at = ctx.calendar.add(ctx.now, amount, unit)
    ctx.payload.update(deadline=dossier.supplement_deadline_at.isoformat(), items=items)


async def _supplement(ctx: Context) -> None:
    """The applicant (online, or at the desk) supplements the documents the request named."""
    if not ctx.request.documents:
        raise field_error(
            "documents",
            "Cần nộp ít nhất một thành phần bổ sung.",
            code=ProblemCode.documents_required,
            field_code="missing",
        )
    await dossier_documents.check_requested(ctx.session, ctx.dossier, ctx.request.documents)
    checked = await dossier_documents.check_additional(
        ctx.session,
        _principal(ctx),
        ctx.request.documents,
        desk=isinstance(ctx.principal, OfficerPrincipal),
        kind=DocumentKind.supplement,
        now=ctx.now,
    )
    await dossier_documents.attach(ctx.session, ctx.dossier, checked, now=ctx.now)


async def _assign(ctx: Context) -> None:
    username = (ctx.request.assignee or "").strip().lower()
    step = current_step(ctx.dossier)
    assert step is not None
    user_id = await ctx.session.scalar(
        select(User.id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            User.username == username,
            User.active.is_(True),
            UserRole.agency_code == step["agency_code"],
            UserRole.role == Role(step["role"]),
        )
    )
    if user_id is None:
        raise field_error(
            "assignee",
            "Người được phân công không có vai trò của bước hiện tại tại cơ quan này.",
            code=ProblemCode.invalid_assignee,
        )
    ctx.dossier.assignee_id = user_id
    open_step = await dossier_clock.open_step(ctx.session, ctx.dossier)
    if open_step is not None:
        open_step.assignee_id = user_id
    ctx.payload.update(assignee=username)


async def _forward(ctx: Context) -> None:
    dossier = ctx.dossier
    current = dossier.current_step if dossier.current_step is not None else 0
    if current >= _processing_end(dossier):
        raise Conflict(
            "Đây là bước xử lý cuối: dùng thao tác resolve để kết thúc xử lý.",
            code=ProblemCode.last_step,
            extra={"allowed_actions": [Action.resolve.value]},
        )
    await _finish_step(ctx.session, dossier, ctx.now)
    await _start_step(ctx.session, dossier, current + 1, ctx.calendar, ctx.now)
    ctx.payload.update(to_step=dossier.route[current + 1]["code"])


async def _send_back(ctx: Context) -> None:
    dossier = ctx.dossier
    positions = {step["code"]: step["position"] for step in dossier.route}
    target = positions.get(ctx.request.to_step or "")
    current = dossier.current_step or 0
    if target is None or target >= current:
        raise field_error(
            "to_step", "Chỉ trả về một bước trước bước hiện tại.", code=ProblemCode.invalid_step
        )
    _require_note(ctx, "trả lại bước trước")
    await _finish_step(ctx.session, dossier, ctx.now)
    await _start_step(ctx.session, dossier, target, ctx.calendar, ctx.now)
    ctx.payload.update(to_step=ctx.request.to_step)


# built once (their SQL cache keys too), every value bound
_CHARGED_UNPAID = (
    DossierFeeLine.confirmed.is_(True),  # an unconfirmed conditional line is never charged
    DossierFeeLine.paid_at.is_(None),
    DossierFeeLine.amount > 0,
)
_UNPAID = (DossierFeeLine.dossier_id == bindparam("dossier_id"), *_CHARGED_UNPAID)
_UNPAID_LINES = select(DossierFeeLine).where(*_UNPAID).order_by(DossierFeeLine.id)
_UNPAID_LINES_DUE = (
    select(DossierFeeLine)
    .where(*_UNPAID, DossierFeeLine.due == bindparam("due"))
    .order_by(DossierFeeLine.id)
)


def _paying(*where: Any) -> Any:
    """The unpaid lines (``_UNPAID``, and ``where``) marked paid by one UPDATE, returned as entities
    (the session's own refreshed): no read first, no flush after. An UPDATE reserves its columns'
    names for the values set, so the dossier is bound as ``w_dossier_id``."""
    return (
        update(DossierFeeLine)
        .where(DossierFeeLine.dossier_id == bindparam("w_dossier_id"), *_CHARGED_UNPAID, *where)
        .values(paid_at=bindparam("w_paid_at"), receipt_number=bindparam("w_receipt_number"))
        .returning(DossierFeeLine)
        .execution_options(synchronize_session=False, populate_existing=True)
    )


_PAY_LINES = _paying()
_PAY_LINES_DUE = _paying(DossierFeeLine.due == bindparam("w_due"))


async def unpaid_lines(
    session: AsyncSession, dossier: Dossier, due: FeesDue | None = None
) -> list[DossierFeeLine]:
    """The confirmed, unpaid lines of a dossier (those due at ``due`` when given); an unconfirmed
    conditional line is never charged (issue 15)."""
    if due is None:
        return list(await session.scalars(_UNPAID_LINES, {"dossier_id": dossier.id}))
    params = {"dossier_id": dossier.id, "due": due.value}
    return list(await session.scalars(_UNPAID_LINES_DUE, params))


def payable_point(status: DossierStatus) -> FeesDue | None:
    """Which lines a payment in ``status`` pays: before receipt only those due on submission; once
    waiting for payment or resolved, every confirmed line still unpaid (None)."""
    return FeesDue.on_submission if status is DossierStatus.submitted else None


async def _unpaid_lines(ctx: Context) -> list[DossierFeeLine]:
    return await unpaid_lines(ctx.session, ctx.dossier, payable_point(ctx.dossier.status))


async def _block_unpaid(ctx: Context, due: FeesDue, point: str) -> None:
    """A dossier whose fees are due and unpaid cannot pass that point (issue 15)."""
    lines = await unpaid_lines(ctx.session, ctx.dossier, due)
    if lines:
        amount = f"{sum(line.amount for line in lines):,}".replace(",", ".")  # 150.000
        raise Conflict(
            f"Hồ sơ còn {amount} đồng phí, lệ phí phải nộp trước khi {point}.",
            code=ProblemCode.fees_unpaid,
            extra={"amount_due": sum(line.amount for line in lines)},
        )


async def _request_payment(ctx: Context) -> None:
    lines = await _unpaid_lines(ctx)
    if not lines:
        raise Conflict(
            "Hồ sơ không có khoản phí, lệ phí nào phải nộp.", code=ProblemCode.nothing_due
        )
    ctx.payload.update(amount=sum(line.amount for line in lines))


async def record_payment_lines(ctx: Context, receipt_number: str, provider: str) -> None:
    """Mark the lines due as paid (a dossier waiting for payment resumes: ``Clock.resume``); a
    gateway's confirmation passes through the same action as the ``gateway`` actor. Before receipt
    or after resolution there must be something due at that point."""
    due = payable_point(ctx.dossier.status)
    params: dict[str, Any] = {
        "w_dossier_id": ctx.dossier.id,
        "w_paid_at": ctx.now,
        "w_receipt_number": receipt_number,
    }
    if due is not None:
        params["w_due"] = due.value
    paid = await ctx.session.scalars(_PAY_LINES if due is None else _PAY_LINES_DUE, params)
    lines = sorted(paid, key=lambda line: line.id)
    if not lines and ctx.dossier.status is not DossierStatus.awaiting_payment:
        raise Conflict(  # nothing was changed
            "Hồ sơ không có khoản phí, lệ phí nào phải nộp lúc này.", code=ProblemCode.nothing_due
        )
    ctx.payload.update(
        amount=sum(line.amount for line in lines),
        receipt_number=receipt_number,
        provider=provider,
        fee_line_ids=[line.id for line in lines],
    )


async def _record_payment(ctx: Context) -> None:
    receipt = (ctx.request.receipt_number or "").strip()
    if not receipt:
        raise field_error(
            "receipt_number",
            "Cần số biên lai thu tiền mặt.",
            code=ProblemCode.receipt_number_required,
            field_code="missing",
        )
    if isinstance(ctx.principal, ServicePrincipal):  # a gateway: its payment row is the payments'
        await record_payment_lines(ctx, receipt, ctx.principal.name)
        return
    await record_payment_lines(ctx, receipt, PaymentProvider.cash.value)
    # cash at the desk is a payment too (the payments list, the settlement report)
    ctx.session.add(
        Payment(
            dossier_id=ctx.dossier.id,
            provider=PaymentProvider.cash,
            merchant_code=PaymentProvider.cash.value,
            agency_code=ctx.dossier.receiving_office_code,
            order_ref="CASH" + uuid.uuid4().hex[:28].upper(),
            amount=ctx.payload["amount"],
            status=PaymentStatus.succeeded,
            fee_line_ids=ctx.payload["fee_line_ids"],
            receipt_number=receipt,
            expires_at=ctx.now,
            settled_at=ctx.now,
        )
    )


async def _reschedule(ctx: Context) -> None:
    """Apology and new appointment (form 04; Decree 61/2018 art. 19 as amended, Decree 118/2025):
    once, with a reason; sets ``promised_due_at`` while ``due_at`` stays (on time is still judged
    against ``due_at``). How long before ``due_at`` it must come, and whether an office already late
    may still apologise (recorded as late), is the rule set's; the new appointment is bounded."""
    dossier, rules = ctx.dossier, rule_set(ctx.dossier.rule_set)
    _require_note(ctx, "xin lỗi và hẹn lại ngày trả")
    if dossier.reschedule_count >= rules.max_reschedules:
        raise Conflict("Hồ sơ đã được hẹn lại ngày trả một lần.", code=ProblemCode.reschedule_limit)
    if dossier.due_at is None:
        raise Conflict("Hồ sơ chưa có ngày hẹn trả.", code=ProblemCode.no_due_date)
    late = ctx.now > dossier.due_at
    if late and not rules.late_apology:
        raise Conflict(
            "Đã quá ngày hẹn trả: không còn được xin lỗi và hẹn lại theo quy định áp dụng cho hồ sơ.",
            code=ProblemCode.reschedule_too_late,
        )
    if rules.reschedule_notice is not None and not late:
        notice_amount, notice_unit = rules.reschedule_notice
        if ctx.calendar.add(ctx.now, notice_amount, notice_unit) > dossier.due_at:
            raise Conflict(
                f"Phải xin lỗi và hẹn lại chậm nhất {notice_amount} {notice_unit.label_vi} "
                "trước ngày hẹn trả.",
                code=ProblemCode.reschedule_too_late,
            )
    promised = ctx.request.promised_due_at
    if (
        promised is None
        or promised.tzinfo is None
        or promised <= dossier.due_at
        or promised <= ctx.now
    ):
        raise field_error(
            "promised_due_at",
            "Ngày hẹn mới phải sau ngày hẹn trả hiện tại và sau thời điểm hiện tại.",
            code=ProblemCode.invalid_promised_due_at,
        )
    delay_amount, delay_unit = rules.reschedule_max_delay
    latest_promise = ctx.calendar.add(dossier.due_at, delay_amount, delay_unit)
    if promised > latest_promise:
        raise field_error(
            "promised_due_at",
            f"Ngày hẹn mới không được muộn hơn {delay_amount} {delay_unit.label_vi} sau ngày hẹn trả "
            f"(chậm nhất {latest_promise.astimezone(VIETNAM).strftime('%d/%m/%Y %H:%M')}).",
            code=ProblemCode.invalid_promised_due_at,
        )
    dossier.promised_due_at = promised
    dossier.reschedule_count += 1
    ctx.payload.update(promised_due_at=promised.isoformat(), late=late)


async def _stop(ctx: Context) -> None:
    _require_note(ctx, "dừng xử lý")
    await _finish_step(ctx.session, ctx.dossier, ctx.now)


async def _refuse(ctx: Context) -> None:
    """Refusal after appraisal (DESIGN.md section 4; Decree 61/2018 art. 16 as amended, Decree
    118/2025): the processing agency states why the dossier does not meet the conditions; the refusal
    goes to the applicant through the one-stop desk that received the dossier, which now holds it."""
    _require_note(ctx, "từ chối giải quyết")
    dossier = ctx.dossier
    refused_by = dossier.current_agency_code
    await _finish_step(ctx.session, dossier, ctx.now)
    dossier.current_step = None
    dossier.current_agency_code = dossier.receiving_office_code
    ctx.payload.update(refused_by=refused_by, through_desk=dossier.receiving_office_code)


async def _resolve(ctx: Context) -> None:
    dossier = ctx.dossier
    current = dossier.current_step or 0
    end = _processing_end(dossier)
    if current != end:
        raise Conflict(
            "Hồ sơ chưa đến bước xử lý cuối: dùng thao tác forward.",
            code=ProblemCode.not_last_step,
            extra={"allowed_actions": [Action.forward.value]},
        )
    await _finish_step(ctx.session, dossier, ctx.now)
    if end + 1 < len(dossier.route):  # the result returns to the receiving office's desk
        await _start_step(ctx.session, dossier, end + 1, ctx.calendar, ctx.now)
    else:
        dossier.current_step = None
        dossier.current_agency_code = dossier.receiving_office_code


async def _return_result(ctx: Context) -> None:
    """Returning the result, the way the applicant chose (DESIGN.md section 3, result delivery):

    * online: the owner downloads the electronic result (Decree 42/2022 art. 11: a full-online
      service returns its result online; the electronic result has the paper's legal value);
    * by post: the desk hands the result to the post and records its consignment number (Decision
      45/2016/QĐ-TTg on the public postal service); the delivery is recorded later;
    * at a desk: the receiving desk, or any one-stop desk of the province given the dossier's code
      and PIN (Decree 118/2025: results returned regardless of address within the province).

    The result is handed over once the fees due on return are paid (issue 15).
    """
    await _block_unpaid(ctx, FeesDue.on_return, "trả kết quả")
    dossier, mine = ctx.dossier, actors_of(ctx.principal, ctx.dossier)
    if Actor.owner in mine:
        if dossier.result_delivery is not ResultDelivery.online:
            raise Forbidden(
                "Kết quả của hồ sơ này không trả trực tuyến.", code=ProblemCode.result_not_online
            )
        if not await dossier_documents.has_result(ctx.session, dossier):
            raise Conflict(
                "Hồ sơ chưa có tệp kết quả điện tử.", code=ProblemCode.no_result_document
            )
        ctx.payload.update(delivery=ResultDelivery.online.value)
    elif dossier.result_delivery is ResultDelivery.postal:
        number = (ctx.request.consignment_number or "").strip()
        if not number:
            raise field_error(
                "consignment_number",
                "Trả kết quả qua bưu chính cần số hiệu bưu gửi",
                code=ProblemCode.consignment_number_required,
                field_code="missing",
            )
        dossier.result_consignment_number = number
        dossier.result_office_code = dossier.receiving_office_code
        ctx.payload.update(delivery=ResultDelivery.postal.value, consignment_number=number)
    else:
        office = _returning_desk(ctx.principal, dossier, mine)
        dossier.result_office_code = office
        ctx.payload.update(delivery=dossier.result_delivery.value, office=office)
    await _finish_step(ctx.session, dossier, ctx.now)
    dossier.returned_at = ctx.now


def _returning_desk(principal: ActingPrincipal, dossier: Dossier, mine: set[Actor]) -> str:
    """The desk handing the result over: the receiving office, else the caller's own desk."""
    if Actor.desk in mine or not isinstance(principal, OfficerPrincipal):
        return dossier.receiving_office_code
    return sorted(principal.agencies_with(Role.receptionist))[0]


async def _record_delivery(ctx: Context) -> None:
    """The post delivered a result sent by post: once, for a postal return."""
    dossier = ctx.dossier
    if dossier.result_delivery is not ResultDelivery.postal or dossier.result_delivered_at:
        raise Conflict(
            "Chỉ ghi nhận phát bưu gửi một lần, cho kết quả trả qua bưu chính.",
            code=ProblemCode.action_not_allowed,
            extra={"allowed_actions": [], "dossier_status": dossier.status.value},
        )
    dossier.result_delivered_at = ctx.now
    ctx.payload.update(consignment_number=dossier.result_consignment_number)


async def _withdraw(ctx: Context) -> None:
    await _finish_step(ctx.session, ctx.dossier, ctx.now)


async def _rate(ctx: Context) -> None:
    if ctx.request.rating is None:
        raise field_error(
            "rating",
            "Cần chọn mức đánh giá từ 1 đến 5.",
            code=ProblemCode.rating_required,
            field_code="missing",
        )
    if ctx.dossier.rating is not None:
        raise Conflict("Hồ sơ đã được đánh giá.", code=ProblemCode.already_rated)
    # the five levels of the national portal's satisfaction survey; the index reads the bottom two
    # as "dislike" (Decision 766/QĐ-TTg, indicator 5.4: ratings.RATING_SCALE)
    level = ratings.RATING_SCALE[ctx.request.rating]
    device = Actor.device in actors_of(ctx.principal, ctx.dossier)
    ctx.dossier.rating = ctx.request.rating
    ctx.dossier.rating_comment = ctx.request.note
    ctx.dossier.rating_channel = "device" if device else "online"
    ctx.payload.update(
        rating=ctx.request.rating,
        level=level.code,
        dislike=level.dislike,
        channel=ctx.dossier.rating_channel,
    )


EFFECTS: dict[Action, Effect] = {
    Action.receive: _receive,
    Action.reject: _reject,
    Action.request_supplement: _request_supplement,
    Action.supplement: _supplement,
    Action.assign: _assign,
    Action.forward: _forward,
    Action.send_back: _send_back,
    Action.request_payment: _request_payment,
    Action.record_payment: _record_payment,
    Action.reschedule: _reschedule,
    Action.stop: _stop,
    Action.resolve: _resolve,
    Action.return_result: _return_result,
    Action.withdraw: _withdraw,
    Action.rate: _rate,
    Action.refuse: _refuse,
    Action.record_delivery: _record_delivery,
}


def _principal(ctx: Context) -> Principal:
    """The caller behind an action only callers take (the table gives them no service actor)."""
    assert not isinstance(ctx.principal, ServicePrincipal)
    return ctx.principal
