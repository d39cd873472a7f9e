"""Catalog rows in the ``motcua.catalog/v2`` file format, shared by the API and import/export.

The same models validate an admin request body and an imported row, so both reject the same things
with the same field names (docs/catalog-format.md describes the format).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from app.models.base import INTEGER_MAX
from app.models.calendar import DurationUnit
from app.models.catalog import AgencyKind, UnitKind
from app.models.procedure import (
    CatalogState,
    FeesDue,
    OnlineLevel,
    Procedure,
    ProcedureApplication,
    RunsAtKind,
    StepRole,
    SubmissionChannel,
    TemplateKind,
    duration,
)
from app.schemas.common import LocalDateTime
from app.schemas.fees import FeeRule

Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=3)]
Money = Annotated[int, Field(ge=0, strict=True, description="Số tiền (đồng), số nguyên không âm")]
T = TypeVar("T")


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Duration(Row):
    amount: Amount = Field(description="Số lượng", examples=["15"])
    unit: DurationUnit = Field(description="Đơn vị: ngày làm việc, giờ làm việc, ngày")


class ChannelTimes(Row):
    """Processing time by submission channel where it differs from the procedure's (Decree
    118/2025: the national record publishes a time per channel, e.g. 1.013133 online 2 working
    hours, in person 1 working day); a channel not given uses the procedure's time."""

    desk: Duration | None = Field(default=None, description="Nộp trực tiếp")
    online: Duration | None = Field(default=None, description="Nộp trực tuyến")
    postal: Duration | None = Field(default=None, description="Nộp qua bưu chính")


class Fee(Row):
    """A fee of the procedure; the fee rule keys (``tiers``, ``cap``, ``quantity``, ``per``,
    ``channels``, ``reductions``, ``due``: docs/payments.md) may be given too and are kept as given,
    checked as a ``FeeRule``."""

    model_config = ConfigDict(extra="allow")

    name: Name = Field(description="Tên phí, lệ phí")
    kind: str = Field(pattern="^(charge|levy)$", description="charge: phí; levy: lệ phí")
    amount: Money | None = Field(
        description="null: do tỉnh quy định; khi đó áp dụng tại địa phương phải nêu số tiền"
    )
    condition: Text | None = Field(default=None, description="Điều kiện áp dụng")
    requires_confirmation: bool = Field(
        default=False, description="Chỉ thu khi người nộp có yêu cầu"
    )

    @model_validator(mode="after")
    def _a_fee_rule(self) -> Fee:
        try:
            FeeRule.model_validate(self.model_dump())
        except ValidationError as exc:
            raise ValueError(
                "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            ) from None
        return self

    def rule(self) -> FeeRule:
        return FeeRule.model_validate(self.model_dump())


class LocalFee(Fee):
    """A local fee always states its amount: a flat ``amount``, or the rule's ``tiers``."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {"name": "Lệ phí đăng ký khai sinh", "kind": "levy", "amount": 8000}
        },
    )

    @model_validator(mode="after")
    def _states_its_amount(self) -> LocalFee:
        if self.amount is None and not (self.model_extra or {}).get("tiers"):
            raise ValueError("a local fee states its amount (or tiers)")
        return self


PRESENTED_ONLY_MARK = "Xuất trình (không nộp)"


class Document(Row):
    """A document of the dossier (thành phần hồ sơ): how many originals, certified copies and copies;
    whether it is mandatory, in which channels (none listed: every channel), and whether it is only
    shown at the desk and not submitted ("Xuất trình (không nộp)" on the national record)."""

    code: Code = Field(description="Mã thành phần hồ sơ")
    name: Name = Field(description="Tên thành phần hồ sơ (giấy tờ)")
    originals: int = Field(description="Số bản chính", default=1, ge=0, le=INTEGER_MAX)
    certified_copies: int = Field(
        default=0, ge=0, le=INTEGER_MAX, description="Bản sao có chứng thực"
    )
    copies: int = Field(description="Số bản sao", default=0, ge=0, le=INTEGER_MAX)
    mandatory: bool = Field(default=True, description="Bắt buộc")
    channels: list[SubmissionChannel] | None = Field(
        default=None,
        description="Kênh nộp yêu cầu thành phần này; bỏ trống: mọi kênh",
        min_length=1,
    )
    presented_only: bool = Field(
        default=False, description="Chỉ xuất trình tại quầy, không nộp (không tải tệp lên)"
    )
    form_url: str | None = Field(default=None, description="Mẫu đơn, tờ khai (đường dẫn)")
    condition: Text | None = Field(default=None, description="Điều kiện (trường hợp phải nộp)")

    def required_in(self, channel: str) -> bool:
        """Whether a dossier submitted through ``channel`` must contain it: mandatory, required
        in that channel, and, when only shown, shown at the desk (online there is no desk to show it
        at; the identity behind an online account is verified by VNeID)."""
        if not self.mandatory:
            return False
        if self.channels is not None and channel not in self.channels:
            return False
        return channel == SubmissionChannel.desk or not self.presented_only


def upgrade_v1_document(row: dict[str, Any]) -> dict[str, Any]:
    """A ``motcua.catalog/v1`` document row in today's terms: v1 had no flag for a document only
    shown at the desk, the national record says so in its condition text."""
    condition = row.get("condition")
    if "presented_only" in row or not isinstance(condition, str):
        return row
    if condition.startswith(PRESENTED_ONLY_MARK):
        rest = condition[len(PRESENTED_ONLY_MARK) :].lstrip("; ").strip()
        return {**row, "presented_only": True, "condition": rest or None}
    return row


class Source(Row):
    """Where the procedure's record comes from (the national database, a decision)."""

    title: Name = Field(
        description="Tên nguồn", examples=["Cơ sở dữ liệu quốc gia về thủ tục hành chính"]
    )
    url: str | None = Field(
        description="Đường dẫn",
        default=None,
        examples=["https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp"],
    )


class UnitData(Row):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Xã Một",
                "kind": "commune",
                "parent": "H99",
                "valid_from": "2025-07-01",
                "valid_to": None,
                "replaced_by": None,
            }
        },
    )

    name: Name
    kind: UnitKind
    parent: Code | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    replaced_by: Code | None = None


