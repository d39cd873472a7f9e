from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.forwarded_dossier_hinhthuc import ForwardedDossierHinhthuc
from ..models.forwarded_dossier_loaidoituong import ForwardedDossierLoaidoituong
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.forwarded_document import ForwardedDocument


T = TypeVar("T", bound="ForwardedDossier")


@_attrs_define
class ForwardedDossier:
    """A dossier as the portal forwards it (the vocabulary of its synced documents).

    Example:
        {'MaHoSo': 'G22.99-261123-000123', 'MaTTHC': '1.001193', 'MaCoQuan': '000.31.00.H99', 'MaDonViTiepNhan':
            '000.31.00.H99', 'ChuHoSo': 'Nguyễn Văn An', 'LoaiDoiTuong': '1', 'SoGiayToChuHoSo': '001099012345',
            'SoDienThoaiChuHoSo': '0912345678', 'HinhThuc': '0', 'TaiLieuNop': [{'MaThanhPhanHoSo': 'TP01', 'TenTepDinhKem':
            'to-khai.pdf', 'DuongDanTaiTepTin': 'https://dichvucong.gov.vn/files/abc123'}]}

    Attributes:
        ma_ho_so (str): Mã hồ sơ trên Cổng DVCQG
        ma_tthc (str): Mã thủ tục hành chính
        chu_ho_so (str): Chủ hồ sơ
        so_giay_to_chu_ho_so (str): Số giấy tờ tùy thân của chủ hồ sơ
        ma_co_quan (None | str | Unset):
        ma_don_vi_tiep_nhan (None | str | Unset):
        loai_doi_tuong (ForwardedDossierLoaidoituong | Unset):  Default: ForwardedDossierLoaidoituong.VALUE_0.
        so_dien_thoai_chu_ho_so (None | str | Unset):
        email_chu_ho_so (None | str | Unset):
        dia_chi_chu_ho_so (None | str | Unset):
        ma_don_vi_hanh_chinh (None | str | Unset):
        hinh_thuc (ForwardedDossierHinhthuc | Unset):  Default: ForwardedDossierHinhthuc.VALUE_0.
        dia_chi_nhan_ket_qua (None | str | Unset):
        tai_lieu_nop (list[ForwardedDocument] | Unset):
    """

    ma_ho_so: str
    ma_tthc: str
    chu_ho_so: str
    so_giay_to_chu_ho_so: str
    ma_co_quan: None | str | Unset = UNSET
    ma_don_vi_tiep_nhan: None | str | Unset = UNSET
    loai_doi_tuong: ForwardedDossierLoaidoituong | Unset = ForwardedDossierLoaidoituong.VALUE_0
    so_dien_thoai_chu_ho_so: None | str | Unset = UNSET
    email_chu_ho_so: None | str | Unset = UNSET
    dia_chi_chu_ho_so: None | str | Unset = UNSET
    ma_don_vi_hanh_chinh: None | str | Unset = UNSET
    hinh_thuc: ForwardedDossierHinhthuc | Unset = ForwardedDossierHinhthuc.VALUE_0
    dia_chi_nhan_ket_qua: None | str | Unset = UNSET
    tai_lieu_nop: list[ForwardedDocument] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ma_ho_so = self.ma_ho_so

        ma_tthc = self.ma_tthc

        chu_ho_so = self.chu_ho_so

        so_giay_to_chu_ho_so = self.so_giay_to_chu_ho_so

        ma_co_quan: None | str | Unset
        if isinstance(self.ma_co_quan, Unset):
            ma_co_quan = UNSET
        else:
            ma_co_quan = self.ma_co_quan

        ma_don_vi_tiep_nhan: None | str | Unset
        if isinstance(self.ma_don_vi_tiep_nhan, Unset):
            ma_don_vi_tiep_nhan = UNSET
        else:
            ma_don_vi_tiep_nhan = self.ma_don_vi_tiep_nhan

        loai_doi_tuong: str | Unset = UNSET
        if not isinstance(self.loai_doi_tuong, Unset):
            loai_doi_tuong = self.loai_doi_tuong.value

        so_dien_thoai_chu_ho_so: None | str | Unset
        if isinstance(self.so_dien_thoai_chu_ho_so, Unset):
            so_dien_thoai_chu_ho_so = UNSET
        else:
            so_dien_thoai_chu_ho_so = self.so_dien_thoai_chu_ho_so

        email_chu_ho_so: None | str | Unset
        if isinstance(self.email_chu_ho_so, Unset):
            email_chu_ho_so = UNSET
        else:
            email_chu_ho_so = self.email_chu_ho_so

        dia_chi_chu_ho_so: None | str | Unset
        if isinstance(self.dia_chi_chu_ho_so, Unset):
            dia_chi_chu_ho_so = UNSET
        else:
            dia_chi_chu_ho_so = self.dia_chi_chu_ho_so

        ma_don_vi_hanh_chinh: None | str | Unset
        if isinstance(self.ma_don_vi_hanh_chinh, Unset):
            ma_don_vi_hanh_chinh = UNSET
        else:
            ma_don_vi_hanh_chinh = self.ma_don_vi_hanh_chinh

        hinh_thuc: str | Unset = UNSET
        if not isinstance(self.hinh_thuc, Unset):
            hinh_thuc = self.hinh_thuc.value

        dia_chi_nhan_ket_qua: None | str | Unset
        if isinstance(self.dia_chi_nhan_ket_qua, Unset):
            dia_chi_nhan_ket_qua = UNSET
        else:
            dia_chi_nhan_ket_qua = self.dia_chi_nhan_ket_qua

        tai_lieu_nop: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tai_lieu_nop, Unset):
            tai_lieu_nop = []
            for tai_lieu_nop_item_data in self.tai_lieu_nop:
                tai_lieu_nop_item = tai_lieu_nop_item_data.to_dict()
                tai_lieu_nop.append(tai_lieu_nop_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "MaHoSo": ma_ho_so,
                "MaTTHC": ma_tthc,
                "ChuHoSo": chu_ho_so,
                "SoGiayToChuHoSo": so_giay_to_chu_ho_so,
            }
        )
        if ma_co_quan is not UNSET:
            field_dict["MaCoQuan"] = ma_co_quan
        if ma_don_vi_tiep_nhan is not UNSET:
            field_dict["MaDonViTiepNhan"] = ma_don_vi_tiep_nhan
        if loai_doi_tuong is not UNSET:
            field_dict["LoaiDoiTuong"] = loai_doi_tuong
        if so_dien_thoai_chu_ho_so is not UNSET:
            field_dict["SoDienThoaiChuHoSo"] = so_dien_thoai_chu_ho_so
        if email_chu_ho_so is not UNSET:
            field_dict["EmailChuHoSo"] = email_chu_ho_so
        if dia_chi_chu_ho_so is not UNSET:
            field_dict["DiaChiChuHoSo"] = dia_chi_chu_ho_so
        if ma_don_vi_hanh_chinh is not UNSET:
            field_dict["MaDonViHanhChinh"] = ma_don_vi_hanh_chinh
        if hinh_thuc is not UNSET:
            field_dict["HinhThuc"] = hinh_thuc
        if dia_chi_nhan_ket_qua is not UNSET:
            field_dict["DiaChiNhanKetQua"] = dia_chi_nhan_ket_qua
        if tai_lieu_nop is not UNSET:
            field_dict["TaiLieuNop"] = tai_lieu_nop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.forwarded_document import ForwardedDocument  # noqa: PLC0415

        d = dict(src_dict)
        ma_ho_so = d.pop("MaHoSo")

        ma_tthc = d.pop("MaTTHC")

        chu_ho_so = d.pop("ChuHoSo")

        so_giay_to_chu_ho_so = d.pop("SoGiayToChuHoSo")

        def _parse_ma_co_quan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ma_co_quan = _parse_ma_co_quan(d.pop("MaCoQuan", UNSET))

        def _parse_ma_don_vi_tiep_nhan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ma_don_vi_tiep_nhan = _parse_ma_don_vi_tiep_nhan(d.pop("MaDonViTiepNhan", UNSET))

        _loai_doi_tuong = d.pop("LoaiDoiTuong", UNSET)
        loai_doi_tuong: ForwardedDossierLoaidoituong | Unset
        if isinstance(_loai_doi_tuong, Unset):
            loai_doi_tuong = UNSET
        else:
            loai_doi_tuong = ForwardedDossierLoaidoituong(_loai_doi_tuong)

        def _parse_so_dien_thoai_chu_ho_so(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        so_dien_thoai_chu_ho_so = _parse_so_dien_thoai_chu_ho_so(d.pop("SoDienThoaiChuHoSo", UNSET))

        def _parse_email_chu_ho_so(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_chu_ho_so = _parse_email_chu_ho_so(d.pop("EmailChuHoSo", UNSET))

        def _parse_dia_chi_chu_ho_so(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dia_chi_chu_ho_so = _parse_dia_chi_chu_ho_so(d.pop("DiaChiChuHoSo", UNSET))

        def _parse_ma_don_vi_hanh_chinh(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ma_don_vi_hanh_chinh = _parse_ma_don_vi_hanh_chinh(d.pop("MaDonViHanhChinh", UNSET))

        _hinh_thuc = d.pop("HinhThuc", UNSET)
        hinh_thuc: ForwardedDossierHinhthuc | Unset
        if isinstance(_hinh_thuc, Unset):
            hinh_thuc = UNSET
        else:
            hinh_thuc = ForwardedDossierHinhthuc(_hinh_thuc)

        def _parse_dia_chi_nhan_ket_qua(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dia_chi_nhan_ket_qua = _parse_dia_chi_nhan_ket_qua(d.pop("DiaChiNhanKetQua", UNSET))

        _tai_lieu_nop = d.pop("TaiLieuNop", UNSET)
        tai_lieu_nop: list[ForwardedDocument] | Unset = UNSET
        if _tai_lieu_nop is not UNSET:
            tai_lieu_nop = []
            for tai_lieu_nop_item_data in _tai_lieu_nop:
                tai_lieu_nop_item = ForwardedDocument.from_dict(tai_lieu_nop_item_data)

                tai_lieu_nop.append(tai_lieu_nop_item)

        forwarded_dossier = cls(
            ma_ho_so=ma_ho_so,
            ma_tthc=ma_tthc,
            chu_ho_so=chu_ho_so,
            so_giay_to_chu_ho_so=so_giay_to_chu_ho_so,
            ma_co_quan=ma_co_quan,
            ma_don_vi_tiep_nhan=ma_don_vi_tiep_nhan,
            loai_doi_tuong=loai_doi_tuong,
            so_dien_thoai_chu_ho_so=so_dien_thoai_chu_ho_so,
            email_chu_ho_so=email_chu_ho_so,
            dia_chi_chu_ho_so=dia_chi_chu_ho_so,
            ma_don_vi_hanh_chinh=ma_don_vi_hanh_chinh,
            hinh_thuc=hinh_thuc,
            dia_chi_nhan_ket_qua=dia_chi_nhan_ket_qua,
            tai_lieu_nop=tai_lieu_nop,
        )

        forwarded_dossier.additional_properties = d
        return forwarded_dossier

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
