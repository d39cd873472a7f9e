from enum import StrEnum


class RunsAtKind(StrEnum):
    COMPETENT_AGENCY = "competent_agency"
    FIXED = "fixed"
    RECEIVING_OFFICE = "receiving_office"
    SAME_AS = "same_as"
    SUBJECT_UNIT_AGENCY = "subject_unit_agency"

    def __str__(self) -> str:
        return str(self.value)
