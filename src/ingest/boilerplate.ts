/**
 * The boilerplate rules: data in boilerplate.json (patterns, with examples),
 * checked against a schema and compiled once at load.
 */
import { z } from "zod";
import { parseData } from "../pipeline/data-file.js";
import data from "./boilerplate.json" with { type: "json" };

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s, "iu");
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression (with flags iu)" },
);

const ruleSchema = z.object({
  kind: z.string().min(1),
  match: z.enum(["line", "tail", "run", "caption", "list"]),
  pattern: regex,
  /** Lower-case text the line must contain before the pattern is tried: a cheap filter for unanchored patterns. */
  keyword: z
    .string()
    .regex(/^[^A-Z]+$/, "must be lower case")
    .optional(),
  maxLength: z.number().int().positive().optional(),
  minRun: z.number().int().min(2).optional(),
  unless: regex.optional(),
  examples: z.array(z.string()).min(1),
  notExamples: z.array(z.string()).optional(),
});

export const boilerplateSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().optional(),
  settings: z.object({
    /** A tail marker cuts the rest only past this fraction of the text. */
    tailMinPosition: z.number().min(0).max(1),
    /** Shortest "…"-ended line that counts as a teaser of a later paragraph. */
    teaserMinLength: z.number().int().positive(),
    listMaxItemLength: z.number().int().positive(),
    listMaxItems: z.number().int().positive(),
    captionMaxBlockLines: z.number().int().positive(),
  }),
  rules: z.array(ruleSchema).min(1),
});

export type BoilerplateData = z.infer<typeof boilerplateSchema>;
export type RuleMatch = BoilerplateData["rules"][number]["match"];

export interface CompiledRule {
  kind: string;
  match: RuleMatch;
  re: RegExp;
  /** The keyword as a literal, case-insensitive pattern: tested without lower-casing the line. */
  keyword: RegExp | null;
  maxLength: number;
  minRun: number;
  unless: RegExp | null;
}

export interface Boilerplate {
  version: string;
  settings: BoilerplateData["settings"];
  rules: CompiledRule[];
  /** The rules split by how they apply (run rules only count in runs). */
  runRules: CompiledRule[];
  lineRules: CompiledRule[];
  /** Lines longer than every rule's maxLength are article text; skip them fast. */
  maxLineLength: number;
}

const DEFAULT_MAX_LENGTH = 200;

export function compileBoilerplate(json: unknown, file = "boilerplate.json"): Boilerplate {
  const parsed = parseData(file, json, boilerplateSchema);
  const rules = parsed.rules.map(
    (r): CompiledRule => ({
      kind: r.kind,
      match: r.match,
      re: new RegExp(r.pattern, "iu"),
      keyword: r.keyword ? new RegExp(r.keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") : null,
      maxLength: r.maxLength ?? DEFAULT_MAX_LENGTH,
      minRun: r.minRun ?? 3,
      unless: r.unless ? new RegExp(r.unless, "iu") : null,
    }),
  );
  return {
    version: parsed.version,
    settings: parsed.settings,
    rules,
    runRules: rules.filter((r) => r.match === "run"),
    lineRules: rules.filter((r) => r.match !== "run"),
    maxLineLength: Math.max(...rules.map((r) => r.maxLength)),
  };
}

/** The bundled rules. */
export const boilerplate: Boilerplate = compileBoilerplate(data, "src/ingest/boilerplate.json");

/** The bundled data as written (for tests of its examples). */
export const boilerplateData = data as BoilerplateData;
