"""Contains all the data models used in inputs/outputs"""

from .action import Action
from .action_request import ActionRequest
from .admin_action import AdminAction
from .admin_payment_read import AdminPaymentRead
from .agency_data import AgencyData
from .agency_kind import AgencyKind
from .agency_read import AgencyRead
from .agency_role import AgencyRole
from .agency_row import AgencyRow
from .agency_row_page import AgencyRowPage
from .agency_sync import AgencySync
from .applicant import Applicant
from .applicant_kind import ApplicantKind
from .application_create import ApplicationCreate
from .application_data import ApplicationData
from .application_read import ApplicationRead
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .audit_page import AuditPage
from .audit_target import AuditTarget
from .bucket_read import BucketRead
from .calendar_day import CalendarDay
from .calendar_override_read import CalendarOverrideRead
from .calendar_override_write import CalendarOverrideWrite
from .catalog_state import CatalogState
from .channel import Channel
from .channel_times_input import ChannelTimesInput
from .channel_times_output import ChannelTimesOutput
from .citizen_me import CitizenMe
from .dead_letter import DeadLetter
from .desk_outcome import DeskOutcome
from .dev_citizen_token import DevCitizenToken
from .dev_citizen_token_request import DevCitizenTokenRequest
from .device_rating import DeviceRating
from .device_rating_read import DeviceRatingRead
from .document import Document
from .document_input import DocumentInput
from .dossier_create import DossierCreate
from .dossier_document_read import DossierDocumentRead
from .dossier_page import DossierPage
from .dossier_read import DossierRead
from .dossier_read_applicant import DossierReadApplicant
from .dossier_read_submitter_type_0 import DossierReadSubmitterType0
from .dossier_status import DossierStatus
from .dossier_summary import DossierSummary
from .drill_page import DrillPage
from .drill_part import DrillPart
from .drill_row_read import DrillRowRead
from .due_date_read import DueDateRead
from .duration_input import DurationInput
from .duration_output import DurationOutput
from .duration_unit import DurationUnit
from .event_read import EventRead
from .event_read_payload import EventReadPayload
from .events_read import EventsRead
from .fee import Fee
from .fee_choice import FeeChoice
from .fee_line_read import FeeLineRead
from .fee_line_read_quantities import FeeLineReadQuantities
from .fees_due import FeesDue
from .field_data import FieldData
from .field_error import FieldError
from .field_row import FieldRow
from .form_document import FormDocument
from .form_document_applicant import FormDocumentApplicant
from .form_document_issuing_agency_type_0 import FormDocumentIssuingAgencyType0
from .form_document_procedure import FormDocumentProcedure
from .form_name import FormName
from .forward_result import ForwardResult
from .forwarded_document import ForwardedDocument
from .forwarded_dossier import ForwardedDossier
from .forwarded_dossier_hinhthuc import ForwardedDossierHinhthuc
from .forwarded_dossier_loaidoituong import ForwardedDossierLoaidoituong
from .grid_cell_read import GridCellRead
from .grid_dimension import GridDimension
from .grid_read import GridRead
from .grid_row_read import GridRowRead
from .group_read import GroupRead
from .health_read import HealthRead
from .identifier_kind import IdentifierKind
from .indicator_read import IndicatorRead
from .indicators_read import IndicatorsRead
from .jwks import Jwks
from .jwks_keys_item import JwksKeysItem
from .local_fee import LocalFee
from .lookup_read import LookupRead
from .me import Me
from .national_callback_answer import NationalCallbackAnswer
from .officer_login_form import OfficerLoginForm
from .online_level import OnlineLevel
from .outbox_status import OutboxStatus
from .override_kind import OverrideKind
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .payment_alert_read import PaymentAlertRead
from .payment_alert_read_detail import PaymentAlertReadDetail
from .payment_callback_read import PaymentCallbackRead
from .payment_create import PaymentCreate
from .payment_provider import PaymentProvider
from .payment_read import PaymentRead
from .payment_status import PaymentStatus
from .periodic_job_read import PeriodicJobRead
from .problem import Problem
from .problem_code import ProblemCode
from .procedure_create import ProcedureCreate
from .procedure_data import ProcedureData
from .procedure_detail import ProcedureDetail
from .procedure_read import ProcedureRead
from .procedure_summary import ProcedureSummary
from .procedure_summary_page import ProcedureSummaryPage
from .readiness_read import ReadinessRead
from .readiness_read_checks import ReadinessReadChecks
from .refund_create import RefundCreate
from .register_format import RegisterFormat
from .register_page import RegisterPage
from .register_row_read import RegisterRowRead
from .replay_request import ReplayRequest
from .replay_result import ReplayResult
from .result_delivery import ResultDelivery
from .result_return_read import ResultReturnRead
from .role import Role
from .runs_at import RunsAt
from .runs_at_kind import RunsAtKind
from .source import Source
from .state_action import StateAction
from .stats_format import StatsFormat
from .step_input import StepInput
from .step_output import StepOutput
from .step_progress import StepProgress
from .step_read import StepRead
from .step_role import StepRole
from .submission_channel import SubmissionChannel
from .submitter import Submitter
from .submitter_relationship import SubmitterRelationship
from .summary_read import SummaryRead
from .summary_read_counts import SummaryReadCounts
from .supplement_item import SupplementItem
from .sync_replay_request import SyncReplayRequest
from .sync_status import SyncStatus
from .template_create import TemplateCreate
from .template_kind import TemplateKind
from .template_row import TemplateRow
from .token_response import TokenResponse
from .topic_counts import TopicCounts
from .unit_data import UnitData
from .unit_kind import UnitKind
from .unit_row import UnitRow
from .unit_row_page import UnitRowPage
from .upload_form import UploadForm
from .upload_purpose import UploadPurpose
from .upload_read import UploadRead
from .user_create import UserCreate
from .user_read import UserRead
from .user_update import UserUpdate
from .vnpay_ipn_answer import VnpayIpnAnswer
from .year_calendar_read import YearCalendarRead
from .zalopay_callback_answer import ZalopayCallbackAnswer

