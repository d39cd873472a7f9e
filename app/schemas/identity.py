"""Identity: officer accounts and tokens, citizens as their identity provider names them, and the
development issuer's requests."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from app.models.user import Role
from app.schemas.common import LocalDateTime


class AgencyRole(BaseModel):
    agency: str = Field(
        min_length=1, max_length=64, description="Mã định danh cơ quan", examples=["000.00.01.H99"]
    )
    role: Role


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Thời hạn của mã truy cập, tính bằng giây")


class UserCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "username": "tiepnhan.nguyenvana",
                "full_name": "Nguyễn Văn A",
                "password": "mat-khau-du-dai-123",
                "roles": [{"agency": "000.00.01.H99", "role": "receptionist"}],
            }
        },
    )

    username: str = Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    full_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=256)
    roles: list[AgencyRole] = Field(min_length=1)


class UserUpdate(BaseModel):
    """What an administrator changes on an account (absent: unchanged). A change of roles or of
    ``active`` refuses every token issued before it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"active": False},
        },
    )

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    active: bool | None = Field(default=None, description="false: tài khoản bị khóa")
    roles: list[AgencyRole] | None = Field(default=None, min_length=1)


class PasswordReset(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"example": {"password": "mot-mat-khau-moi-kho-doan"}}
    )

    password: str = Field(min_length=1, max_length=256, description="Mật khẩu mới")


class PasswordChange(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "current_password": "mat-khau-hien-tai",
                "new_password": "mot-mat-khau-moi-kho-doan",
            }
        },
    )

    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    full_name: str
    active: bool
    roles: list[AgencyRole]
    tokens_valid_after: LocalDateTime


class Me(BaseModel):
    id: uuid.UUID
    username: str
    roles: list[AgencyRole]


class CitizenMe(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "issuer": "motcua-dev-citizen",
                "subject": "citizen-0001",
                "name": "Nguyễn Thị B",
                "personal_id": "001203004567",
            }
        }
    )

    issuer: str = Field(description="Bên cấp mã truy cập (hệ thống định danh)")
    subject: str = Field(description="Định danh của công dân tại bên cấp")
    name: str | None = Field(default=None, description="Họ và tên")
    personal_id: str | None = Field(default=None, description="Số định danh cá nhân (CCCD)")


class DevCitizenTokenRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "subject": "citizen-0001",
                "full_name": "Nguyễn Thị B",
                "personal_id": "001203004567",
            }
        },
    )

    subject: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@-]+$")
    full_name: str = Field(min_length=1, max_length=200)
    personal_id: str | None = Field(
        default=None, pattern=r"^\d{12}$", description="Số định danh cá nhân, 12 chữ số"
    )


class DevCitizenToken(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {"access_token": "eyJhbGciOiJSUzI1NiIs...", "token_type": "bearer"}
        }
    )

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Thời hạn của mã truy cập, tính bằng giây")
