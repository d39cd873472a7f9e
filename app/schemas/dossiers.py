"""Dossier requests and responses."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator, model_validator

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

    kind: ApplicantKind = Field(
        default=ApplicantKind.person, description="Cá nhân (person) hoặc tổ chức (organisation)"
    )
    name: str = Field(
        description="Họ tên người đề nghị, hoặc tên tổ chức",
        min_length=1,
        max_length=500,
        examples=["Nguyễn Văn An"],
    )
    id_kind: IdentifierKind = Field(
        default=IdentifierKind.personal_id,
        description="Loại giấy tờ: số định danh cá nhân, hộ chiếu, mã số thuế",
    )
    id_number: str = Field(
        description="Số giấy tờ", min_length=1, max_length=32, examples=["001099012345"]
    )
    phone: str | None = Field(description="Số điện thoại", default=None, examples=["0912345678"])
    email: str | None = Field(
        description="Thư điện tử", default=None, examples=["an.nguyen@example.vn"]
    )
    address: str | None = Field(description="Địa chỉ", default=None, max_length=1000)
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

    requirement_code: str = Field(
        description="Mã thành phần hồ sơ của thủ tục",
        min_length=1,
        max_length=64,
        examples=["TP01"],
    )
    upload_id: uuid.UUID | None = Field(
        default=None, description="Mã tệp đã tải lên (POST /api/v1/uploads)"
    )
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

    requirement_code: str = Field(
        description="Mã thành phần hồ sơ cần bổ sung",
        min_length=1,
        max_length=64,
        examples=["TP01"],
    )
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

    name: str = Field(
        description="Họ tên người nộp thay", min_length=1, max_length=500, examples=["Trần Văn Bảo"]
    )
    id_kind: IdentifierKind = Field(
        default=IdentifierKind.personal_id, description="Loại giấy tờ của người nộp thay"
    )
    id_number: str = Field(
        description="Số giấy tờ của người nộp thay",
        min_length=1,
        max_length=32,
        examples=["001099000123"],
    )
    phone: str | None = Field(
        description="Số điện thoại của người nộp thay", default=None, examples=["0912000111"]
    )
    relationship: SubmitterRelationship = Field(
        description="Quan hệ với người đề nghị (người đại diện, được ủy quyền...)"
    )
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

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"example": {"index": 0, "requested": True, "copies": 2}}
    )

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

    procedure_code: str = Field(description="Mã thủ tục hành chính", min_length=1, max_length=64)
    agency_code: str | None = Field(
        default=None, description="Cơ quan áp dụng thủ tục; bỏ trống nếu chỉ có một cơ quan"
    )
    receiving_office_code: str | None = Field(
        default=None, description="Nơi tiếp nhận; bỏ trống để dùng nơi tiếp nhận đầu tiên"
    )
    applicant: Applicant = Field(description="Người đề nghị (chủ hồ sơ)")
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
    documents: list[DocumentInput] = Field(
        description="Thành phần hồ sơ (tệp đã tải lên)", default_factory=list, max_length=100
    )
    result_delivery: ResultDelivery = Field(
        default=ResultDelivery.desk,
        description="Hình thức nhận kết quả: tại quầy, bưu chính, trực tuyến",
    )
    result_address: str | None = Field(
        description="Địa chỉ nhận kết quả qua bưu chính", default=None, max_length=1000
    )
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
    note: str | None = Field(description="Ghi chú", default=None, max_length=4000)
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
    documents: list[DocumentInput] = Field(
        description="Tệp kèm theo thao tác (bổ sung, kết quả)", default_factory=list, max_length=100
    )
    items: list[SupplementItem] = Field(
        default_factory=list,
        max_length=100,
        description="request_supplement: từng thành phần cần bổ sung, hoàn thiện",
    )


# the example dossier of the read models: a birth registration submitted online, being processed
_ROUTE_EXAMPLE: list[JsonValue] = [
    {
        "position": 0,
        "code": "S1",
        "name": "Tiếp nhận hồ sơ",
        "agency_code": "000.31.00.H99",
        "role": "receptionist",
    },
    {
        "position": 1,
        "code": "S2",
        "name": "Thẩm định, trình ký",
        "agency_code": "000.31.00.H99",
        "role": "specialist",
    },
]
_DOCUMENT_EXAMPLE: dict[str, JsonValue] = {
    "requirement_code": "TP01",
    "kind": "submitted",
    "upload_id": "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a",
    "paper_original_checked": False,
    "file_name": "to-khai-dang-ky-khai-sinh.pdf",
    "content_type": "application/pdf",
    "size": 182044,
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "added_at": "2026-11-23T08:41:05+07:00",
}
_FEE_LINE_EXAMPLE: dict[str, JsonValue] = {
    "id": 41,
    "name": "Lệ phí đăng ký khai sinh",
    "kind": "levy",
    "amount": 8000,
    "condition": None,
    "requires_confirmation": False,
    "confirmed": True,
    "quantities": {},
    "due": "on_submission",
    "paid_at": None,
    "receipt_number": None,
}
DOSSIER_EXAMPLE: dict[str, JsonValue] = {
    "code": "000.31.00.H99-261123-0001",
    "pin": "7KQ2MX",
    "status": "in_progress",
    "status_label": "Đang xử lý",
    "status_code": 3,
    "version": 4,
    "procedure_code": "1.001193",
    "procedure_name": "Thủ tục đăng ký khai sinh",
    "procedure_version": 2,
    "application_version": 1,
    "rule_set": "nd118-2025",
    "channel": "online",
    "receiving_office_code": "000.31.00.H99",
    "competent_agency_code": "000.31.00.H99",
    "current_agency_code": "000.31.00.H99",
    "current_step": _ROUTE_EXAMPLE[1],
    "assignee": "chuyenvien.tranthib",
    "route": _ROUTE_EXAMPLE,
    "applicant": {
        "kind": "person",
        "name": "Nguyễn Văn An",
        "id_kind": "personal_id",
        "id_number": "001099012345",
        "phone": "0912345678",
        "email": "an.nguyen@example.vn",
        "address": "Thôn Đông, xã Một",
        "unit_code": "31",
    },
    "subject_unit_code": None,
    "submitted_at": "2026-11-23T08:41:05+07:00",
    "received_at": "2026-11-23T09:02:40+07:00",
    "due_at": "2026-11-24T09:02:40+07:00",
    "promised_due_at": None,
    "finished_at": None,
    "returned_at": None,
    "supplement_deadline_at": None,
    "supplement_count": 0,
    "on_time": None,
    "overdue": False,
    "result_delivery": "online",
    "fee_lines": [_FEE_LINE_EXAMPLE],
    "documents": [_DOCUMENT_EXAMPLE],
    "rating": None,
    "submitter": None,
    "owner_vneid_verified": True,
    "result": {
        "delivery": "online",
        "office_code": None,
        "consignment_number": None,
        "returned_at": None,
        "delivered_at": None,
    },
    "allowed_actions": ["forward", "send_back", "request_supplement", "resolve"],
}


class FeeLineRead(BaseModel):
    """Một khoản phí, lệ phí của hồ sơ (a fee line, priced when the dossier was submitted)."""

    model_config = ConfigDict(json_schema_extra={"example": _FEE_LINE_EXAMPLE})

    id: int | None = Field(default=None, description="Mã khoản phí của hồ sơ")
    name: str = Field(description="Tên khoản phí, lệ phí")
    kind: str = Field(description="charge: phí; levy: lệ phí")
    amount: int = Field(description="Số tiền (đồng)")
    condition: str | None = Field(description="Điều kiện áp dụng")
    requires_confirmation: bool = Field(description="Chỉ thu khi người nộp có yêu cầu")
    confirmed: bool = Field(description="Đã xác nhận thu")
    quantities: dict[str, int] = Field(default={}, description="Số trang, số bản, số bộ đã tính")
    due: str | None = Field(default=None, description="Thời điểm phải nộp")
    paid_at: LocalDateTime | None = Field(description="Thời điểm đã nộp")
    receipt_number: str | None = Field(description="Số biên lai")


class StepRead(BaseModel):
    """Một bước của quy trình xử lý hồ sơ (a step of the dossier's route)."""

    model_config = ConfigDict(json_schema_extra={"example": _ROUTE_EXAMPLE[0]})

    position: int = Field(description="Thứ tự bước, từ 0")
    code: str = Field(description="Mã bước")
    name: str = Field(description="Tên bước")
    agency_code: str = Field(description="Cơ quan thực hiện bước")
    role: str = Field(description="Vai trò cán bộ thực hiện")


class DossierDocumentRead(BaseModel):
    """Một tệp của hồ sơ: thành phần đã nộp, bổ sung, hoặc kết quả."""

    model_config = ConfigDict(json_schema_extra={"example": _DOCUMENT_EXAMPLE})

    requirement_code: str | None = Field(description="Mã thành phần hồ sơ của thủ tục")
    kind: str = Field(description="submitted, supplement hoặc result")
    upload_id: str | None = Field(description="Mã tệp đã tải lên")
    paper_original_checked: bool = Field(description="Bản giấy đã được đối chiếu tại quầy")
    file_name: str | None = Field(description="Tên tệp")
    content_type: str | None = Field(description="Kiểu tệp")
    size: int | None = Field(description="Kích thước (byte)")
    sha256: str | None = Field(description="Mã băm SHA-256 của tệp")
    added_at: LocalDateTime = Field(description="Thời điểm đính kèm")


class ResultReturnRead(BaseModel):
    """Việc trả kết quả giải quyết (how and when the result was returned)."""

    delivery: ResultDelivery = Field(description="Hình thức nhận kết quả")
    office_code: str | None = Field(description="Bộ phận Một cửa đã trả kết quả")
    consignment_number: str | None = Field(description="Số hiệu bưu gửi (trả qua bưu chính)")
    returned_at: LocalDateTime | None = Field(
        description="Trả tại quầy, giao bưu chính, hoặc tải về"
    )
    delivered_at: LocalDateTime | None = Field(description="Bưu chính đã phát cho người nhận")


class DossierRead(BaseModel):
    """Hồ sơ thủ tục hành chính: the full view, for its owner and the officers handling it."""

    model_config = ConfigDict(json_schema_extra={"example": DOSSIER_EXAMPLE})

    code: str = Field(description="Mã hồ sơ")
    pin: str | None = Field(description="Mã tra cứu (chỉ hiện cho chủ hồ sơ và cán bộ)")
    status: DossierStatus = Field(description="Trạng thái hồ sơ")
    status_label: str = Field(description="Tên trạng thái")
    status_code: int = Field(description="TrangThaiHoSo của Cổng DVCQG")
    version: int = Field(description="Phiên bản hồ sơ (ETag, If-Match)")
    procedure_code: str = Field(description="Mã thủ tục")
    procedure_name: str = Field(description="Tên thủ tục")
    procedure_version: int = Field(description="Phiên bản thủ tục khi nộp")
    application_version: int = Field(description="Phiên bản áp dụng thủ tục tại cơ quan")
    rule_set: str = Field(description="Bộ quy tắc pháp lý áp dụng (theo ngày nộp)")
    channel: Channel = Field(description="Kênh nộp hồ sơ")
    receiving_office_code: str = Field(description="Bộ phận Một cửa tiếp nhận")
    competent_agency_code: str = Field(description="Cơ quan có thẩm quyền giải quyết")
    current_agency_code: str | None = Field(description="Cơ quan đang xử lý")
    current_step: StepRead | None = Field(description="Bước xử lý hiện tại")
    assignee: str | None = Field(description="Cán bộ được phân công ở bước hiện tại")
    route: list[StepRead] = Field(description="Quy trình xử lý: các bước")
    applicant: dict[str, Any] = Field(description="Người đề nghị (chủ hồ sơ)")
    subject_unit_code: str | None = Field(description="Đơn vị hành chính của đối tượng")
    submitted_at: LocalDateTime = Field(description="Thời điểm nộp")
    received_at: LocalDateTime | None = Field(description="Thời điểm tiếp nhận")
    due_at: LocalDateTime | None = Field(description="Ngày hẹn trả kết quả")
    promised_due_at: LocalDateTime | None = Field(description="Ngày hẹn lại (khi trễ hạn)")
    finished_at: LocalDateTime | None = Field(description="Thời điểm có kết quả")
    returned_at: LocalDateTime | None = Field(description="Thời điểm trả kết quả")
    supplement_deadline_at: LocalDateTime | None = Field(description="Hạn nộp bổ sung")
    supplement_count: int = Field(description="Số lần yêu cầu bổ sung")
    on_time: bool | None = Field(description="Giải quyết đúng hạn (khi đã có kết quả)")
    overdue: bool = Field(description="Đang quá hạn")
    result_delivery: ResultDelivery = Field(description="Hình thức nhận kết quả")
    fee_lines: list[FeeLineRead] = Field(description="Phí, lệ phí")
    documents: list[DossierDocumentRead] = Field(description="Thành phần hồ sơ và kết quả")
    rating: int | None = Field(description="Mức độ hài lòng (1-5)")
    submitter: dict[str, Any] | None = Field(description="Người nộp thay (nếu có)")
    owner_vneid_verified: bool | None = Field(
        description="Tài khoản nộp đã xác thực VNeID (TaiKhoanDuocXacThucVoiVNeID)"
    )
    result: ResultReturnRead = Field(description="Trả kết quả")
    allowed_actions: list[Action] = Field(description="Thao tác người gọi được thực hiện lúc này")


class DossierSummary(BaseModel):
    """Một dòng của danh sách hồ sơ (a worklist row)."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "code": "000.31.00.H99-261123-0001",
                "status": "in_progress",
                "status_label": "Đang xử lý",
                "procedure_code": "1.001193",
                "procedure_name": "Thủ tục đăng ký khai sinh",
                "applicant_name": "Nguyễn Văn An",
                "receiving_office_code": "000.31.00.H99",
                "current_agency_code": "000.31.00.H99",
                "current_step_code": "S2",
                "current_step_name": "Thẩm định, trình ký",
                "assignee": "chuyenvien.tranthib",
                "channel": "online",
                "submitted_at": "2026-11-23T08:41:05+07:00",
                "received_at": "2026-11-23T09:02:40+07:00",
                "due_at": "2026-11-24T09:02:40+07:00",
                "overdue": False,
                "version": 4,
            }
        }
    )

    code: str = Field(description="Mã hồ sơ")
    status: DossierStatus = Field(description="Trạng thái hồ sơ")
    status_label: str = Field(description="Tên trạng thái")
    procedure_code: str = Field(description="Mã thủ tục")
    procedure_name: str = Field(description="Tên thủ tục")
    applicant_name: str = Field(description="Họ tên người đề nghị")
    receiving_office_code: str = Field(description="Bộ phận Một cửa tiếp nhận")
    current_agency_code: str | None = Field(description="Cơ quan đang xử lý")
    current_step_code: str | None = Field(description="Mã bước hiện tại")
    current_step_name: str | None = Field(description="Tên bước hiện tại")
    assignee: str | None = Field(description="Cán bộ được phân công ở bước hiện tại")
    channel: Channel = Field(description="Kênh nộp hồ sơ")
    submitted_at: LocalDateTime = Field(description="Thời điểm nộp")
    received_at: LocalDateTime | None = Field(description="Thời điểm tiếp nhận")
    due_at: LocalDateTime | None = Field(description="Ngày hẹn trả kết quả")
    overdue: bool = Field(description="Đang quá hạn")
    version: int = Field(description="Phiên bản hồ sơ (ETag, If-Match)")


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
    """Một trang danh sách hồ sơ (keyset pages: pass `next_cursor` back as `cursor`)."""

    items: list[DossierSummary] = Field(description="Các hồ sơ của trang")
    next_cursor: str | None = Field(
        description="Truyền vào `cursor` để lấy trang kế tiếp", examples=["eyJrIjpbIjIwMjYtMTEt"]
    )


_EVENT_EXAMPLE: dict[str, JsonValue] = {
    "seq": 2,
    "action": "receive",
    "from_status": "submitted",
    "to_status": "received",
    "step": 0,
    "step_code": "S1",
    "agency_code": "000.31.00.H99",
    "actor_kind": "officer",
    "actor": "tiepnhan.nguyenvana",
    "at": "2026-11-23T09:02:40+07:00",
    "note": None,
    "payload": {"due_at": "2026-11-24T09:02:40+07:00"},
}


class EventRead(BaseModel):
    """Một sự kiện trong nhật ký xử lý hồ sơ (one append-only event)."""

    model_config = ConfigDict(json_schema_extra={"example": _EVENT_EXAMPLE})

    seq: int = Field(description="Số thứ tự sự kiện của hồ sơ")
    action: str = Field(description="Thao tác")
    from_status: DossierStatus | None = Field(description="Trạng thái trước")
    to_status: DossierStatus = Field(description="Trạng thái sau")
    step: int | None = Field(description="Vị trí bước trong route")
    step_code: str | None = Field(description="Mã bước của quy trình (như trong route)")
    agency_code: str | None = Field(description="Cơ quan thực hiện")
    actor_kind: str = Field(description="officer, citizen, system hoặc gateway")
    actor: str | None = Field(
        description="Người thực hiện: tên đăng nhập của cán bộ (khi cán bộ xem), họ tên cán bộ "
        "(khi công dân xem); không có với công dân và hệ thống"
    )
    at: LocalDateTime = Field(description="Thời điểm")
    note: str | None = Field(description="Ghi chú, lý do")
    payload: dict[str, Any] = Field(description="Chi tiết của thao tác")


class StepProgress(BaseModel):
    """Tiến độ một bước xử lý (its start, due date and finish)."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "position": 0,
                "step_code": "S1",
                "agency_code": "000.31.00.H99",
                "role": "receptionist",
                "started_at": "2026-11-23T09:02:40+07:00",
                "due_at": "2026-11-23T13:02:40+07:00",
                "finished_at": "2026-11-23T09:40:12+07:00",
                "overdue": False,
            }
        }
    )

    position: int = Field(description="Thứ tự bước, từ 0")
    step_code: str = Field(description="Mã bước")
    agency_code: str = Field(description="Cơ quan thực hiện")
    role: str = Field(description="Vai trò cán bộ thực hiện")
    started_at: LocalDateTime = Field(description="Bắt đầu")
    due_at: LocalDateTime | None = Field(description="Hạn của bước")
    finished_at: LocalDateTime | None = Field(description="Hoàn thành")
    overdue: bool = Field(description="Quá hạn")


