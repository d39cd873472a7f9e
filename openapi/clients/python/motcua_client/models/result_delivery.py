from enum import StrEnum


class ResultDelivery(StrEnum):
    DESK = "desk"
    ONLINE = "online"
    POSTAL = "postal"

    def __str__(self) -> str:
        return str(self.value)
