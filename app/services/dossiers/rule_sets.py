"""Rule sets: the legal parameters that move with the law, as data with an effective date.

A dossier keeps the rule set in force when it was submitted (DESIGN.md section 2). Values tagged [U] in
``reference/vn-regulations.md`` are configuration here, never hard-coded elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from app.models.calendar import DurationUnit
from app.models.dossier import DossierStatus
from app.services.dossiers.lifecycle import PORTAL_STATUS_CODE


@dataclass(frozen=True)
class RuleSet:
    code: str
    effective_from: datetime
    # Decree 118/2025: the desk asks for supplements at most once before receipt; during processing a
    # second request counts the dossier as late, so it is refused by default.
    max_desk_supplement_requests: int = 1
    max_processing_supplement_requests: int = 1
    # How long an applicant has to supplement before the sweep closes the dossier [U: configurable].
    supplement_deadline: tuple[Decimal, DurationUnit] = (Decimal(30), DurationUnit.WORKING_DAYS)
    # An apology (reschedule, form 04) must come at least this long before due_at (None: no lead
    # time), and whether an office already late may still apologise (the apology is then recorded as
    # late; the national index counts the dossier late either way).
    reschedule_notice: tuple[Decimal, DurationUnit] | None = None
    late_apology: bool = True
    # The new appointment of an apology at most this long after due_at [U: no text bounds it; a
    # typing slip of a year must not become the citizen's appointment].
    reschedule_max_delay: tuple[Decimal, DurationUnit] = (Decimal(30), DurationUnit.WORKING_DAYS)
    max_reschedules: int = 1
    # Dossiers and steps due within this window are flagged as due soon by the sweep.
    due_soon_window: tuple[Decimal, DurationUnit] = (Decimal(1), DurationUnit.WORKING_DAYS)
    # Form names -> form numbers of the circular that sets the one-stop forms (docs/forms.md).
    forms_circular: str = "Thông tư số 01/2018/TT-VPCP"
    form_numbers: tuple[tuple[str, str], ...] = (
        ("receipt", "01"),
        ("supplement_request", "02"),
        ("refusal", "03"),
        ("apology", "04"),
        ("control_sheet", "05"),
        ("register", "06"),
        ("stop_notice", ""),
    )
    # TrangThaiHoSo codes of the statuses the national list does not name. A refusal after appraisal
    # is reported as "Không được tiếp nhận" (3), the portal's only refusal code [U: no source maps it;
    # the 766 formula counts "Từ chối" as an ending without giving its code].
    extra_status_codes: tuple[tuple[DossierStatus, int], ...] = ((DossierStatus.refused, 3),)

    def status_code(self, status: DossierStatus) -> int:
        """The national portal's status code of ``status`` under this rule set."""
        return dict(self.extra_status_codes).get(status) or PORTAL_STATUS_CODE[status]


RULE_SETS: tuple[RuleSet, ...] = (
    # Decree 61/2018/NĐ-CP (in force 21/06/2018) as amended by Decree 107/2021/NĐ-CP: the agency
    # apologises "at least 1 day before the deadline" (reference section 1.2, [S] summary of art. 19).
    RuleSet(
        code="nd61-2018",
        effective_from=datetime(2018, 6, 21, tzinfo=UTC),
        reschedule_notice=(Decimal(1), DurationUnit.WORKING_DAYS),
        late_apology=False,
    ),
    # Decree 118/2025/NĐ-CP (in force 01/07/2025). [U] for the apology: issue 12 observed that one-stop
    # desks apologise up to and after the due date (a late office must still issue the apology and a
    # new appointment); no text read here sets a lead time, so none is configured.
    # The forms: Annex I of Circular 03/2025/TT-VPCP as one source lists it [U] (reference section
    # 1.4): the stop notice becomes form 05, the control sheet 06, the register 07.
    RuleSet(
        code="nd118-2025",
        effective_from=datetime(2025, 7, 1, tzinfo=UTC),
        forms_circular="Thông tư số 03/2025/TT-VPCP",
        form_numbers=(
            ("receipt", "01"),
            ("supplement_request", "02"),
            ("refusal", "03"),
            ("apology", "04"),
            ("stop_notice", "05"),
            ("control_sheet", "06"),
            ("register", "07"),
        ),
    ),
)


def rule_set_at(at: datetime) -> RuleSet:
    """The rule set in force at ``at`` (the latest effective on or before it)."""
    in_force = [r for r in RULE_SETS if r.effective_from <= at]
    return max(in_force, key=lambda r: r.effective_from) if in_force else RULE_SETS[0]


def rule_set(code: str) -> RuleSet:
    for candidate in RULE_SETS:
        if candidate.code == code:
            return candidate
    raise KeyError(code)
