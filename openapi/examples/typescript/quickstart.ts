/**
 * The README's excerpt ("Building on the API"): from a citizen token to a submitted dossier and the
 * payment page of its copy fee. Type-checked with the journeys; the full journey is citizen.ts.
 */
import { createMotCuaClient, formData } from "../../clients/typescript/src/index";

export async function submitAndPay(baseUrl: string, citizenToken: string, pdf: Blob): Promise<string> {
  const api = createMotCuaClient({ baseUrl, token: () => citizenToken });
  const documents = [];
  for (const requirement_code of ["TP02", "TP03"]) { // GET /api/v1/procedures/1.001193 lists them
    const { data: upload, error } = await api.POST("/api/v1/uploads", {
      body: { file: new File([pdf], "giay-to.pdf", { type: "application/pdf" }) },
      bodySerializer: formData,
    });
    if (error) throw new Error(`${error.code}: ${error.detail}`); // error is a typed Problem
    documents.push({ requirement_code, upload_id: upload.id });
  }
  const { data: dossier, error } = await api.POST("/api/v1/dossiers", {
    body: {
      procedure_code: "1.001193", // đăng ký khai sinh
      agency_code: "000.31.00.H99",
      applicant: { name: "Nguyễn Thị B", id_kind: "personal_id", id_number: "001203004567", unit_code: "H99.31" },
      documents,
      fee_choices: [{ index: 1, copies: 2 }], // two copies of the certificate: a fee due now
    },
  });
  if (error) throw new Error(`${error.code}: ${error.detail}`);
  const payment = await api.POST("/api/v1/dossiers/{code}/payments", {
    params: { path: { code: dossier.code } },
    body: { provider: "vnpay" },
  });
  if (payment.error || !payment.data.pay_url) throw new Error("no payment to make");
  return payment.data.pay_url; // open it: the demo's sandbox page, "Thanh toán"
}