class UnitRow(UnitData):
    code: Code = Field(examples=["31"])


class AgencyData(Row):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Ủy ban nhân dân xã Một",
                "kind": "commune_people_committee",
                "parent": None,
                "unit": "31",
                "receives_dossiers": True,
                "valid_from": "2025-07-01",
                "valid_to": None,
                "replaced_by": None,
            }
        },
    )

    name: Name
    kind: AgencyKind
    parent: Code | None = None
    unit: Code | None = None
    receives_dossiers: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    replaced_by: Code | None = None


class AgencyRow(AgencyData):
    code: Code = Field(examples=["000.31.00.H99"])


class FieldData(Row):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"name": "Hộ tịch"}})

    name: Name


class FieldRow(FieldData):
    code: Code = Field(examples=["HOTICH"])


class ProcedureData(Row):
    """The national record of a procedure (without its version and state)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Thủ tục đăng ký khai sinh",
                "field": "HOTICH",
                "processing_time": {"amount": "1", "unit": "working_days"},
                "fees": [
                    {"name": "Lệ phí đăng ký khai sinh", "kind": "levy", "amount": 0},
                ],
                "documents": [{"code": "TP01", "name": "Tờ khai đăng ký khai sinh"}],
                "online_level": "full",
                "levels": ["commune"],
                "result": "Giấy khai sinh",
            }
        },
    )

    name: Name = Field(description="Tên thủ tục")
    field: Code = Field(description="Mã lĩnh vực")
    processing_time: Duration = Field(description="Thời hạn giải quyết")
    online_processing_time: Duration | None = Field(
        default=None, description="Như processing_time_by_channel.online (giữ cho tệp v1)"
    )
    processing_time_by_channel: ChannelTimes = Field(
        default=ChannelTimes(), description="Thời hạn giải quyết theo kênh nộp (nếu khác)"
    )
    fees: list[Fee] = Field(default=[], description="Phí, lệ phí")
    fees_due: FeesDue = Field(
        default=FeesDue.on_submission, description="Thời điểm nộp phí, lệ phí"
    )
    documents: list[Document] = Field(default=[], description="Thành phần hồ sơ")
    online_level: OnlineLevel = Field(
        default=OnlineLevel.none, description="Mức độ dịch vụ công trực tuyến"
    )
    levels: list[str] = Field(default=[], description="Cấp thực hiện")
    legal_basis: list[Text] = Field(default=[], description="Căn cứ pháp lý")
    result: Text | None = Field(default=None, description="Kết quả thực hiện")
    sources: list[Source] = Field(default=[], description="Nguồn dữ liệu")
    verified: bool = Field(default=False, description="Đã đối chiếu với Cơ sở dữ liệu quốc gia")
    notes: Text | None = Field(default=None, description="Ghi chú")

    @model_validator(mode="after")
    def _online_time_once(self) -> ProcedureData:
        """``online_processing_time`` (format v1) and ``processing_time_by_channel.online`` are one
        value: either gives both."""
        by_channel, online = self.processing_time_by_channel, self.online_processing_time
        if online is not None and by_channel.online is not None and online != by_channel.online:
            raise ValueError(
                "online_processing_time khác processing_time_by_channel.online: chỉ nêu một giá trị"
            )
        if by_channel.online is None and online is not None:
            self.processing_time_by_channel = by_channel.model_copy(update={"online": online})
        self.online_processing_time = self.processing_time_by_channel.online
        return self


class ProcedureCreate(ProcedureData):
    code: Code = Field(description="Mã thủ tục trên Cơ sở dữ liệu quốc gia", examples=["1.001193"])


class ProcedureRow(ProcedureCreate):
    version: int = Field(description="Phiên bản", ge=1, le=INTEGER_MAX, examples=[1])
    state: CatalogState = Field(
        default=CatalogState.draft, description="Tình trạng: bản nháp, công bố, bãi bỏ"
    )


class RunsAt(Row):
    kind: RunsAtKind
    agency: Code | None = None
    step: Code | None = None

    @model_validator(mode="after")
    def _target(self) -> RunsAt:
        if self.kind is RunsAtKind.fixed and self.agency is None:
            raise ValueError("Bước chạy tại cơ quan cố định phải nêu mã cơ quan (agency)")
        if self.kind is RunsAtKind.same_as and self.step is None:
            raise ValueError("Bước 'same_as' phải nêu mã bước (step)")
        if self.kind is not RunsAtKind.fixed and self.agency is not None:
            raise ValueError("Chỉ bước 'fixed' mới nêu mã cơ quan (agency)")
        if self.kind is not RunsAtKind.same_as and self.step is not None:
            raise ValueError("Chỉ bước 'same_as' mới nêu mã bước (step)")
        return self


class Step(Row):
    code: Code
    name: Name
    runs_at: RunsAt
    role: StepRole
    duration: Duration


class TemplateData(Row):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Quy trình hộ tịch cấp xã",
                "kind": "single_agency",
                "steps": [
                    {
                        "code": "S1",
                        "name": "Tiếp nhận hồ sơ",
                        "runs_at": {"kind": "receiving_office"},
                        "role": "receptionist",
                        "duration": {"amount": "0.5", "unit": "working_days"},
                    },
                    {
                        "code": "S2",
                        "name": "Thẩm định và phê duyệt",
                        "runs_at": {"kind": "competent_agency"},
                        "role": "leader",
                        "duration": {"amount": "0.5", "unit": "working_days"},
                    },
                ],
            }
        },
    )

    name: Name
    kind: TemplateKind
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _step_references(self) -> TemplateData:
        seen: set[str] = set()
        for step in self.steps:
            if step.code in seen:
                raise ValueError(f"Mã bước {step.code} bị trùng")
            if step.runs_at.step is not None and step.runs_at.step not in seen:
                raise ValueError(
                    f"Bước {step.code} tham chiếu bước {step.runs_at.step} không đứng trước nó"
                )
            seen.add(step.code)
        return self


class TemplateCreate(TemplateData):
    code: Code = Field(examples=["QT-HOTICH-XA"])


class TemplateRow(TemplateCreate):
    version: int = Field(ge=1, le=INTEGER_MAX, examples=[1])


class ApplicationData(Row):
    """How the applying agency applies a procedure (without its version and state)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "receiving_offices": ["000.31.00.H99"],
                "processing_time": None,
                "fees": None,
                "template": "QT-HOTICH-XA",
                "template_version": 1,
                "effective_from": "2025-07-01",
            }
        },
    )

    receiving_offices: list[Code] = Field(min_length=1)
    province_wide_reception: bool = Field(
        default=False,
        description="Mọi Bộ phận Một cửa trong tỉnh được tiếp nhận (không phụ thuộc địa giới)",
    )
    processing_time: Duration | None = None
    fees: list[LocalFee] | None = None
    payee_agency: Code | None = Field(
        default=None,
        description=(
            "Cơ quan có tài khoản thu phí, lệ phí trực tuyến của áp dụng này "
            "(bỏ trống: tài khoản của cơ quan giải quyết)"
        ),
    )
    template: Code
    template_version: int = Field(ge=1, le=INTEGER_MAX)
    effective_from: date


