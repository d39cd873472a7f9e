from enum import StrEnum


class ApplicantKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
