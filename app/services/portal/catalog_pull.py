"""The catalog pull (docs/portal.md "Catalog pull"): the national procedures, fields and agencies,
fetched page by page from the portal and upserted as national records.

The rules:

* **Fields** are created or renamed.
* **Agencies**: the portal's are national (ministries, vertical agencies); one whose code we hold as
  a local agency (a commune, a department...) is left alone and counted as ``local``.
* **Procedures** are versioned (``catalog.admin``): a new code becomes draft version 1; a changed
  national record becomes a new **draft** version after the published one (or updates the pending
  draft), which a province administrator reviews and publishes; the published version stays in force
  until then. Only the national fields change (name, field, processing time, online level, levels,
  legal basis, result, documents by code, fees by name); what the province added (a document's
  channels and counts, notes, sources, times by channel) is kept.
* **Applications** (which agency applies a procedure, its local fees and steps) are local: the pull
  never reads or writes them.

Each page is one transaction, each record a savepoint: a record the catalog's rules refuse is
counted with its reason and the others go on. Every change is in the admin audit log, under the
actor the caller names (the command's operator, or the periodic job).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.errors import DomainError, NotFound
from app.models.calendar import DurationUnit
from app.models.catalog import Agency, AgencyKind
from app.models.procedure import OnlineLevel
from app.schemas.catalog import AgencyData, FieldData, ProcedureCreate, ProcedureData
from app.services.catalog import admin as catalog_admin
from app.services.portal.client import PortalClient
from app.services.system.audit import AuditActor

FIELDS_SERVICE = "LayDanhMucLinhVuc"
AGENCIES_SERVICE = "LayDanhMucCoQuan"
PROCEDURES_SERVICE = "LayDanhMucTTHC"
PAGE_SIZE = 50

# DonViThoiHan, MucDo, CapThucHien, LoaiCoQuan, LoaiPhiLePhi: the portal's codes and wording.
TIME_UNITS = {
    "NgayLamViec": DurationUnit.WORKING_DAYS,
    "GioLamViec": DurationUnit.WORKING_HOURS,
    "Ngay": DurationUnit.CALENDAR_DAYS,
}
ONLINE_LEVELS = {"4": OnlineLevel.full, "3": OnlineLevel.partial}
LEVELS = {"Cấp Bộ": "ministry", "Cấp Tỉnh": "province", "Cấp Xã": "commune"}
AGENCY_KINDS = {"1": AgencyKind.ministry, "2": AgencyKind.vertical_agency}
NATIONAL_AGENCY_KINDS = frozenset(AGENCY_KINDS.values())
FEE_KINDS = {"1": "charge", "2": "levy"}

Outcome = Literal["created", "updated", "new_draft", "unchanged", "local", "rejected"]
_OUTCOMES: dict[catalog_admin.Outcome, Outcome] = {
    catalog_admin.Outcome.created: "created",
    catalog_admin.Outcome.updated: "updated",
    catalog_admin.Outcome.unchanged: "unchanged",
}


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class NationalField(_Wire):
    MaLinhVuc: str = Field(min_length=1, max_length=64)
    TenLinhVuc: str = Field(min_length=1, max_length=500)


class NationalAgency(_Wire):
    MaCoQuan: str = Field(min_length=1, max_length=64)
    TenCoQuan: str = Field(min_length=1, max_length=500)
    LoaiCoQuan: Literal["1", "2"] = "1"


class NationalDocument(_Wire):
    MaThanhPhan: str = Field(min_length=1, max_length=64)
    TenThanhPhan: str = Field(min_length=1, max_length=500)
    BatBuoc: Literal["0", "1"] = "1"


class NationalFee(_Wire):
    TenPhiLePhi: str = Field(min_length=1, max_length=500)
    LoaiPhiLePhi: Literal["1", "2"] = "2"
    MucPhi: int | None = Field(default=None, ge=0)


class NationalProcedure(_Wire):
    MaTTHC: str = Field(min_length=1, max_length=64)
    TenTTHC: str = Field(min_length=1, max_length=500)
    MaLinhVuc: str = Field(min_length=1, max_length=64)
    ThoiHanGiaiQuyet: Decimal = Field(gt=0)
    DonViThoiHan: Literal["NgayLamViec", "GioLamViec", "Ngay"] = "NgayLamViec"
    MucDo: str = ""
    CapThucHien: list[str] = []
    CanCuPhapLy: list[str] = []
    KetQuaThucHien: str | None = None
    ThanhPhanHoSo: list[NationalDocument] = []
    PhiLePhi: list[NationalFee] = []


@dataclass
class SectionSummary:
    total: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    rejections: list[tuple[str, str]] = field(default_factory=list)  # (code, reason)


@dataclass
class PullSummary:
    fields: SectionSummary = field(default_factory=SectionSummary)
    agencies: SectionSummary = field(default_factory=SectionSummary)
    procedures: SectionSummary = field(default_factory=SectionSummary)

    def lines(self) -> list[str]:
        out = []
        for name in ("fields", "agencies", "procedures"):
            section: SectionSummary = getattr(self, name)
            counts = ", ".join(f"{k} {v}" for k, v in sorted(section.outcomes.items())) or "-"
            out.append(f"{name}: {section.total} from the portal; {counts}")
            out.extend(f"  rejected {code}: {reason}" for code, reason in section.rejections)
        return out


Progress = Callable[[str, int, int], None]  # section, done, total


def merged(current: ProcedureData | None, national: NationalProcedure) -> ProcedureData:
    """The national record over the province's current version: the national fields replaced,
    documents matched by code and fees by name keeping what the province added."""
    base: dict[str, Any] = current.model_dump(mode="json") if current is not None else {}
    documents = {d["code"]: d for d in base.get("documents", [])}
    fees = {f["name"]: f for f in base.get("fees", [])}
    base.update(
        name=national.TenTTHC,
        field=national.MaLinhVuc,
        processing_time={
            "amount": str(national.ThoiHanGiaiQuyet),
            "unit": TIME_UNITS[national.DonViThoiHan],
        },
        online_level=ONLINE_LEVELS.get(national.MucDo, OnlineLevel.none),
        levels=[LEVELS.get(level, "other") for level in national.CapThucHien],
        legal_basis=list(national.CanCuPhapLy),
        result=national.KetQuaThucHien,
        documents=[
            {
                **documents.get(doc.MaThanhPhan, {}),
                "code": doc.MaThanhPhan,
                "name": doc.TenThanhPhan,
                "mandatory": doc.BatBuoc == "1",
            }
            for doc in national.ThanhPhanHoSo
        ],
        fees=[
            {
                **fees.get(fee.TenPhiLePhi, {}),
                "name": fee.TenPhiLePhi,
                "kind": FEE_KINDS[fee.LoaiPhiLePhi],
                "amount": fee.MucPhi,
            }
            for fee in national.PhiLePhi
        ],
    )
    return ProcedureData.model_validate(base)


def _data_of(content: dict[str, Any]) -> ProcedureData:
    return ProcedureData.model_validate(
        {k: v for k, v in content.items() if k not in ("code", "version", "state")}
    )


async def upsert_field(session: AsyncSession, item: NationalField, actor: AuditActor) -> Outcome:
    _, outcome = await catalog_admin.put_field(
        session, item.MaLinhVuc, FieldData(name=item.TenLinhVuc), actor=actor
    )
    return _OUTCOMES[outcome]


async def upsert_agency(session: AsyncSession, item: NationalAgency, actor: AuditActor) -> Outcome:
    existing = await session.get(Agency, item.MaCoQuan)
    kind = AGENCY_KINDS[item.LoaiCoQuan]
    if existing is None:
        data = AgencyData(name=item.TenCoQuan, kind=kind)
    elif existing.kind not in NATIONAL_AGENCY_KINDS:
        return "local"  # one of ours: never overwritten by the portal
    else:
        content = {k: v for k, v in existing.content().items() if k != "code"}
        data = AgencyData.model_validate({**content, "name": item.TenCoQuan, "kind": kind})
    _, outcome = await catalog_admin.put_agency(session, item.MaCoQuan, data, actor=actor)
    return _OUTCOMES[outcome]


async def upsert_procedure(
    session: AsyncSession, item: NationalProcedure, actor: AuditActor
) -> Outcome:
    try:
        versions = await catalog_admin.list_procedure_versions(session, item.MaTTHC)
    except NotFound:
        data = merged(None, item)
        await catalog_admin.create_procedure(
            session, ProcedureCreate(code=item.MaTTHC, **data.model_dump()), actor=actor
        )
        return "created"
    current = _data_of(versions[-1].content())
    wanted = merged(current, item)
    if wanted == current:
        return "unchanged"
    _, outcome = await catalog_admin.change_procedure(session, item.MaTTHC, wanted, actor=actor)
    return "new_draft" if outcome is catalog_admin.Outcome.created else "updated"


SECTIONS: tuple[tuple[str, str, type[_Wire], str], ...] = (
    ("fields", FIELDS_SERVICE, NationalField, "MaLinhVuc"),
    ("agencies", AGENCIES_SERVICE, NationalAgency, "MaCoQuan"),
    ("procedures", PROCEDURES_SERVICE, NationalProcedure, "MaTTHC"),
)


async def _upsert(session: AsyncSession, item: _Wire, actor: AuditActor) -> Outcome:
    if isinstance(item, NationalField):
        return await upsert_field(session, item, actor)
    if isinstance(item, NationalAgency):
        return await upsert_agency(session, item, actor)
    assert isinstance(item, NationalProcedure)
    return await upsert_procedure(session, item, actor)


async def pull(
    factory: async_sessionmaker[AsyncSession],
    client: PortalClient,
    actor: AuditActor,
    progress: Progress | None = None,
    page_size: int = PAGE_SIZE,
) -> PullSummary:
    """Fetch and upsert fields, agencies, then procedures (which name fields)."""
    summary = PullSummary()
    for name, service, model, key in SECTIONS:
        section: SectionSummary = getattr(summary, name)
        page, done = 1, 0
        while True:
            items, total = await client.catalog_page(service, page, page_size)
            section.total = total
            async with factory() as session, session.begin():
                for raw in items:
                    code = str(raw.get(key, "?"))
                    try:
                        item = model.model_validate(raw)
                        async with session.begin_nested():
                            outcome = await _upsert(session, item, actor)
                    except ValidationError as exc:
                        outcome = "rejected"
                        section.rejections.append((code, str(exc.errors()[0].get("msg"))))
                    except DomainError as exc:
                        outcome = "rejected"
                        section.rejections.append((code, exc.detail))
                    section.outcomes[outcome] += 1
            done += len(items)
            if progress is not None:
                progress(name, done, total)
            if not items or done >= total:
                break
            page += 1
    return summary
