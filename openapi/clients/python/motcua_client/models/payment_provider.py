from enum import StrEnum


class PaymentProvider(StrEnum):
    CASH = "cash"
    MOMO = "momo"
    NATIONAL = "national"
    VNPAY = "vnpay"
    ZALOPAY = "zalopay"

    def __str__(self) -> str:
        return str(self.value)
