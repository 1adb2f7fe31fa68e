/** `/api/meta` (types with colours, modalities, contexts, kinds) and `/api/stats`. */
import { loadContextCues } from "../../events/contexts.js";
import { loadPatterns } from "../../events/patterns.js";
import { ACTOR_KINDS } from "../../model/actor.js";
import { EVENT_TYPES, MODALITIES } from "../../model/event.js";
import { type PloverTypes, stats } from "../../store/index.js";
import { QUADS, type Quad } from "../../store/plover-types.js";
import type { Routes } from "../context.js";

/** Light to dark per quad class: cooperation blues (verbal) and greens (material), conflict oranges and reds. */
export const QUAD_PALETTES: Record<Quad, string[]> = {
  verbal_cooperation: ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c"],
  material_cooperation: ["#74c476", "#41ab5d", "#238b45", "#006d2c"],
  verbal_conflict: ["#fdae6b", "#fd8d3c", "#e6550d", "#a63603"],
  material_conflict: ["#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#99000d"],
};

/** Each type coloured by its quad class, darker as its weight is stronger. */
export function typeColors(types: PloverTypes): Record<string, string> {
  const colors: Record<string, string> = {};
  for (const quad of QUADS) {
    const members = EVENT_TYPES.filter((t) => types.quad[t] === quad).sort(
      (a, b) => Math.abs(types.weight[a]) - Math.abs(types.weight[b]) || a.localeCompare(b),
    );
    const palette = QUAD_PALETTES[quad];
    members.forEach((t, i) => {
      const at = members.length > 1 ? Math.round((i * (palette.length - 1)) / (members.length - 1)) : 2;
      colors[t] = palette[Math.min(at, palette.length - 1)];
    });
  }
  return colors;
}

/** The contexts events can carry: those of contexts.json and of the patterns. */
function knownContexts(): string[] {
  const found = new Set<string>();
  try {
    for (const list of loadContextCues().byLemma.values()) for (const c of list) found.add(c);
    for (const p of loadPatterns().patterns) for (const c of p.context ?? []) found.add(c);
  } catch {
    // A broken dictionaries folder shows in every extracting command; the legend can do without.
  }
  return [...found].sort();
}

export const metaRoutes: Routes = (api, { store, types }) => {
  const colors = typeColors(types);
  const meta = {
    types: EVENT_TYPES.map((name) => ({
      name,
      quad: types.quad[name],
      weight: types.weight[name],
      color: colors[name],
    })),
    quads: QUADS.map((name) => ({ name, color: QUAD_PALETTES[name][3] })),
    modalities: [...MODALITIES],
    contexts: knownContexts(),
    kinds: [...ACTOR_KINDS],
  };
  api.get("/meta", (c) => c.json(meta));
  api.get("/stats", async (c) => c.json(await stats(store)));
};
