/**
 * Running the built `dyad` against a test database, a dictionaries folder
 * that works while dictionaries/patterns/ is still being written, and
 * generated corpora of small documents.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "dist", "cli", "main.js");
export const SEEDS = join(ROOT, "..", "shared", "corpus", "seeds");

let dictionaries: string | null | undefined;

/**
 * The bundled dictionaries when they are complete; else a temp folder with the
 * bundled actors/ and places/ and an empty patterns/ (documents then have no
 * events, and tests compare against what extract produces with the same folder).
 */
export function dictionariesEnv(): Record<string, string> {
  if (dictionaries === undefined) {
    const bundled = join(ROOT, "dictionaries");
    if (existsSync(join(bundled, "patterns"))) dictionaries = null;
    else {
      dictionaries = mkdtempSync(join(tmpdir(), "dyad-dict-"));
      for (const sub of ["actors", "places"]) symlinkSync(join(bundled, sub), join(dictionaries, sub));
      mkdirSync(join(dictionaries, "patterns"));
    }
  }
  return dictionaries ? { DYAD_DICTIONARIES: dictionaries } : {};
}

export interface Result {
  code: number | null;
  out: string;
  err: string;
}

/** `dyad ARGS` with the given database environment (and no database variables leaking in from outside). */
export function dyad(args: string[], env: Record<string, string> = {}, input?: string): Result {
  const base = { ...process.env };
  delete base.DYAD_DB;
  delete base.DYAD_DATABASE_URL;
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...base, ...dictionariesEnv(), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The environment `dyad` needs, for spawn(). */
export function dyadEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DYAD_DB;
  delete base.DYAD_DATABASE_URL;
  return { ...base, ...dictionariesEnv(), ...env };
}

const ACTORS = [
  "Russia",
  "Ukraine",
  "NATO",
  "the Taliban",
  "Iran",
  "Israel",
  "China",
  "the United States",
  "Tajikistan",
];
const VERBS = [
  "condemned",
  "attacked",
  "met",
  "signed an agreement with",
  "threatened",
  "praised",
  "sent aid to",
];

/** `n` small text files with a title, a dateline date and a few political sentences each. */
export function generateCorpus(dir: string, n: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  let state = seed;
  const pick = <T>(list: T[]) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return list[state % list.length];
  };
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const sentences = Array.from({ length: 3 }, () => {
      const a = pick(ACTORS);
      let b = pick(ACTORS);
      if (b === a) b = ACTORS[(ACTORS.indexOf(a) + 1) % ACTORS.length];
      return `${a[0].toUpperCase()}${a.slice(1)} ${pick(VERBS)} ${b} on Monday.`;
    });
    const file = join(dir, `doc-${String(i).padStart(5, "0")}.txt`);
    writeFileSync(file, `Report ${i}\n\nMOSCOW, March ${day}, 2022 - ${sentences.join(" ")}\n`);
    files.push(file);
  }
  return files;
}

/** What `dyad extract` makes of the same input: the reference for counts. */
export function extractCounts(paths: string[]): { documents: number; sentences: number; events: number } {
  const r = dyad(["extract", ...paths]);
  if (r.code !== 0) throw new Error(`extract failed: ${r.err}`);
  const docs = r.out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { sentences: unknown[]; events: unknown[] });
  return {
    documents: docs.length,
    sentences: docs.reduce((s, d) => s + d.sentences.length, 0),
    events: docs.reduce((s, d) => s + d.events.length, 0),
  };
}

export function statsOf(env: Record<string, string>): Record<string, unknown> {
  const r = dyad(["stats", "--format", "json"], env);
  if (r.code !== 0) throw new Error(`stats failed: ${r.err}`);
  return JSON.parse(r.out);
}
