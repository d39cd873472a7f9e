from enum import StrEnum


class SubmissionChannel(StrEnum):
    DESK = "desk"
    ONLINE = "online"
    POSTAL = "postal"

    def __str__(self) -> str:
        return str(self.value)
