"""Lifecycle actions on a dossier, driven by the table in ``lifecycle`` (DESIGN.md section 4).

Every action: checks the dossier is visible (404), the action is allowed in its status (409 naming the
allowed ones), the caller is one of the rule's actors relative to the current step (403), applies the
action's effect, writes one event, queues the notification, and updates the dossier under its
``version`` (a concurrent change is a 409, never a lost update) — all in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from app.config import Settings
from app.errors import Conflict, Forbidden, PreconditionFailed, ProblemCode, field_error
from app.models.dossier import (
    Action,
    DocumentKind,
    Dossier,
    DossierDocument,
    DossierStatus,
    ResultDelivery,
)
from app.models.procedure import Procedure
from app.models.user import Role
from app.schemas.dossiers import ActionRequest, DeskOutcome, DossierCreate
from app.services.calendar.overrides import load_calendar
from app.services.dossiers import clock as dossier_clock
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers import pin_guard, submission
from app.services.dossiers.access import actors_of, get_visible
from app.services.dossiers.effects import EFFECTS, Context
from app.services.dossiers.events import record_event
from app.services.dossiers.lifecycle import (
    FINAL_STATUSES,
    Actor,
    Clock,
    Rule,
    actions_in,
    next_status,
    rule_for,
)
from app.services.identity.principals import (
    RATING_DEVICE,
    ActingPrincipal,
    CitizenPrincipal,
    OfficerPrincipal,
    Principal,
    ServicePrincipal,
)

# --- the one entry point ---------------------------------------------------------------------------


def check_allowed(action: Action, dossier: Dossier, principal: ActingPrincipal) -> Rule:
    rule = rule_for(action, dossier.status)
    if rule is None:
        allowed = [a.value for a in actions_in(dossier.status)]
        raise Conflict(
            f"Không thể thực hiện '{action.value}' khi hồ sơ ở trạng thái '{dossier.status.value}'.",
            code=ProblemCode.action_not_allowed,
            extra={"allowed_actions": allowed, "dossier_status": dossier.status.value},
        )
    if not (rule.actors & actors_of(principal, dossier)):
        raise Forbidden(
            "Bạn không có quyền thực hiện thao tác này ở bước hiện tại của hồ sơ.",
            code=ProblemCode.not_allowed_at_step,
        )
    return rule


async def _apply(
    session: AsyncSession,
    settings: Settings,
    principal: ActingPrincipal,
    dossier: Dossier,
    action: Action,
    request: ActionRequest,
    now: datetime,
) -> Dossier:
    rule = check_allowed(action, dossier, principal)
    calendar = await load_calendar(session, settings)
    ctx = Context(session, settings, principal, dossier, request, calendar, now, {})
    from_status = dossier.status
    resume_to = dossier.resume_status
    await EFFECTS[action](ctx)
    # the clock as the table says, whoever acts (officer, citizen, system, gateway)
    ctx.payload.update(await dossier_clock.apply(rule.clock, session, dossier, calendar, now))
    dossier.status = next_status(rule, from_status, resume_to)
    if rule.clock is Clock.resume or dossier.status in FINAL_STATUSES:
        dossier.resume_status = None
        dossier.resume_step = None
        dossier.paused_at = None
    if dossier.status is DossierStatus.in_progress and dossier.current_step is None:
        dossier.current_step = 0
    await record_event(
        session,
        settings,
        dossier,
        action=action.value,
        from_status=from_status,
        principal=principal,
        at=now,
        note=request.note,
        payload=ctx.payload,
    )
    return dossier


async def perform(
    session: AsyncSession,
    settings: Settings,
    principal: ActingPrincipal,
    code: str,
    action: Action,
    request: ActionRequest,
    *,
    now: datetime,
    if_match: int | None = None,
    client: str = "internal",
    locked: Dossier | None = None,
) -> Dossier:
    """Apply ``action`` to the dossier ``code`` as ``principal`` (a caller, the system, a gateway).

    A receptionist of any desk of the province returns a result received elsewhere with the code and
    PIN of its receipt (``request.pin``, the lookup's throttle per ``client``; Decree 118/2025).

    ``version`` (body) or ``If-Match`` pin the version the caller read: a mismatch is 409 (412 with
    If-Match). Two concurrent actions race on the row's version; the loser gets 409 and writes nothing.

    A service that already holds the dossier's row locked (a gateway's payment) passes it as
    ``locked``: it is not read again.
    """
    dossier: Dossier | None
    if isinstance(principal, ServicePrincipal) and locked is not None and locked.code == code:
        dossier = locked
    elif isinstance(principal, ServicePrincipal):  # acts on any dossier, as the table allows
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
    elif request.pin is not None and _any_desk_return(principal, action):
        # another desk of the province hands over the result: the code and PIN of the receipt
        await pin_guard.check_dossier_pin(session, settings, code, request.pin, client)
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
    else:
        dossier = await get_visible(session, principal, code)
    assert dossier is not None
    if if_match is not None and if_match != dossier.version:
        raise PreconditionFailed(
            "Hồ sơ đã thay đổi so với phiên bản bạn đã đọc.", code=ProblemCode.version_mismatch
        )
    if request.version is not None and request.version != dossier.version:
        raise Conflict(
            "Hồ sơ đã được người khác cập nhật; vui lòng tải lại.",
            code=ProblemCode.version_conflict,
            extra={"current_version": dossier.version},
        )
    try:
        await _apply(session, settings, principal, dossier, action, request, now)
        await session.flush()
    except (StaleDataError, IntegrityError) as exc:
        # another officer changed the dossier between our read and our write: nothing of ours stays
        if isinstance(exc, IntegrityError) and "uq_dossier_events_dossier_seq" not in str(exc.orig):
            raise
        raise Conflict(
            "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại.",
            code=ProblemCode.version_conflict,
        ) from exc
    return dossier


def _any_desk_return(principal: ActingPrincipal, action: Action) -> bool:
    return (
        action is Action.return_result
        and isinstance(principal, OfficerPrincipal)
        and bool(principal.agencies_with(Role.receptionist))
    )


async def rate_on_device(
    session: AsyncSession,
    settings: Settings,
    code: str,
    pin: str,
    request: ActionRequest,
    *,
    client: str,
    now: datetime,
) -> Dossier:
    """A desk rating device (kiosk, tablet) rates a dossier with its code and PIN: desk dossiers
    are rated too (Decision 766/QĐ-TTg indicator 5.4). Wrong PINs count against the lookup's
    throttle (``pin_guard``); the rating itself is the lifecycle's ``rate`` by the ``device`` actor."""
    await pin_guard.check_dossier_pin(session, settings, code, pin, client)
    return await perform(session, settings, RATING_DEVICE, code, Action.rate, request, now=now)


