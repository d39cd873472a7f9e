"""``motcua catalog import`` / ``export``: the ``motcua.catalog/v2`` file (docs/catalog-format.md);
``motcua.catalog/v1`` files still import.

Sections are applied in dependency order (units, agencies, fields, procedures, templates,
applications). Every row runs in its own savepoint: a bad row is rejected whole, with its reasons,
and the rest goes in. Identical rows are no-ops, so importing a file twice changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import BadRequest, DomainError, validation_errors
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.procedure import Procedure, ProcedureApplication, ProcessTemplate
from app.schemas.catalog import (
    AgencyData,
    AgencyRow,
    ApplicationRow,
    FieldData,
    FieldRow,
    ProcedureRow,
    TemplateRow,
    UnitData,
    UnitRow,
    upgrade_v1_document,
)
from app.services.catalog import admin as admin_service
from app.services.catalog import process_templates as process_service
from app.services.catalog.admin import Outcome

FORMAT = "motcua.catalog/v2"
# Earlier formats still read: v1 has no times or documents by channel (absent means "every channel";
# its online_processing_time is the online channel's time).
V1 = "motcua.catalog/v1"
READABLE_FORMATS = (V1, FORMAT)
SECTIONS = ("units", "agencies", "fields", "procedures", "templates", "applications")
CSV_SECTIONS: dict[str, type[BaseModel]] = {
    "units": UnitRow,
    "agencies": AgencyRow,
    "fields": FieldRow,
}

Handler = Callable[[AsyncSession, Any], Awaitable[tuple[Any, Outcome]]]


async def _unit(session: AsyncSession, row: UnitRow) -> tuple[Any, Outcome]:
    return await admin_service.put_unit(
        session, row.code, UnitData.model_validate(row.model_dump(exclude={"code"}))
    )


async def _agency(session: AsyncSession, row: AgencyRow) -> tuple[Any, Outcome]:
    return await admin_service.put_agency(
        session, row.code, AgencyData.model_validate(row.model_dump(exclude={"code"}))
    )


async def _field(session: AsyncSession, row: FieldRow) -> tuple[Any, Outcome]:
    return await admin_service.put_field(session, row.code, FieldData(name=row.name))


_HANDLERS: dict[str, tuple[type[BaseModel], Handler]] = {
    "units": (UnitRow, _unit),
    "agencies": (AgencyRow, _agency),
    "fields": (FieldRow, _field),
    "procedures": (ProcedureRow, admin_service.put_procedure_version),
    "templates": (TemplateRow, process_service.put_template_version),
    "applications": (ApplicationRow, process_service.put_application_version),
}


@dataclass
class Rejection:
    section: str
    index: int  # position of the row in its section, from 0
    key: str
    reasons: list[str]


@dataclass
class ImportReport:
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(c[Outcome.created] + c[Outcome.updated] for c in self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": {section: dict(counts) for section, counts in self.counts.items()},
            "rejected": [vars(r) for r in self.rejected],
        }


def _row_key(section: str, row: Any) -> str:
    if not isinstance(row, dict):
        return "?"
    if section == "applications":
        return f"{row.get('procedure')}@{row.get('agency')} v{row.get('version')}"
    key = str(row.get("code"))
    return f"{key} v{row['version']}" if "version" in row else key


def _dependency_order(section: str, rows: list[Any]) -> list[int]:
    """Parents and successors named in the same section come first; the rest keeps file order."""
    if section not in ("units", "agencies"):
        return list(range(len(rows)))
    position = {row.get("code"): i for i, row in enumerate(rows) if isinstance(row, dict)}
    ordered: list[int] = []
    state: dict[int, bool] = {}  # False: being visited (a cycle stops there), True: placed

    def visit(i: int) -> None:
        if i in state:
            return
        state[i] = False
        row = rows[i]
        if isinstance(row, dict):
            for ref in ("parent", "replaced_by"):
                j = position.get(row.get(ref))
                if j is not None and j != i:
                    visit(j)
        state[i] = True
        ordered.append(i)

    for i in range(len(rows)):
        visit(i)
    return ordered


def _reasons(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return [
            f"{e['field'] or '(dòng)'}: {e['message']}" for e in validation_errors(exc.errors())
        ]
    if isinstance(exc, DomainError):
        if exc.errors:
            return [f"{e['field']}: {e['message']}" for e in exc.errors]
        return [exc.detail]
    # never echo database text; the constraint checks above should have caught it
    return ["Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu"]


def _upgrade_v1_procedure(row: dict[str, Any]) -> dict[str, Any]:
    documents = row.get("documents")
    if not isinstance(documents, list):
        return row
    return {
        **row,
        "documents": [upgrade_v1_document(d) if isinstance(d, dict) else d for d in documents],
    }


def count_rows(data: dict[str, Any]) -> int:
    return sum(len(data.get(s) or []) for s in SECTIONS if isinstance(data.get(s), list))


async def import_catalog(
    session: AsyncSession,
    data: Any,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Apply a catalog document; the caller commits. Raises BadRequest for a wrong document."""
    if not isinstance(data, dict) or data.get("format") not in READABLE_FORMATS:
        raise BadRequest(f'Tệp danh mục phải là một đối tượng JSON có "format": "{FORMAT}".')
    report = ImportReport()
    for section in SECTIONS:
        rows = data.get(section) or []
        if not isinstance(rows, list):
            raise BadRequest(f"Mục {section} phải là một danh sách.")
        counts = report.counts.setdefault(section, Counter())
        schema, handler = _HANDLERS[section]
        for index in _dependency_order(section, rows):
            raw = rows[index]
            try:
                if isinstance(raw, dict):  # keys starting with "_" are comments
                    raw = {k: v for k, v in raw.items() if not k.startswith("_")}
                    if data["format"] == V1 and section == "procedures":
                        raw = _upgrade_v1_procedure(raw)
                row = schema.model_validate(raw)
                async with session.begin_nested():
                    _, outcome = await handler(session, row)
                counts[outcome] += 1
            except (ValidationError, DomainError, DBAPIError) as exc:
                counts["rejected"] += 1
                report.rejected.append(
                    Rejection(section, index, _row_key(section, raw), _reasons(exc))
                )
            if progress is not None:
                progress(1)
    return report


