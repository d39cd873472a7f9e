"""Documents of a dossier: required documents checked at submission, uploads attached, supplements.

Mandatory documents of the procedure version in force must be present: as uploads owned by the
submitter, or, at the desk, ticked by the receptionist as paper originals checked (Decree 118/2025: the
desk checks the completeness of the dossier before receipt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import ProblemCode, ValidationFailed, field_error
from app.models.dossier import (
    Action,
    Channel,
    DocumentKind,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierStatus,
)
from app.models.procedure import Procedure, SubmissionChannel
from app.models.upload import Upload, UploadPurpose
from app.schemas.catalog import Document
from app.schemas.dossiers import DocumentInput, SupplementItem
from app.services.dossiers.access import owned_by, visible_to
from app.services.identity.principals import CitizenPrincipal, Principal
from app.services.uploads import files as uploads_service

# A dossier's channel as the catalog names channels (the national portal's dossiers are online ones).
_CATALOG_CHANNEL: dict[Channel, SubmissionChannel] = {
    Channel.desk: SubmissionChannel.desk,
    Channel.online: SubmissionChannel.online,
    Channel.postal: SubmissionChannel.postal,
    Channel.national_portal: SubmissionChannel.online,
}


@dataclass(frozen=True)
class CheckedDocument:
    requirement_code: str
    upload: Upload | None
    paper_original_checked: bool
    kind: DocumentKind


async def _checked(
    session: AsyncSession,
    principal: Principal,
    inputs: Sequence[DocumentInput],
    *,
    known_codes: set[str] | None,
    desk: bool,
    kind: DocumentKind,
    now: datetime,
) -> list[CheckedDocument]:
    checked: list[CheckedDocument] = []
    upload_ids = [doc.upload_id for doc in inputs if doc.upload_id is not None]
    if len(upload_ids) != len(set(upload_ids)):
        raise field_error(
            "documents",
            "Một tệp chỉ được dùng cho một thành phần",
            code=ProblemCode.duplicate_upload,
            field_code="duplicate_upload",
        )
    uploads: dict[Any, Upload] = {}
    if upload_ids:
        purpose = (
            UploadPurpose.supplement if kind is DocumentKind.supplement else UploadPurpose.submitted
        )
        attached = await uploads_service.attach(session, principal, upload_ids, purpose, now)
        uploads = {upload.id: upload for upload in attached}
    for index, doc in enumerate(inputs):
        if known_codes is not None and doc.requirement_code not in known_codes:
            raise field_error(
                f"documents.{index}.requirement_code",
                f"Thủ tục không có thành phần hồ sơ mã {doc.requirement_code}",
                code=ProblemCode.unknown_requirement,
                field_code="unknown_requirement",
            )
        if doc.paper_original_checked and not desk:
            raise field_error(
                f"documents.{index}.paper_original_checked",
                "Chỉ cán bộ tiếp nhận tại quầy mới xác nhận bản giấy",
                code=ProblemCode.paper_only_at_desk,
                field_code="paper_only_at_desk",
            )
        checked.append(
            CheckedDocument(
                requirement_code=doc.requirement_code,
                upload=uploads.get(doc.upload_id) if doc.upload_id else None,
                paper_original_checked=doc.paper_original_checked,
                kind=kind,
            )
        )
    return checked


def requirements(procedure: Procedure) -> dict[str, Document]:
    """The procedure's documents by code, as the catalog format reads them."""
    return {
        doc["code"]: Document.model_validate(doc) for doc in procedure.documents if doc.get("code")
    }


def missing_documents(
    procedure: Procedure, channel: Channel, inputs: Sequence[DocumentInput]
) -> list[Document]:
    """Mandatory documents of ``channel`` the inputs lack (``Document.required_in``)."""
    provided = {doc.requirement_code for doc in inputs}
    wanted = _CATALOG_CHANNEL.get(channel, SubmissionChannel.online)
    return [
        doc
        for code, doc in requirements(procedure).items()
        if doc.required_in(wanted) and code not in provided
    ]


def _refuse_presented_uploads(
    required: dict[str, Document], inputs: Sequence[DocumentInput]
) -> None:
    """A document only shown at the desk is not submitted: no file of it is kept (Decree 13/2023
    on personal data: the desk sees the identity card, the dossier does not keep a copy)."""
    for index, doc in enumerate(inputs):
        requirement = required.get(doc.requirement_code)
        if requirement is not None and requirement.presented_only and doc.upload_id is not None:
            raise field_error(
                f"documents.{index}.upload_id",
                f"Thành phần {doc.requirement_code} chỉ xuất trình tại quầy, không nộp tệp",
                code=ProblemCode.document_only_presented,
                field_code="document_only_presented",
            )


