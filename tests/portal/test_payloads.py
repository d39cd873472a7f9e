"""The pure payload builder and the vocabulary, without a database or a portal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.devtools.fake_portal import rules
from app.models.dossier import (
    Action,
    ActorKind,
    ApplicantKind,
    Channel,
    DocumentKind,
    DossierEvent,
    DossierStatus,
    IdentifierKind,
    ResultDelivery,
)
from app.models.payment import PaymentProvider
from app.services.dossiers.lifecycle import PORTAL_STATUS_CODE
from app.services.portal import links, payloads
from app.services.portal import vocabulary as vocab
from app.services.portal.snapshot import (
    DocumentSnapshot,
    DossierSnapshot,
    FeeSnapshot,
    OnlinePayment,
    ProgressSnapshot,
    online_payment,
)

AT = datetime(2026, 11, 30, 17, 30, 5, tzinfo=UTC)  # 00:30:05 on 1 December in Vietnam
SECRET = "k" * 48
LINKS = payloads.LinkPolicy("https://motcua.example.vn/", SECRET, AT + timedelta(days=30))


def _row(seq: int, **changes: object) -> ProgressSnapshot:
    row = ProgressSnapshot(
        seq=seq,
        action="forward",
        at=AT + timedelta(minutes=seq),
        to_status=DossierStatus.in_progress,
        actor_kind=ActorKind.officer,
        actor_name="Nguyễn Văn Chuyên Viên",
        role="specialist",
        agency_name="UBND xã",
        note=None,
        step_started_at=AT,
        step_due_at=AT + timedelta(days=1),
        promised_due_at=None,
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def snapshot(**changes: object) -> DossierSnapshot:
    base = DossierSnapshot(
        code="000.31.00.H99-261201-0001",
        receiving_office_code="000.31.00.H99",
        procedure_code="1.001612",
        procedure_name="Đăng ký thành lập hộ kinh doanh",
        field_code="G09",
        field_name="Thành lập và hoạt động của hộ kinh doanh",
        channel=Channel.online,
        applicant_kind=ApplicantKind.person,
        applicant_name="Người Nộp Mẫu",
        applicant_id_kind=IdentifierKind.personal_id,
        applicant_id_number="001234567890",
        applicant_phone=None,
        applicant_email=None,
        applicant_address=None,
        competent_agency_name="UBND xã",
        status=DossierStatus.in_progress,
        submitted_at=AT,
        received_at=AT,
        due_at=AT + timedelta(days=3),
        promised_due_at=None,
        ended_at=None,
        refused_at=None,
        returned_at=None,
        result_delivery=ResultDelivery.desk,
        owner_verified_vneid=False,
        online_payment=OnlinePayment.none,
        last_event_seq=25,
        documents=(
            DocumentSnapshot(
                1, "TP01", "Tờ khai", DocumentKind.submitted, "a.pdf", True, True, False
            ),
            DocumentSnapshot(
                2, "TP02", "Bản sao", DocumentKind.submitted, None, False, False, True
            ),
            DocumentSnapshot(
                3, "KQ", "Giấy chứng nhận", DocumentKind.result, "kq.pdf", True, True, False
            ),
        ),
        fees=(FeeSnapshot(7, "Lệ phí", "levy", 100_000, paid=False),),
        supplements=(),
        progress=tuple(_row(seq) for seq in range(1, 26)),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_dates_are_vietnam_wall_clock_time() -> None:
    assert payloads.wire_date(AT) == "20261201003005"
    assert payloads.wire_date(None) == ""
    item = payloads.dossier_payload(snapshot(), LINKS)
    assert item["NgayTiepNhan"] == "20261201003005"
    assert item["NgayHenTra"] == "20261204003005"


def test_long_texts_are_cut_to_the_portals_limits() -> None:
    long_name = "Thủ tục " * 200  # 1,600 characters
    item = payloads.dossier_payload(snapshot(procedure_name=long_name), LINKS)
    assert len(item["TrichYeuHoSo"]) == 1000 and item["TrichYeuHoSo"].endswith("…")
    row = payloads.progress_row(snapshot(), _row(1, actor_name="Tên Rất Dài " * 10))
    assert len(row["NguoiXuLy"]) == 50 and row["NguoiXuLy"].endswith("…")
    assert payloads.truncate("vừa  đủ", 7) == "vừa đủ"


def test_progress_goes_in_chunks_of_at_most_ten_in_order() -> None:
    rows = payloads.progress_rows(snapshot())
    groups = payloads.chunks(rows)
    assert [len(g) for g in groups] == [10, 10, 5]
    assert [r for g in groups for r in g] == rows
    assert [r["ThoiDiemXuLy"] for r in rows] == sorted(r["ThoiDiemXuLy"] for r in rows)
    assert len(payloads.progress_rows(snapshot(), after_seq=20)) == 5


def test_documents_results_and_fees() -> None:
    item = payloads.dossier_payload(snapshot(), LINKS)
    first, paper = item["TaiLieuNop"]
    assert (first["DuocSoHoa"], paper["DuocSoHoa"], paper["DuocTaiSuDung"]) == ("1", "0", "1")
    assert paper["DuongDanTaiTepTin"] == ""
    link = first["DuongDanTaiTepTin"]
    assert link.startswith("https://motcua.example.vn/api/v1/integrations/national-portal/files/1?")
    expires = int(AT.timestamp()) + 30 * 86400
    assert links.verify(SECRET, 1, expires, link.rsplit("=", 1)[1], AT)
    assert not links.verify(SECRET, 2, expires, link.rsplit("=", 1)[1], AT)
    assert not links.verify(SECRET, 1, expires, link.rsplit("=", 1)[1], AT + timedelta(days=31))
    (result,) = item["DanhSachGiayToKetQua"]
    assert result["GiayToId"] == "3" and "/files/3?" in result["DuongDanTepTinKetQua"]
    (fee,) = item["DanhSachLePhi"]
    assert (fee["Gia"], fee["LoaiPhiLePhi"], fee["HinhThucThu"]) == (100_000, "2", "1")
    paid = snapshot(
        fees=(FeeSnapshot(7, "Lệ phí", "levy", 100_000, paid=True),),
        online_payment=OnlinePayment.provincial_gateway,
    )
    item = payloads.dossier_payload(paid, LINKS)
    assert item["DuocThanhToanTrucTuyen"] == "2"
    assert item["DanhSachLePhi"][0]["HinhThucThu"] == "2"


@pytest.mark.parametrize(
    ("actor_kind", "actor_id", "expected"),
    [
        (ActorKind.gateway, PaymentProvider.vnpay.value, OnlinePayment.provincial_gateway),
        (ActorKind.gateway, PaymentProvider.national.value, OnlinePayment.national_platform),
        (ActorKind.officer, "tiepnhan.xa", OnlinePayment.none),  # cash at the desk
    ],
)
def test_who_recorded_the_payment_says_how_it_was_paid(
    actor_kind: ActorKind, actor_id: str, expected: OnlinePayment
) -> None:
    event = DossierEvent(
        action=Action.record_payment.value, actor_kind=actor_kind, actor_id=actor_id, payload={}
    )
    assert online_payment([event]) is expected


def test_an_apology_row_carries_the_new_appointment() -> None:
    promised = AT + timedelta(days=6)
    row = payloads.progress_row(snapshot(), _row(3, action="reschedule", promised_due_at=promised))
    assert row["NgayKetThucTheoQuyDinh"] == payloads.wire_date(promised)
    assert row["NoiDungXuLy"] == "Xin lỗi và hẹn lại ngày trả kết quả"


@pytest.mark.parametrize("status", list(DossierStatus))
@pytest.mark.parametrize("channel", list(Channel))
def test_every_status_and_channel_has_a_code_the_portal_accepts(
    status: DossierStatus, channel: Channel
) -> None:
    item = payloads.dossier_payload(snapshot(status=status, channel=channel), LINKS)
    assert rules.code_value(item["TrangThaiHoSo"]) in rules.STATUSES
    assert item["KenhThucHien"] in {"1", "2", "3"}


def test_the_vocabulary_covers_every_value_of_ours() -> None:
    assert vocab.STATUS_CODE == PORTAL_STATUS_CODE
    assert sorted(vocab.STATUS_CODE.values()) == list(range(1, 11))
    # a refusal after appraisal has its code from the rule set (the national list has none)
    assert vocab.status_code(DossierStatus.refused, "nd118-2025") == 3
    assert set(vocab.ACTION_CONTENT) >= {action.value for action in Action}
    assert set(vocab.CHANNEL_CODE) == set(Channel)
    assert set(vocab.DELIVERY_CODE) == set(ResultDelivery)
    assert set(vocab.ONLINE_PAYMENT_CODE) == set(OnlinePayment)
    assert set(vocab.ACTOR_FALLBACK) == set(ActorKind)
    kinds = {
        (kind, id_kind): vocab.subject_kind(kind, id_kind)
        for kind in ApplicantKind
        for id_kind in IdentifierKind
    }
    assert kinds[(ApplicantKind.person, IdentifierKind.personal_id)] == 1
    assert kinds[(ApplicantKind.organisation, IdentifierKind.tax_code)] == 2
    assert set(kinds.values()) <= {1, 2, 3, 4}
