"""Our words → the national portal's codes and wording. The portal's wire names and codes live in this
package only; nothing outside ``services/portal`` sees them.

Sources (``reference/vn-regulations.md`` section 3, seen in real provincial systems, not an official
specification): TrangThaiHoSo 1-10 (the status table of DESIGN.md section 4); KenhThucHien 1 at the
desk, 2 online, 3 by public postal service; LoaiDoiTuong 1 citizen, 2 business, 3 state agency,
4 organisation or other; HinhThuc 0 result at the desk, 1 by post; DuocThanhToanTrucTuyen 1 paid on
the national portal, 2 through the province's gateway, 0 not paid online; LoaiPhiLePhi 1 phí,
2 lệ phí.
"""

from __future__ import annotations

from app.models.dossier import ActorKind, ApplicantKind, Channel, DossierStatus, IdentifierKind
from app.models.dossier import ResultDelivery as Delivery
from app.services.dossiers import rule_sets
from app.services.dossiers.lifecycle import PORTAL_STATUS_CODE
from app.services.portal.snapshot import OnlinePayment

# TrangThaiHoSo: the national status code of each of our statuses, defined with the lifecycle (the
# API shows it as ``status_code``).
STATUS_CODE: dict[DossierStatus, int] = PORTAL_STATUS_CODE


def status_code(status: DossierStatus, rule_set_code: str) -> int:
    """TrangThaiHoSo of ``status`` under the dossier's rule set (which codes the statuses the national
    list does not name, e.g. a refusal after appraisal)."""
    return rule_sets.rule_set(rule_set_code).status_code(status)


# KenhThucHien: a dossier forwarded by the portal was submitted online (on the portal).
CHANNEL_CODE: dict[Channel, int] = {
    Channel.desk: 1,
    Channel.online: 2,
    Channel.national_portal: 2,
    Channel.postal: 3,
}

# HinhThuc: how the result goes back to the applicant.
DELIVERY_CODE: dict[Delivery, int] = {Delivery.desk: 0, Delivery.postal: 1}

ONLINE_PAYMENT_CODE: dict[OnlinePayment, int] = {
    OnlinePayment.none: 0,
    OnlinePayment.national_platform: 1,
    OnlinePayment.provincial_gateway: 2,
}

FEE_KIND_CODE: dict[str, int] = {"charge": 1, "levy": 2}
# HinhThucThu: collected at the desk (1) or online (2).
COLLECTED_AT_DESK, COLLECTED_ONLINE = 1, 2


def subject_kind(kind: ApplicantKind, id_kind: IdentifierKind) -> int:
    """LoaiDoiTuong: a person is a citizen (1); an organisation with a tax code a business (2),
    any other organisation 4. We hold no state agencies as applicants (3)."""
    if kind is ApplicantKind.person:
        return 1
    return 2 if id_kind is IdentifierKind.tax_code else 4


# NoiDungXuLy: what happened, as the portal's progress list shows it to the citizen.
ACTION_CONTENT: dict[str, str] = {
    "submit": "Nộp hồ sơ",
    "receive": "Tiếp nhận hồ sơ",
    "reject": "Từ chối tiếp nhận hồ sơ",
    "request_supplement": "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "supplement": "Bổ sung hồ sơ",
    "assign": "Phân công xử lý",
    "forward": "Chuyển xử lý",
    "send_back": "Trả lại bước trước",
    "request_payment": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "record_payment": "Đã thực hiện nghĩa vụ tài chính",
    "reschedule": "Xin lỗi và hẹn lại ngày trả kết quả",
    "stop": "Dừng xử lý hồ sơ",
    "refuse": "Từ chối giải quyết hồ sơ (không đủ điều kiện sau thẩm định)",
    "resolve": "Kết thúc xử lý hồ sơ",
    "return_result": "Trả kết quả",
    "withdraw": "Rút hồ sơ",
    "rate": "Đánh giá mức độ hài lòng",
    "add_documents": "Bổ sung tài liệu, kết quả",
}

# ChucDanh: the capacity of the officer at the step.
ROLE_TITLE: dict[str, str] = {
    "receptionist": "Cán bộ tiếp nhận",
    "specialist": "Chuyên viên",
    "leader": "Lãnh đạo",
}

# NguoiXuLy when no officer acted.
ACTOR_FALLBACK: dict[ActorKind, str] = {
    ActorKind.officer: "Cán bộ",
    ActorKind.citizen: "Công dân",
    ActorKind.system: "Hệ thống một cửa",
    ActorKind.gateway: "Cổng thanh toán",
}
