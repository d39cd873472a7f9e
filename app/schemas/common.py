"""Shapes shared by every resource: the problem document of every error (RFC 9457)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.errors import ProblemCode
from app.models.dossier import Action, DossierStatus


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