async def check_submission(
    session: AsyncSession,
    principal: Principal,
    procedure: Procedure,
    inputs: Sequence[DocumentInput],
    *,
    desk: bool,
    now: datetime,
    allow_missing: bool = False,
) -> list[CheckedDocument]:
    """Validate the documents of a submission against the procedure; attach the uploads (flush only).

    The mandatory documents are those of the dossier's channel (a form filled online replaces the
    paper form; a document only shown at the desk is not asked for online). ``allow_missing``: the
    desk's check found the dossier incomplete and asks for a supplement, or refuses it (Decree
    61/2018 as amended, Decree 118/2025, reference section 1.2: an incomplete dossier is not handed
    back, the desk guides the applicant once, in writing, on what to complete).
    """
    required = requirements(procedure)
    missing = [
        doc.code
        for doc in missing_documents(procedure, Channel.desk if desk else Channel.online, inputs)
    ]
    _refuse_presented_uploads(required, inputs)
    if missing and not allow_missing:
        raise ValidationFailed(
            "Hồ sơ thiếu thành phần bắt buộc: " + ", ".join(missing) + ".",
            code=ProblemCode.mandatory_documents_missing,
            errors=[
                {
                    "field": "documents",
                    "location": "body",
                    "code": "missing",
                    "message": f"Thiếu thành phần bắt buộc {code}: {required[code].name}",
                }
                for code in missing
            ],
        )
    return await _checked(
        session,
        principal,
        inputs,
        known_codes=set(required),
        desk=desk,
        kind=DocumentKind.submitted,
        now=now,
    )


async def supplement_items(
    session: AsyncSession, dossier: Dossier, items: Sequence[SupplementItem]
) -> list[dict[str, Any]]:
    """The documents a supplement request names, each with its counts (the catalog's when not
    given) and what is wrong; only documents the procedure lists (asking for documents "ngoài quy
    định" is prohibited conduct of desk staff under Decree 61/2018, reference section 1.2, [S])."""
    if not items:
        raise field_error(
            "items",
            "Cần nêu từng thành phần hồ sơ cần bổ sung, hoàn thiện.",
            code=ProblemCode.supplement_items_invalid,
            field_code="missing",
        )
    procedure = await session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    known = requirements(procedure)
    named: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        document = known.get(item.requirement_code)
        if document is None:
            raise field_error(
                f"items.{index}.requirement_code",
                f"Thủ tục không có thành phần hồ sơ mã {item.requirement_code}",
                code=ProblemCode.unknown_requirement,
                field_code="unknown_requirement",
            )
        if any(n["requirement_code"] == item.requirement_code for n in named):
            raise field_error(
                f"items.{index}.requirement_code",
                f"Thành phần {item.requirement_code} đã được nêu",
                code=ProblemCode.supplement_items_invalid,
                field_code="duplicate",
            )
        named.append(
            {
                "requirement_code": document.code,
                "name": document.name,
                "originals": document.originals if item.originals is None else item.originals,
                "certified_copies": document.certified_copies
                if item.certified_copies is None
                else item.certified_copies,
                "copies": document.copies if item.copies is None else item.copies,
                "reason": item.reason,
            }
        )
    return named


def missing_as_items(
    procedure: Procedure, channel: Channel, inputs: Sequence[DocumentInput]
) -> list[SupplementItem]:
    """The mandatory documents a dossier lacks, as the items of the desk's supplement request."""
    return [
        SupplementItem(
            requirement_code=doc.code, reason="Chưa có trong hồ sơ (thành phần bắt buộc)"
        )
        for doc in missing_documents(procedure, channel, inputs)
    ]