class ApplicationCreate(ApplicationData):
    procedure: Code = Field(examples=["1.001193"])
    agency: Code = Field(examples=["000.31.00.H99"])


class ApplicationRow(ApplicationCreate):
    version: int = Field(ge=1, le=INTEGER_MAX, examples=[1])
    state: CatalogState = CatalogState.draft


class ApplicationRead(ApplicationRow):
    published_at: LocalDateTime | None = None
    retired_at: LocalDateTime | None = None


class ProcedureRead(ProcedureRow):
    current: bool = Field(description="Phiên bản đang được công bố hiện hành", examples=[True])
    published_at: LocalDateTime | None = Field(default=None, description="Thời điểm công bố")
    retired_at: LocalDateTime | None = Field(default=None, description="Thời điểm bãi bỏ")


class ProcedureDetail(ProcedureRead):
    applications: list[ApplicationRead] = Field(
        description="Các phiên bản áp dụng đã công bố, đang hiệu lực, của từng cơ quan"
    )


class ProcedureSummary(BaseModel):
    """A procedure as the search lists it (thủ tục hành chính)."""

    code: str = Field(description="Mã thủ tục trên Cơ sở dữ liệu quốc gia", examples=["1.001193"])
    version: int = Field(description="Phiên bản đang công bố", examples=[2])
    name: str = Field(description="Tên thủ tục", examples=["Thủ tục đăng ký khai sinh"])
    field: str = Field(description="Mã lĩnh vực", examples=["HOTICH"])
    online_level: OnlineLevel = Field(description="Mức độ dịch vụ công trực tuyến")
    processing_time: Duration = Field(description="Thời hạn giải quyết")
    levels: list[str] = Field(description="Cấp thực hiện (tỉnh, xã...)", examples=[["commune"]])


