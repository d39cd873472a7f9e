"""Build the demo catalog ``app/demo/catalog.json`` from ``procedures-seed.json``.

    python -m app.demo.build_catalog /work/shared/reference/procedures-seed.json

DEMO DATA. The province "Tỉnh Mẫu" (unit code H99), its communes and its agencies are fictional;
the procedures are real national records (mã TTHC) taken from the seed, each keeping its sources.
Everything the seed does not say (the province, which agency applies which procedure, process
templates, local fees set by the provincial People's Council, online levels) is written by hand
below, as data, so that a reviewer can read it and the file can be rebuilt deterministically.

Choices made here (also written into each record's ``notes``):
* Units: ``ngay_lam_viec`` -> working_days; ``gio`` -> working_hours; ``ngay`` ("Ngày" on the portal,
  not saying whether working or calendar days) -> working_days, except where the seed itself reads
  it as calendar days (3.000333, 1.012812) -> calendar_days; no unit -> working_days.
* A processing time the portal does not publish (three authentication procedures) gets a demo value
  and the record is marked ``verified: false`` (its time is ours, not the source's).
* Fees whose amount is set elsewhere (provincial HĐND, a fee circular) stay ``null`` in the national
  record; every application of such a procedure carries local fees with an integer demo amount whose
  condition says it is a demo value, not a real tariff.
* ``online_level``: the seed has it only for 1.013076; elsewhere it is chosen from the channels the
  portal offers and the nature of the procedure (noted).
* Commune administrative units are coded ``H99.31``, ``H99.32``, ``H99.33``, matching the communes'
  people's committees ``000.31.00.H99`` .. ``000.33.00.H99``.
* Documents by channel: the seed says it only in the condition text ("nộp trực tuyến" -> online;
  "nộp trực tiếp [hoặc qua bưu chính]" -> in person and by post); the seed's ``mode: present``
  ("Xuất trình (không nộp)") -> ``presented_only``.
* Times by channel: a channel's time is kept where shorter than the procedure's (noted otherwise).
* Left out: the three catalogue-only records (no time, no documents) and 1.002759 (no document table).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("catalog.json")
VALID_FROM = "2025-07-01"  # two-tier local government (Decree 118/2025 in force)

PROVINCE = "H99"
CENTRE = "000.00.01.H99"
PC = "000.00.00.H99"  # provincial people's committee
JUSTICE, CONSTRUCTION, AGRI_ENV, FINANCE = (
    "000.00.11.H99",
    "000.00.12.H99",
    "000.00.13.H99",
    "000.00.14.H99",
)
LAND_OFFICE = "000.01.13.H99"
POLICE = "000.00.21.H99"
SOCIAL_INSURANCE = "000.00.22.H99"

# commune unit code, kind, unit name, people's committee code, committee name, police code
COMMUNES = [
    ("H99.31", "commune", "Xã An Bình (demo)", "000.31.00.H99", "Ủy ban nhân dân xã An Bình",
     "000.31.21.H99", "Công an xã An Bình"),
    ("H99.32", "ward", "Phường Hòa Phú (demo)", "000.32.00.H99", "Ủy ban nhân dân phường Hòa Phú",
     "000.32.21.H99", "Công an phường Hòa Phú"),
    ("H99.33", "commune", "Xã Tân Lập (demo)", "000.33.00.H99", "Ủy ban nhân dân xã Tân Lập",
     "000.33.21.H99", "Công an xã Tân Lập"),
]  # fmt: skip
COMMUNE_PCS = [c[3] for c in COMMUNES]

# code, name, kind, parent, unit, receives dossiers
PROVINCIAL_AGENCIES = [
    (PC, "Ủy ban nhân dân tỉnh Mẫu", "provincial_people_committee", None, False),
    (CENTRE, "Trung tâm Phục vụ hành chính công tỉnh Mẫu", "service_centre", PC, True),
    (JUSTICE, "Sở Tư pháp tỉnh Mẫu", "provincial_department", PC, False),
    (CONSTRUCTION, "Sở Xây dựng tỉnh Mẫu", "provincial_department", PC, False),
    (AGRI_ENV, "Sở Nông nghiệp và Môi trường tỉnh Mẫu", "provincial_department", PC, False),
    (FINANCE, "Sở Tài chính tỉnh Mẫu", "provincial_department", PC, False),
    (LAND_OFFICE, "Văn phòng đăng ký đất đai tỉnh Mẫu", "other", AGRI_ENV, False),
    # vertical agencies: under their ministries, which the demo catalog does not hold
    (POLICE, "Công an tỉnh Mẫu", "vertical_agency", None, False),
    (SOCIAL_INSURANCE, "Bảo hiểm xã hội tỉnh Mẫu", "vertical_agency", None, False),
]

# seed field name -> (code, name)
FIELDS = {
    "Hộ tịch": ("HOTICH", "Hộ tịch"),
    "Chứng thực": ("CHUNGTHUC", "Chứng thực"),
    "Lý lịch tư pháp": ("LYLICHTUPHAP", "Lý lịch tư pháp"),
    "Đăng ký, quản lý cư trú": ("CUTRU", "Đăng ký, quản lý cư trú"),
    "Cấp, quản lý căn cước": ("CANCUOC", "Cấp, quản lý căn cước"),
    "Sát hạch, cấp giấy phép lái xe": ("GPLX", "Sát hạch, cấp giấy phép lái xe"),
    "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng": (
        "DANGKYXE",
        "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng",
    ),
    "Đất đai": ("DATDAI", "Đất đai"),
    "Hoạt động xây dựng": ("XAYDUNG", "Hoạt động xây dựng"),
    "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)": ("HOKINHDOANH", "Hộ kinh doanh"),
    "Thành lập và hoạt động của doanh nghiệp": (
        "DOANHNGHIEP",
        "Thành lập và hoạt động của doanh nghiệp",
    ),
    "Môi trường": ("MOITRUONG", "Môi trường"),
    "Chi trả các chế độ BHXH": ("BHXH", "Chi trả các chế độ bảo hiểm xã hội"),
    "Giảm nghèo": ("GIAMNGHEO", "Giảm nghèo"),
    "Quản lý chất lượng nông lâm sản và thủy sản": (
        "CLNLTS",
        "Quản lý chất lượng nông lâm sản và thủy sản",
    ),
    "Nghĩa vụ quân sự": ("NVQS", "Nghĩa vụ quân sự"),
}

SKIPPED = {"1.002759": "no document table in the public copy"}

# Processing times the portal does not publish: a demo value (amount, unit, why).
DEMO_TIMES = {
    "2.000815": ("1", "working_days", "Nghị định 23/2015/NĐ-CP art. 7: same or next working day"),
    "2.000884": ("1", "working_days", "Nghị định 23/2015/NĐ-CP art. 7: same or next working day"),
    "2.001035": ("2", "working_days", "transactions usually take longer than a signature"),
}
CALENDAR_DAY_CODES = {"3.000333", "1.012812"}  # the seed reads their "Ngày" as calendar days
FEES_DUE = {
    "1.013978": ("on_request", "land fees are assessed after appraisal"),
    "1.013831": ("on_request", "land fees are assessed after appraisal"),
}

# online level chosen for the demo (the seed has null except 1.013076) and why
ONLINE = {
    "1.001193": ("full", "birth registration is offered fully online (VNeID / national portal)"),
    "1.000894": ("partial", "both parties must attend to sign the register"),
    "1.000656": ("full", "death registration is offered fully online"),
    "1.004873": ("full", "the certificate can be issued electronically"),
    "1.004859": ("partial", "originals may have to be checked at the desk"),
    "2.000806": ("partial", "both parties must attend; foreign documents are checked"),
    "2.000635": ("full", "copies come from the electronic civil-status database"),
    "2.000986": ("none", "the portal offers in-person submission only"),
    "2.000815": ("none", "the portal offers in-person submission only"),
    "2.000884": ("none", "the signer must sign before the officer"),
    "2.001035": ("partial", "the parties sign before the officer"),
    "2.000908": ("partial", "the copy is handed over on paper"),
    "3.000333": ("full", "requests and electronic certificates are offered online"),
    "1.004222": ("full", "residence registration is offered fully online (VNeID)"),
    "1.004194": ("full", "residence registration is offered fully online (VNeID)"),
    "1.014063": ("partial", "biometric capture needs the applicant in person"),
    "3.000347": ("full", "licence exchange is offered fully online"),
    "3.000348": ("partial", "re-issue may need a health certificate checked in person"),
    "1.013076": ("partial", "stated in the procedure's name ('một phần')"),
    "1.013978": ("partial", "originals and a site check are needed"),
    "1.013831": ("partial", "the original certificate must be handed in"),
    "1.012783": ("partial", "the original certificate must be handed in"),
    "1.012784": ("partial", "a survey on site is needed"),
    "1.012812": ("none", "the portal offers no online channel"),
    "1.013225": ("partial", "drawings are checked and stamped on paper"),
    "1.013236": ("partial", "drawings are checked and stamped on paper"),
    "1.001612": ("full", "registration is offered fully online"),
    "2.000720": ("full", "registration is offered fully online"),
    "2.001583": ("full", "filed through the national business-registration portal"),
    "1.010727": ("partial", "an inspection on site is needed"),
    "1.001601": ("none", "the portal offers post and in person only"),
    "1.011607": ("none", "the portal offers post and in person only"),
    "2.001827": ("partial", "an inspection on site is needed"),
    "1.013133": ("full", "online registration is answered within 2 working hours"),
}

DEMO_FEE = "Giá trị demo, không phải biểu phí thật"


def local_fee(name: str, kind: str, amount: int, condition: str) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "amount": amount,
        "condition": condition,
        "requires_confirmation": False,
    }


def copy_fee(name: str) -> dict[str, Any]:
    """A copy "nếu có yêu cầu": charged per copy, and only when asked for (issue 15)."""
    return local_fee(
        name,
        "charge",
        8000,
        "Nếu có yêu cầu; 8.000 đồng/bản như thủ tục 2.000635 (Thông tư 281/2016/TT-BTC)",
    ) | {"requires_confirmation": True, "quantity": "copies"}


def hdnd_fee(name: str, amount: int, kind: str = "levy", extra: str = "") -> dict[str, Any]:
    suffix = f"; {extra}" if extra else ""
    return local_fee(
        name,
        kind,
        amount,
        f"{DEMO_FEE}: mức thu do HĐND tỉnh quyết định (tỉnh Mẫu là tỉnh giả lập){suffix}",
    )


# 2.000 đ a page, 1.000 đ from page 3, at most 200.000 đ a copy (Thông tư 226/2016/TT-BTC)
CERTIFIED_COPY_RULE: dict[str, Any] = {
    "amount": None,
    "quantity": "pages",
    "per": "copies",
    "tiers": [{"from": 1, "amount": 2000}, {"from": 3, "amount": 1000}],
    "cap": 200000,
}

# Local fees of every application of a procedure whose national fee amount is not fixed.
LOCAL_FEES: dict[str, list[dict[str, Any]]] = {
    "1.001193": [
        local_fee("Lệ phí đăng ký khai sinh", "levy", 0, "Miễn lệ phí khi đăng ký đúng hạn"),
        copy_fee("Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)"),
    ],
    "1.000894": [
        local_fee("Lệ phí đăng ký kết hôn", "levy", 0, "Miễn lệ phí"),
        copy_fee("Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu)"),
    ],
    "1.000656": [
        hdnd_fee("Lệ phí đăng ký khai tử", 0, extra="miễn khi đăng ký đúng hạn"),
        copy_fee("Phí cấp bản sao Trích lục khai tử (nếu có yêu cầu)"),
    ],
    "1.004873": [hdnd_fee("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 5000)],
    "1.004859": [
        hdnd_fee("Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch", 10000),
        copy_fee("Phí cấp bản sao Trích lục (nếu có yêu cầu)"),
    ],
    "2.000806": [hdnd_fee("Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1000000)],
    "2.000815": [
        local_fee(
            "Phí chứng thực bản sao từ bản chính",
            "charge",
            2000,
            "2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản "
            "(phí tại cơ quan đại diện ở nước ngoài không áp dụng tại tỉnh)",
        )
        | CERTIFIED_COPY_RULE
    ],
    "2.000884": [
        local_fee(
            "Phí chứng thực chữ ký",
            "charge",
            10000,
            "10.000 đồng/trường hợp (phí tại cơ quan đại diện ở nước ngoài không áp dụng tại tỉnh)",
        )
    ],
    "3.000333": [
        local_fee(
            "Phí cung cấp thông tin lý lịch tư pháp",
            "charge",
            200000,
            f"{DEMO_FEE}: mức theo Thông tư 244/2016/TT-BTC cần kiểm tra trước khi dùng thật",
        )
    ],
    "1.013076": [hdnd_fee("Lệ phí đăng ký, cấp biển số xe", 50000, extra="tùy loại xe, khu vực")],
    "1.013978": [hdnd_fee("Phí thẩm định hồ sơ, lệ phí cấp Giấy chứng nhận", 100000)],
    "1.013831": [hdnd_fee("Phí thẩm định hồ sơ, lệ phí cấp Giấy chứng nhận", 100000)],
    "1.012783": [hdnd_fee("Lệ phí cấp đổi Giấy chứng nhận", 50000)],
    "1.012784": [hdnd_fee("Phí thẩm định hồ sơ, lệ phí cấp Giấy chứng nhận", 100000)],
    "1.012812": [local_fee("Phí, lệ phí", "levy", 0, f"{DEMO_FEE}: không thu")],
    "1.013225": [hdnd_fee("Lệ phí cấp giấy phép xây dựng", 75000)],
    "1.013236": [hdnd_fee("Lệ phí cấp giấy phép xây dựng", 150000)],
    "2.000720": [hdnd_fee("Lệ phí đăng ký thay đổi nội dung hộ kinh doanh", 30000)],
    "1.010727": [
        hdnd_fee("Phí thẩm định cấp giấy phép môi trường", 20000000, kind="charge"),
    ],
}


def step(
    code: str, name: str, runs_at: dict[str, str], role: str, amount: str, unit: str
) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "runs_at": runs_at,
        "role": role,
        "duration": {"amount": amount, "unit": unit},
    }


RECEIVING = {"kind": "receiving_office"}
COMPETENT = {"kind": "competent_agency"}
SUBJECT_UNIT = {"kind": "subject_unit_agency"}


def fixed(agency: str) -> dict[str, str]:
    return {"kind": "fixed", "agency": agency}


def same_as(code: str) -> dict[str, str]:
    return {"kind": "same_as", "step": code}


UNIT_LABEL = {"working_days": "ngày làm việc", "calendar_days": "ngày", "working_hours": "giờ"}
UNIT_SHORT = {"working_days": "NLV", "calendar_days": "NGAY", "working_hours": "GIO"}

# Single-agency templates: (receive, appraise, approve, return) for each processing time used.
SINGLE_SPLITS = {
    ("1", "working_days"): ("0.125", "0.5", "0.25", "0.125"),
    ("2", "working_days"): ("0.25", "1.25", "0.25", "0.25"),
    ("3", "working_days"): ("0.5", "1.5", "0.5", "0.5"),
    ("5", "working_days"): ("0.5", "3", "1", "0.5"),
    ("7", "working_days"): ("0.5", "5", "1", "0.5"),
    ("15", "working_days"): ("0.5", "12.5", "1.5", "0.5"),
    ("20", "working_days"): ("0.5", "17", "2", "0.5"),
    ("10", "calendar_days"): ("1", "7", "1", "1"),
    ("30", "calendar_days"): ("1", "26", "2", "1"),
}


def single_template(amount: str, unit: str) -> dict[str, Any]:
    receive, appraise, approve, give_back = SINGLE_SPLITS[(amount, unit)]
    return {
        "code": f"QT-MOTCUA-{amount}{UNIT_SHORT[unit]}",
        "version": 1,
        "name": f"Quy trình một cửa, một cơ quan giải quyết: {amount} {UNIT_LABEL[unit]}",
        "kind": "single_agency",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ", RECEIVING, "receptionist", receive, unit),
            step("S2", "Thẩm định hồ sơ", COMPETENT, "specialist", appraise, unit),
            step("S3", "Phê duyệt, ký kết quả", same_as("S2"), "leader", approve, unit),
            step("S4", "Trả kết quả", RECEIVING, "receptionist", give_back, unit),
        ],
    }


WD = "working_days"
INTER_AGENCY_TEMPLATES: list[dict[str, Any]] = [
    {
        "code": "QT-LTCC-GPXD-SXD-SNNMT",
        "version": 1,
        "name": "Liên thông cùng cấp: Sở Xây dựng thẩm định, lấy ý kiến Sở Nông nghiệp và Môi "
        "trường, cấp giấy phép xây dựng (20 ngày làm việc)",
        "kind": "same_level",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ tại Trung tâm PVHCC", RECEIVING, "receptionist", "0.5", WD),
            step("S2", "Sở Xây dựng thẩm định hồ sơ", COMPETENT, "specialist", "9", WD),
            step(
                "S3",
                "Sở Nông nghiệp và Môi trường cho ý kiến về đất đai, môi trường",
                fixed(AGRI_ENV),
                "specialist",
                "7",
                WD,
            ),
            step("S4", "Lãnh đạo Sở Xây dựng ký giấy phép", same_as("S2"), "leader", "3", WD),
            step("S5", "Trả kết quả", RECEIVING, "receptionist", "0.5", WD),
        ],
    },
    {
        "code": "QT-LTCC-GPMT-SNNMT-UBND",
        "version": 1,
        "name": "Liên thông cùng cấp: Sở Nông nghiệp và Môi trường thẩm định, UBND tỉnh cấp "
        "giấy phép môi trường (30 ngày làm việc)",
        "kind": "same_level",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ tại Trung tâm PVHCC", RECEIVING, "receptionist", "0.5", WD),
            step("S2", "Sở Nông nghiệp và Môi trường thẩm định", fixed(AGRI_ENV), "specialist", "20", WD),
            step("S3", "Lãnh đạo Sở trình UBND tỉnh", same_as("S2"), "leader", "3", WD),
            step("S4", "UBND tỉnh cấp giấy phép", COMPETENT, "leader", "6", WD),
            step("S5", "Trả kết quả", RECEIVING, "receptionist", "0.5", WD),
        ],
    },
    *[
        {
            "code": f"QT-LTGC-DATDAI-LANDAU-{total}NLV",
            "version": 1,
            "name": "Liên thông giữa các cấp: UBND xã tiếp nhận, Văn phòng đăng ký đất đai tỉnh "
            f"xử lý, Chủ tịch UBND xã ký, trả tại xã ({total} ngày làm việc)",
            "kind": "cross_level",
            "steps": [
                step("S1", "Tiếp nhận hồ sơ tại UBND xã", RECEIVING, "receptionist", "0.5", WD),
                step("S2", "UBND xã kiểm tra hiện trạng, xác nhận", COMPETENT, "specialist", s2, WD),
                step(
                    "S3",
                    "Văn phòng đăng ký đất đai tỉnh trích lục, xác định nghĩa vụ tài chính",
                    fixed(LAND_OFFICE),
                    "specialist",
                    s3,
                    WD,
                ),
                step("S4", "Lãnh đạo Văn phòng đăng ký đất đai", same_as("S3"), "leader", s4, WD),
                step("S5", "Chủ tịch UBND xã ký Giấy chứng nhận", COMPETENT, "leader", s5, WD),
                step("S6", "Trả kết quả tại UBND xã", RECEIVING, "receptionist", "0.5", WD),
            ],
        }
        for total, s2, s3, s4, s5 in (("27", "5", "15", "2", "4"), ("20", "3", "11", "1.5", "3.5"))
    ],
    {
        "code": "QT-LTGC-DATDAI-BIENDONG-18NLV",
        "version": 1,
        "name": "Liên thông giữa các cấp: tiếp nhận tại xã hoặc Trung tâm PVHCC, Văn phòng đăng ký "
        "đất đai tỉnh xử lý, UBND xã nơi có đất cập nhật hồ sơ địa chính (18 ngày làm việc)",
        "kind": "cross_level",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ", RECEIVING, "receptionist", "0.5", WD),
            step("S2", "Văn phòng đăng ký đất đai thẩm định", COMPETENT, "specialist", "12", WD),
            step("S3", "UBND xã nơi có đất cập nhật hồ sơ địa chính", SUBJECT_UNIT, "specialist", "3", WD),
            step("S4", "Lãnh đạo Văn phòng đăng ký đất đai ký", same_as("S2"), "leader", "2", WD),
            step("S5", "Trả kết quả", RECEIVING, "receptionist", "0.5", WD),
        ],
    },
    {
        "code": "QT-LTGC-DATDAI-TACHTHUA-22NLV",
        "version": 1,
        "name": "Liên thông giữa các cấp: Văn phòng đăng ký đất đai tỉnh xử lý, UBND xã nơi có "
        "đất xác minh thực địa (22 ngày làm việc)",
        "kind": "cross_level",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ", RECEIVING, "receptionist", "0.5", WD),
            step("S2", "Văn phòng đăng ký đất đai thẩm định", COMPETENT, "specialist", "10", WD),
            step("S3", "UBND xã nơi có đất xác minh thực địa", SUBJECT_UNIT, "specialist", "5", WD),
            step("S4", "Lãnh đạo Văn phòng đăng ký đất đai ký", same_as("S2"), "leader", "6", WD),
            step("S5", "Trả kết quả", RECEIVING, "receptionist", "0.5", WD),
        ],
    },
    {
        "code": "QT-LTGC-KHAISINH-CUTRU-BHYT-XA31",
        "version": 1,
        "name": "Liên thông giữa các cấp: khai sinh tại UBND xã An Bình, đăng ký thường trú tại "
        "Công an xã, cấp thẻ BHYT tại Bảo hiểm xã hội tỉnh (20 ngày làm việc)",
        "kind": "cross_level",
        "steps": [
            step("S1", "Tiếp nhận hồ sơ tại UBND xã", RECEIVING, "receptionist", "0.5", WD),
            step("S2", "Công chức tư pháp - hộ tịch đăng ký khai sinh", COMPETENT, "specialist", "2.5", WD),
            step("S3", "Chủ tịch UBND xã ký Giấy khai sinh", same_as("S2"), "leader", "1", WD),
            step("S4", "Công an xã đăng ký thường trú", fixed("000.31.21.H99"), "specialist", "7", WD),
            step("S5", "Bảo hiểm xã hội tỉnh cấp thẻ BHYT", fixed(SOCIAL_INSURANCE), "specialist", "8.5", WD),
            step("S6", "Trả kết quả tại UBND xã", RECEIVING, "receptionist", "0.5", WD),
        ],
    },
]  # fmt: skip


def app(
    agency: str,
    receiving: list[str],
    template: str | None = None,
    local_time: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """An application; ``template`` None means the single-agency template of its duration."""
    return {"agency": agency, "receiving": receiving, "template": template, "local": local_time}


def at_communes(template: str | None = None) -> list[dict[str, Any]]:
    return [app(pc, [pc], template) for pc in COMMUNE_PCS]


def at_commune_police() -> list[dict[str, Any]]:
    return [app(c[5], [c[3]]) for c in COMMUNES]


LAND_RECEIVING = [CENTRE, *COMMUNE_PCS]

# Which agencies apply each procedure, received where, with which process template.
APPLICATIONS: dict[str, list[dict[str, Any]]] = {
    # birth registration: received at the commune or, regardless of address, at the centre
    "1.001193": [app(pc, [pc, CENTRE]) for pc in COMMUNE_PCS],
    "1.000894": at_communes(),
    "1.000656": at_communes(),
    "1.004873": at_communes(),
    "1.004859": at_communes(),
    "2.000806": at_communes(),
    "2.000635": [*at_communes(), app(JUSTICE, [CENTRE])],
    "2.000986": [app("000.31.00.H99", ["000.31.00.H99"], "QT-LTGC-KHAISINH-CUTRU-BHYT-XA31")],
    "2.000815": at_communes(),
    "2.000884": at_communes(),
    "2.001035": at_communes(),
    "2.000908": [*at_communes(), app(JUSTICE, [CENTRE])],
    "3.000333": [app(POLICE, [CENTRE])],
    "1.004222": at_commune_police(),
    "1.004194": at_commune_police(),
    "1.014063": at_commune_police(),
    "3.000347": [app(POLICE, [CENTRE])],
    "3.000348": [app(POLICE, [CENTRE])],
    "1.013076": at_commune_police(),
    "1.013978": [
        app("000.31.00.H99", ["000.31.00.H99"], "QT-LTGC-DATDAI-LANDAU-27NLV"),
        # a commune that commits to a shorter time than the national one
        app("000.32.00.H99", ["000.32.00.H99"], "QT-LTGC-DATDAI-LANDAU-20NLV", ("20", WD)),
        app("000.33.00.H99", ["000.33.00.H99"], "QT-LTGC-DATDAI-LANDAU-27NLV"),
    ],
    "1.013831": [app(LAND_OFFICE, LAND_RECEIVING, "QT-LTGC-DATDAI-BIENDONG-18NLV")],
    "1.012783": [app(LAND_OFFICE, LAND_RECEIVING)],
    "1.012784": [app(LAND_OFFICE, LAND_RECEIVING, "QT-LTGC-DATDAI-TACHTHUA-22NLV")],
    "1.012812": at_communes(),
    "1.013225": at_communes(),
    "1.013236": [app(CONSTRUCTION, [CENTRE], "QT-LTCC-GPXD-SXD-SNNMT")],
    "1.001612": [
        *at_communes()[:2],
        app("000.33.00.H99", ["000.33.00.H99"], None, ("2", WD)),
    ],
    "2.000720": at_communes(),
    "2.001583": [app(FINANCE, [CENTRE])],
    "1.010727": [app(PC, [CENTRE], "QT-LTCC-GPMT-SNNMT-UBND")],
    "1.001601": [app(SOCIAL_INSURANCE, [CENTRE])],
    "1.011607": at_communes(),
    "2.001827": [app(AGRI_ENV, [CENTRE])],
    "1.013133": at_communes(),
}

# ------------------------------------------------------------------------------------------------

SEED_UNITS = {"ngay_lam_viec": "working_days", "gio": "working_hours"}
FEE_KINDS = {"phi": "charge", "le_phi": "levy"}


def _decimal_text(value: float | int | str) -> str:
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def _time(code: str, raw: dict[str, Any] | None, notes: list[str]) -> dict[str, str]:
    raw = raw or {}
    amount, unit = raw.get("amount"), raw.get("unit")
    if amount is None:
        demo_amount, demo_unit, why = DEMO_TIMES[code]
        notes.append(
            f"Demo processing time {demo_amount} {demo_unit}: the portal publishes none ({why}); "
            "marked unverified for that reason."
        )
        return {"amount": demo_amount, "unit": demo_unit}
    if unit in SEED_UNITS:
        mapped = SEED_UNITS[unit]
    elif unit == "ngay" and code in CALENDAR_DAY_CODES:
        mapped = "calendar_days"
        notes.append("The portal's 'Ngày' is read as calendar days, as the seed notes.")
    elif unit == "ngay":
        mapped = "working_days"
        notes.append(
            "The portal says 'Ngày' without saying working or calendar days; the demo counts "
            "working days. Check the legal text before real use."
        )
    else:
        mapped = "working_days"
        notes.append("The portal shows the time without a unit; the demo counts working days.")
    return {"amount": _decimal_text(amount), "unit": mapped}


SEED_CHANNELS = {"truc_tuyen": "online", "buu_chinh": "postal", "truc_tiep": "desk"}
CHANNEL_NAMES = {"online": "online", "postal": "postal", "desk": "in-person"}


def _channel_times(record: dict[str, Any], main: dict[str, str], notes: list[str]) -> Any:
    """Times the portal shows per channel, kept where shorter than the procedure's time in the same
    unit (or in another unit: 1.013133 online 2 working hours); a longer one is noted, not used
    (a channel never makes a dossier later than the national time)."""
    times: dict[str, dict[str, str]] = {}
    for value in record.get("processing_time_by_channel") or []:
        channel = SEED_CHANNELS.get(value["channel"])
        if channel is None or value["amount"] is None:
            continue
        unit = SEED_UNITS.get(value["unit"] or "", main["unit"])
        amount = _decimal_text(value["amount"])
        if unit == main["unit"] and Decimal(amount) >= Decimal(main["amount"]):
            if Decimal(amount) > Decimal(main["amount"]):
                notes.append(
                    f"The portal shows a longer {CHANNEL_NAMES[channel]} time ({amount}) than the "
                    "procedure's; not used."
                )
            continue
        times[channel] = {"amount": amount, "unit": unit}
    return dict(sorted(times.items()))


# The seed's fee texts as fee rules (docs/payments.md), by procedure and the fee's position: what
# the text says in words (tiers, a cap, a per-channel price, dated reductions) the rule computes.
FEE_RULES: dict[str, dict[int, dict[str, Any] | None]] = {
    "2.000815": {0: CERTIFIED_COPY_RULE},
    # 50 % from 2025-07-01 to 2026-12-31 (Thông tư 64/2025/TT-BTC); in 2025 online at 50 %
    "1.014063": {
        0: {
            "reductions": [
                {
                    "percent": 50,
                    "from": "2025-07-01",
                    "until": "2026-12-31",
                    "source": "Thông tư 64/2025/TT-BTC",
                },
                {
                    "percent": 50,
                    "from": "2025-01-01",
                    "until": "2025-12-31",
                    "channels": ["online", "national_portal"],
                },
            ]
        }
    },
    # one fee, another price online and by post (the portal lists them as two lines)
    "1.001612": {
        0: {
            "name": "Lệ phí đăng ký hộ kinh doanh",
            "channels": {
                "online": {"amount": 150000},
                "postal": {"amount": 150000},
                "national_portal": {"amount": 150000},
            },
        },
        1: None,  # merged into the first line's per-channel price
    },
}


def _fees(record: dict[str, Any]) -> list[dict[str, Any]]:
    fees = []
    rules = FEE_RULES.get(record["code"], {})
    for index, fee in enumerate(record["fees"]):
        if index in rules and rules[index] is None:
            continue
        fees.append(
            {
                "name": fee["name"],
                "kind": FEE_KINDS[fee["kind"]],
                "amount": fee["amount_vnd"],
                "condition": fee.get("condition"),
                "requires_confirmation": False,
                **(rules.get(index) or {}),
            }
        )
    return fees


# The channel a document is for, as the portal's condition text says it (the seed has no field for
# it): a paper form for the paper channels, its electronic twin online. "Nộp trực tiếp" alone is read
# as the paper channels, in person and by post alike.
DOCUMENT_CHANNELS = (
    ("nộp trực tuyến", ["online"]),
    ("nộp trực tiếp", ["desk", "postal"]),
)


def _channels(condition: str | None) -> list[str] | None:
    text = (condition or "").lower()
    for prefix, channels in DOCUMENT_CHANNELS:
        if text.startswith(prefix):
            return channels
    return None


def _documents(record: dict[str, Any]) -> list[dict[str, Any]]:
    documents = []
    for index, doc in enumerate(record["documents"], start=1):
        documents.append(
            {
                "code": f"TP{index:02d}",
                "name": doc["name"],
                "originals": doc["original"],
                "certified_copies": 0,
                "copies": doc["copies"],
                "mandatory": doc["mandatory"],
                "channels": _channels(doc.get("condition")),
                "presented_only": doc.get("mode") == "present",
                "form_url": None,
                "condition": doc.get("condition") or None,
            }
        )
    return documents


def _sources(record: dict[str, Any]) -> list[dict[str, str]]:
    sources = []
    for source in record["sources"]:
        if source["kind"] == "national_portal_page":
            sources.append({"title": source["publisher"], "url": source["url"]})
            continue
        ref = source.get("commit", "HEAD")
        title = f"Bản sao công khai: {source['repo']}/{source['path']}"
        note = source.get("note", "")
        if note and not note.startswith("Public JSON copy"):
            title += f" ({note})"
        url = f"https://github.com/{source['repo']}/blob/{ref}/{source['path']}"
        sources.append({"title": title, "url": url})
    return sources


def _procedure(record: dict[str, Any]) -> dict[str, Any]:
    code = record["code"]
    notes: list[str] = []
    if record.get("notes"):
        notes.append(record["notes"])
    time_note = (record.get("processing_time") or {}).get("note")
    if time_note:
        notes.append(f"Processing time: {time_note}")
    processing_time = _time(code, record.get("processing_time"), notes)
    channel_times = _channel_times(record, processing_time, notes)
    level, why = ONLINE[code]
    if record.get("online_level") == "mot_phan":
        level = "partial"
    else:
        notes.append(f"Online level '{level}' chosen for the demo: {why}.")
    fees_due, due_why = FEES_DUE.get(code, ("on_submission", ""))
    if due_why:
        notes.append(f"Fees due {fees_due} in the demo: {due_why}.")
    inter_agency = record.get("inter_agency") or {}
    if inter_agency.get("kind") or inter_agency.get("note"):
        partners = "; ".join(inter_agency.get("with") or [])
        notes.append(
            f"Inter-agency (seed): {inter_agency.get('kind') or 'none stated'}"
            + (f" with {partners}" if partners else "")
            + (f" ({inter_agency['note']})" if inter_agency.get("note") else "")
            + "."
        )
    notes.append(f"Published by decision {record['published_by_decision']}.")
    return {
        "code": code,
        "version": 1,
        "state": "published",
        "name": record["name"],
        "field": FIELDS[record["field"]][0],
        "processing_time": processing_time,
        "online_processing_time": channel_times.get("online"),
        "processing_time_by_channel": channel_times,
        "fees": _fees(record),
        "fees_due": fees_due,
        "documents": _documents(record),
        "online_level": level,
        "levels": record["levels"],
        "legal_basis": record["legal_basis"],
        "result": record["result"],
        "sources": _sources(record),
        "verified": bool(record["verified"]) and code not in DEMO_TIMES,
        "notes": "\n".join(notes),
    }


def _duration_sum(template: dict[str, Any]) -> tuple[Decimal, str]:
    units = {s["duration"]["unit"] for s in template["steps"]}
    if len(units) != 1:
        raise ValueError(f"template {template['code']} mixes units")
    return sum(
        (Decimal(s["duration"]["amount"]) for s in template["steps"]), Decimal(0)
    ), units.pop()


def build(seed: list[dict[str, Any]]) -> dict[str, Any]:
    records = [
        r for r in seed if r["completeness"] != "catalogue_only" and r["code"] not in SKIPPED
    ]
    procedures = [_procedure(r) for r in records]
    templates = {t["code"]: t for t in INTER_AGENCY_TEMPLATES}
    applications = []
    for procedure in procedures:
        for spec in APPLICATIONS[procedure["code"]]:
            time = (
                {"amount": spec["local"][0], "unit": spec["local"][1]}
                if spec["local"]
                else procedure["processing_time"]
            )
            template_code = spec["template"]
            if template_code is None:
                single = single_template(time["amount"], time["unit"])
                templates.setdefault(single["code"], single)
                template_code = single["code"]
            total, unit = _duration_sum(templates[template_code])
            if unit != time["unit"] or total != Decimal(time["amount"]):
                raise ValueError(f"{procedure['code']}: {template_code} sums to {total} {unit}")
            applications.append(
                {
                    "procedure": procedure["code"],
                    "agency": spec["agency"],
                    "version": 1,
                    "state": "published",
                    "receiving_offices": spec["receiving"],
                    "province_wide_reception": procedure["code"] in PROVINCE_WIDE_RECEPTION,
                    "processing_time": time if spec["local"] else None,
                    "fees": LOCAL_FEES.get(procedure["code"]),
                    "template": template_code,
                    "template_version": 1,
                    "effective_from": VALID_FROM,
                }
            )
    used_fields = {p["field"] for p in procedures}
    return {
        "format": "motcua.catalog/v2",
        "demo": True,
        "units": _units(),
        "agencies": _agencies(),
        "fields": [
            {"code": code, "name": name}
            for code, name in sorted(FIELDS.values())
            if code in used_fields
        ],
        "procedures": procedures,
        "templates": sorted(templates.values(), key=lambda t: t["code"]),
        "applications": applications,
    }


def _validity() -> dict[str, Any]:
    return {"valid_from": VALID_FROM, "valid_to": None, "replaced_by": None}


def _units() -> list[dict[str, Any]]:
    units = [
        {"code": PROVINCE, "name": "Tỉnh Mẫu (demo)", "kind": "province", "parent": None}
        | _validity()
    ]
    for unit_code, kind, name, *_ in COMMUNES:
        units.append(
            {"code": unit_code, "name": name, "kind": kind, "parent": PROVINCE} | _validity()
        )
    return units


def _agencies() -> list[dict[str, Any]]:
    agencies = [
        {
            "code": code,
            "name": name,
            "kind": kind,
            "parent": parent,
            "unit": PROVINCE,
            "receives_dossiers": receives,
        }
        | _validity()
        for code, name, kind, parent, receives in PROVINCIAL_AGENCIES
    ]
    for unit_code, _, _, pc_code, pc_name, police_code, police_name in COMMUNES:
        agencies.append(
            {
                "code": pc_code,
                "name": pc_name,
                "kind": "commune_people_committee",
                "parent": PC,
                "unit": unit_code,
                "receives_dossiers": True,
            }
            | _validity()
        )
        agencies.append(
            {
                "code": police_code,
                "name": police_name,
                "kind": "vertical_agency",
                "parent": POLICE,
                "unit": unit_code,
                "receives_dossiers": False,
            }
            | _validity()
        )
    return agencies


# Procedures any one-stop desk of the province receives, whatever the applicant's commune (Decree
# 118/2025, reception regardless of administrative boundaries): civil status, where the province
# has published the list (demo choice).
PROVINCE_WIDE_RECEPTION = frozenset({"1.001193"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path, help="path to procedures-seed.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    catalog = build(json.loads(args.seed.read_text(encoding="utf-8")))
    text = json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(
        f"wrote {args.output}: {len(catalog['procedures'])} procedures, "
        f"{len(catalog['templates'])} templates, {len(catalog['applications'])} applications",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
