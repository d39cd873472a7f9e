from enum import StrEnum


class StepRole(StrEnum):
    LEADER = "leader"
    RECEPTIONIST = "receptionist"
    SPECIALIST = "specialist"

    def __str__(self) -> str:
        return str(self.value)
