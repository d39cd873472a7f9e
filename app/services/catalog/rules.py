"""Validation rules of the catalog that need the database: references exist, times and fees add up.

Each check returns field errors (``{field, location, code, message}``) instead of raising, so one
request or one imported row reports every problem at once; ``raise_if`` turns them into a 422.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import ValidationFailed
from app.models.base import Base
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.procedure import CatalogState, Procedure, ProcessTemplate
from app.schemas.catalog import (
    AgencyData,
    ApplicationCreate,
    ProcedureData,
    TemplateData,
    UnitData,
)

FieldErrors = list[dict[str, Any]]


def error(field: str, code: str, message: str) -> dict[str, Any]:
    return {"field": field, "location": "body", "code": code, "message": message}


def raise_if(errors: FieldErrors) -> None:
    if errors:
        raise ValidationFailed(
            "Dữ liệu danh mục không hợp lệ: "
            + "; ".join(f"{e['field']}: {e['message']}" for e in errors),
            errors=errors,
        )


async def _exists(session: AsyncSession, model: type[Base], code: str) -> bool:
    return await session.get(model, code) is not None


async def missing(
    session: AsyncSession, model: type[Base], field: str, code: str | None, what: str
) -> FieldErrors:
    if code is None or await _exists(session, model, code):
        return []
    return [error(field, "unknown_reference", f"Không tồn tại {what} có mã {code}")]


async def _cycle(
    session: AsyncSession,
    model: type[AdministrativeUnit] | type[Agency],
    code: str,
    field: str,
    start: str | None,
) -> FieldErrors:
    """Following ``parent`` (or ``replaced_by``) from ``start`` must not come back to ``code``."""
    attribute = "parent_code" if field == "parent" else "replaced_by"
    seen: set[str] = set()
    current = start
    while current is not None and current not in seen:
        if current == code:
            return [error(field, "cycle", "Tham chiếu tạo thành vòng lặp")]
        seen.add(current)
        row = await session.get(model, current)
        current = getattr(row, attribute) if row is not None else None
    return []


async def check_unit(session: AsyncSession, code: str, data: UnitData) -> FieldErrors:
    errors: FieldErrors = []
    for field in ("parent", "replaced_by"):
        ref = getattr(data, field)
        if ref == code:
            errors.append(error(field, "self_reference", "Không được tham chiếu chính nó"))
        elif ref is not None:
            found = await missing(session, AdministrativeUnit, field, ref, "đơn vị hành chính")
            errors += found or await _cycle(session, AdministrativeUnit, code, field, ref)
    errors += _validity(data.valid_from, data.valid_to)
    return errors


async def check_agency(session: AsyncSession, code: str, data: AgencyData) -> FieldErrors:
    errors: FieldErrors = []
    for field in ("parent", "replaced_by"):
        ref = getattr(data, field)
        if ref == code:
            errors.append(error(field, "self_reference", "Không được tham chiếu chính nó"))
        elif ref is not None:
            found = await missing(session, Agency, field, ref, "cơ quan")
            errors += found or await _cycle(session, Agency, code, field, ref)
    errors += await missing(session, AdministrativeUnit, "unit", data.unit, "đơn vị hành chính")
    errors += _validity(data.valid_from, data.valid_to)
    return errors


def _validity(valid_from: Any, valid_to: Any) -> FieldErrors:
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        return [error("valid_to", "invalid_period", "Ngày hết hiệu lực trước ngày có hiệu lực")]
    return []


async def check_procedure(session: AsyncSession, data: ProcedureData) -> FieldErrors:
    return await missing(session, Field, "field", data.field, "lĩnh vực")


async def check_template(session: AsyncSession, data: TemplateData) -> FieldErrors:
    errors: FieldErrors = []
    for index, step in enumerate(data.steps):
        errors += await missing(
            session, Agency, f"steps.{index}.runs_at.agency", step.runs_at.agency, "cơ quan"
        )
    return errors


async def national_procedure(session: AsyncSession, code: str) -> Procedure | None:
    """The version an application is checked against: the current published one, else the latest."""
    current = await session.scalar(
        select(Procedure).where(Procedure.code == code, Procedure.is_current)
    )
    if current is not None:
        return current
    return await session.scalar(
        select(Procedure)
        .where(Procedure.code == code, Procedure.state != CatalogState.retired)
        .order_by(Procedure.version.desc())
        .limit(1)
    )


async def check_application(session: AsyncSession, data: ApplicationCreate) -> FieldErrors:
    """The rules of DESIGN.md section 3 for a local application of a procedure.

    (No article is cited: the decree text behind them is not in reference/, see vn-regulations.md.)
    The local processing time is never longer than the national one; the steps of the process
    template add up to the processing time that applies; a fee the national record leaves to the
    province must be stated locally as a whole number of đồng; every referenced code exists.
    """
    errors = await missing(session, Agency, "agency", data.agency, "cơ quan")
    for index, office in enumerate(data.receiving_offices):
        errors += await missing(session, Agency, f"receiving_offices.{index}", office, "cơ quan")
    if data.payee_agency is not None:
        errors += await missing(session, Agency, "payee_agency", data.payee_agency, "cơ quan")
    procedure = await national_procedure(session, data.procedure)
    if procedure is None:
        errors.append(
            error("procedure", "unknown_reference", f"Không tồn tại thủ tục có mã {data.procedure}")
        )
    template = await session.scalar(
        select(ProcessTemplate)
        .where(
            ProcessTemplate.code == data.template,
            ProcessTemplate.version == data.template_version,
        )
        .options(selectinload(ProcessTemplate.steps))
    )
    if template is None:
        errors.append(
            error(
                "template_version",
                "unknown_reference",
                f"Không tồn tại quy trình {data.template} phiên bản {data.template_version}",
            )
        )
    if procedure is None:
        return errors
    unit, amount = procedure.processing_time_unit, procedure.processing_time_amount
    if data.processing_time is not None:
        local = data.processing_time
        if local.unit != unit:
            errors.append(
                error(
                    "processing_time.unit",
                    "unit_mismatch",
                    f"Thời hạn tại địa phương phải dùng cùng đơn vị với thời hạn quốc gia ({unit})",
                )
            )
        elif local.amount > amount:
            errors.append(
                error(
                    "processing_time.amount",
                    "longer_than_national",
                    f"Thời hạn tại địa phương ({local.amount}) dài hơn thời hạn quốc gia ({amount})",
                )
            )
        unit, amount = local.unit, local.amount
    if template is not None:
        errors += _steps_add_up(template, unit, amount)
    if data.fees is None and any(fee.get("amount") is None for fee in procedure.fees):
        errors.append(
            error(
                "fees",
                "local_fee_required",
                "Thủ tục có khoản phí, lệ phí do tỉnh quy định: phải nêu số tiền tại địa phương",
            )
        )
    return errors


def _steps_add_up(template: ProcessTemplate, unit: str, amount: Decimal) -> FieldErrors:
    units = {step.duration_unit for step in template.steps}
    if units != {unit}:
        return [
            error(
                "template_version",
                "step_unit_mismatch",
                f"Các bước của quy trình phải dùng đơn vị thời hạn của thủ tục ({unit})",
            )
        ]
    total = sum((step.duration_amount for step in template.steps), Decimal(0))
    if total != amount:
        return [
            error(
                "template_version",
                "steps_do_not_add_up",
                f"Tổng thời hạn các bước ({total.normalize():f}) khác thời hạn giải quyết "
                f"({amount.normalize():f} {unit})",
            )
        ]
    return []
