from enum import StrEnum


class AdminAction(StrEnum):
    AGENCY_PUT = "agency.put"
    APPLICATION_CHANGE = "application.change"
    APPLICATION_CREATE = "application.create"
    APPLICATION_PUBLISH = "application.publish"
    APPLICATION_RETIRE = "application.retire"
    CALENDAR_DELETE_OVERRIDE = "calendar.delete_override"
    CALENDAR_SET_OVERRIDE = "calendar.set_override"
    FIELD_PUT = "field.put"
    OUTBOX_REPLAY = "outbox.replay"
    PAYMENT_REFUND = "payment.refund"
    PROCEDURE_CHANGE = "procedure.change"
    PROCEDURE_CREATE = "procedure.create"
    PROCEDURE_PUBLISH = "procedure.publish"
    PROCEDURE_RETIRE = "procedure.retire"
    TEMPLATE_CREATE = "template.create"
    UNIT_PUT = "unit.put"
    USER_CREATE = "user.create"
    USER_RESET_PASSWORD = "user.reset_password"
    USER_REVOKE_TOKENS = "user.revoke_tokens"
    USER_UPDATE = "user.update"

    def __str__(self) -> str:
        return str(self.value)
