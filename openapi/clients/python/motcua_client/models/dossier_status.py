from enum import StrEnum


class DossierStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    IN_PROGRESS = "in_progress"
    RECEIVED = "received"
    REFUSED = "refused"
    REJECTED = "rejected"
    RESOLVED = "resolved"
    RETURNED = "returned"
    STOPPED = "stopped"
    SUBMITTED = "submitted"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
