from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.catalog_state import CatalogState
from ..models.fees_due import FeesDue
from ..models.online_level import OnlineLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application_read import ApplicationRead
    from ..models.channel_times_output import ChannelTimesOutput
    from ..models.document import Document
    from ..models.duration_output import DurationOutput
    from ..models.fee import Fee
    from ..models.source import Source


T = TypeVar("T", bound="ProcedureDetail")


@_attrs_define
class ProcedureDetail:
    """
    Example:
        {'name': 'Thủ tục đăng ký khai sinh', 'field': 'HOTICH', 'processing_time': {'amount': '1', 'unit':
            'working_days'}, 'fees': [{'name': 'Lệ phí đăng ký khai sinh', 'kind': 'levy', 'amount': 0}], 'documents':
            [{'code': 'TP01', 'name': 'Tờ khai đăng ký khai sinh'}], 'online_level': 'full', 'levels': ['commune'],
            'result': 'Giấy khai sinh', 'code': '1.001193', 'version': 1, 'current': True, 'applications':
            [{'receiving_offices': ['000.31.00.H99'], 'template': 'QT-HOTICH-XA', 'template_version': 1, 'effective_from':
            '2025-07-01', 'procedure': '1.001193', 'agency': '000.31.00.H99', 'version': 1}]}

    Attributes:
        name (str): Tên thủ tục
        field (str): Mã lĩnh vực
        processing_time (DurationOutput):
        code (str): Mã thủ tục trên Cơ sở dữ liệu quốc gia
        version (int): Phiên bản
        current (bool): Phiên bản đang được công bố hiện hành
        applications (list[ApplicationRead]): Các phiên bản áp dụng đã công bố, đang hiệu lực, của từng cơ quan
        online_processing_time (DurationOutput | None | Unset): Như processing_time_by_channel.online (giữ cho tệp v1)
        processing_time_by_channel (ChannelTimesOutput | Unset): Processing time by submission channel where it differs
            from the procedure's (Decree
            118/2025: the national record publishes a time per channel, e.g. 1.013133 online 2 working
            hours, in person 1 working day); a channel not given uses the procedure's time.
        fees (list[Fee] | Unset): Phí, lệ phí
        fees_due (FeesDue | Unset):
        documents (list[Document] | Unset): Thành phần hồ sơ
        online_level (OnlineLevel | Unset): Decree 42/2022: toàn trình (full), một phần (partial); the old levels 4 and
            3.
        levels (list[str] | Unset): Cấp thực hiện
        legal_basis (list[str] | Unset): Căn cứ pháp lý
        result (None | str | Unset): Kết quả thực hiện
        sources (list[Source] | Unset): Nguồn dữ liệu
        verified (bool | Unset): Đã đối chiếu với Cơ sở dữ liệu quốc gia Default: False.
        notes (None | str | Unset): Ghi chú
        state (CatalogState | Unset):
        published_at (datetime.datetime | None | Unset): Thời điểm công bố
        retired_at (datetime.datetime | None | Unset): Thời điểm bãi bỏ
    """

    name: str
    field: str
    processing_time: DurationOutput
    code: str
    version: int
    current: bool
    applications: list[ApplicationRead]
    online_processing_time: DurationOutput | None | Unset = UNSET
    processing_time_by_channel: ChannelTimesOutput | Unset = UNSET
    fees: list[Fee] | Unset = UNSET
    fees_due: FeesDue | Unset = UNSET
    documents: list[Document] | Unset = UNSET
    online_level: OnlineLevel | Unset = UNSET
    levels: list[str] | Unset = UNSET
    legal_basis: list[str] | Unset = UNSET
    result: None | str | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    verified: bool | Unset = False
    notes: None | str | Unset = UNSET
    state: CatalogState | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    retired_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.duration_output import DurationOutput  # noqa: PLC0415

        name = self.name

        field = self.field

        processing_time = self.processing_time.to_dict()

        code = self.code

        version = self.version

        current = self.current

        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        online_processing_time: dict[str, Any] | None | Unset
        if isinstance(self.online_processing_time, Unset):
            online_processing_time = UNSET
        elif isinstance(self.online_processing_time, DurationOutput):
            online_processing_time = self.online_processing_time.to_dict()
        else:
            online_processing_time = self.online_processing_time

        processing_time_by_channel: dict[str, Any] | Unset = UNSET
        if not isinstance(self.processing_time_by_channel, Unset):
            processing_time_by_channel = self.processing_time_by_channel.to_dict()

        fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees, Unset):
            fees = []
            for fees_item_data in self.fees:
                fees_item = fees_item_data.to_dict()
                fees.append(fees_item)

        fees_due: str | Unset = UNSET
        if not isinstance(self.fees_due, Unset):
            fees_due = self.fees_due.value

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        online_level: str | Unset = UNSET
        if not isinstance(self.online_level, Unset):
            online_level = self.online_level.value

        levels: list[str] | Unset = UNSET
        if not isinstance(self.levels, Unset):
            levels = self.levels

        legal_basis: list[str] | Unset = UNSET
        if not isinstance(self.legal_basis, Unset):
            legal_basis = self.legal_basis

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        verified = self.verified

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        retired_at: None | str | Unset
        if isinstance(self.retired_at, Unset):
            retired_at = UNSET
        elif isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "field": field,
                "processing_time": processing_time,
                "code": code,
                "version": version,
                "current": current,
                "applications": applications,
            }
        )
        if online_processing_time is not UNSET:
            field_dict["online_processing_time"] = online_processing_time
        if processing_time_by_channel is not UNSET:
            field_dict["processing_time_by_channel"] = processing_time_by_channel
        if fees is not UNSET:
            field_dict["fees"] = fees
        if fees_due is not UNSET:
            field_dict["fees_due"] = fees_due
        if documents is not UNSET:
            field_dict["documents"] = documents
        if online_level is not UNSET:
            field_dict["online_level"] = online_level
        if levels is not UNSET:
            field_dict["levels"] = levels
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if result is not UNSET:
            field_dict["result"] = result
        if sources is not UNSET:
            field_dict["sources"] = sources
        if verified is not UNSET:
            field_dict["verified"] = verified
        if notes is not UNSET:
            field_dict["notes"] = notes
        if state is not UNSET:
            field_dict["state"] = state
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if retired_at is not UNSET:
            field_dict["retired_at"] = retired_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_read import ApplicationRead  # noqa: PLC0415
        from ..models.channel_times_output import ChannelTimesOutput  # noqa: PLC0415
        from ..models.document import Document  # noqa: PLC0415
        from ..models.duration_output import DurationOutput  # noqa: PLC0415
        from ..models.fee import Fee  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        field = d.pop("field")

        processing_time = DurationOutput.from_dict(d.pop("processing_time"))

        code = d.pop("code")

        version = d.pop("version")

        current = d.pop("current")

        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = ApplicationRead.from_dict(applications_item_data)

            applications.append(applications_item)

        def _parse_online_processing_time(data: object) -> DurationOutput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                online_processing_time_type_0 = DurationOutput.from_dict(data)

                return online_processing_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DurationOutput | None | Unset, data)

        online_processing_time = _parse_online_processing_time(d.pop("online_processing_time", UNSET))

        _processing_time_by_channel = d.pop("processing_time_by_channel", UNSET)
        processing_time_by_channel: ChannelTimesOutput | Unset
        if isinstance(_processing_time_by_channel, Unset):
            processing_time_by_channel = UNSET
        else:
            processing_time_by_channel = ChannelTimesOutput.from_dict(_processing_time_by_channel)

        _fees = d.pop("fees", UNSET)
        fees: list[Fee] | Unset = UNSET
        if _fees is not UNSET:
            fees = []
            for fees_item_data in _fees:
                fees_item = Fee.from_dict(fees_item_data)

                fees.append(fees_item)

        _fees_due = d.pop("fees_due", UNSET)
        fees_due: FeesDue | Unset
        if isinstance(_fees_due, Unset):
            fees_due = UNSET
        else:
            fees_due = FeesDue(_fees_due)

        _documents = d.pop("documents", UNSET)
        documents: list[Document] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = Document.from_dict(documents_item_data)

                documents.append(documents_item)

        _online_level = d.pop("online_level", UNSET)
        online_level: OnlineLevel | Unset
        if isinstance(_online_level, Unset):
            online_level = UNSET
        else:
            online_level = OnlineLevel(_online_level)

        levels = cast(list[str], d.pop("levels", UNSET))

        legal_basis = cast(list[str], d.pop("legal_basis", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)

                sources.append(sources_item)

        verified = d.pop("verified", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _state = d.pop("state", UNSET)
        state: CatalogState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = CatalogState(_state)

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        def _parse_retired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retired_at = _parse_retired_at(d.pop("retired_at", UNSET))

        procedure_detail = cls(
            name=name,
            field=field,
            processing_time=processing_time,
            code=code,
            version=version,
            current=current,
            applications=applications,
            online_processing_time=online_processing_time,
            processing_time_by_channel=processing_time_by_channel,
            fees=fees,
            fees_due=fees_due,
            documents=documents,
            online_level=online_level,
            levels=levels,
            legal_basis=legal_basis,
            result=result,
            sources=sources,
            verified=verified,
            notes=notes,
            state=state,
            published_at=published_at,
            retired_at=retired_at,
        )

        return procedure_detail
