from enum import StrEnum


class UploadPurpose(StrEnum):
    RESULT = "result"
    SUBMITTED = "submitted"
    SUPPLEMENT = "supplement"

    def __str__(self) -> str:
        return str(self.value)
