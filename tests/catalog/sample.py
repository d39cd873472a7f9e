"""A small catalog in the ``motcua.catalog/v1`` format, with real procedure names and codes.

Names and codes come from /work/shared/reference/procedures-seed.json (the national portal); two
extra rows ("Đăng ký khai sinh", 9.xxxxxx) exist only to test exact-name ranking.
"""

from __future__ import annotations

import copy
from typing import Any

PROVINCE = "H99"
COMMUNE_AGENCY = "000.31.00.H99"
OTHER_COMMUNE_AGENCY = "000.32.00.H99"
CONSTRUCTION = "000.00.12.H99"
CENTRE = "000.00.01.H99"


def _procedure(
    code: str,
    name: str,
    field: str,
    amount: str,
    *,
    unit: str = "working_days",
    online: str = "partial",
    fees: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "code": code,
        "version": 1,
        "state": "published",
        "name": name,
        "field": field,
        "processing_time": {"amount": amount, "unit": unit},
        "online_processing_time": None,
        "fees": fees or [],
        "fees_due": "on_submission",
        "documents": [
            {
                "code": "TP01",
                "name": "Tờ khai",
                "originals": 1,
                "copies": 0,
                "mandatory": True,
                "form_url": None,
                "condition": None,
            }
        ],
        "online_level": online,
        "levels": ["commune"],
        "legal_basis": [],
        "result": None,
        "sources": [{"title": "Cổng Dịch vụ công quốc gia", "url": None}],
        "verified": False,
        "notes": None,
    }


def _template(code: str, steps: list[tuple[str, str, str]]) -> dict[str, Any]:
    """Steps as (code, role, amount) in working days; the first at the receiving office."""
    return {
        "code": code,
        "version": 1,
        "name": f"Quy trình {code}",
        "kind": "single_agency",
        "steps": [
            {
                "code": step,
                "name": f"Bước {step}",
                "runs_at": {"kind": "receiving_office"}
                if index == 0
                else {"kind": "competent_agency"},
                "role": role,
                "duration": {"amount": amount, "unit": "working_days"},
            }
            for index, (step, role, amount) in enumerate(steps)
        ],
    }


def _application(procedure: str, agency: str, template: str, **extra: Any) -> dict[str, Any]:
    row = {
        "procedure": procedure,
        "agency": agency,
        "version": 1,
        "state": "published",
        "receiving_offices": [agency],
        "processing_time": None,
        "fees": None,
        "template": template,
        "template_version": 1,
        "effective_from": "2025-07-01",
    }
    row.update(extra)
    return row


def _agency(code: str, name: str, kind: str, unit: str, receives: bool) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "parent": None,
        "unit": unit,
        "receives_dossiers": receives,
        "valid_from": "2025-07-01",
        "valid_to": None,
        "replaced_by": None,
    }