class Page(BaseModel, Generic[T]):
    """One page of a list (pages numbered from 1)."""

    items: list[T]
    total: int = Field(description="Tổng số kết quả khớp bộ lọc", examples=[1])
    page: int = Field(description="Số trang, bắt đầu từ 1", examples=[1])
    page_size: int = Field(description="Số kết quả mỗi trang", examples=[20])


class AgencyRead(AgencyRow):
    successor: str | None = Field(
        default=None,
        description="Cơ quan hiện đang tiếp nhận công việc của cơ quan này (theo chuỗi replaced_by)",
    )


# one named schema per page (a client's type name: ``UnitRowPage``, not ``Page_UnitRow_``)
class UnitRowPage(Page[UnitRow]):
    """Một trang danh sách đơn vị hành chính."""


class AgencyRowPage(Page[AgencyRow]):
    """Một trang danh sách cơ quan."""


class ProcedureSummaryPage(Page[ProcedureSummary]):
    """Một trang kết quả tìm kiếm thủ tục hành chính."""


def procedure_read(procedure: Procedure) -> ProcedureRead:
    return ProcedureRead.model_validate(
        {
            **procedure.content(),
            "current": procedure.is_current,
            "published_at": procedure.published_at,
            "retired_at": procedure.retired_at,
        }
    )


def application_read(application: ProcedureApplication) -> ApplicationRead:
    return ApplicationRead.model_validate(
        {
            **application.content(),
            "published_at": application.published_at,
            "retired_at": application.retired_at,
        }
    )


def procedure_summary(row: Any) -> ProcedureSummary:
    """A search hit from the columns ``catalog_search.SUMMARY_COLUMNS`` select."""
    return ProcedureSummary.model_validate(
        {
            "code": row.code,
            "version": row.version,
            "name": row.name,
            "field": row.field_code,
            "online_level": row.online_level,
            "processing_time": duration(row.processing_time_amount, row.processing_time_unit),
            "levels": row.levels,
        }
    )


SEARCH_Q_MAX = 200
SEARCH_PAGE_MAX = 100_000
SEARCH_PAGE_SIZE_MAX = 100


class SearchQuery(BaseModel):
    """The procedure search's query parameters: the documented route and its lean path validate with
    this one model (a request it refuses is answered by the documented route's 422)."""

    model_config = ConfigDict(frozen=True)  # one validated instance may serve repeated queries

    q: str | None = Field(
        None, max_length=SEARCH_Q_MAX, description="Từ khóa, ví dụ `cap giay phep xay dung`"
    )
    agency: str | None = Field(None, description="Chỉ thủ tục cơ quan này áp dụng")
    field: str | None = Field(None, description="Mã lĩnh vực")
    online: OnlineLevel | None = Field(None, description="Mức độ dịch vụ công trực tuyến")
    page: int = Field(1, ge=1, le=SEARCH_PAGE_MAX, description="Trang, bắt đầu từ 1")
    page_size: int = Field(
        20, ge=1, le=SEARCH_PAGE_SIZE_MAX, description="Số mục mỗi trang (tối đa 100)"
    )