def rows_from_csv(section: str, text: str) -> list[dict[str, Any]]:
    """Flat CSV rows (header = the JSON keys) of units, agencies or fields; empty cell = null."""
    if section not in CSV_SECTIONS:
        raise BadRequest(f"CSV chỉ hỗ trợ các mục: {', '.join(CSV_SECTIONS)}.")
    reader = csv.DictReader(io.StringIO(text))
    return [{k: (v if v != "" else None) for k, v in row.items() if k} for row in reader]


def _dump(schema: type[BaseModel], rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [schema.model_validate(row.content()).model_dump(mode="json") for row in rows]


async def export_catalog(session: AsyncSession) -> dict[str, Any]:
    """The whole catalog, every version, as a document ``import_catalog`` reads back unchanged."""
    units = await session.scalars(select(AdministrativeUnit).order_by(AdministrativeUnit.code))
    agencies = await session.scalars(select(Agency).order_by(Agency.code))
    fields = await session.scalars(select(Field).order_by(Field.code))
    procedures = await session.scalars(
        select(Procedure).order_by(Procedure.code, Procedure.version)
    )
    templates = await session.scalars(
        select(ProcessTemplate)
        .options(selectinload(ProcessTemplate.steps))
        .order_by(ProcessTemplate.code, ProcessTemplate.version)
    )
    applications = await session.scalars(
        select(ProcedureApplication).order_by(
            ProcedureApplication.procedure_code,
            ProcedureApplication.agency_code,
            ProcedureApplication.version,
        )
    )
    return {
        "format": FORMAT,
        "units": _dump(UnitRow, units),
        "agencies": _dump(AgencyRow, agencies),
        "fields": _dump(FieldRow, fields),
        "procedures": _dump(ProcedureRow, procedures),
        "templates": _dump(TemplateRow, templates),
        "applications": _dump(ApplicationRow, applications),
    }


def section_csv(section: str, rows: list[dict[str, Any]]) -> str:
    schema = CSV_SECTIONS.get(section)
    if schema is None:
        raise BadRequest(f"CSV chỉ hỗ trợ các mục: {', '.join(CSV_SECTIONS)}.")
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["code", *(k for k in schema.model_fields if k != "code")]
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
