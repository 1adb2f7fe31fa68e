/** Colours for PLOVER types, actor kinds and cooperation–conflict scores (used in every legend). */
import type { Meta, TypeMeta } from "./api";

/** The 16 types in PLOVER order, cooperation (blues/greens) to conflict (oranges/reds). */
export const FALLBACK_TYPES: TypeMeta[] = [
  { name: "AGREE", quad: "verbal_cooperation", weight: 3, color: "#4e79a7" },
  { name: "CONSULT", quad: "verbal_cooperation", weight: 1, color: "#7fa6d1" },
  { name: "SUPPORT", quad: "verbal_cooperation", weight: 3.5, color: "#2f5d8a" },
  { name: "CONCEDE", quad: "verbal_cooperation", weight: 5, color: "#9ecae9" },
  { name: "REQUEST", quad: "verbal_cooperation", weight: 2, color: "#76b7b2" },
  { name: "COOPERATE", quad: "material_cooperation", weight: 6, color: "#59a14f" },
  { name: "AID", quad: "material_cooperation", weight: 7, color: "#8cd17d" },
  { name: "RETREAT", quad: "material_cooperation", weight: 5, color: "#2d7a3a" },
  { name: "ACCUSE", quad: "verbal_conflict", weight: -2, color: "#f1ce63" },
  { name: "REJECT", quad: "verbal_conflict", weight: -4, color: "#edc948" },
  { name: "THREATEN", quad: "verbal_conflict", weight: -6, color: "#f28e2b" },
  { name: "PROTEST", quad: "material_conflict", weight: -6.5, color: "#b07aa1" },
  { name: "SANCTION", quad: "material_conflict", weight: -5, color: "#9c755f" },
  { name: "MOBILIZE", quad: "material_conflict", weight: -7, color: "#ff9d9a" },
  { name: "COERCE", quad: "material_conflict", weight: -7, color: "#e15759" },
  { name: "ASSAULT", quad: "material_conflict", weight: -10, color: "#a4161a" },
];

export const FALLBACK_META: Meta = {
  types: FALLBACK_TYPES,
  modalities: ["asserted", "negated", "future", "hypothetical"],
  contexts: [],
  kinds: ["state", "person", "organization", "armed_group", "igo", "unknown"],
};

const byName = new Map(FALLBACK_TYPES.map((t) => [t.name, t.color as string]));

export function typeColor(meta: Meta, type: string): string {
  return meta.types.find((t) => t.name === type)?.color ?? byName.get(type) ?? "#888";
}

export const KIND_COLORS: Record<string, string> = {
  state: "#4e79a7",
  organization: "#f28e2b",
  igo: "#59a14f",
  armed_group: "#e15759",
  person: "#b07aa1",
  unknown: "#9d9d9d",
};

export function kindColor(kind: string | null | undefined): string {
  return KIND_COLORS[kind ?? "unknown"] ?? KIND_COLORS.unknown;
}

/** Score → colour on a red (conflict) – grey – green (cooperation) ramp; `max` is the score of full colour. */
export function scoreColor(score: number, max = 10): string {
  const t = Math.max(-1, Math.min(1, score / max));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 30, 35] : [30, 150, 60];
  const k = Math.abs(t);
  const c = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
