"""Payments as the API shows them (never a merchant secret, key or gateway URL of ours)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models.payment import PaymentProvider, PaymentStatus


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
    created_at: datetime
    expires_at: datetime
    settled_at: datetime | None
