"""Generate a catalog of N procedures (default 10,000) in the motcua.catalog/v1 format.

Deterministic (seeded): the same arguments always give the same file. Names are built from real
Vietnamese procedure vocabulary so that folding, prefixes and ranking work on realistic text.

    python bench/generate_catalog.py --procedures 10000 -o /tmp/bench-catalog.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

ACTIONS = [
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Điều chỉnh",
    "Gia hạn",
    "Đăng ký",
    "Đăng ký thay đổi",
    "Thu hồi",
    "Xác nhận",
    "Công nhận",
    "Thẩm định",
    "Phê duyệt",
    "Chứng thực",
    "Thông báo",
    "Hỗ trợ",
    "Giải quyết",
    "Cho phép",
    "Chấp thuận",
]
OBJECTS = [
    "giấy phép xây dựng",
    "giấy chứng nhận quyền sử dụng đất",
    "giấy phép lái xe",
    "giấy khai sinh",
    "giấy chứng nhận đăng ký hộ kinh doanh",
    "chứng chỉ hành nghề",
    "giấy phép môi trường",
    "giấy xác nhận tình trạng hôn nhân",
    "thẻ bảo hiểm y tế",
    "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
    "giấy phép khai thác nước mặt",
    "giấy phép hoạt động giáo dục",
    "giấy chứng nhận đăng ký doanh nghiệp",
    "phiếu lý lịch tư pháp",
    "giấy phép tổ chức lễ hội",
    "giấy phép kinh doanh vận tải",
    "trợ cấp xã hội hàng tháng",
    "hộ nghèo, hộ cận nghèo",
    "đăng ký thường trú",
    "đăng ký tạm trú",
    "nghĩa vụ quân sự",
    "giấy phép quảng cáo",
    "chứng nhận đăng ký xe",
    "giấy phép sử dụng vật liệu nổ",
]
QUALIFIERS = [
    "",
    "",
    "",
    "đối với công trình cấp III, cấp IV",
    "cho hộ kinh doanh",
    "cho doanh nghiệp",
    "tại cấp xã",
    "tại cấp tỉnh",
    "có yếu tố nước ngoài",
    "trong trường hợp bị mất, hư hỏng",
    "cho người lao động ở khu vực nông thôn",
    "đối với nhà ở riêng lẻ",
    "lần đầu",
    "theo yêu cầu của tổ chức, cá nhân",
    "cho trẻ em dưới 6 tuổi",
    "đối với người cao tuổi",
]
FIELDS = [
    ("HOTICH", "Hộ tịch"),
    ("XAYDUNG", "Hoạt động xây dựng"),
    ("DATDAI", "Đất đai"),
    ("MOITRUONG", "Môi trường"),
    ("GTVT", "Đường bộ"),
    ("KINHDOANH", "Thành lập và hoạt động"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("GIAODUC", "Giáo dục và đào tạo"),
    ("YTE", "Y tế"),
    ("CUTRU", "Cư trú"),
    ("TUPHAP", "Tư pháp"),
    ("VANHOA", "Văn hóa"),
]
AMOUNTS = [1, 3, 5, 7, 10, 15, 20, 30]
ONLINE = ["full", "partial", "none"]


def _template(amount: int) -> dict[str, Any]:
    receive = 0.5
    approve = 0.5 if amount > 1 else 0.25
    review = amount - receive - approve
    durations = [receive, review, approve]
    return {
        "code": f"QT-{amount}N",
        "version": 1,
        "name": f"Quy trình {amount} ngày làm việc",
        "kind": "single_agency",
        "steps": [
            {
                "code": f"S{i + 1}",
                "name": name,
                "runs_at": {"kind": kind},
                "role": role,
                "duration": {"amount": str(d), "unit": "working_days"},
            }
            for i, (name, kind, role, d) in enumerate(
                zip(
                    ["Tiếp nhận hồ sơ", "Thẩm định", "Phê duyệt"],
                    ["receiving_office", "competent_agency", "competent_agency"],
                    ["receptionist", "specialist", "leader"],
                    durations,
                    strict=True,
                )
            )
        ],
    }


def generate(procedures: int, applications: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    communes = [f"000.{30 + i}.00.H99" for i in range(20)]
    agencies = [
        {
            "code": "000.00.00.H99",
            "name": "Ủy ban nhân dân tỉnh Mẫu",
            "kind": "provincial_people_committee",
            "unit": "H99",
        },
        {
            "code": "000.00.01.H99",
            "name": "Trung tâm Phục vụ hành chính công tỉnh",
            "kind": "service_centre",
            "unit": "H99",
            "receives_dossiers": True,
        },
    ] + [
        {
            "code": code,
            "name": f"Ủy ban nhân dân xã số {i + 1}",
            "kind": "commune_people_committee",
            "unit": f"X{i + 1:02d}",
            "receives_dossiers": True,
        }
        for i, code in enumerate(communes)
    ]
    units = [{"code": "H99", "name": "Tỉnh Mẫu", "kind": "province"}] + [
        {"code": f"X{i + 1:02d}", "name": f"Xã số {i + 1}", "kind": "commune", "parent": "H99"}
        for i in range(len(communes))
    ]
    rows: list[dict[str, Any]] = []
    for i in range(procedures):
        qualifier = rng.choice(QUALIFIERS)
        name = " ".join(p for p in (rng.choice(ACTIONS), rng.choice(OBJECTS), qualifier) if p)
        rows.append(
            {
                "code": f"{1 + i % 3}.{100000 + i:06d}",
                "version": 1,
                "state": "published",
                "name": name[0].upper() + name[1:],
                "field": rng.choice(FIELDS)[0],
                "processing_time": {"amount": str(rng.choice(AMOUNTS)), "unit": "working_days"},
                "fees": [{"name": "Lệ phí", "kind": "levy", "amount": rng.choice([0, 50000])}],
                "documents": [{"code": "TP01", "name": "Tờ khai"}],
                "online_level": rng.choice(ONLINE),
                "levels": [rng.choice(["commune", "province"])],
            }
        )
    apps = [
        {
            "procedure": row["code"],
            "agency": (agency := rng.choice(communes)),
            "version": 1,
            "state": "published",
            "receiving_offices": [agency],
            "template": f"QT-{row['processing_time']['amount']}N",
            "template_version": 1,
            "effective_from": "2025-07-01",
        }
        for row in rng.sample(rows, min(applications, len(rows)))
    ]
    return {
        "format": "motcua.catalog/v1",
        "demo": True,
        "units": units,
        "agencies": agencies,
        "fields": [{"code": c, "name": n} for c, n in FIELDS],
        "procedures": rows,
        "templates": [_template(a) for a in AMOUNTS],
        "applications": apps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--procedures", type=int, default=10_000)
    parser.add_argument("--applications", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    document = generate(args.procedures, args.applications, args.seed)
    args.output.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
