/**
 * The typed client of the MotCua API, for the Zalo mini app, mobile apps and integrators.
 *
 * `schema.d.ts` is generated from `openapi/openapi.json` (`make clients`; never edit it); this file is
 * the hand-written entry: a client factory on openapi-fetch that adds the bearer token, and the
 * problem types (RFC 9457) every error answer carries.
 *
 *   const api = createMotCuaClient({ baseUrl: "http://127.0.0.1:8000", token: () => token });
 *   const { data, error } = await api.GET("/api/v1/lookup/{code}", {
 *     params: { path: { code }, query: { pin } },
 *   });
 *   if (error) switch (error.code) { case "lookup_throttled": ...; default: ... }
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

export type { components, operations, paths };
export type Schemas = components["schemas"];

/** The problem codes this client was generated with. */
export type KnownProblemCode = Schemas["ProblemCode"];
/**
 * A problem's code: the list is open (a newer server may answer a code this client does not know),
 * so a `switch` over the known codes needs a `default` that falls back on the HTTP `status`.
 */
export type ProblemCode = Schemas["Problem"]["code"];
export type Problem = Schemas["Problem"];

export type MotCuaClient = Client<paths>;

export interface MotCuaClientOptions extends ClientOptions {
  /** The server, e.g. `https://motcua.example.gov.vn` (no trailing `/api/v1`). */
  baseUrl: string;
  /** A bearer token (an officer's from `POST /api/v1/auth/token`, a citizen's from the identity
   * provider), or a function answering the current one (`undefined`: call anonymously). */
  token?: string | (() => string | undefined);
}

/** A client of every operation of the spec, typed by path and method. */
export function createMotCuaClient({ token, ...options }: MotCuaClientOptions): MotCuaClient {
  const client = createClient<paths>(options);
  if (token !== undefined) {
    client.use({
      onRequest({ request }) {
        const current = typeof token === "function" ? token() : token;
        if (current) request.headers.set("Authorization", `Bearer ${current}`);
        return request;
      },
    });
  }
  return client;
}

/**
 * The body of a `multipart/form-data` request (uploads): openapi-fetch sends JSON by default, so an
 * upload passes `bodySerializer: formData`.
 */
export function formData(body: Record<string, Blob | string | null | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined && value !== null) form.append(name, value);
  }
  return form;
}
