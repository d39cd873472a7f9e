"""Who a dossier is for and who submits it (DESIGN.md section 3, applicant and submitter).

Online, the signed-in citizen submits either for themselves (the applicant's personal id is the
verified one the identity provider put in the token) or for someone else as a declared submitter
(người nộp thay): their own verified id, the relationship, and unless they are the applicant's
legal representative, the authorisation document (Civil Code 2015 art. 134-138 on representation;
Decree 118/2025 art. 14: a dossier may be submitted through an authorised person). The owner
account's VNeID verification is recorded for the national portal (TaiKhoanDuocXacThucVoiVNeID,
Decree 69/2024 on electronic identification).
"""

from __future__ import annotations

from typing import Any

from app.errors import Forbidden, ProblemCode, field_error
from app.models.dossier import ApplicantKind, IdentifierKind
from app.schemas.dossiers import DocumentInput, DossierCreate
from app.services.identity.principals import CitizenPrincipal, Principal

# the requirement code under which the authorisation document is attached to the dossier
AUTHORISATION_DOCUMENT = "GIAY_UY_QUYEN"


def check_online_identity(principal: CitizenPrincipal, data: DossierCreate) -> None:
    """A citizen submits for themselves, or as a declared submitter: never under another's id."""
    verified = principal.personal_id
    if verified is None:
        raise Forbidden(
            "Tài khoản chưa có số định danh cá nhân đã xác thực: chưa thể nộp hồ sơ trực tuyến.",
            code=ProblemCode.personal_id_unverified,
        )
    submitter = data.submitter
    applicant = data.applicant
    if submitter is None:
        own = (
            applicant.kind is ApplicantKind.person
            and applicant.id_kind is IdentifierKind.personal_id
            and applicant.id_number == verified
        )
        if not own:
            raise Forbidden(
                "Chỉ được nộp hồ sơ cho chính mình (số định danh của tài khoản), hoặc khai báo "
                "là người nộp thay kèm quan hệ và giấy ủy quyền.",
                code=ProblemCode.applicant_not_caller,
            )
        return
    if submitter.id_kind is not IdentifierKind.personal_id or submitter.id_number != verified:
        raise Forbidden(
            "Người nộp thay phải là chính chủ tài khoản (số định danh của tài khoản).",
            code=ProblemCode.applicant_not_caller,
        )
    if submitter.authorisation_paper_checked:
        raise field_error(
            "submitter.authorisation_paper_checked",
            "Chỉ cán bộ tiếp nhận tại quầy mới xác nhận bản giấy ủy quyền",
            code=ProblemCode.paper_only_at_desk,
            field_code="paper_only_at_desk",
        )
    _check_distinct(data)


def check_desk_submitter(data: DossierCreate) -> None:
    """At the desk the receptionist records the submitter as presented (identity checked there)."""
    if data.submitter is not None:
        _check_distinct(data)


def _check_distinct(data: DossierCreate) -> None:
    submitter, applicant = data.submitter, data.applicant
    assert submitter is not None
    if (submitter.id_kind, submitter.id_number) == (applicant.id_kind, applicant.id_number):
        raise field_error(
            "submitter",
            "Người nộp thay trùng người yêu cầu: bỏ trống mục người nộp thay",
            code=ProblemCode.submitter_invalid,
        )


def authorisation_input(data: DossierCreate) -> DocumentInput | None:
    """The authorisation document as a document of the dossier, when one was given."""
    submitter = data.submitter
    if submitter is None:
        return None
    if submitter.authorisation_upload_id is not None:
        return DocumentInput(
            requirement_code=AUTHORISATION_DOCUMENT, upload_id=submitter.authorisation_upload_id
        )
    if submitter.authorisation_paper_checked:
        return DocumentInput(requirement_code=AUTHORISATION_DOCUMENT, paper_original_checked=True)
    return None


def submitter_record(data: DossierCreate) -> dict[str, Any] | None:
    """What the dossier keeps of the submitter (the identifiers stay with the dossier's data)."""
    submitter = data.submitter
    if submitter is None:
        return None
    return {
        "name": submitter.name,
        "id_kind": str(submitter.id_kind),
        "id_number": submitter.id_number,
        "phone": submitter.phone,
        "relationship": str(submitter.relationship),
        "authorisation_document": AUTHORISATION_DOCUMENT
        if authorisation_input(data) is not None
        else None,
    }


def vneid_verified(principal: Principal) -> bool | None:
    """Whether the submitting account was verified with VNeID; None at the desk (no account)."""
    return principal.vneid_verified if isinstance(principal, CitizenPrincipal) else None
