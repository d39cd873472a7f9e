from enum import StrEnum


class AuditTarget(StrEnum):
    AGENCY = "agency"
    APPLICATION = "application"
    CALENDAR_DAY = "calendar_day"
    FIELD = "field"
    OUTBOX = "outbox"
    PAYMENT = "payment"
    PROCEDURE = "procedure"
    TEMPLATE = "template"
    UNIT = "unit"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
