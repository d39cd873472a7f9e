"""System administration: outbox delivery state, dead letters, periodic jobs, replay; the admin
audit log."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from app.models.audit import AdminAction, AuditTarget
from app.models.base import BIGINT_MAX
from app.schemas.common import LocalDateTime


class TopicCounts(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    topic: str = Field(examples=["notification.status_changed"])
    pending: int = Field(description="Chưa gửi lần nào")
    retrying: int = Field(description="Đã gửi lỗi, đang chờ gửi lại")
    delivered: int = Field(description="Đã gửi thành công")
    dead: int = Field(description="Gửi lỗi quá số lần cho phép (thư chết)")


class DeadLetter(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(examples=[1042])
    topic: str = Field(examples=["notification.status_changed"])
    ordering_key: str = Field(examples=["000.00.01.H99-261123-0001"])
    attempts: int = Field(examples=[10])
    last_error: str | None = Field(examples=["WebhookRejected: webhook answered HTTP 503"])
    created_at: LocalDateTime
    last_attempt_at: LocalDateTime | None
    dead_at: LocalDateTime


class PeriodicJobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str = Field(examples=["throttle.purge_expired"])
    schedule: str = Field(examples=["every 3600s"])
    next_run_at: LocalDateTime
    last_started_at: LocalDateTime | None
    last_finished_at: LocalDateTime | None
    last_outcome: str | None = Field(description="ok hoặc error", examples=["ok"])
    last_error: str | None
    run_count: int


class OutboxStatus(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "topics": [
                    {
                        "topic": "notification.status_changed",
                        "pending": 3,
                        "retrying": 1,
                        "delivered": 1520,
                        "dead": 1,
                    }
                ],
                "oldest_undelivered_age_seconds": 4.2,
                "dead_letters": [
                    {
                        "id": 1042,
                        "topic": "notification.status_changed",
                        "ordering_key": "000.00.01.H99-261123-0001",
                        "attempts": 10,
                        "last_error": "WebhookRejected: webhook answered HTTP 503",
                        "created_at": "2026-11-23T08:00:00+07:00",
                        "last_attempt_at": "2026-11-23T10:10:00+07:00",
                        "dead_at": "2026-11-23T10:10:00+07:00",
                    }
                ],
                "jobs": [
                    {
                        "name": "throttle.purge_expired",
                        "schedule": "every 3600s",
                        "next_run_at": "2026-11-23T11:00:00+07:00",
                        "last_started_at": "2026-11-23T10:00:00+07:00",
                        "last_finished_at": "2026-11-23T10:00:00+07:00",
                        "last_outcome": "ok",
                        "last_error": None,
                        "run_count": 27,
                    }
                ],
            }
        }
    )

    topics: list[TopicCounts]
    oldest_undelivered_age_seconds: float | None = Field(
        description="Tuổi (giây) của thông điệp chưa gửi cũ nhất; null khi không còn thông điệp chờ"
    )
    dead_letters: list[DeadLetter] = Field(description="Tối đa 100 thư chết gần nhất")
    jobs: list[PeriodicJobRead]


class ReplayRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"ids": [1042, 1043]}, {"topic": "notification.status_changed"}]
        },
    )

    ids: list[Annotated[int, Field(ge=1, le=BIGINT_MAX)]] | None = Field(
        default=None, min_length=1, max_length=1000
    )
    topic: str | None = Field(default=None, min_length=1, max_length=100)

    @model_validator(mode="after")
    def _exactly_one(self) -> ReplayRequest:
        if (self.ids is None) == (self.topic is None):
            raise ValueError("Cần chỉ định đúng một trong hai: ids hoặc topic")
        return self


class ReplayResult(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"replayed": [1042, 1043]}})

    replayed: list[int] = Field(description="Mã các thông điệp đã được xếp lại hàng đợi")


class AuditQuery(BaseModel):
    """Filters of the admin audit log (all optional, combined with AND), newest first."""

    actor: str | None = Field(
        None, min_length=1, max_length=64, description="Tên đăng nhập của người thực hiện"
    )
    action: AdminAction | None = Field(None, description="Thao tác")
    target_type: AuditTarget | None = Field(None, description="Loại đối tượng")
    target_key: str | None = Field(
        None, min_length=1, max_length=200, description="Mã đối tượng (cần kèm target_type)"
    )
    since: AwareDatetime | None = Field(None, description="Từ thời điểm này (tính cả)")
    until: AwareDatetime | None = Field(None, description="Đến trước thời điểm này")
    cursor: str | None = Field(None, max_length=40, description="`next_cursor` của trang trước")
    limit: int = Field(50, ge=1, le=200)


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(examples=[118])
    at: LocalDateTime
    actor_username: str = Field(examples=["admin"])
    actor_agency: str | None = Field(
        description="Cơ quan mà vai trò quản trị tại đó cho phép thao tác (cơ quan gốc của tỉnh "
        "với quản trị cấp tỉnh)",
        examples=["000.00.00.H99"],
    )
    action: str = Field(examples=["procedure.publish"])
    target_type: str = Field(examples=["procedure"])
    target_key: str = Field(examples=["1.001193"])
    changes: dict[str, Any] = Field(
        description="Tóm tắt thay đổi (không bao giờ có mật khẩu, mã truy cập hay dữ liệu cá nhân "
        "của công dân)",
        examples=[{"version": 2, "from": "draft", "to": "published"}],
    )


class AuditPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "items": [
                    {
                        "id": 118,
                        "at": "2026-11-23T10:12:00+07:00",
                        "actor_username": "admin",
                        "actor_agency": "000.00.00.H99",
                        "action": "procedure.publish",
                        "target_type": "procedure",
                        "target_key": "1.001193",
                        "changes": {"version": 2, "from": "draft", "to": "published"},
                    }
                ],
                "next_cursor": "MTE4",
            }
        }
    )

    items: list[AuditEntryRead]
    next_cursor: str | None = Field(description="Truyền vào `cursor` để lấy trang kế tiếp")


class HealthRead(BaseModel):
    """The process is alive."""

    model_config = ConfigDict(json_schema_extra={"example": {"status": "ok"}})

    status: str = Field(description="Luôn là ok", examples=["ok"])


class ReadinessRead(BaseModel):
    """Readiness: ``ok`` with HTTP 200, or ``unavailable`` with HTTP 503 and the failing checks."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}},
                {
                    "status": "unavailable",
                    "checks": {"database": "ok", "migrations": "behind"},
                },
            ]
        }
    )

    status: str = Field(description="ok hoặc unavailable")
    checks: dict[str, str] = Field(description="Kết quả từng phép kiểm tra")
