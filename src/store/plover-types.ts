/**
 * dictionaries/plover-types.json: each PLOVER type's quad class and intensity
 * weight (Goldstein-like, -10..+10), validated like every data file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "../model/event.js";
import { DataFileError, dictionariesDir, loadDataFile, packageRoot } from "../pipeline/data-file.js";

export const QUADS = [
  "verbal_cooperation",
  "material_cooperation",
  "verbal_conflict",
  "material_conflict",
] as const;
export type Quad = (typeof QUADS)[number];

const typeSchema = z
  .object({
    quad: z.enum(QUADS),
    weight: z.number().min(-10).max(10),
    description: z.string().optional(),
  })
  .strict();

export const ploverTypesSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    types: z.record(z.enum(EVENT_TYPES), typeSchema),
  })
  .strict();

export interface PloverTypes {
  version: string;
  quad: Record<EventType, Quad>;
  weight: Record<EventType, number>;
}

/** Parsed and checked: all 16 types, cooperation weighted >= 0 and conflict <= 0. */
export function parsePloverTypes(file: string, data: z.infer<typeof ploverTypesSchema>): PloverTypes {
  const missing = EVENT_TYPES.filter((t) => !data.types[t]);
  if (missing.length) throw new DataFileError(file, `types: missing ${missing.join(", ")}`);
  const quad = {} as Record<EventType, Quad>;
  const weight = {} as Record<EventType, number>;
  for (const t of EVENT_TYPES) {
    const entry = data.types[t] as z.infer<typeof typeSchema>;
    const cooperative = entry.quad.endsWith("cooperation");
    if (cooperative ? entry.weight < 0 : entry.weight > 0)
      throw new DataFileError(
        file,
        `types.${t}.weight: ${entry.quad} needs a weight ${cooperative ? ">= 0" : "<= 0"}`,
      );
    quad[t] = entry.quad;
    weight[t] = entry.weight;
  }
  return { version: data.version, quad, weight };
}

/** From the dictionaries folder in use, else the bundled one (a folder of actors only needs no copy). */
export function loadPloverTypes(dir = dictionariesDir()): PloverTypes {
  let file = join(dir, "plover-types.json");
  if (!existsSync(file)) file = join(packageRoot(), "dictionaries", "plover-types.json");
  return parsePloverTypes(file, loadDataFile(file, ploverTypesSchema));
}
