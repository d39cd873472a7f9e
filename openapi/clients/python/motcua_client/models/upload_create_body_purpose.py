from enum import StrEnum


class UploadCreateBodyPurpose(StrEnum):
    RESULT = "result"
    SUBMITTED = "submitted"
    SUPPLEMENT = "supplement"

    def __str__(self) -> str:
        return str(self.value)
