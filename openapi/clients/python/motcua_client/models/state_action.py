from enum import StrEnum


class StateAction(StrEnum):
    PUBLISH = "publish"
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
