"""Payments as the API shows them (never a merchant secret, key or gateway URL of ours)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models.payment import PaymentProvider, PaymentStatus
from app.schemas.common import LocalDateTime


class PaymentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: PaymentProvider = Field(
        description="Kênh thanh toán: vnpay, momo, zalopay (national: theo cấu hình của tỉnh)",
        examples=["vnpay"],
    )


class PaymentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    dossier_code: str
    provider: PaymentProvider
    order_ref: str = Field(description="Mã giao dịch của hệ thống")
    amount: int = Field(description="Số tiền (đồng)")
    status: PaymentStatus
    fee_line_ids: list[int]
    pay_url: str | None = Field(description="Địa chỉ chuyển người nộp tới cổng thanh toán")
    receipt_number: str | None = Field(description="Số biên lai điện tử (khi đã thanh toán)")
    created_at: LocalDateTime
    expires_at: LocalDateTime
    settled_at: LocalDateTime | None


class AdminPaymentQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: PaymentStatus | None = None
    provider: PaymentProvider | None = None
    agency_code: str | None = Field(default=None, max_length=64)
    merchant_code: str | None = Field(default=None, max_length=64)
    dossier_code: str | None = Field(default=None, max_length=64)
    created_from: datetime | None = None
    created_until: datetime | None = None
    limit: int = Field(default=100, ge=1, le=1000)


class AdminPaymentRead(PaymentRead):
    merchant_code: str
    agency_code: str
    provider_txn_id: str | None
    provider_code: str | None
    refund_reason: str | None
    refund_reference: str | None


class PaymentCallbackRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    provider: PaymentProvider
    received_at: LocalDateTime
    query: str = Field(description="Chuỗi truy vấn nhận được (nguyên văn)")
    body: str = Field(description="Nội dung nhận được (nguyên văn)")
    verified: bool
    rejection: str | None
    outcome: str | None
    disposition: str


class PaymentAlertRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    payment_id: uuid.UUID
    kind: str
    detail: dict[str, object]
    created_at: LocalDateTime


class RefundCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000, description="Lý do hoàn tiền")
    reference: str = Field(
        min_length=1, max_length=128, description="Mã tham chiếu hoàn tiền của cổng / kho bạc"
    )
