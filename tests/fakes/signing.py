"""The gateways' signatures as the fakes compute them: reference/payment-gateways.md §6, as printed.

Written from the reference, never imported from ``app.services.payments``: a fake that shared our code
would agree with any bug in it. ``vnpay_sign``, ``vnpay_ipn_query``, ``momo_ipn_sign`` and
``zalopay_callback`` are the reference's §6 code; the request signatures (VNPay ``querydr``, MoMo
create and query, ZaloPay create and query) follow the strings of §1.8, §2 and §3.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.parse
from collections.abc import Mapping, Sequence


def vnpay_sign(params: Mapping[str, object], secret: str) -> str:
    items = sorted(
        (k, str(v))
        for k, v in params.items()
        if k.startswith("vnp_")
        and k not in ("vnp_SecureHash", "vnp_SecureHashType")
        and str(v) != ""
    )
    data = "&".join(f"{k}={urllib.parse.quote_plus(v)}" for k, v in items)
    return hmac.new(secret.encode(), data.encode(), hashlib.sha512).hexdigest()


def vnpay_ipn_query(params: Mapping[str, object], secret: str) -> str:  # what the fake VNPay GETs
    items = sorted((k, str(v)) for k, v in params.items())
    return urllib.parse.urlencode(items) + "&vnp_SecureHash=" + vnpay_sign(params, secret)


def vnpay_pipe_sign(values: Mapping[str, object], names: Sequence[str], secret: str) -> str:
    """``querydr`` request and answer (§1.8): the named values joined by ``|``, HMAC-SHA512."""
    data = "|".join(str(values.get(name, "")) for name in names)
    return hmac.new(secret.encode(), data.encode(), hashlib.sha512).hexdigest()


VNPAY_QUERYDR_REQUEST = [
    "vnp_RequestId",
    "vnp_Version",
    "vnp_Command",
    "vnp_TmnCode",
    "vnp_TxnRef",
    "vnp_TransactionDate",
    "vnp_CreateDate",
    "vnp_IpAddr",
    "vnp_OrderInfo",
]
VNPAY_QUERYDR_RESPONSE = [
    "vnp_ResponseId",
    "vnp_Command",
    "vnp_ResponseCode",
    "vnp_Message",
    "vnp_TmnCode",
    "vnp_TxnRef",
    "vnp_Amount",
    "vnp_BankCode",
    "vnp_PayDate",
    "vnp_TransactionNo",
    "vnp_TransactionType",
    "vnp_TransactionStatus",
    "vnp_OrderInfo",
    "vnp_PromotionCode",
    "vnp_PromotionAmount",
]

MOMO_IPN_KEYS = [
    "accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType",
    "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId",
]  # fmt: skip
MOMO_CREATE_KEYS = [
    "accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode",
    "redirectUrl", "requestId", "requestType",
]  # fmt: skip
MOMO_QUERY_KEYS = ["accessKey", "orderId", "partnerCode", "requestId"]


def momo_ipn_sign(body: Mapping[str, object], access_key: str, secret_key: str) -> str:
    raw = "&".join(
        f"{k}={access_key if k == 'accessKey' else body.get(k, '')}" for k in MOMO_IPN_KEYS
    )
    return hmac.new(secret_key.encode(), raw.encode(), hashlib.sha256).hexdigest()


def momo_sign(
    body: Mapping[str, object], keys: Sequence[str], access_key: str, secret_key: str
) -> str:
    """The same rule for the create and query requests, with their own key lists (§2)."""
    raw = "&".join(f"{k}={access_key if k == 'accessKey' else body.get(k, '')}" for k in keys)
    return hmac.new(secret_key.encode(), raw.encode(), hashlib.sha256).hexdigest()


def zalopay_callback(data_obj: Mapping[str, object], key2: str) -> dict[str, object]:
    data = json.dumps(data_obj, separators=(",", ":"), ensure_ascii=False)
    return {
        "data": data,
        "mac": hmac.new(key2.encode(), data.encode(), hashlib.sha256).hexdigest(),
        "type": 1,
    }


def zalopay_mac(text: str, key: str) -> str:
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def zalopay_create_mac(fields: Mapping[str, str], key1: str) -> str:
    """``app_id|app_trans_id|app_user|amount|app_time|embed_data|item`` under key1 (§3)."""
    names = ("app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item")
    return zalopay_mac("|".join(fields.get(name, "") for name in names), key1)


def zalopay_query_mac(app_id: str, app_trans_id: str, key1: str) -> str:
    return zalopay_mac(f"{app_id}|{app_trans_id}|{key1}", key1)
