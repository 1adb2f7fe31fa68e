/**
 * Event patterns in memory: loaded from dictionaries/patterns/, validated, and
 * indexed by trigger lemma so that coding a sentence is one lookup per token.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DataFileError, dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { type Pattern, patternFileSchema } from "./schema.js";

/** A pattern's word lists as sets, built once: the trigger check runs on every verb and noun. */
export interface CompiledLists {
  object: Set<string> | null;
  notObject: Set<string> | null;
}

export interface PatternSet {
  patterns: Pattern[];
  lists: Map<Pattern, CompiledLists>;
  /** "VERB:meet" / "NOUN:talk" -> candidate patterns, most specific first. */
  byTrigger: Map<string, Pattern[]>;
  versions: Record<string, string>;
}

/** More constraints make a pattern more specific: it wins over a bare one at equal priority. */
export function specificity(p: Pattern): number {
  return (p.particle ? 2 : 0) + (p.object ? 2 : 0) + (p.notObject ? 1 : 0);
}

export function comparePatterns(a: Pattern, b: Pattern): number {
  return b.priority - a.priority || specificity(b) - specificity(a) || a.id.localeCompare(b.id);
}

export function indexPatterns(files: { name: string; version: string; patterns: Pattern[] }[]): PatternSet {
  const byTrigger = new Map<string, Pattern[]>();
  const patterns: Pattern[] = [];
  const versions: Record<string, string> = {};
  const ids = new Set<string>();
  const lists = new Map<Pattern, CompiledLists>();
  for (const file of files) {
    versions[`patterns:${file.name}`] = file.version;
    for (const p of file.patterns) {
      if (ids.has(p.id)) throw new DataFileError(file.name, `pattern id "${p.id}" is defined twice`);
      ids.add(p.id);
      patterns.push(p);
      lists.set(p, {
        object: p.object ? new Set(p.object) : null,
        notObject: p.notObject ? new Set(p.notObject) : null,
      });
      for (const lemma of p.lemmas) {
        const key = `${p.pos}:${lemma}`;
        const list = byTrigger.get(key) ?? [];
        list.push(p);
        byTrigger.set(key, list);
      }
    }
  }
  for (const list of byTrigger.values()) list.sort(comparePatterns);
  return { patterns, lists, byTrigger, versions };
}

const cache = new Map<string, PatternSet>();

export function loadPatterns(dir = dictionariesDir()): PatternSet {
  const hit = cache.get(dir);
  if (hit) return hit;
  const folder = join(dir, "patterns");
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch {
    throw new DataFileError(folder, "the pattern folder cannot be read");
  }
  const set = indexPatterns(names.map((n) => loadDataFile(join(folder, n), patternFileSchema)));
  cache.set(dir, set);
  return set;
}
