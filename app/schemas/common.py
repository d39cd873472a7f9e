"""Shapes shared by every resource."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class FieldError(BaseModel):
    field: str = Field(description="Đường dẫn tới trường, ví dụ `applicant.phone`")
    location: str = Field(description="body, query, path hoặc header")
    code: str = Field(description="Mã lỗi ổn định (tiếng Anh)")
    message: str = Field(description="Mô tả lỗi bằng tiếng Việt")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "type": "urn:motcua:problem:not_found",
                "title": "Không tìm thấy",
                "status": 404,
                "detail": "Không tìm thấy tài nguyên được yêu cầu.",
                "code": "not_found",
                "request_id": "5f0c3c0e9a3b4f0f8d0f5d1f3b2a1c0e",
            }
        },
    )

    type: str
    title: str
    status: int
    detail: str
    code: str
    request_id: str | None = None
    errors: list[FieldError] | None = None


def problem_schema() -> dict[str, Any]:
    return Problem.model_json_schema(ref_template="#/components/schemas/{model}")
