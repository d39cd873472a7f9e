from enum import StrEnum


class OverrideKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"

    def __str__(self) -> str:
        return str(self.value)