class EventsRead(BaseModel):
    """Nhật ký xử lý và tiến độ của hồ sơ."""

    code: str = Field(description="Mã hồ sơ", examples=["000.31.00.H99-261123-0001"])
    events: list[EventRead] = Field(description="Các sự kiện, cũ nhất trước")
    steps: list[StepProgress] = Field(description="Tiến độ từng bước")


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

    code: str = Field(description="Mã hồ sơ")
    procedure_name: str = Field(description="Tên thủ tục")
    status: DossierStatus = Field(description="Trạng thái hồ sơ")
    status_label: str = Field(description="Tên trạng thái")
    received_at: LocalDateTime | None = Field(description="Thời điểm tiếp nhận")
    due_at: LocalDateTime | None = Field(description="Ngày hẹn trả kết quả")
    promised_due_at: LocalDateTime | None = Field(description="Ngày hẹn lại (khi trễ hạn)")
    finished_at: LocalDateTime | None = Field(description="Thời điểm có kết quả")
    current_agency: str | None = Field(description="Cơ quan đang xử lý")
    applicant_name: str = Field(description="Họ tên người đề nghị (đã che)")


LOOKUP_PIN_MAX = 16


class DeviceRating(BaseModel):
    """A rating from a desk device (kiosk, tablet): the dossier's code and PIN from its receipt."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"code": "000.31.00.H99-261123-0001", "pin": "K7M2QX", "rating": 5}
        },
    )

    code: str = Field(description="Mã hồ sơ (in trên phiếu tiếp nhận)", min_length=1, max_length=96)
    pin: str = Field(
        description="Mã tra cứu (in trên phiếu tiếp nhận)", min_length=1, max_length=LOOKUP_PIN_MAX
    )
    rating: int = Field(
        ge=1,
        le=5,
        description="5 Rất hài lòng, 4 Hài lòng, 3 Chấp nhận được, 2 Không hài lòng, "
        "1 Rất không hài lòng",
    )
    comment: str | None = Field(description="Góp ý", default=None, max_length=2000)


class DeviceRatingRead(BaseModel):
    """Đánh giá đã ghi nhận."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"code": "000.31.00.H99-261123-0001", "rating": 5, "level": "Rất hài lòng"}
        }
    )

    code: str = Field(description="Mã hồ sơ")
    rating: int = Field(description="Điểm đánh giá (1-5)")
    level: str = Field(description="Mức độ hài lòng")


