/**
 * A citizen's journey with the generated TypeScript client (what a Zalo mini app does), against the
 * demo (`make demo`): search a procedure, upload its documents, submit a dossier (development citizen
 * token), look it up with its code and PIN, pay the copy fee in the demo's sandbox gateway,
 * supplement what the desk asks for, download the electronic result, rate.
 *
 * Type-checked in the test suite (`tsc --noEmit`, tests/clients/test_typescript.py) and run there
 * against a live demo (`node run.cjs <base URL>`, tests/clients/test_journeys.py).
 */
import type { MotCuaClient, Schemas } from "../../clients/typescript/src/index";
import { act, anonymous, BIRTH, check, CITIZEN_ID, citizen, COMMUNE, COMMUNE_UNIT, officer, ok, upload } from "./common";

/** The requirement codes a dossier submitted online must bring. */
export async function onlineDocuments(api: MotCuaClient, procedureCode: string): Promise<string[]> {
  const procedure = ok(await api.GET("/api/v1/procedures/{code}", { params: { path: { code: procedureCode } } }));
  return (procedure.documents ?? [])
    .filter((doc) => doc.mandatory !== false && !doc.presented_only)
    .filter((doc) => !doc.channels || doc.channels.includes("online"))
    .map((doc) => doc.code);
}

/** Uploads the documents and submits a birth registration; answers the receipt's code and PIN. */
export async function submit(
  api: MotCuaClient,
  name: string,
  delivery: Schemas["ResultDelivery"] = "online",
  copies = 2,
): Promise<{ code: string; pin: string }> {
  const documents: Schemas["DocumentInput"][] = [];
  for (const requirement_code of await onlineDocuments(api, BIRTH)) {
    documents.push({ requirement_code, upload_id: await upload(api) });
  }
  const dossier = ok(
    await api.POST("/api/v1/dossiers", {
      params: { header: { "idempotency-key": crypto.randomUUID() } },
      body: {
        procedure_code: BIRTH,
        agency_code: COMMUNE,
        applicant: { name, id_kind: "personal_id", id_number: CITIZEN_ID, phone: "0912345678", unit_code: COMMUNE_UNIT },
        documents,
        result_delivery: delivery,
        fee_choices: [{ index: 1, copies }],
      },
    }),
  );
  check(dossier.status === "submitted" && dossier.pin, "submitted, with a PIN");
  return { code: dossier.code, pin: dossier.pin };
}

/** Starts a VNPay payment and pays it in the demo's sandbox page over HTTP (its form's
 * "Thanh toán" sends the signed IPN and redirects to our return page); answers the receipt number. */
export async function payInSandbox(api: MotCuaClient, code: string): Promise<string> {
  const payment = ok(
    await api.POST("/api/v1/dossiers/{code}/payments", { params: { path: { code } }, body: { provider: "vnpay" } }),
  );
  check(payment.status === "pending" && payment.pay_url, "a payment URL");
  const page = await (await fetch(payment.pay_url)).text();
  const query = /name='query' value='([^']*)'/.exec(page)?.[1];
  check(query !== undefined && page.includes("Thanh toán"), "the sandbox's payment form");
  const back = await fetch(new URL("/sandbox/vnpay/pay", payment.pay_url), {
    method: "POST",
    body: new URLSearchParams({ query: query.replaceAll("&amp;", "&"), choice: "pay" }),
  });
  check(back.ok && (await back.text()).includes("Đã thanh toán"), "the return page says paid");
  const settled = ok(await api.GET("/api/v1/payments/{payment_id}", { params: { path: { payment_id: payment.id } } }));
  check(settled.status === "succeeded" && settled.receipt_number, "the payment succeeded, with a receipt");
  return settled.receipt_number;
}

export async function citizenJourney(baseUrl: string): Promise<{ code: string; rating: number }> {
  const me = await citizen(baseUrl, "journey-citizen-ts", "Nguyễn Thị B");

  // 1. search the catalog
  const found = ok(await me.GET("/api/v1/procedures", { params: { query: { q: "khai sinh" } } }));
  check(found.items.some((procedure) => procedure.code === BIRTH), "the birth registration is found");

  // 2-3. upload the documents, submit
  const { code, pin } = await submit(me, "Nguyễn Thị B");

  // 4. the public lookup, anonymously, with code and PIN
  const lookup = await anonymous(baseUrl).GET("/api/v1/lookup/{code}", {
    params: { path: { code }, query: { pin } },
  });
  if (lookup.error) {
    switch (lookup.error.code) {
      case "lookup_throttled": // too many wrong PINs from here: wait, then try again
      case "dossier_not_found": // a wrong code or PIN
        throw new Error(lookup.error.detail);
      default: // a code newer than this client: fall back on the HTTP status
        throw new Error(`${lookup.error.status}: ${lookup.error.detail}`);
    }
  }
  check(lookup.data.status === "submitted", "the lookup shows it submitted");

  // 5. pay the copy fee in the sandbox
  const receipt = await payInSandbox(me, code);
  const view = ok(await me.GET("/api/v1/dossiers/{code}", { params: { path: { code } } }));
  check(view.fee_lines.some((line) => line.receipt_number === receipt && line.paid_at), "the fee is paid");

  // 6. the desk receives and asks for a supplement; the citizen supplements it
  const desk = await officer(baseUrl, "tiepnhan.xa");
  await act(desk, code, "receive");
  const askedFor = (await onlineDocuments(me, BIRTH)).at(-1) ?? "TP03";
  const requested = await act(desk, code, "request_supplement", {
    note: "Bản chụp không đọc được",
    items: [{ requirement_code: askedFor, reason: "Bản chụp không đọc được" }],
  });
  check(requested.status === "supplement_requested", "a supplement is requested");
  const supplemented = await act(me, code, "supplement", {
    documents: [{ requirement_code: askedFor, upload_id: await upload(me) }],
  });
  check(supplemented.status === "received" && supplemented.supplement_count === 1, "supplemented");

  // 7. processing: desk → specialist → leader, who attaches the result and resolves
  await act(desk, code, "forward");
  await act(await officer(baseUrl, "chuyenvien.xa"), code, "forward");
  const leader = await officer(baseUrl, "lanhdao.xa");
  ok(
    await leader.POST("/api/v1/dossiers/{code}/documents", {
      params: { path: { code } },
      body: { documents: [{ requirement_code: "KQ", upload_id: await upload(leader) }] },
    }),
  );
  check((await act(leader, code, "resolve")).status === "resolved", "resolved");

  // 8. download the electronic result: the first download is its return
  const result = await me.GET("/api/v1/dossiers/{code}/result", { params: { path: { code } }, parseAs: "blob" });
  check(result.data && result.data.size > 0, "the result's file");
  const returned = ok(await me.GET("/api/v1/dossiers/{code}", { params: { path: { code } } }));
  check(returned.status === "returned", "returned");

  // 9. rate
  const rated = await act(me, code, "rate", { rating: 5 });
  check(rated.rating === 5, "rated");
  return { code, rating: rated.rating };
}
