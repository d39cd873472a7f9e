"""What a notification says: the wording a citizen receives, built from the dossier's state at send time.

A ``dossier`` reference (``{"ref": {"kind": "dossier", "code": ...}}``, queued by the dossier's event
writer) resolves here into the notification: the status in Vietnamese, the dates in Vietnam time, the
text of the SMS / Zalo ZNS message, and the recipient (for the province's gateway only; the log channel
never prints it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.models.catalog import Agency
from app.models.dossier import Dossier, DossierStatus
from app.models.procedure import Procedure
from app.services.dossiers.lifecycle import STATUS_LABEL_VI
from app.services.system.registry import UnresolvableReference, WorkerContext

LOCAL_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


def _local(instant: datetime | None) -> str | None:
    return instant.astimezone(LOCAL_TIME).isoformat() if instant else None


def notification_text(code: str, procedure: str, status: DossierStatus, due: str | None) -> str:
    text = f"Hồ sơ {code} ({procedure}): {STATUS_LABEL_VI[status]}."
    if status is DossierStatus.received and due:
        text += f" Ngày hẹn trả kết quả: {due[:10]}."
    if status is DossierStatus.supplement_requested:
        text += " Vui lòng bổ sung hồ sơ trước hạn."
    if status is DossierStatus.resolved:
        text += " Kết quả đã sẵn sàng để nhận."
    return text


async def resolve_dossier(ref: dict[str, Any], ctx: WorkerContext) -> dict[str, Any]:
    """``{"kind": "dossier", "code": ...}`` -> the notification for the dossier's current state."""
    code = str(ref.get("code") or "")
    async with ctx.session_factory() as session:
        row = (
            await session.execute(
                select(Dossier, Procedure.name, Agency.name)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .join(Agency, Agency.code == Dossier.receiving_office_code)
                .where(Dossier.code == code)
            )
        ).first()
    if row is None:
        raise UnresolvableReference(f"dossier {code} does not exist")
    dossier, procedure_name, office_name = row
    due = _local(dossier.promised_due_at or dossier.due_at)
    return {
        "kind": "dossier",
        "code": dossier.code,
        "status": dossier.status.value,
        "status_label": STATUS_LABEL_VI[dossier.status],
        "procedure_name": procedure_name,
        "receiving_office": office_name,
        "due_at": due,
        "supplement_deadline_at": _local(dossier.supplement_deadline_at),
        # for the province's SMS / Zalo ZNS gateway; the log channel never prints these
        "recipient": {
            "name": dossier.applicant_name,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
        },
        "text": notification_text(dossier.code, procedure_name, dossier.status, due),
    }