class LookupQuery(BaseModel):
    """The public lookup's query: the documented route and its lean path validate with this model."""

    pin: str = Field(
        min_length=1, max_length=LOOKUP_PIN_MAX, description="Mã tra cứu in trên phiếu"
    )


class FormDocument(BaseModel):
    """Biểu mẫu của hồ sơ (Thông tư 01/2018, 03/2025 của VPCP) as JSON: the members every form has, and the
    form's own members beside them (the receipt's ``lookup_pin``, ``lookup_url``, ``documents``,
    ``due_at``...; docs/forms.md lists them). Documentation only: the endpoint builds the document."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "form": "receipt",
                "form_number": "01",
                "legal_basis": "Mẫu số 01 — Thông tư số 03/2025/TT-VPCP",
                "title": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                "issuing_agency": {"code": "000.31.00.H99", "name": "Ủy ban nhân dân xã Một"},
                "issued_at": "2026-11-23T09:02:40+07:00",
                "place_and_date": "Xã Một, ngày 23 tháng 11 năm 2026",
                "dossier_code": "000.31.00.H99-261123-0001",
                "procedure": {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh"},
                "applicant": {
                    "name": "Nguyễn Văn An",
                    "address": "Thôn Đông, xã Một",
                    "phone": "0912345678",
                    "email": None,
                },
                "received_at": "2026-11-23T09:02:40+07:00",
                "lookup_pin": "7KQ2MX",
                "due_at": "2026-11-24T09:02:40+07:00",
            }
        },
    )

    form: str = Field(description="Tên biểu mẫu (receipt, supplement_request, refusal, ...)")
    form_number: str | None = Field(default=None, description="Số hiệu mẫu theo bộ quy tắc")
    legal_basis: str | None = Field(default=None, description="Căn cứ (mẫu số, thông tư)")
    title: str = Field(description="Tên biểu mẫu")
    issuing_agency: dict[str, Any] | None = Field(default=None, description="Cơ quan ban hành")
    issued_at: str = Field(description="Thời điểm ban hành (RFC 3339, +07:00)")
    place_and_date: str | None = Field(default=None, description="Địa danh, ngày tháng năm")
    dossier_code: str = Field(description="Mã hồ sơ")
    procedure: dict[str, Any] = Field(description="Thủ tục: mã và tên")
    applicant: dict[str, Any] = Field(description="Người đề nghị")