async def submit(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    data: DossierCreate,
    *,
    now: datetime,
    idempotency_key: str | None = None,
) -> submission.Submission:
    """Submit a dossier (``submission.submit``); at the desk, then apply the check's outcome.

    A replayed submission (same ``Idempotency-Key``) returns the first dossier and applies nothing.
    """
    result = await submission.submit(
        session, settings, principal, data, now=now, idempotency_key=idempotency_key
    )
    if not result.replayed and isinstance(principal, OfficerPrincipal) and data.outcome is not None:
        await apply_desk_outcome(session, settings, principal, result.dossier, data, now=now)
        await session.flush()
    return result


async def apply_desk_outcome(
    session: AsyncSession,
    settings: Settings,
    principal: OfficerPrincipal,
    dossier: Dossier,
    data: DossierCreate,
    *,
    now: datetime,
) -> None:
    """At the desk, creation carries the check's outcome: receive, request_supplement or refuse.

    A supplement request at creation names the documents to supplement: those the receptionist
    lists, else the mandatory documents the dossier lacks (the usual reason for that outcome).
    """
    action = {
        DeskOutcome.receive: Action.receive,
        DeskOutcome.request_supplement: Action.request_supplement,
        DeskOutcome.refuse: Action.reject,
    }[data.outcome or DeskOutcome.receive]
    items = list(data.supplement_items)
    if action is Action.request_supplement and not items:
        procedure = await session.get(Procedure, dossier.procedure_id)
        assert procedure is not None
        items = dossier_documents.missing_as_items(procedure, dossier.channel, data.documents)
    await session.flush()
    request = ActionRequest(note=data.note, items=items)
    await _apply(session, settings, principal, dossier, action, request, now)


async def add_documents(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    code: str,
    request: ActionRequest,
    *,
    now: datetime,
) -> Dossier:
    """Attach result documents (kết quả) to a dossier being processed or resolved.

    Officers at the current step or at the receiving office's desk attach them; applicants add files
    only through the ``supplement`` action. One event records the attachment.
    """
    dossier = await get_visible(session, principal, code)
    if dossier.status not in (DossierStatus.in_progress, DossierStatus.resolved):
        raise Conflict(
            "Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã có kết quả.",
            code=ProblemCode.documents_not_allowed,
            extra={"dossier_status": dossier.status.value},
        )
    if not ({Actor.step, Actor.desk, Actor.step_leader} & actors_of(principal, dossier)):
        raise Forbidden(
            "Bạn không xử lý hồ sơ ở bước hiện tại.", code=ProblemCode.not_allowed_at_step
        )
    if not request.documents:
        raise field_error(
            "documents",
            "Cần ít nhất một tệp kết quả.",
            code=ProblemCode.documents_required,
            field_code="missing",
        )
    checked = await dossier_documents.check_additional(
        session, principal, request.documents, desk=True, kind=DocumentKind.result, now=now
    )
    await dossier_documents.attach(session, dossier, checked, now=now)
    await record_event(
        session,
        settings,
        dossier,
        action="add_documents",
        from_status=dossier.status,
        principal=principal,
        at=now,
        note=request.note,
        payload={"documents": [doc.requirement_code for doc in checked]},
    )
    try:
        await session.flush()
    except StaleDataError as exc:
        raise Conflict(
            "Hồ sơ vừa được người khác cập nhật.", code=ProblemCode.version_conflict
        ) from exc
    return dossier


async def download_result(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    code: str,
    *,
    now: datetime,
) -> DossierDocument:
    """The dossier's electronic result for its owner (or an officer handling it).

    Decree 42/2022 art. 11: a result returned online is the electronic result the applicant
    receives in their account; the owner's first download of a resolved dossier whose result goes
    back online is its return (``return_result`` by the owner, which ends processing if resolving
    did not).
    """
    dossier = await get_visible(session, principal, code)
    document = await dossier_documents.latest_result(session, dossier)
    if document is None or dossier.status not in (DossierStatus.resolved, DossierStatus.returned):
        raise Conflict("Hồ sơ chưa có tệp kết quả điện tử.", code=ProblemCode.no_result_document)
    online = dossier.result_delivery is ResultDelivery.online
    if isinstance(principal, CitizenPrincipal):
        if not online:
            raise Forbidden(
                "Kết quả của hồ sơ này không trả trực tuyến.", code=ProblemCode.result_not_online
            )
        if dossier.status is DossierStatus.resolved:
            await perform(
                session, settings, principal, code, Action.return_result, ActionRequest(), now=now
            )
    return document
