/**
 * An officer's journey with the generated TypeScript client, against the demo (`make demo`): log in
 * (OAuth2 password flow), find the new dossier in the worklist, receive it, forward it along the
 * commune's steps (desk → specialist → leader), resolve it with its result, return the result at
 * the desk. A citizen submits the dossier first (development citizen token).
 *
 * Type-checked in the test suite (`tsc --noEmit`) and run there against a live demo (`run.cjs`).
 */
import type { MotCuaClient, Schemas } from "../../clients/typescript/src/index";
import { submit } from "./citizen";
import { act, check, citizen, COMMUNE, officer, ok, upload } from "./common";

/** The codes in the officer's worklist at the commune, in the given statuses (every page). */
export async function worklist(api: MotCuaClient, ...status: Schemas["DossierStatus"][]): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Schemas["DossierPage"] = ok(
      await api.GET("/api/v1/dossiers", { params: { query: { status, agency: COMMUNE, cursor, limit: 100 } } }),
    );
    codes.push(...page.items.map((item) => item.code));
    cursor = page.next_cursor;
  } while (cursor);
  return codes;
}

export async function officerJourney(baseUrl: string): Promise<string[]> {
  const applicant = await citizen(baseUrl, "journey-officer-ts", "Trần Văn C");
  const { code } = await submit(applicant, "Trần Văn C", "desk", 0);

  // 1. log in (password flow) and see who we are
  const desk = await officer(baseUrl, "tiepnhan.xa");
  const me = ok(await desk.GET("/api/v1/auth/me"));
  check(me.username === "tiepnhan.xa", "logged in");

  // 2. the worklist shows the new dossier; receive it (the clock starts)
  check((await worklist(desk, "submitted")).includes(code), "in the desk's worklist");
  const received = await act(desk, code, "receive");
  check(received.status === "received" && received.due_at, "received, with a due date");

  // 3. forward: desk → specialist → leader
  check((await act(desk, code, "forward")).status === "in_progress", "forwarded");
  const specialist = await officer(baseUrl, "chuyenvien.xa");
  check((await worklist(specialist, "in_progress")).includes(code), "in the specialist's worklist");
  await act(specialist, code, "forward");

  // 4. the leader attaches the result and resolves
  const leader = await officer(baseUrl, "lanhdao.xa");
  ok(
    await leader.POST("/api/v1/dossiers/{code}/documents", {
      params: { path: { code } },
      body: { documents: [{ requirement_code: "KQ", upload_id: await upload(leader) }] },
    }),
  );
  const resolved = await act(leader, code, "resolve");
  check(resolved.status === "resolved" && resolved.finished_at, "resolved");

  // 5. the desk returns the result to the applicant
  const returned = await act(desk, code, "return_result");
  check(returned.status === "returned" && returned.returned_at, "returned");

  const trail = ok(await desk.GET("/api/v1/dossiers/{code}/events", { params: { path: { code } } }));
  return trail.events.map((event) => event.action);
}