_CATALOG: dict[str, Any] = {
    "format": "motcua.catalog/v1",
    "demo": True,
    # communes listed before their province: the import orders parents first
    "units": [
        {
            "code": "31",
            "name": "Xã Một",
            "kind": "commune",
            "parent": PROVINCE,
            "valid_from": "2025-07-01",
            "valid_to": None,
            "replaced_by": None,
        },
        {
            "code": "32",
            "name": "Phường Hai",
            "kind": "ward",
            "parent": PROVINCE,
            "valid_from": "2025-07-01",
            "valid_to": None,
            "replaced_by": None,
        },
        {
            "code": PROVINCE,
            "name": "Tỉnh Mẫu",
            "kind": "province",
            "parent": None,
            "valid_from": "2025-07-01",
            "valid_to": None,
            "replaced_by": None,
        },
    ],
    "agencies": [
        _agency(
            "000.00.00.H99", "Ủy ban nhân dân tỉnh Mẫu", "provincial_people_committee", "H99", False
        ),
        _agency(CENTRE, "Trung tâm Phục vụ hành chính công tỉnh", "service_centre", "H99", True),
        _agency(CONSTRUCTION, "Sở Xây dựng", "provincial_department", "H99", False),
        _agency(COMMUNE_AGENCY, "UBND xã Một", "commune_people_committee", "31", True),
        _agency(OTHER_COMMUNE_AGENCY, "UBND phường Hai", "commune_people_committee", "32", True),
    ],
    "fields": [
        {"code": "HOTICH", "name": "Hộ tịch"},
        {"code": "XAYDUNG", "name": "Hoạt động xây dựng"},
        {"code": "CUTRU", "name": "Đăng ký, quản lý cư trú"},
        {"code": "GPLX", "name": "Sát hạch, cấp giấy phép lái xe"},
        {"code": "MOITRUONG", "name": "Môi trường"},
    ],
    "procedures": [
        _procedure(
            "1.001193",
            "Thủ tục đăng ký khai sinh",
            "HOTICH",
            "1",
            online="full",
            fees=[
                {
                    "name": "Lệ phí đăng ký khai sinh",
                    "kind": "levy",
                    "amount": 0,
                    "condition": None,
                    "requires_confirmation": False,
                }
            ],
        ),
        _procedure("9.000001", "Đăng ký khai sinh", "HOTICH", "1", online="full"),
        _procedure(
            "2.000986",
            "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo "
            "hiểm y tế cho trẻ em dưới 6 tuổi",
            "HOTICH",
            "20",
        ),
        _procedure("1.000894", "Thủ tục đăng ký kết hôn", "HOTICH", "1", online="full"),
        _procedure("1.000656", "Thủ tục đăng ký khai tử", "HOTICH", "1", online="full"),
        _procedure(
            "1.013225",
            "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không "
            "theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành "
            "tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình "
            "theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ",
            "XAYDUNG",
            "20",
            unit="calendar_days",
            fees=[
                {
                    "name": "Lệ phí cấp giấy phép xây dựng",
                    "kind": "levy",
                    "amount": None,
                    "condition": "Theo nghị quyết của HĐND tỉnh",
                    "requires_confirmation": False,
                }
            ],
        ),
        _procedure(
            "1.013236",
            "Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (Công trình không "
            "theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành "
            "tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình "
            "theo tuyến trong đô thị/Dự án)",
            "XAYDUNG",
            "20",
            unit="calendar_days",
        ),
        _procedure("1.010727", "Cấp giấy phép môi trường (cấp Tỉnh)", "MOITRUONG", "30"),
        _procedure("3.000347", "Đổi giấy phép lái xe", "GPLX", "5", online="full"),
        _procedure("3.000348", "Cấp lại giấy phép lái xe", "GPLX", "5"),
        _procedure("1.004222", "Đăng ký thường trú", "CUTRU", "7", online="full"),
        _procedure("1.004194", "Đăng ký tạm trú", "CUTRU", "3", online="full"),
    ],
    "templates": [
        _template(
            "QT-1NGAY",
            [
                ("S1", "receptionist", "0.125"),
                ("S2", "specialist", "0.5"),
                ("S3", "leader", "0.375"),
            ],
        ),
        _template(
            "QT-20NGAY",
            [("S1", "receptionist", "1"), ("S2", "specialist", "15"), ("S3", "leader", "4")],
        ),
    ],
    "applications": [
        _application("1.001193", COMMUNE_AGENCY, "QT-1NGAY"),
        _application("1.000894", COMMUNE_AGENCY, "QT-1NGAY"),
        _application("1.001193", OTHER_COMMUNE_AGENCY, "QT-1NGAY"),
        _application("2.000986", COMMUNE_AGENCY, "QT-20NGAY"),
    ],
}


def sample_catalog() -> dict[str, Any]:
    """A fresh deep copy each time, so a test may spoil its rows."""
    return copy.deepcopy(_CATALOG)
