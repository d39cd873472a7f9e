"""Dossier requests and responses."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.models.base import INTEGER_MAX
from app.models.dossier import (
    Action,
    ApplicantKind,
    Channel,
    DossierStatus,
    IdentifierKind,
    ResultDelivery,
    SubmitterRelationship,
)
from app.schemas.common import LocalDateTime

# Applicant data checks (identifier, phone, e-mail): each returns the canonical form or raises
# ValueError with a Vietnamese message meant for the caller.
_PATTERNS: dict[IdentifierKind, re.Pattern[str]] = {
    IdentifierKind.personal_id: re.compile(r"^\d{12}$"),
    # Vietnamese passports are a letter and 7 digits; foreign ones vary, so 6-20 letters and digits.
    IdentifierKind.passport: re.compile(r"^[A-Z0-9]{6,20}$"),
    IdentifierKind.tax_code: re.compile(r"^\d{10}(?:-\d{3})?$"),
}

_MESSAGES: dict[IdentifierKind, str] = {
    IdentifierKind.personal_id: "Số định danh cá nhân phải gồm đúng 12 chữ số",
    IdentifierKind.passport: "Số hộ chiếu phải gồm 6-20 chữ cái in hoa hoặc chữ số",
    IdentifierKind.tax_code: "Mã số thuế phải gồm 10 chữ số, hoặc dạng 0123456789-001 đối với chi nhánh",
}

# Mobile: 0 + 3/5/7/8/9 + 8 digits; landline: 02 + 9 digits. +84 / 84 may replace the leading 0.
_PHONE = re.compile(r"^(?:\+?84|0)((?:[35789]\d{8})|(?:2\d{9}))$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def normalise_identifier(kind: IdentifierKind, value: str) -> str:
    """The canonical form, or ValueError with a Vietnamese message for the caller."""
    cleaned = re.sub(r"\s+", "", value).upper()
    if not _PATTERNS[kind].match(cleaned):
        raise ValueError(_MESSAGES[kind])
    return cleaned


def normalise_phone(value: str) -> str:
    """``0912345678`` form of a Vietnamese phone number, or ValueError."""
    cleaned = re.sub(r"[\s.()-]+", "", value)
    match = _PHONE.match(cleaned)
    if not match:
        raise ValueError("Số điện thoại không hợp lệ (ví dụ 0912345678)")
    return "0" + match.group(1)


def normalise_email(value: str) -> str:
    cleaned = value.strip()
    if len(cleaned) > 254 or not _EMAIL.match(cleaned):
        raise ValueError("Địa chỉ thư điện tử không hợp lệ")
    local, _, domain = cleaned.rpartition("@")
    return f"{local}@{domain.lower()}"


class Applicant(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: ApplicantKind = ApplicantKind.person
    name: str = Field(min_length=1, max_length=500, examples=["Nguyễn Văn An"])
    id_kind: IdentifierKind = IdentifierKind.personal_id
    id_number: str = Field(min_length=1, max_length=32, examples=["001099012345"])
    phone: str | None = Field(default=None, examples=["0912345678"])
    email: str | None = Field(default=None, examples=["an.nguyen@example.vn"])
    address: str | None = Field(default=None, max_length=1000)
    unit_code: str | None = Field(default=None, description="Mã đơn vị hành chính nơi cư trú")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("Họ tên không được để trống")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return normalise_phone(value) if value else None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return normalise_email(value) if value else None

    @model_validator(mode="after")
    def _identifier(self) -> Applicant:
        self.id_number = normalise_identifier(self.id_kind, self.id_number)
        return self


class DocumentInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requirement_code: str = Field(min_length=1, max_length=64, examples=["TP01"])
    upload_id: uuid.UUID | None = None
    paper_original_checked: bool = Field(
        default=False, description="Tại quầy: cán bộ đã kiểm tra bản giấy (không cần tải tệp)"
    )

    @model_validator(mode="after")
    def _one_source(self) -> DocumentInput:
        if (self.upload_id is None) == (not self.paper_original_checked):
            raise ValueError("Mỗi thành phần hồ sơ cần đúng một nguồn: tệp tải lên hoặc bản giấy")
        return self


class SupplementItem(BaseModel):
    """One document a supplement request names (form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ):
    which document, how many originals / certified copies / copies (the catalog's counts when not
    given), and what is wrong with it or missing."""

    model_config = ConfigDict(extra="forbid")

    requirement_code: str = Field(min_length=1, max_length=64, examples=["TP01"])
    originals: int | None = Field(default=None, ge=0, le=INTEGER_MAX, description="Số bản chính")
    certified_copies: int | None = Field(
        default=None, ge=0, le=INTEGER_MAX, description="Số bản sao có chứng thực"
    )
    copies: int | None = Field(default=None, ge=0, le=INTEGER_MAX, description="Số bản sao")
    reason: str = Field(
        min_length=1,
        max_length=2000,
        description="Nội dung cần bổ sung, hoàn thiện",
        examples=["Tờ khai thiếu chữ ký của người yêu cầu"],
    )

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("Cần nêu nội dung cần bổ sung, hoàn thiện")
        return value


class Submitter(BaseModel):
    """Someone who submits for the applicant (người nộp thay): online, the signed-in citizen, whose
    personal id is the token's; the relationship, and unless they are the applicant's legal
    representative, the authorisation document (Civil Code art. 135-138: representation)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=500, examples=["Trần Văn Bảo"])
    id_kind: IdentifierKind = IdentifierKind.personal_id
    id_number: str = Field(min_length=1, max_length=32, examples=["001099000123"])
    phone: str | None = Field(default=None, examples=["0912000111"])
    relationship: SubmitterRelationship
    authorisation_upload_id: uuid.UUID | None = Field(
        default=None, description="Tệp giấy ủy quyền (bắt buộc trừ người đại diện theo pháp luật)"
    )
    authorisation_paper_checked: bool = Field(
        default=False, description="Tại quầy: cán bộ đã kiểm tra bản giấy ủy quyền"
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("Họ tên người nộp không được để trống")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return normalise_phone(value) if value else None

    @model_validator(mode="after")
    def _identifier(self) -> Submitter:
        self.id_number = normalise_identifier(self.id_kind, self.id_number)
        needs_document = self.relationship is not SubmitterRelationship.legal_representative
        document = self.authorisation_upload_id is not None or self.authorisation_paper_checked
        if needs_document and not document:
            raise ValueError("Người nộp thay cần giấy ủy quyền")
        return self


class DeskOutcome(StrEnum):
    receive = "receive"
    request_supplement = "request_supplement"
    refuse = "refuse"


class FeeChoice(BaseModel):
    """The applicant's choice about one fee of the procedure (by its index in the catalog's list):
    asked for or not, and the counted quantities (pages, copies, sets) it is priced with."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0, le=1000, description="Chỉ số khoản phí trong danh mục của thủ tục")
    requested: bool = Field(default=True, description="Có yêu cầu (khoản phí có điều kiện)")
    pages: int | None = Field(default=None, ge=0, le=1_000_000, description="Số trang")
    copies: int | None = Field(default=None, ge=0, le=10_000, description="Số bản")
    sets: int | None = Field(default=None, ge=0, le=10_000, description="Số bộ")

    def quantities(self) -> dict[str, int]:
        counted = {"pages": self.pages, "copies": self.copies, "sets": self.sets}
        return {name: value for name, value in counted.items() if value is not None}


class DossierCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "procedure_code": "1.001193",
                "agency_code": "000.31.00.H99",
                "receiving_office_code": "000.31.00.H99",
                "applicant": {
                    "name": "Nguyễn Văn An",
                    "id_kind": "personal_id",
                    "id_number": "001099012345",
                    "phone": "0912345678",
                    "unit_code": "H99.31",
                },
                # online birth registration: the interactive e-form and the birth certificate; the
                # paper form is for the desk and the identity card is only shown there
                "documents": [
                    {
                        "requirement_code": "TP02",
                        "upload_id": "0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11",
                    },
                    {
                        "requirement_code": "TP03",
                        "upload_id": "5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e",
                    },
                ],
            }
        },
    )

    procedure_code: str = Field(min_length=1, max_length=64)
    agency_code: str | None = Field(
        default=None, description="Cơ quan áp dụng thủ tục; bỏ trống nếu chỉ có một cơ quan"
    )
    receiving_office_code: str | None = Field(
        default=None, description="Nơi tiếp nhận; bỏ trống để dùng nơi tiếp nhận đầu tiên"
    )
    applicant: Applicant
    submitter: Submitter | None = Field(
        default=None,
        description="Người nộp thay người yêu cầu (bỏ trống: người yêu cầu tự nộp)",
    )
    channel: Channel | None = Field(
        default=None,
        description=(
            "Tại quầy: kênh hồ sơ đến (desk mặc định; postal: nhận qua bưu chính; "
            "national_portal: từ Cổng DVCQG); trực tuyến luôn là online"
        ),
    )
    subject_unit_code: str | None = Field(
        default=None, description="Đơn vị hành chính nơi có đối tượng (mặc định: nơi cư trú)"
    )
    documents: list[DocumentInput] = Field(default_factory=list, max_length=100)
    result_delivery: ResultDelivery = ResultDelivery.desk
    result_address: str | None = Field(default=None, max_length=1000)
    fee_choices: list[FeeChoice] = Field(
        default_factory=list,
        max_length=100,
        description="Lựa chọn của người nộp về các khoản phí có điều kiện hoặc tính theo số lượng "
        "(số trang, số bản, số bộ); một khoản có điều kiện không được chọn thì không thu",
    )
    confirmed_fee_lines: list[Annotated[int, Field(ge=0, le=INTEGER_MAX)]] = Field(
        default_factory=list,
        description="Tại quầy: chỉ số các khoản phí có điều kiện được xác nhận",
    )
    # desk only
    outcome: DeskOutcome | None = Field(
        default=None, description="Tại quầy: kết quả kiểm tra hồ sơ"
    )
    note: str | None = Field(default=None, max_length=4000)
    supplement_items: list[SupplementItem] = Field(
        default_factory=list,
        max_length=100,
        description=(
            "Tại quầy, kết quả request_supplement: các thành phần cần bổ sung (bỏ trống: các thành "
            "phần bắt buộc còn thiếu)"
        ),
    )

    @model_validator(mode="after")
    def _postal_address(self) -> DossierCreate:
        if self.result_delivery is ResultDelivery.postal and not self.result_address:
            raise ValueError("Nhận kết quả qua bưu chính cần địa chỉ nhận")
        if self.channel is Channel.online:
            raise ValueError("Kênh online là kênh của hồ sơ công dân tự nộp trực tuyến")
        return self


class ActionRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"version": 3, "note": "Chuyển Sở Xây dựng thẩm định"}},
    )

    version: int | None = Field(
        default=None,
        ge=1,
        le=INTEGER_MAX,
        description="Phiên bản hồ sơ đã đọc (hoặc dùng tiêu đề If-Match)",
    )
    note: str | None = Field(default=None, max_length=4000, description="Lý do, ghi chú")
    assignee: str | None = Field(default=None, description="assign: tên đăng nhập cán bộ")
    to_step: str | None = Field(default=None, description="send_back: mã bước trả về")
    promised_due_at: datetime | None = Field(default=None, description="reschedule: ngày hẹn mới")
    receipt_number: str | None = Field(default=None, max_length=64, description="record_payment")
    rating: int | None = Field(default=None, ge=1, le=5, description="rate: 1-5")
    consignment_number: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="return_result qua bưu chính: số hiệu bưu gửi",
    )
    pin: str | None = Field(
        default=None,
        max_length=16,
        description="return_result tại Bộ phận Một cửa khác trong tỉnh: mã tra cứu trên phiếu hẹn",
    )
    documents: list[DocumentInput] = Field(default_factory=list, max_length=100)
    items: list[SupplementItem] = Field(
        default_factory=list,
        max_length=100,
        description="request_supplement: từng thành phần cần bổ sung, hoàn thiện",
    )


class FeeLineRead(BaseModel):
    id: int | None = None
    name: str
    kind: str
    amount: int
    condition: str | None
    requires_confirmation: bool
    confirmed: bool
    quantities: dict[str, int] = {}
    due: str | None = None
    paid_at: LocalDateTime | None
    receipt_number: str | None


class StepRead(BaseModel):
    position: int
    code: str
    name: str
    agency_code: str
    role: str


class DossierDocumentRead(BaseModel):
    requirement_code: str | None = Field(description="Mã thành phần hồ sơ của thủ tục")
    kind: str = Field(description="submitted, supplement hoặc result")
    upload_id: str | None
    paper_original_checked: bool = Field(description="Bản giấy đã được đối chiếu tại quầy")
    file_name: str | None
    content_type: str | None
    size: int | None
    sha256: str | None
    added_at: LocalDateTime


class ResultReturnRead(BaseModel):
    delivery: ResultDelivery
    office_code: str | None = Field(description="Bộ phận Một cửa đã trả kết quả")
    consignment_number: str | None = Field(description="Số hiệu bưu gửi (trả qua bưu chính)")
    returned_at: LocalDateTime | None = Field(
        description="Trả tại quầy, giao bưu chính, hoặc tải về"
    )
    delivered_at: LocalDateTime | None = Field(description="Bưu chính đã phát cho người nhận")


class DossierRead(BaseModel):
    code: str
    pin: str | None = Field(description="Mã tra cứu (chỉ hiện cho chủ hồ sơ và cán bộ)")
    status: DossierStatus
    status_label: str
    status_code: int = Field(description="TrangThaiHoSo của Cổng DVCQG")
    version: int
    procedure_code: str
    procedure_name: str
    procedure_version: int
    application_version: int
    rule_set: str
    channel: Channel
    receiving_office_code: str
    competent_agency_code: str
    current_agency_code: str | None
    current_step: StepRead | None
    assignee: str | None
    route: list[StepRead]
    applicant: dict[str, Any]
    subject_unit_code: str | None
    submitted_at: LocalDateTime
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    promised_due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    returned_at: LocalDateTime | None
    supplement_deadline_at: LocalDateTime | None
    supplement_count: int
    on_time: bool | None
    overdue: bool
    result_delivery: ResultDelivery
    fee_lines: list[FeeLineRead]
    documents: list[DossierDocumentRead]
    rating: int | None
    submitter: dict[str, Any] | None = Field(description="Người nộp thay (nếu có)")
    owner_vneid_verified: bool | None = Field(
        description="Tài khoản nộp đã xác thực VNeID (TaiKhoanDuocXacThucVoiVNeID)"
    )
    result: ResultReturnRead
    allowed_actions: list[Action]


class DossierSummary(BaseModel):
    code: str
    status: DossierStatus
    status_label: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    receiving_office_code: str
    current_agency_code: str | None
    current_step_code: str | None = Field(description="Mã bước hiện tại")
    current_step_name: str | None
    assignee: str | None = Field(description="Cán bộ được phân công ở bước hiện tại")
    channel: Channel
    submitted_at: LocalDateTime
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    overdue: bool
    version: int


class WorklistQuery(BaseModel):
    """The worklist's query parameters (validated together, in one step)."""

    status: list[DossierStatus] | None = Field(None, description="Một hoặc nhiều trạng thái")
    agency: str | None = Field(None, description="Hồ sơ đang ở cơ quan này")
    passed_through: bool = Field(
        False,
        description="Với agency: cả hồ sơ đã qua cơ quan (tiếp nhận hoặc có bước xử lý tại đó)",
    )
    assignee: str | None = Field(None, description="Tên đăng nhập của cán bộ được phân công")
    assigned_to_me: bool = False
    overdue: bool | None = None
    due_before: datetime | None = None
    procedure: str | None = Field(None, description="Mã thủ tục")
    channel: Channel | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    applicant_id: str | None = Field(None, max_length=32, description="Số giấy tờ của người nộp")
    cursor: str | None = Field(None, description="`next_cursor` của trang trước")
    limit: int = Field(20, ge=1, le=100)


class DossierPage(BaseModel):
    items: list[DossierSummary]
    next_cursor: str | None = Field(description="Truyền vào `cursor` để lấy trang kế tiếp")


class EventRead(BaseModel):
    seq: int
    action: str
    from_status: DossierStatus | None
    to_status: DossierStatus
    step: int | None
    step_code: str | None = Field(description="Mã bước của quy trình (như trong route)")
    agency_code: str | None
    actor_kind: str
    actor: str | None = Field(
        description="Người thực hiện: tên đăng nhập của cán bộ (khi cán bộ xem), họ tên cán bộ "
        "(khi công dân xem); không có với công dân và hệ thống"
    )
    at: LocalDateTime
    note: str | None
    payload: dict[str, Any]


class StepProgress(BaseModel):
    position: int
    step_code: str
    agency_code: str
    role: str
    started_at: LocalDateTime
    due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    overdue: bool


class EventsRead(BaseModel):
    code: str
    events: list[EventRead]
    steps: list[StepProgress]


class LookupRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "code": "000.00.01.H99-261123-0001",
                "procedure_name": "Thủ tục đăng ký khai sinh",
                "status": "in_progress",
                "status_label": "Đang xử lý",
                "received_at": "2026-11-23T09:00:00+07:00",
                "due_at": "2026-11-25T09:00:00+07:00",
                "promised_due_at": None,
                "finished_at": None,
                "current_agency": "Sở Tư pháp tỉnh Mẫu",
                "applicant_name": "Nguyễn V** A**",
            }
        }
    )

    code: str
    procedure_name: str
    status: DossierStatus
    status_label: str
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    promised_due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    current_agency: str | None
    applicant_name: str


LOOKUP_PIN_MAX = 16


class DeviceRating(BaseModel):
    """A rating from a desk device (kiosk, tablet): the dossier's code and PIN from its receipt."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"code": "000.31.00.H99-261123-0001", "pin": "K7M2QX", "rating": 5}
        },
    )

    code: str = Field(min_length=1, max_length=96)
    pin: str = Field(min_length=1, max_length=LOOKUP_PIN_MAX)
    rating: int = Field(
        ge=1,
        le=5,
        description="5 Rất hài lòng, 4 Hài lòng, 3 Chấp nhận được, 2 Không hài lòng, "
        "1 Rất không hài lòng",
    )
    comment: str | None = Field(default=None, max_length=2000)


class DeviceRatingRead(BaseModel):
    code: str
    rating: int
    level: str = Field(description="Mức độ hài lòng")


class LookupQuery(BaseModel):
    """The public lookup's query: the documented route and its lean path validate with this model."""

    pin: str = Field(
        min_length=1, max_length=LOOKUP_PIN_MAX, description="Mã tra cứu in trên phiếu"
    )
