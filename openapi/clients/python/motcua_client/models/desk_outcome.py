from enum import StrEnum


class DeskOutcome(StrEnum):
    RECEIVE = "receive"
    REFUSE = "refuse"
    REQUEST_SUPPLEMENT = "request_supplement"

    def __str__(self) -> str:
        return str(self.value)
