from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    LEADER = "leader"
    RECEPTIONIST = "receptionist"
    SPECIALIST = "specialist"

    def __str__(self) -> str:
        return str(self.value)
