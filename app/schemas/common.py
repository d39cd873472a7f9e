"""Shapes shared by every resource: the problem document of every error (RFC 9457), and the one
type of every instant an answer carries (``LocalDateTime``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from app.config import VIETNAM_TZ_NAME
from app.errors import ProblemCode
from app.models.dossier import Action, DossierStatus

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)


def to_local(instant: datetime) -> datetime:
    """The instant in Asia/Ho_Chi_Minh (DESIGN.md section 5: stored in UTC, presented in Vietnam's
    time); a naive value (none should reach an answer) is read as UTC."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(VIETNAM)


# Every instant of every answer: RFC 3339 with Vietnam's offset, ``2026-12-01T07:30:00+07:00``.
# Only the output changes (the value held stays as read); request models keep plain ``datetime``,
# which accepts any offset. tests/test_times.py walks the route table and refuses any other type.
LocalDateTime = Annotated[datetime, PlainSerializer(to_local, return_type=datetime)]


class FieldError(BaseModel):
    field: str = Field(description="Đường dẫn tới trường, ví dụ `applicant.phone`")
    location: str = Field(description="body, query, path hoặc header")
    code: str = Field(description="Mã lỗi ổn định (tiếng Anh)")
    message: str = Field(description="Mô tả lỗi bằng tiếng Việt")


class Problem(BaseModel):
    """An RFC 9457 problem document (`application/problem+json`).

    `status` is always the HTTP status of the answer; the optional extension members after
    `errors` appear only with the codes that use them.
    """

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="`urn:motcua:problem:` followed by `code`")
    title: str = Field(description="Tiêu đề của lỗi (tiếng Việt), theo mã trạng thái HTTP")
    status: int = Field(ge=400, le=599, description="Mã trạng thái HTTP của câu trả lời")
    detail: str = Field(description="Mô tả cụ thể (tiếng Việt)")
    code: ProblemCode | str = Field(
        description="Mã lỗi ổn định (tiếng Anh). Danh sách mở: các mã trong `ProblemCode` là mã "
        "hiện có, có thể thêm mã mới; ứng dụng gặp mã chưa biết thì xử lý như lỗi chung của mã "
        "trạng thái HTTP (`status`)."
    )
    request_id: str | None = Field(None, description="Mã yêu cầu, để tra cứu nhật ký hệ thống")
    errors: list[FieldError] | None = Field(None, description="Các trường không hợp lệ (422)")
    dossier_status: DossierStatus | None = Field(
        None,
        description="Trạng thái hiện tại của hồ sơ (action_not_allowed, documents_not_allowed, "
        "form_not_available)",
    )
    allowed_actions: list[Action] | None = Field(
        None, description="Các thao tác thực hiện được ở trạng thái, bước hiện tại của hồ sơ"
    )
    current_version: int | None = Field(
        None, description="Phiên bản hiện tại của hồ sơ (version_conflict)"
    )
    accepted: list[str] | None = Field(
        None, description="Các định dạng tệp được chấp nhận (unsupported_media_type, ...)"
    )
    max_bytes: int | None = Field(None, description="Giới hạn dung lượng tệp, tính bằng byte")
