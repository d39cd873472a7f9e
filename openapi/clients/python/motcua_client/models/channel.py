from enum import StrEnum


class Channel(StrEnum):
    DESK = "desk"
    NATIONAL_PORTAL = "national_portal"
    ONLINE = "online"
    POSTAL = "postal"

    def __str__(self) -> str:
        return str(self.value)
