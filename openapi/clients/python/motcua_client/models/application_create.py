from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.duration_input import DurationInput
    from ..models.local_fee import LocalFee


T = TypeVar("T", bound="ApplicationCreate")


@_attrs_define
class ApplicationCreate:
    """
    Example:
        {'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA', 'template_version': 1, 'effective_from':
            '2025-07-01', 'procedure': '1.001193', 'agency': '000.31.00.H99'}

    Attributes:
        receiving_offices (list[str]):
        template (str):
        template_version (int):
        effective_from (datetime.date):
        procedure (str):
        agency (str):
        province_wide_reception (bool | Unset): Mọi Bộ phận Một cửa trong tỉnh được tiếp nhận (không phụ thuộc địa giới)
            Default: False.
        processing_time (DurationInput | None | Unset):
        fees (list[LocalFee] | None | Unset):
        payee_agency (None | str | Unset): Cơ quan có tài khoản thu phí, lệ phí trực tuyến của áp dụng này (bỏ trống:
            tài khoản của cơ quan giải quyết)
    """

    receiving_offices: list[str]
    template: str
    template_version: int
    effective_from: datetime.date
    procedure: str
    agency: str
    province_wide_reception: bool | Unset = False
    processing_time: DurationInput | None | Unset = UNSET
    fees: list[LocalFee] | None | Unset = UNSET
    payee_agency: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.duration_input import DurationInput  # noqa: PLC0415

        receiving_offices = self.receiving_offices

        template = self.template

        template_version = self.template_version

        effective_from = self.effective_from.isoformat()

        procedure = self.procedure

        agency = self.agency

        province_wide_reception = self.province_wide_reception

        processing_time: dict[str, Any] | None | Unset
        if isinstance(self.processing_time, Unset):
            processing_time = UNSET
        elif isinstance(self.processing_time, DurationInput):
            processing_time = self.processing_time.to_dict()
        else:
            processing_time = self.processing_time

        fees: list[dict[str, Any]] | None | Unset
        if isinstance(self.fees, Unset):
            fees = UNSET
        elif isinstance(self.fees, list):
            fees = []
            for fees_type_0_item_data in self.fees:
                fees_type_0_item = fees_type_0_item_data.to_dict()
                fees.append(fees_type_0_item)

        else:
            fees = self.fees

        payee_agency: None | str | Unset
        if isinstance(self.payee_agency, Unset):
            payee_agency = UNSET
        else:
            payee_agency = self.payee_agency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "receiving_offices": receiving_offices,
                "template": template,
                "template_version": template_version,
                "effective_from": effective_from,
                "procedure": procedure,
                "agency": agency,
            }
        )
        if province_wide_reception is not UNSET:
            field_dict["province_wide_reception"] = province_wide_reception
        if processing_time is not UNSET:
            field_dict["processing_time"] = processing_time
        if fees is not UNSET:
            field_dict["fees"] = fees
        if payee_agency is not UNSET:
            field_dict["payee_agency"] = payee_agency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration_input import DurationInput  # noqa: PLC0415
        from ..models.local_fee import LocalFee  # noqa: PLC0415

        d = dict(src_dict)
        receiving_offices = cast(list[str], d.pop("receiving_offices"))

        template = d.pop("template")

        template_version = d.pop("template_version")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        procedure = d.pop("procedure")

        agency = d.pop("agency")

        province_wide_reception = d.pop("province_wide_reception", UNSET)

        def _parse_processing_time(data: object) -> DurationInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                processing_time_type_0 = DurationInput.from_dict(data)

                return processing_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DurationInput | None | Unset, data)

        processing_time = _parse_processing_time(d.pop("processing_time", UNSET))

        def _parse_fees(data: object) -> list[LocalFee] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fees_type_0 = []
                _fees_type_0 = data
                for fees_type_0_item_data in _fees_type_0:
                    fees_type_0_item = LocalFee.from_dict(fees_type_0_item_data)

                    fees_type_0.append(fees_type_0_item)

                return fees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LocalFee] | None | Unset, data)

        fees = _parse_fees(d.pop("fees", UNSET))

        def _parse_payee_agency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payee_agency = _parse_payee_agency(d.pop("payee_agency", UNSET))

        application_create = cls(
            receiving_offices=receiving_offices,
            template=template,
            template_version=template_version,
            effective_from=effective_from,
            procedure=procedure,
            agency=agency,
            province_wide_reception=province_wide_reception,
            processing_time=processing_time,
            fees=fees,
            payee_agency=payee_agency,
        )

        return application_create
