/** `dyad serve` as a process: the URL line, a live API, a clean stop on SIGTERM, a clear refusal of a busy port. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, dyadEnv } from "../../test/pg-cli.js";
import { createTestDatabase, PG_URL } from "../../test/pg-db.js";

interface Served {
  child: ChildProcess;
  url: string;
  /** How the line names the database. */
  label: string;
  stderr: () => string;
}

/** Starts `dyad serve ARGS` and resolves with the URL of its one stdout line. */
function serve(args: string[], env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { env: dyadEnv(env) });
  let out = "";
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /^Dyad serving (.+) at (http:\/\/\S+\/)\n/.exec(out);
      if (m) resolve({ child, url: m[2], label: m[1], stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`dyad serve exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });

describe("dyad serve", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-serve-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves a new empty database on a free port, stops on SIGTERM with 0, and refuses a busy port", async () => {
    const db = join(dir, "new.db");
    const server = await serve(["--port", "0", "--db", db], {});
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.stderr()).toContain("did not exist");
      const res = await fetch(`${server.url}api/stats`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.json()).toMatchObject({ documents: 0, events: 0 });
      const events = await (await fetch(`${server.url}api/events`)).json();
      expect(events).toEqual({ total: 0, limit: 50, offset: 0, items: [] });

      const port = new URL(server.url).port;
      const busy = spawn(process.execPath, [BIN, "serve", "--port", port, "--db", db], { env: dyadEnv({}) });
      let busyErr = "";
      busy.stderr?.on("data", (d) => {
        busyErr += d;
      });
      expect(await exited(busy)).toBe(1);
      expect(busyErr.trim().split("\n")).toHaveLength(1);
      expect(busyErr).toContain(`port ${port}`);
      expect(busyErr).toContain("in use");
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await exited(server.child)).toBe(0);
  });

  it.runIf(PG_URL)("serves PostgreSQL (DYAD_DATABASE_URL), naming it without its password", async () => {
    const db = await createTestDatabase("postgres");
    try {
      const server = await serve(["--port", "0"], db.env);
      try {
        const url = new URL(db.location);
        expect(server.label).toMatch(/^postgres:\/\//);
        expect(server.label).toContain(url.pathname);
        if (url.password) expect(server.label).not.toContain(`:${url.password}@`);
        const res = await fetch(`${server.url}api/stats`);
        expect(await res.json()).toMatchObject({ documents: 0 });
      } finally {
        server.child.kill("SIGTERM");
      }
      expect(await exited(server.child)).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
