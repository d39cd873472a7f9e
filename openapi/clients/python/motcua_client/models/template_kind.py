from enum import StrEnum


class TemplateKind(StrEnum):
    CROSS_LEVEL = "cross_level"
    SAME_LEVEL = "same_level"
    SINGLE_AGENCY = "single_agency"

    def __str__(self) -> str:
        return str(self.value)
