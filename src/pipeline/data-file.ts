/**
 * Loading of the data files (dictionaries, patterns, places): read, parse,
 * validate against a schema, and say exactly which file and field is wrong.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A dictionary that loads but does not hold together (an id defined twice, a member nobody defines). */
export class DictionaryError extends Error {}

/** The package root (where dictionaries/ lives), from src/ or dist/ alike. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/** Default folder of the bundled dictionaries; DYAD_DICTIONARIES overrides it. */
export function dictionariesDir(): string {
  return process.env.DYAD_DICTIONARIES ?? join(packageRoot(), "dictionaries");
}

export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new DataFileError(file, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  return parseData(file, json, schema);
}

export function parseData<S extends z.ZodType>(file: string, json: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const first = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.join(".") : "(top level)";
    return `${path}: ${issue.message}`;
  });
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : "";
  throw new DataFileError(file, first.join("; ") + more);
}
