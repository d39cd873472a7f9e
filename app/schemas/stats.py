"""Statistics and the Decision 766 index: queries and answers (issue 17)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.models.base import BIGINT_MAX
from app.models.catalog import CODE_LENGTH
from app.models.dossier import DossierStatus
from app.schemas.common import LocalDateTime


class StatsFormat(StrEnum):
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class StatsQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: str = Field(
        max_length=7,
        description="Kỳ: YYYY, YYYY-MM hoặc YYYY-Qn (ngày giờ Việt Nam)",
        examples=["2026-11"],
    )
    agency: str | None = Field(
        default=None, max_length=CODE_LENGTH, description="Cơ quan (cả cấp dưới)"
    )
    unit: str | None = Field(default=None, max_length=CODE_LENGTH, description="Đơn vị hành chính")
    format: StatsFormat = StatsFormat.json


class DrillPart(StrEnum):
    numerator = "numerator"
    denominator = "denominator"


class DrillQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: str = Field(max_length=7, examples=["2026-11"])
    agency: str | None = Field(default=None, max_length=CODE_LENGTH)
    unit: str | None = Field(default=None, max_length=CODE_LENGTH)
    part: DrillPart = DrillPart.denominator
    after: int | None = Field(
        default=None, ge=0, le=BIGINT_MAX, description="Trang sau: next_after"
    )
    limit: int = Field(default=100, ge=1, le=500)


class IndicatorRead(BaseModel):
    code: str
    name: str
    group: str
    formula: str
    computable: bool
    numerator: float | None
    denominator: float | None
    ratio: float | None
    score: float | None
    maximum: float
    note: str | None


class GroupRead(BaseModel):
    group: str
    weight: float
    score: float = Field(description="Điểm đạt được trên các chỉ số tính được")
    computable_maximum: float = Field(description="Tổng điểm tối đa của các chỉ số tính được")


class IndicatorsRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "period": "2026-11",
                "start": "2026-11-01",
                "end": "2026-11-30",
                "judged_at": "2026-11-30",
                "rule_set": "766-2022",
                "total": 17.5,
                "computable_maximum": 20.0,
                "indicators": [
                    {
                        "code": "2.1",
                        "name": "Tỷ lệ hồ sơ giải quyết đúng hạn",
                        "group": "2",
                        "formula": "hồ sơ kết thúc đúng hạn / hồ sơ kết thúc",
                        "computable": True,
                        "numerator": 180.0,
                        "denominator": 200.0,
                        "ratio": 0.9,
                        "score": 17.5,
                        "maximum": 20.0,
                        "note": None,
                    }
                ],
                "groups": [
                    {"group": "2", "weight": 20.0, "score": 17.5, "computable_maximum": 20.0}
                ],
            }
        }
    )

    period: str
    start: date
    end: date
    judged_at: date = Field(description="Ngày đánh giá hồ sơ chưa kết thúc (cuối kỳ hoặc hôm nay)")
    rule_set: str
    total: float
    computable_maximum: float
    indicators: list[IndicatorRead]
    groups: list[GroupRead]


class BucketRead(BaseModel):
    key: str
    name: str
    received: int
    received_online: int
    ended: int
    ended_on_time: int
    late: int


class SummaryRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "period": "2026-11",
                "start": "2026-11-01",
                "end": "2026-11-30",
                "judged_at": "2026-11-30",
                "counts": {"submitted": 204, "received": 200, "ended": 190, "ended_on_time": 180},
                "by_channel": [
                    {
                        "key": "online",
                        "name": "Trực tuyến",
                        "received": 120,
                        "received_online": 120,
                        "ended": 115,
                        "ended_on_time": 110,
                        "late": 5,
                    }
                ],
                "by_agency": [
                    {
                        "key": "000.31.00.H99",
                        "name": "Ủy ban nhân dân xã Một",
                        "received": 200,
                        "received_online": 120,
                        "ended": 190,
                        "ended_on_time": 180,
                        "late": 10,
                    }
                ],
                "by_unit": [
                    {
                        "key": "31",
                        "name": "Xã Một",
                        "received": 200,
                        "received_online": 120,
                        "ended": 190,
                        "ended_on_time": 180,
                        "late": 10,
                    }
                ],
            }
        }
    )

    period: str
    start: date
    end: date
    judged_at: date
    counts: dict[str, int] = Field(description="Tiếp nhận, kết thúc theo trạng thái, đang xử lý...")
    by_channel: list[BucketRead]
    by_agency: list[BucketRead]
    by_unit: list[BucketRead]


class GridDimension(StrEnum):
    agency = "agency"
    unit = "unit"
    channel = "channel"
    procedure = "procedure"


class GridQuery(StatsQuery):
    by: GridDimension = Field(
        default=GridDimension.agency,
        description="Hàng của bảng: cơ quan, đơn vị hành chính, kênh hoặc thủ tục",
    )


class GridCellRead(BaseModel):
    month: str = Field(description="Tháng (YYYY-MM)")
    received: int = Field(description="Số hồ sơ tiếp nhận trong tháng")
    received_online: int = Field(description="Số hồ sơ tiếp nhận trực tuyến")
    ended: int = Field(description="Số hồ sơ kết thúc xử lý")
    ended_on_time: int = Field(description="Số hồ sơ kết thúc đúng hạn")
    late: int = Field(description="Trễ hạn: kết thúc trễ hạn và đang xử lý quá hạn cuối tháng")


class GridRowRead(BaseModel):
    key: str
    name: str
    cells: list[GridCellRead] = Field(description="Một ô cho mỗi tháng của kỳ, theo thứ tự")


class GridRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "period": "2026-Q4",
                "start": "2026-10-01",
                "end": "2026-12-31",
                "by": "agency",
                "months": ["2026-10", "2026-11", "2026-12"],
                "rows": [
                    {
                        "key": "000.31.00.H99",
                        "name": "Ủy ban nhân dân xã Một",
                        "cells": [
                            {
                                "month": month,
                                "received": 200,
                                "received_online": 120,
                                "ended": 190,
                                "ended_on_time": 180,
                                "late": 10,
                            }
                            for month in ("2026-10", "2026-11", "2026-12")
                        ],
                    }
                ],
            }
        }
    )

    period: str
    start: date
    end: date
    by: GridDimension
    months: list[str] = Field(description="Các tháng của kỳ (cột của bảng)")
    rows: list[GridRowRead] = Field(description="Các hàng, nhiều hồ sơ trễ hạn nhất trước")


class DrillRowRead(BaseModel):
    code: str
    procedure_code: str
    agency_code: str
    channel: str
    status: DossierStatus
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    on_time: bool | None


class DrillPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "indicator": "2.1",
                "part": "numerator",
                "items": [
                    {
                        "code": "000.31.00.H99-261103-0007",
                        "procedure_code": "1.001193",
                        "agency_code": "000.31.00.H99",
                        "channel": "online",
                        "status": "returned",
                        "received_at": "2026-11-03T08:15:00+07:00",
                        "due_at": "2026-11-04T08:15:00+07:00",
                        "finished_at": "2026-11-03T15:40:00+07:00",
                        "on_time": True,
                    }
                ],
                "next_after": 1042,
            }
        }
    )

    indicator: str
    part: DrillPart
    items: list[DrillRowRead]
    next_after: int | None
