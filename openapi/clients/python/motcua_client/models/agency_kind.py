from enum import StrEnum


class AgencyKind(StrEnum):
    COMMUNE_PEOPLE_COMMITTEE = "commune_people_committee"
    MINISTRY = "ministry"
    OTHER = "other"
    PROVINCIAL_DEPARTMENT = "provincial_department"
    PROVINCIAL_PEOPLE_COMMITTEE = "provincial_people_committee"
    SERVICE_CENTRE = "service_centre"
    VERTICAL_AGENCY = "vertical_agency"

    def __str__(self) -> str:
        return str(self.value)
