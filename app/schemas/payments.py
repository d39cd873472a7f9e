"""Payments as the API shows them (never a merchant secret, key or gateway URL of ours)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from app.models.payment import PaymentProvider, PaymentStatus
from app.schemas.common import LocalDateTime


class PaymentCreate(BaseModel):
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now, through one provider."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"provider": "vnpay"}})

    provider: PaymentProvider = Field(
        description="Kênh thanh toán: vnpay, momo, zalopay (national: theo cấu hình của tỉnh)",
        examples=["vnpay"],
    )


PAYMENT_EXAMPLE: dict[str, JsonValue] = {
    "id": "0b7e6c1a-3f2d-4e5b-8a9c-1d2e3f4a5b6c",
    "dossier_code": "000.31.00.H99-261123-0001",
    "provider": "vnpay",
    "order_ref": "MC2611230001",
    "amount": 8000,
    "status": "pending",
    "fee_line_ids": [41],
    "pay_url": "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_TxnRef=MC2611230001",
    "receipt_number": None,
    "created_at": "2026-11-23T09:15:00+07:00",
    "expires_at": "2026-11-23T09:30:00+07:00",
    "settled_at": None,
}


class PaymentRead(BaseModel):
    """Giao dịch thanh toán (a payment of a dossier's fees)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"example": PAYMENT_EXAMPLE})

    id: uuid.UUID = Field(description="Mã giao dịch")
    dossier_code: str = Field(description="Mã hồ sơ")
    provider: PaymentProvider = Field(description="Kênh thanh toán")
    order_ref: str = Field(description="Mã giao dịch của hệ thống")
    amount: int = Field(description="Số tiền (đồng)")
    status: PaymentStatus = Field(description="Trạng thái giao dịch")
    fee_line_ids: list[int] = Field(description="Các khoản phí, lệ phí được thanh toán")
    pay_url: str | None = Field(description="Địa chỉ chuyển người nộp tới cổng thanh toán")
    receipt_number: str | None = Field(description="Số biên lai điện tử (khi đã thanh toán)")
    created_at: LocalDateTime = Field(description="Thời điểm tạo giao dịch")
    expires_at: LocalDateTime = Field(description="Hạn thanh toán")
    settled_at: LocalDateTime | None = Field(description="Thời điểm có kết quả thanh toán")


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
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": PAYMENT_EXAMPLE
            | {
                "status": "succeeded",
                "pay_url": None,
                "receipt_number": "BLDT-20261123-MC2611230001",
                "settled_at": "2026-11-23T09:17:42+07:00",
                "merchant_code": "MOTCUA01",
                "agency_code": "000.31.00.H99",
                "provider_txn_id": "14712345",
                "provider_code": "00",
                "refund_reason": None,
                "refund_reference": None,
            }
        },
    )

    merchant_code: str
    agency_code: str
    provider_txn_id: str | None
    provider_code: str | None
    refund_reason: str | None
    refund_reference: str | None


class PaymentCallbackRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "id": 311,
                "provider": "vnpay",
                "received_at": "2026-11-23T09:17:42+07:00",
                "query": "vnp_Amount=800000&vnp_ResponseCode=00&vnp_TxnRef=MC2611230001&...",
                "body": "",
                "verified": True,
                "rejection": None,
                "outcome": "succeeded",
                "disposition": "recorded",
            }
        },
    )

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
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "id": 7,
                "payment_id": "0b7e6c1a-3f2d-4e5b-8a9c-1d2e3f4a5b6c",
                "kind": "refund_needed",
                "detail": {"reason": "already_paid", "amount": 8000},
                "created_at": "2026-11-24T14:02:10+07:00",
            }
        },
    )

    id: int
    payment_id: uuid.UUID
    kind: str
    detail: dict[str, object]
    created_at: LocalDateTime


class RefundCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"reason": "Nộp thừa lệ phí", "reference": "HT-20261124-0001"}
        },
    )

    reason: str = Field(min_length=1, max_length=2000, description="Lý do hoàn tiền")
    reference: str = Field(
        min_length=1, max_length=128, description="Mã tham chiếu hoàn tiền của cổng / kho bạc"
    )


class VnpayIpnAnswer(BaseModel):
    """Our answer to a VNPay IPN, always HTTP 200 (VNPay's protocol): ``00`` recorded, ``01``
    unknown order, ``02`` already final, ``04`` wrong amount, ``97`` bad signature, ``99`` other."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"RspCode": "00", "Message": "Confirm Success"}}
    )

    RspCode: str = Field(description="Mã phản hồi cho VNPay")
    Message: str = Field(description="Thông điệp phản hồi")


class ZalopayCallbackAnswer(BaseModel):
    """Our answer to a ZaloPay callback, always HTTP 200 (ZaloPay's protocol): ``1`` recorded,
    ``2`` already recorded, ``0`` call again later, ``-1`` refused."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"return_code": 1, "return_message": "success"}}
    )

    return_code: int = Field(description="Mã phản hồi cho ZaloPay")
    return_message: str = Field(description="Thông điệp phản hồi")


class NationalCallbackAnswer(BaseModel):
    """Our answer to a national payment platform callback, always HTTP 200, in the configured
    adapter's protocol; the bundled adapter's (the fake's, marked [U]: the platform publishes none)
    is ``00`` recorded, ``02`` already recorded, ``01`` unknown order, ``04`` wrong amount, ``97``
    bad signature, ``99`` malformed or call again later."""

    model_config = ConfigDict(json_schema_extra={"example": {"code": "00", "message": "recorded"}})

    code: str = Field(description="Mã phản hồi cho nền tảng thanh toán")
    message: str = Field(description="Thông điệp phản hồi")
