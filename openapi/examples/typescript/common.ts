/**
 * What both TypeScript journeys share: the demo's accounts, a tiny PDF, clients for a citizen and an
 * officer. Against the demo (`make demo`, which turns the development citizen issuer on).
 */
import { createMotCuaClient, formData, type MotCuaClient, type Problem, type Schemas } from "../../clients/typescript/src/index";

export const DEMO_PASSWORD = "motcua-demo-2026"; // every demo account's (README, "Demo accounts")
export const COMMUNE = "000.31.00.H99"; // xã An Bình: its desk receives, its specialist and leader process
export const COMMUNE_UNIT = "H99.31";
export const BIRTH = "1.001193"; // birth registration: one commune, online, a copy fee (8,000 đ a copy)
export const CITIZEN_ID = "001203004567";

/** A blank one-page PDF with its cross-reference table (what the upload check opens). */
export function pdf(): Blob {
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([out], { type: "application/pdf" });
}

/** The body of a documented success, or an error naming the problem's code. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const problem = result.error as Problem | undefined;
    throw new Error(`${result.response.status}: ${problem?.code ?? "no body"} ${problem?.detail ?? ""}`);
  }
  return result.data;
}

export function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`journey step failed: ${what}`);
}

export function anonymous(baseUrl: string): MotCuaClient {
  return createMotCuaClient({ baseUrl });
}

/** A citizen's client, with a token of the demo's development issuer (in production the token
 * comes from the identity provider, VNeID). */
export async function citizen(baseUrl: string, subject: string, fullName: string): Promise<MotCuaClient> {
  const token = ok(
    await anonymous(baseUrl).POST("/api/v1/dev/citizen-token", {
      body: { subject, full_name: fullName, personal_id: CITIZEN_ID },
    }),
  );
  return createMotCuaClient({ baseUrl, token: token.access_token });
}

/** An officer's client: the OAuth2 password flow (`POST /api/v1/auth/token`, a form body). */
export async function officer(baseUrl: string, username: string): Promise<MotCuaClient> {
  const token = ok(
    await anonymous(baseUrl).POST("/api/v1/auth/token", {
      body: { grant_type: "password", username, password: DEMO_PASSWORD },
      headers: { "Content-Type": "application/x-www-form-urlencoded" }, // openapi-fetch encodes the form
    }),
  );
  return createMotCuaClient({ baseUrl, token: token.access_token });
}

/** Uploads a PDF; its id is what a dossier or a supplement references. */
export async function upload(api: MotCuaClient, fileName = "giay-to.pdf"): Promise<string> {
  const uploaded = ok(
    await api.POST("/api/v1/uploads", {
      body: { file: new File([pdf()], fileName, { type: "application/pdf" }) },
      bodySerializer: formData,
    }),
  );
  check(uploaded.content_type === "application/pdf", "the upload is a PDF");
  return uploaded.id;
}

/** Takes a lifecycle action on a dossier; answers the dossier after it. */
export async function act(
  api: MotCuaClient,
  code: string,
  action: Schemas["Action"],
  body: Schemas["ActionRequest"] = {},
): Promise<Schemas["DossierRead"]> {
  return ok(
    await api.POST("/api/v1/dossiers/{code}/actions/{action}", {
      params: { path: { code, action } },
      body,
    }),
  );
}
