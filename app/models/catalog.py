"""The catalog: administrative units, agencies, fields (DESIGN.md section 3).

Codes are opaque strings (QCVN 102:2016 agency codes, unit codes); units and agencies form trees of
any depth through ``parent_code``. Nothing is deleted when units merge (Resolution 202/2025/QH15 and
the 2025 two-tier reform): the old row gets ``valid_to`` and ``replaced_by`` and keeps its history.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin

CODE_LENGTH = 64
NAME_LENGTH = 1000  # real procedure names run past 500 characters


def str_enum(enum_class: type[StrEnum], name: str) -> Enum:
    """A non-native enum (VARCHAR + CHECK), so adding a value needs no ALTER TYPE."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=32,
        name=name,  # also the CHECK constraint's name: unique per table
        values_callable=lambda members: [member.value for member in members],
    )


class UnitKind(StrEnum):
    province = "province"  # tỉnh, thành phố trực thuộc trung ương
    commune = "commune"  # xã
    ward = "ward"  # phường
    special_zone = "special_zone"  # đặc khu


class AgencyKind(StrEnum):
    ministry = "ministry"  # bộ, cơ quan ngang bộ
    provincial_people_committee = "provincial_people_committee"  # UBND tỉnh
    provincial_department = "provincial_department"  # sở, ban, ngành
    service_centre = "service_centre"  # Trung tâm Phục vụ hành chính công
    commune_people_committee = "commune_people_committee"  # UBND xã, phường, đặc khu
    vertical_agency = "vertical_agency"  # cơ quan ngành dọc (thuế, công an, ...)
    other = "other"


class AdministrativeUnit(TimestampMixin, Base):
    """Đơn vị hành chính: province, commune, ward, special zone."""

    __tablename__ = "administrative_units"

    code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kind: Mapped[UnitKind] = mapped_column(str_enum(UnitKind, "unit_kind"))
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("administrative_units.code"), index=True
    )
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    replaced_by: Mapped[str | None] = mapped_column(ForeignKey("administrative_units.code"))

    def content(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": str(self.kind),
            "parent": self.parent_code,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "replaced_by": self.replaced_by,
        }


class Agency(TimestampMixin, Base):
    """Cơ quan: an office of the state; a receiving office has ``receives_dossiers`` set."""

    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kind: Mapped[AgencyKind] = mapped_column(str_enum(AgencyKind, "agency_kind"))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"), index=True)
    unit_code: Mapped[str | None] = mapped_column(
        ForeignKey("administrative_units.code"), index=True
    )
    receives_dossiers: Mapped[bool] = mapped_column(default=False)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    replaced_by: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"))

    def content(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": str(self.kind),
            "parent": self.parent_code,
            "unit": self.unit_code,
            "receives_dossiers": self.receives_dossiers,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "replaced_by": self.replaced_by,
        }


class Field(TimestampMixin, Base):
    """Lĩnh vực: the sector a procedure belongs to."""

    __tablename__ = "fields"

    code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))

    def content(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name}
