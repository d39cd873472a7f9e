"""How the official forms write dates, times, durations and titles in Vietnamese (Circular
01/2018/TT-VPCP templates): pure functions, no I/O.

The templates write the place and date as "Hà Nội, ngày 01 tháng 12 năm 2026" and the appointment as
"Vào hồi 07 giờ 30 phút, ngày 02/12/2026"; every instant is Vietnam's local time (DESIGN.md section 5).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.models.calendar import DurationUnit
from app.models.dossier import ResultDelivery
from app.models.user import Role
from app.schemas.common import to_local

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"

# How a signature block names an officer's function, from the role they acted in [U: the templates
# leave the title to the agency; these are the usual ones of provincial systems].
ROLE_TITLE_VI: dict[Role, str] = {
    Role.receptionist: "Công chức tiếp nhận hồ sơ",
    Role.specialist: "Chuyên viên",
    Role.leader: "Lãnh đạo cơ quan",
    Role.admin: "Quản trị hệ thống",
}


def date_in_words(instant: datetime) -> str:
    """``ngày 01 tháng 12 năm 2026`` (the local date of ``instant``)."""
    local = to_local(instant)
    return f"ngày {local:%d} tháng {local:%m} năm {local:%Y}"


def time_in_words(instant: datetime) -> str:
    """``07 giờ 30 phút, ngày 02/12/2026`` (local time)."""
    local = to_local(instant)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def place_and_date(place: str, instant: datetime) -> str:
    """``Xã Mẫu Sơn, ngày 01 tháng 12 năm 2026``: the line under the national heading."""
    return f"{place}, {date_in_words(instant)}"


def amount_text(amount: Decimal) -> str:
    """A duration's amount as Vietnamese writes numbers: ``1``, ``0,5`` (decimal comma)."""
    normal = amount.normalize()
    text = f"{normal:f}"
    return text.replace(".", ",")


def duration_text(amount: Decimal, unit: DurationUnit) -> str:
    """``15 ngày làm việc``, ``4 giờ làm việc``, ``30 ngày``."""
    return f"{amount_text(amount)} {unit.label_vi}"


def result_collection_text(
    delivery: ResultDelivery, office_name: str, result_address: str | None
) -> str:
    """Where the applicant collects the result (the receipt's "nhận kết quả tại")."""
    if delivery is ResultDelivery.postal:
        address = f": {result_address}" if result_address else ""
        return f"Qua dịch vụ bưu chính công ích{address}"
    return f"Bộ phận Một cửa — {office_name}"


def timing_verdict(finished_at: datetime | None, due_at: datetime | None) -> str | None:
    """A hand-over of the control sheet against its due time: ``before`` (a day or more early:
    finished on an earlier local date), ``on`` (on the due date, not after the due time), ``after``
    (past the due time); None while unfinished or without a due time."""
    if finished_at is None or due_at is None:
        return None
    if finished_at > due_at:
        return "after"
    if to_local(finished_at).date() < to_local(due_at).date():
        return "before"
    return "on"


VERDICT_VI = {"before": "Trước hạn", "on": "Đúng hạn", "after": "Quá hạn"}
