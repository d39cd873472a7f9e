from enum import StrEnum


class DurationUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"

    def __str__(self) -> str:
        return str(self.value)
