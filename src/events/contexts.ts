/**
 * PLOVER contexts from the words around a trigger (dictionaries/contexts.json):
 * "the transfer of weapons" is military, "food aid" humanitarian.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Tokens } from "../model/document.js";
import { dictionariesDir, loadDataFile } from "../pipeline/data-file.js";

const contextFileSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    description: z.string().optional(),
    contexts: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1))),
  })
  .strict();

export interface ContextCues {
  /** lemma -> contexts it signals. */
  byLemma: Map<string, string[]>;
  version: string;
}

export function loadContextCues(dir = dictionariesDir()): ContextCues {
  const file = loadDataFile(join(dir, "contexts.json"), contextFileSchema);
  const byLemma = new Map<string, string[]>();
  for (const [context, lemmas] of Object.entries(file.contexts)) {
    for (const l of lemmas) byLemma.set(l, [...(byLemma.get(l) ?? []), context]);
  }
  return { byLemma, version: file.version };
}

/** The pattern's contexts plus those the words of the clause around the trigger signal. */
export function contextsAt(cues: ContextCues, t: Tokens, from: number, to: number, own: string[]): string[] {
  const out = new Set(own);
  for (let i = from; i < to; i++) {
    for (const c of cues.byLemma.get(t.lemma[i]) ?? cues.byLemma.get(t.lower[i]) ?? []) out.add(c);
  }
  return [...out];
}
