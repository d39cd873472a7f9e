"""Identity: officer accounts and tokens, citizens as their identity provider names them, and the
development issuer's requests."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.models.user import Role
from app.schemas.common import LocalDateTime


class AgencyRole(BaseModel):
    agency: str = Field(
        min_length=1, max_length=64, description="Mã định danh cơ quan", examples=["000.00.01.H99"]
    )
    role: Role


class OfficerLoginForm(BaseModel):
    """Officer login, form-encoded: the OAuth2 password flow (RFC 6749, section 4.3), as Swagger
    UI's Authorize dialog and any OAuth2 client send it."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "grant_type": "password",
                "username": "tiepnhan.nguyenvana",
                "password": "mat-khau-du-dai-123",
            }
        }
    )

    grant_type: str | None = Field(
        default=None, pattern="^password$", description="Luôn là `password` (nếu gửi)"
    )
    username: str = Field(description="Tên đăng nhập của cán bộ")
    password: str = Field(description="Mật khẩu", json_schema_extra={"format": "password"})
    scope: str = Field(default="", description="Không dùng (để trống)")
    client_id: str | None = Field(default=None, description="Không dùng")
    client_secret: str | None = Field(
        default=None, description="Không dùng", json_schema_extra={"format": "password"}
    )


class TokenResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
                "token_type": "bearer",
                "expires_in": 3600,
            }
        }
    )

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Thời hạn của mã truy cập, tính bằng giây", examples=[3600])


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
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "id": "6f1c2a9e-1d4b-4c7a-9f0e-2b8d3c4e5f60",
                "username": "tiepnhan.nguyenvana",
                "full_name": "Nguyễn Văn A",
                "active": True,
                "roles": [{"agency": "000.00.01.H99", "role": "receptionist"}],
                "tokens_valid_after": "2026-11-20T08:00:00+07:00",
            }
        },
    )

    id: uuid.UUID
    username: str
    full_name: str
    active: bool
    roles: list[AgencyRole]
    tokens_valid_after: LocalDateTime


class Me(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "6f1c2a9e-1d4b-4c7a-9f0e-2b8d3c4e5f60",
                "username": "tiepnhan.nguyenvana",
                "roles": [
                    {"agency": "000.00.01.H99", "role": "receptionist"},
                    {"agency": "000.00.01.H99", "role": "specialist"},
                ],
            }
        }
    )

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
    vneid_verified: bool = Field(default=False, description="Tài khoản đã xác thực với VNeID")


class DevCitizenToken(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {"access_token": "eyJhbGciOiJSUzI1NiIs...", "token_type": "bearer"}
        }
    )

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Thời hạn của mã truy cập, tính bằng giây", examples=[3600])


class Jwks(BaseModel):
    """A JSON Web Key Set (RFC 7517): the public keys that verify the issuer's tokens."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "keys": [
                    {
                        "kty": "RSA",
                        "kid": "dev-citizen-1",
                        "use": "sig",
                        "alg": "RS256",
                        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
                        "e": "AQAB",
                    }
                ]
            }
        },
    )

    keys: list[dict[str, Any]] = Field(description="Các khóa công khai (JWK)")
