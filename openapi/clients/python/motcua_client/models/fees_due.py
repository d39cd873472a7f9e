from enum import StrEnum


class FeesDue(StrEnum):
    ON_REQUEST = "on_request"
    ON_RETURN = "on_return"
    ON_SUBMISSION = "on_submission"

    def __str__(self) -> str:
        return str(self.value)
