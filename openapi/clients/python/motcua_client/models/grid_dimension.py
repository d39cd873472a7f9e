from enum import StrEnum


class GridDimension(StrEnum):
    AGENCY = "agency"
    CHANNEL = "channel"
    PROCEDURE = "procedure"
    UNIT = "unit"

    def __str__(self) -> str:
        return str(self.value)
