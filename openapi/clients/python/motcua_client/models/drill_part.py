from enum import StrEnum


class DrillPart(StrEnum):
    DENOMINATOR = "denominator"
    NUMERATOR = "numerator"

    def __str__(self) -> str:
        return str(self.value)
