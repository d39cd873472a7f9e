"""The dossier register of a one-stop desk (form 06): the query and the JSON page."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.models.catalog import CODE_LENGTH
from app.models.dossier import Channel, DossierStatus
from app.schemas.common import LocalDateTime

MAX_PERIOD_DAYS = 366


class RegisterFormat(StrEnum):
    json = "json"  # one page (keyset cursor)
    csv = "csv"  # the whole period, streamed
    xlsx = "xlsx"
    html = "html"  # printable, A4 landscape


class RegisterQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    received_from: date = Field(description="Từ ngày nhận hồ sơ (giờ Việt Nam), ví dụ 2026-12-01")
    received_to: date = Field(description="Đến ngày nhận hồ sơ (bao gồm ngày này)")
    procedure_code: str | None = Field(default=None, max_length=CODE_LENGTH)
    channel: Channel | None = None
    status: DossierStatus | None = None
    format: RegisterFormat = RegisterFormat.json
    cursor: str | None = Field(default=None, max_length=200, description="Trang sau (chỉ với json)")
    limit: int = Field(default=100, ge=1, le=500, description="Số dòng mỗi trang (chỉ với json)")


class RegisterRowRead(BaseModel):
    code: str
    procedure_code: str
    procedure_name: str
    sets: int = Field(description="Số lượng hồ sơ (bộ)")
    applicant_name: str
    applicant_address: str | None
    applicant_phone: str | None
    competent_agency: str = Field(description="Cơ quan chủ trì giải quyết")
    channel: Channel
    status: DossierStatus
    received_at: LocalDateTime
    due_at: LocalDateTime | None = Field(description="Hẹn trả kết quả")
    promised_due_at: LocalDateTime | None = Field(description="Ngày hẹn lại (nếu có)")
    forwarded_at: LocalDateTime | None = Field(description="Chuyển hồ sơ đến cơ quan giải quyết")
    result_at: LocalDateTime | None = Field(description="Nhận kết quả từ cơ quan giải quyết")
    finished_at: LocalDateTime | None = Field(
        description="Kết thúc xử lý (có kết quả, từ chối, dừng hoặc rút hồ sơ)"
    )
    returned_at: LocalDateTime | None = Field(description="Trả kết quả cho cá nhân, tổ chức")
    note: str = Field(description="Ghi chú")


class RegisterPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "title": "Sổ theo dõi hồ sơ",
                "office_code": "000.31.00.H99",
                "office_name": "Bộ phận Một cửa xã Một",
                "received_from": "2026-11-01",
                "received_to": "2026-11-30",
                "items": [
                    {
                        "code": "000.31.00.H99-261123-0001",
                        "procedure_code": "1.001193",
                        "procedure_name": "Thủ tục đăng ký khai sinh",
                        "sets": 1,
                        "applicant_name": "Nguyễn Văn An",
                        "applicant_address": "Thôn Đông, xã Một",
                        "applicant_phone": "0912345678",
                        "competent_agency": "Ủy ban nhân dân xã Một",
                        "channel": "online",
                        "status": "returned",
                        "received_at": "2026-11-23T09:02:40+07:00",
                        "due_at": "2026-11-24T09:02:40+07:00",
                        "promised_due_at": None,
                        "forwarded_at": "2026-11-23T09:40:12+07:00",
                        "result_at": "2026-11-23T16:05:00+07:00",
                        "finished_at": "2026-11-23T16:05:00+07:00",
                        "returned_at": "2026-11-24T08:10:00+07:00",
                        "note": "",
                    }
                ],
                "next_cursor": None,
            }
        }
    )

    title: str
    office_code: str
    office_name: str
    received_from: date
    received_to: date
    items: list[RegisterRowRead]
    next_cursor: str | None