__all__ = (
    "Action",
    "ActionRequest",
    "AdminAction",
    "AdminPaymentRead",
    "AgencyData",
    "AgencyKind",
    "AgencyRead",
    "AgencyRole",
    "AgencyRow",
    "AgencyRowPage",
    "AgencySync",
    "Applicant",
    "ApplicantKind",
    "ApplicationCreate",
    "ApplicationData",
    "ApplicationRead",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "AuditPage",
    "AuditTarget",
    "BucketRead",
    "CalendarDay",
    "CalendarOverrideRead",
    "CalendarOverrideWrite",
    "CatalogState",
    "Channel",
    "ChannelTimesInput",
    "ChannelTimesOutput",
    "CitizenMe",
    "DeadLetter",
    "DeskOutcome",
    "DevCitizenToken",
    "DevCitizenTokenRequest",
    "DeviceRating",
    "DeviceRatingRead",
    "Document",
    "DocumentInput",
    "DossierCreate",
    "DossierDocumentRead",
    "DossierPage",
    "DossierRead",
    "DossierReadApplicant",
    "DossierReadSubmitterType0",
    "DossierStatus",
    "DossierSummary",
    "DrillPage",
    "DrillPart",
    "DrillRowRead",
    "DueDateRead",
    "DurationInput",
    "DurationOutput",
    "DurationUnit",
    "EventRead",
    "EventReadPayload",
    "EventsRead",
    "Fee",
    "FeeChoice",
    "FeeLineRead",
    "FeeLineReadQuantities",
    "FeesDue",
    "FieldData",
    "FieldError",
    "FieldRow",
    "FormDocument",
    "FormDocumentApplicant",
    "FormDocumentIssuingAgencyType0",
    "FormDocumentProcedure",
    "FormName",
    "ForwardedDocument",
    "ForwardedDossier",
    "ForwardedDossierHinhthuc",
    "ForwardedDossierLoaidoituong",
    "ForwardResult",
    "GridCellRead",
    "GridDimension",
    "GridRead",
    "GridRowRead",
    "GroupRead",
    "HealthRead",
    "IdentifierKind",
    "IndicatorRead",
    "IndicatorsRead",
    "Jwks",
    "JwksKeysItem",
    "LocalFee",
    "LookupRead",
    "Me",
    "NationalCallbackAnswer",
    "OfficerLoginForm",
    "OnlineLevel",
    "OutboxStatus",
    "OverrideKind",
    "PasswordChange",
    "PasswordReset",
    "PaymentAlertRead",
    "PaymentAlertReadDetail",
    "PaymentCallbackRead",
    "PaymentCreate",
    "PaymentProvider",
    "PaymentRead",
    "PaymentStatus",
    "PeriodicJobRead",
    "Problem",
    "ProblemCode",
    "ProcedureCreate",
    "ProcedureData",
    "ProcedureDetail",
    "ProcedureRead",
    "ProcedureSummary",
    "ProcedureSummaryPage",
    "ReadinessRead",
    "ReadinessReadChecks",
    "RefundCreate",
    "RegisterFormat",
    "RegisterPage",
    "RegisterRowRead",
    "ReplayRequest",
    "ReplayResult",
    "ResultDelivery",
    "ResultReturnRead",
    "Role",
    "RunsAt",
    "RunsAtKind",
    "Source",
    "StateAction",
    "StatsFormat",
    "StepInput",
    "StepOutput",
    "StepProgress",
    "StepRead",
    "StepRole",
    "SubmissionChannel",
    "Submitter",
    "SubmitterRelationship",
    "SummaryRead",
    "SummaryReadCounts",
    "SupplementItem",
    "SyncReplayRequest",
    "SyncStatus",
    "TemplateCreate",
    "TemplateKind",
    "TemplateRow",
    "TokenResponse",
    "TopicCounts",
    "UnitData",
    "UnitKind",
    "UnitRow",
    "UnitRowPage",
    "UploadForm",
    "UploadPurpose",
    "UploadRead",
    "UserCreate",
    "UserRead",
    "UserUpdate",
    "VnpayIpnAnswer",
    "YearCalendarRead",
    "ZalopayCallbackAnswer",
)