async def check_requested(
    session: AsyncSession, dossier: Dossier, inputs: Sequence[DocumentInput]
) -> None:
    """A supplement brings the documents the last request named, all of them and only them; a
    document only shown at the desk is shown there, not uploaded. (A request made before requests
    named their documents accepts any.)"""
    request = await session.scalar(
        select(DossierEvent)
        .where(
            DossierEvent.dossier_id == dossier.id,
            DossierEvent.action == Action.request_supplement.value,
        )
        .order_by(DossierEvent.seq.desc())
        .limit(1)
    )
    items = (request.payload.get("items") if request is not None else None) or []
    if not items:
        return
    wanted = [item["requirement_code"] for item in items]
    for index, doc in enumerate(inputs):
        if doc.requirement_code not in wanted:
            raise field_error(
                f"documents.{index}.requirement_code",
                f"Thành phần {doc.requirement_code} không được yêu cầu bổ sung "
                f"(yêu cầu: {', '.join(wanted)})",
                code=ProblemCode.not_requested,
                field_code="not_requested",
            )
    procedure = await session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    _refuse_presented_uploads(requirements(procedure), inputs)
    provided = {doc.requirement_code for doc in inputs}
    missing = [code for code in wanted if code not in provided]
    if missing:
        raise field_error(
            "documents",
            "Còn thiếu thành phần được yêu cầu bổ sung: " + ", ".join(missing),
            code=ProblemCode.documents_required,
            field_code="missing",
        )


async def check_additional(
    session: AsyncSession,
    principal: Principal,
    inputs: Sequence[DocumentInput],
    *,
    desk: bool,
    kind: DocumentKind,
    now: datetime,
) -> list[CheckedDocument]:
    """Supplements and results: any requirement code (a result has its own), uploads attached."""
    return await _checked(
        session, principal, inputs, known_codes=None, desk=desk, kind=kind, now=now
    )


async def attach(
    session: AsyncSession, dossier: Dossier, documents: Sequence[CheckedDocument], *, now: datetime
) -> None:
    for doc in documents:
        upload = doc.upload
        session.add(
            DossierDocument(
                dossier_id=dossier.id,
                requirement_code=doc.requirement_code,
                kind=doc.kind,
                upload_id=upload.id if upload else None,
                paper_original_checked=doc.paper_original_checked,
                file_name=upload.file_name if upload else None,
                content_type=upload.content_type if upload else None,
                size=upload.size if upload else None,
                sha256=upload.sha256 if upload else None,
                digitised=upload is not None,
                reused=False,
                added_at=now,
            )
        )
    await session.flush()


async def list_documents(session: AsyncSession, dossier: Dossier) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(DossierDocument)
        .where(DossierDocument.dossier_id == dossier.id)
        .order_by(DossierDocument.id)
    )
    return [
        {
            "requirement_code": doc.requirement_code,
            "kind": str(doc.kind),
            "upload_id": str(doc.upload_id) if doc.upload_id else None,
            "paper_original_checked": doc.paper_original_checked,
            "file_name": doc.file_name,
            "content_type": doc.content_type,
            "size": doc.size,
            "sha256": doc.sha256,
            "added_at": doc.added_at,
        }
        for doc in rows
    ]


def handled_by(principal: Principal) -> ColumnElement[bool]:
    """Uploads a caller may read because of the dossier it is attached to.

    An officer: the dossier's own scope decides (received at their offices or with a step in their
    agencies, DESIGN 10). A citizen: their own uploads (the uploads module's own scope), and the
    electronic results of the dossiers they own.
    """
    if isinstance(principal, CitizenPrincipal):
        # the owner's electronic result, once the dossier is resolved (Decree 42/2022 art. 11)
        return exists().where(
            DossierDocument.upload_id == Upload.id,
            DossierDocument.kind == DocumentKind.result,
            DossierDocument.dossier_id == Dossier.id,
            owned_by(principal.issuer, principal.subject),
            Dossier.status.in_((DossierStatus.resolved, DossierStatus.returned)),
        )
    return exists().where(
        DossierDocument.upload_id == Upload.id,
        DossierDocument.dossier_id == Dossier.id,
        visible_to(principal),
    )


async def has_result(session: AsyncSession, dossier: Dossier) -> bool:
    """The dossier has an electronic result (an uploaded file of kind ``result``)."""
    found = await session.scalar(
        select(
            exists().where(
                DossierDocument.dossier_id == dossier.id,
                DossierDocument.kind == DocumentKind.result,
                DossierDocument.upload_id.is_not(None),
            )
        )
    )
    return bool(found)


async def latest_result(session: AsyncSession, dossier: Dossier) -> DossierDocument | None:
    """The newest electronic result file of the dossier, if any."""
    document: DossierDocument | None = await session.scalar(
        select(DossierDocument)
        .where(
            DossierDocument.dossier_id == dossier.id,
            DossierDocument.kind == DocumentKind.result,
            DossierDocument.upload_id.is_not(None),
        )
        .order_by(DossierDocument.id.desc())
        .limit(1)
    )
    return document
