"""The printable page of each form (``?format=html``): A5 portrait as Circular 01/2018/TT-VPCP sets the
forms (reference section 1.4), the template's layout (issuing agency and national heading side by
side, place and date, title, numbered content, signature blocks), in serif fonts that carry the
Vietnamese glyphs, installed locally (a font stack: nothing is fetched from the internet). The page
loads nothing: one inline style, the QR code as a data: PNG. Every value is escaped.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Any

import qrcode

from app.services.dossiers.form_text import VERDICT_VI

# Only faces with every Vietnamese letter (ể, ứ, ợ...): with a face that lacks them the browser takes
# those letters from another font, one by one. Noto Serif and DejaVu Serif (Debian's) first, then
# Times New Roman (officers' Windows machines). Times New Roman cannot come first: Linux's fontconfig
# answers that name with Liberation Serif, whose Debian package (fonts-liberation 1.x) has no
# Vietnamese (tests/dossiers/test_forms_print.py reads the printed text back).
FONT_STACK = "'Noto Serif','DejaVu Serif','Times New Roman',serif"

STYLE = (
    "@page{size:A5 portrait;margin:10mm 10mm 12mm 15mm}"
    f"body{{font-family:{FONT_STACK};font-size:11pt;line-height:1.35;margin:0;color:#000}}"
    "table.head{width:100%;border-collapse:collapse}table.head td{vertical-align:top;"
    "text-align:center;padding:0;font-size:9.5pt}table.head td.left{width:40%}"
    ".nation{font-size:8.5pt;white-space:nowrap}"
    ".up{text-transform:uppercase}.b{font-weight:bold}.i{font-style:italic}"
    ".rule{display:block;width:35%;margin:1mm auto 0;border-top:1px solid #000}"
    ".number{text-align:right;font-size:9pt;margin:0 0 1mm}"
    "h1{font-size:12.5pt;text-align:center;text-transform:uppercase;margin:5mm 0 1mm}"
    "p.sub{text-align:center;margin:0 0 3mm}p{margin:1mm 0}ol{margin:1mm 0;padding-left:5mm}"
    "table.grid{width:100%;border-collapse:collapse;font-size:9.5pt;margin:1mm 0}"
    "table.grid th,table.grid td{border:1px solid #000;padding:1px 3px;vertical-align:top}"
    "table.grid th{text-align:center}td.n{text-align:center}"
    "table.sign{width:100%;margin-top:4mm;border-collapse:collapse;page-break-inside:avoid}"
    "table.sign td{text-align:center;vertical-align:top;padding:0 2mm}"
    "table.sign .space{height:16mm}.qr{float:right;margin:0 0 1mm 2mm;text-align:center;"
    "font-size:8pt;width:30mm}.qr img{width:28mm;height:28mm;image-rendering:pixelated}"
    "@media screen{body{max-width:124mm;margin:8mm auto 10mm}}"
)


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def qr_png(data: str) -> bytes:
    """The QR code of ``data`` as a PNG (error correction M, quiet zone of 4 modules)."""
    image = qrcode.make(
        data, box_size=6, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _qr(url: str, pin: str | None) -> str:
    data = base64.b64encode(qr_png(url)).decode()
    return (
        f"<div class=qr><img alt='Mã QR tra cứu hồ sơ' src='data:image/png;base64,{data}'>"
        f"<div>Quét mã để tra cứu hồ sơ<br>Mã tra cứu: <b>{esc(pin)}</b></div></div>"
    )


def _heading(doc: dict[str, Any]) -> str:
    superior = doc.get("superior_agency") or {}
    issuer = doc.get("issuing_agency") or {}
    number = f"<p class=number>{esc(doc['legal_basis'])}</p>" if doc.get("legal_basis") else ""
    register = doc.get("register")
    ref = f"Số: {register['number']}/{register['book']}" if register else "Số: ......"
    return (
        f"{number}<table class=head><tr><td class=left>"
        f"<div class=up>{esc(superior.get('name'))}</div>"
        f"<div class='up b'>{esc(issuer.get('name'))}</div><span class=rule></span>"
        f"<div>{esc(ref)}</div></td><td>"
        f"<div class='b nation'>{esc(doc['national_heading']['name'])}</div>"
        f"<div class='b'>{esc(doc['national_heading']['motto'])}</div><span class=rule></span>"
        f"<div class=i>{esc(doc['place_and_date'])}</div></td></tr></table>"
        f"<h1>{esc(doc['title'])}</h1><p class=sub>Mã hồ sơ: <b>{esc(doc['dossier_code'])}</b></p>"
    )


def _blank(value: object) -> str:
    """A value, or the dotted line a paper form leaves to fill in by hand."""
    return esc(value) if value not in (None, "") else "…………………………"


def _applicant(doc: dict[str, Any]) -> str:
    a = doc["applicant"]
    return (
        f"<p>Ông/Bà (tổ chức): <b>{esc(a['name'])}</b></p>"
        f"<p>Địa chỉ: {_blank(a['address'])}</p>"
        f"<p>Số điện thoại: {_blank(a['phone'])} &nbsp; Thư điện tử: {_blank(a['email'])}</p>"
        f"<p>Nội dung yêu cầu giải quyết: {esc(doc['procedure']['name'])} "
        f"(mã thủ tục {esc(doc['procedure']['code'])})</p>"
    )


def _documents_table(lines: list[dict[str, Any]], with_reason: bool = False) -> str:
    head = "<th>STT</th><th>Tên giấy tờ</th><th>Bản chính</th><th>Bản sao chứng thực</th>"
    head += "<th>Bản sao</th>" + (
        "<th>Nội dung cần bổ sung</th>" if with_reason else "<th>Hình thức</th>"
    )
    rows = []
    for n, line in enumerate(lines, 1):
        last = (
            esc(line.get("reason"))
            if with_reason
            else ("Bản giấy" if line.get("form") == "paper" else "Bản điện tử")
        )
        rows.append(
            f"<tr><td class=n>{n}</td><td>{esc(line.get('name'))}</td>"
            f"<td class=n>{esc(line.get('originals'))}</td>"
            f"<td class=n>{esc(line.get('certified_copies'))}</td>"
            f"<td class=n>{esc(line.get('copies'))}</td><td>{last}</td></tr>"
        )
    return f"<table class=grid><tr>{head}</tr>{''.join(rows)}</table>"


def _signatures(blocks: list[dict[str, Any]]) -> str:
    cells = "".join(
        f"<td><div class=b>{esc(b['label'])}</div><div class=i>(Ký và ghi rõ họ tên)</div>"
        f"<div>{esc(b.get('title')) or '&nbsp;'}</div><div class=space></div>"
        f"<div class=b>{esc(b.get('name'))}</div></td>"
        for b in blocks
    )
    return f"<table class=sign><tr>{cells}</tr></table>"


def _receipt(doc: dict[str, Any]) -> str:
    register = doc.get("register")
    return (
        _qr(doc["lookup_url"], doc.get("lookup_pin"))
        + f"<p>{esc((doc.get('receiving_office') or {}).get('name'))} tiếp nhận hồ sơ của:</p>"
        + _applicant(doc)
        + "<ol><li>Thành phần hồ sơ nộp gồm:"
        + _documents_table(doc["documents"])
        + f"</li><li>Số lượng hồ sơ: {int(doc['sets']):02d} bộ.</li>"
        + f"<li>Thời gian giải quyết hồ sơ theo quy định là: {esc(doc['processing_time']['text'])}.</li>"
        + f"<li>Thời gian nhận hồ sơ: {esc(doc['received_at_text'])}.</li>"
        + f"<li>Thời gian trả kết quả giải quyết hồ sơ: <b>{esc(doc['appointment_text'])}</b>.</li>"
        + f"<li>Đăng ký nhận kết quả tại: {esc(doc['result_collection']['text'])}.</li></ol>"
        + (
            f"<p>Vào Sổ theo dõi hồ sơ, Quyển số: {esc(register['book'])}, "
            f"Số thứ tự: {esc(register['number'])}.</p>"
            if register
            else ""
        )
    )


def _supplement_request(doc: dict[str, Any]) -> str:
    through = (
        f"<p class=i>Cơ quan giải quyết {esc(doc['issuing_agency']['name'])} yêu cầu bổ sung; "
        "phiếu gửi tới người nộp qua Bộ phận Một cửa nơi tiếp nhận hồ sơ.</p>"
        if doc.get("through_desk")
        else ""
    )
    return (
        "<p>Hồ sơ của:</p>"
        + _applicant(doc)
        + through
        + "<p>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>"
        + _documents_table(doc["items"], with_reason=True)
        + f"<p>Lý do: {esc(doc['reasons'])}</p>"
        + f"<p>Thời hạn bổ sung, hoàn thiện: <b>trước {esc(doc['deadline_text'])}</b>.</p>"
        + "<p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, xin liên hệ Bộ phận Một cửa "
        f"{esc((doc.get('receiving_office') or {}).get('name'))} để được hướng dẫn.</p>"
    )


def _refusal(doc: dict[str, Any]) -> str:
    if doc.get("stage") == "after_appraisal":
        why = (
            f"<p>Hồ sơ tiếp nhận {esc(doc.get('received_at_text'))}, sau khi thẩm định, "
            f"{esc(doc['issuing_agency']['name'])} từ chối giải quyết; phiếu gửi tới người nộp qua "
            "Bộ phận Một cửa nơi tiếp nhận hồ sơ.</p>"
        )
    else:
        why = "<p>Bộ phận Một cửa không tiếp nhận giải quyết hồ sơ này.</p>"
    return (
        "<p>Hồ sơ của:</p>"
        + _applicant(doc)
        + why
        + f"<p>Lý do: <b>{esc(doc['reasons'])}</b></p>"
        + "<p>Xin thông báo để Ông/Bà (tổ chức) được biết và thực hiện.</p>"
    )


def _apology(doc: dict[str, Any]) -> str:
    return (
        f"<p>{esc(doc['issuing_agency']['name'])} xin lỗi về việc chậm trả kết quả hồ sơ của:</p>"
        + _applicant(doc)
        + f"<p>Hồ sơ được tiếp nhận {esc(doc.get('received_at_text'))}; hẹn trả kết quả "
        f"{esc(doc.get('appointment_text'))}.</p>"
        + f"<p>Lý do chậm trả kết quả: {esc(doc['reasons'])}</p>"
        + f"<p>Xin hẹn lại thời gian trả kết quả: <b>{esc(doc.get('new_appointment_text'))}</b>.</p>"
        + "<p>Mong Ông/Bà (tổ chức) thông cảm về sự chậm trễ này.</p>"
    )


def _stop_notice(doc: dict[str, Any]) -> str:
    return (
        "<p>Hồ sơ của:</p>"
        + _applicant(doc)
        + f"<p>Được tiếp nhận {esc(doc.get('received_at_text'))}, dừng giải quyết "
        f"{esc(doc.get('stopped_at_text'))}.</p>" + f"<p>Lý do: <b>{esc(doc['reasons'])}</b></p>"
    )


def _control_sheet(doc: dict[str, Any]) -> str:
    rows = []
    for h in doc["handovers"]:
        giver = ", ".join(p for p in (h["giver"].get("name"), h["giver"].get("agency")) if p)
        receiver = ", ".join(
            p for p in (h["receiver"].get("name"), h["receiver"].get("agency")) if p
        )
        rows.append(
            f"<tr><td>Giao: {esc(giver)}<br>Nhận: {esc(receiver)}</td>"
            f"<td>{esc(h.get('at_text'))}</td>"
            f"<td>{esc(VERDICT_VI.get(h.get('verdict') or '', ''))}</td></tr>"
        )
    return (
        _applicant(doc) + f"<p>Tiếp nhận: {esc(doc.get('received_at_text'))}; hẹn trả: "
        f"<b>{esc(doc.get('appointment_text'))}</b>.</p>"
        + "<table class=grid><tr><th>Tên cơ quan, người giao và nhận</th>"
        "<th>Thời gian giao, nhận hồ sơ</th><th>Kết quả (trước/đúng/quá hạn)</th></tr>"
        + "".join(rows)
        + "</table>"
    )


_BODIES = {
    "receipt": _receipt,
    "supplement_request": _supplement_request,
    "refusal": _refusal,
    "apology": _apology,
    "stop_notice": _stop_notice,
    "control_sheet": _control_sheet,
}


def render_html(doc: dict[str, Any]) -> str:
    """The printable page of a form document built by ``forms.build``."""
    body = _BODIES[doc["form"]](doc)
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{esc(doc['title'])} {esc(doc['dossier_code'])}</title>"
        f"<style>{STYLE}</style></head><body>"
        + _heading(doc)
        + body
        + _signatures(doc.get("signatures", []))
        + "</body></html>"
    )
