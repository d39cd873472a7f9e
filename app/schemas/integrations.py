"""The national portal's integration endpoints: the answer to a forwarded dossier, the sync state."""

from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.models.base import BIGINT_MAX
from app.models.dossier import Channel, DossierStatus
from app.schemas.common import LocalDateTime
from app.schemas.system import DeadLetter


class ForwardResult(BaseModel):
    """The dossier a forward created (201) or found (200: the portal had forwarded it before)."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "code": "000.31.00.H99-261130-0001",
                "portal_ref": "G22.99-261130-000123",
                "status": "submitted",
                "channel": "national_portal",
                "created": True,
            }
        }
    )

    code: str = Field(description="Mã hồ sơ một cửa")
    portal_ref: str = Field(description="Mã hồ sơ trên Cổng DVCQG")
    status: DossierStatus
    channel: Channel
    created: bool = Field(description="true: hồ sơ mới; false: Cổng đã chuyển hồ sơ này trước đó")


class AgencySync(BaseModel):
    agency_code: str
    agency_name: str | None
    received: int = Field(description="Số hồ sơ nộp trong kỳ")
    acknowledged: int = Field(description="Số hồ sơ có trạng thái mới nhất đã được Cổng xác nhận")
    share: float | None = Field(description="Tỷ lệ đồng bộ (chỉ số 1.4); null khi không có hồ sơ")


class SyncStatus(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "since": "2026-10-24T10:00:00+07:00",
                "until": "2026-11-23T10:00:00+07:00",
                "pending": 2,
                "retrying": 1,
                "delivered": 1840,
                "dead": 1,
                "oldest_undelivered_age_seconds": 12.5,
                "dead_letters": [
                    {
                        "id": 2051,
                        "topic": "portal.sync",
                        "ordering_key": "portal:000.31.00.H99-261120-0004",
                        "attempts": 10,
                        "last_error": "PortalUnavailable: portal answered HTTP 503",
                        "created_at": "2026-11-20T14:00:00+07:00",
                        "last_attempt_at": "2026-11-21T02:10:00+07:00",
                        "dead_at": "2026-11-21T02:10:00+07:00",
                    }
                ],
                "agencies": [
                    {
                        "agency_code": "000.31.00.H99",
                        "agency_name": "Ủy ban nhân dân xã Một",
                        "received": 200,
                        "acknowledged": 198,
                        "share": 0.99,
                    }
                ],
            }
        }
    )

    since: LocalDateTime
    until: LocalDateTime
    pending: int = Field(description="Thay đổi chưa gửi lần nào")
    retrying: int = Field(description="Thay đổi gửi lỗi, đang chờ gửi lại")
    delivered: int
    dead: int = Field(description="Thư chết (chờ quản trị viên gửi lại)")
    oldest_undelivered_age_seconds: float | None = Field(
        description="Tuổi (giây) của thay đổi cũ nhất chưa gửi được"
    )
    dead_letters: list[DeadLetter]
    agencies: list[AgencySync]


class SyncQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: AwareDatetime | None = Field(
        default=None, description="Đầu kỳ (mặc định: 30 ngày trước)"
    )
    until: AwareDatetime | None = Field(default=None, description="Cuối kỳ (mặc định: bây giờ)")


class SyncReplayRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"ids": [1042]}, {}]})

    ids: list[Annotated[int, Field(ge=1, le=BIGINT_MAX)]] | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="Mã các thư chết cần gửi lại; bỏ trống: mọi thư chết của đồng bộ Cổng DVCQG",
    )
