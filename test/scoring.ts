/**
 * TypeScript ports of the reference scorers in ../shared/tools (score_articles.py,
 * score_plv.py): the same keys and measures, so the quality tests report the
 * figures the held-out evaluation computes.
 */
import type { ExtractOutput } from "../src/pipeline/output.js";

const ALIASES: Record<string, string> = {
  "islamic state": "ISIS",
  isis: "ISIS",
  isil: "ISIS",
  is: "ISIS",
  daesh: "ISIS",
  "isis k": "ISIS",
  "islamic state khorasan": "ISIS",
  "islamic state of iraq and the levant": "ISIS",
  taliban: "TALIBAN",
  "the taliban": "TALIBAN",
  "taliban movement": "TALIBAN",
  "al qaeda": "ALQAEDA",
  "al qaida": "ALQAEDA",
  alqaeda: "ALQAEDA",
  "collective security treaty organization": "CSTO",
  csto: "CSTO",
  "north atlantic treaty organization": "NATO",
  nato: "NATO",
  "united nations": "UN",
  un: "UN",
  uno: "UN",
  "commonwealth of independent states": "CIS",
  cis: "CIS",
  "shanghai cooperation organisation": "SCO",
  "shanghai cooperation organization": "SCO",
  sco: "SCO",
  "eurasian economic union": "EAEU",
  eaeu: "EAEU",
  "european union": "EU",
  eu: "EU",
};
const STATE_SECTORS = new Set(["GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PRM", "", null, undefined]);

export const norm = (s: string | null | undefined) =>
  (s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function goldKey(x: string | null | undefined): string | null {
  if (!x) return null;
  if (/^[A-Z]{3}$/.test(x)) return x;
  return ALIASES[norm(x)] ?? norm(x).toUpperCase();
}

// biome-ignore lint/suspicious/noExplicitAny: mirrors the Python scorer's duck typing
export function predKey(a: any): string | null {
  if (!a) return null;
  if (typeof a === "string") return goldKey(a);
  const r = a.resolved ?? a.actor ?? a;
  const aff = r.affiliation;
  if (aff && (aff.name || aff.id)) return goldKey(aff.name || aff.id);
  const kind = (r.kind ?? "").toLowerCase();
  const country = r.country;
  const name = r.name ?? a.text ?? "";
  const rid = r.id ?? "";
  const alias = ALIASES[norm(name)] ?? ALIASES[norm(rid)];
  if (alias) return alias;
  if (kind === "state" && country) return country;
  if (kind === "person" || ["organization", "agency", "military", "government", ""].includes(kind)) {
    if (country && (STATE_SECTORS.has(r.sector) || kind === "person")) return country;
  }
  if (/^[A-Z]{3}$/.test(rid)) return rid;
  return norm(name).toUpperCase() || null;
}

export const label = (t: string | null | undefined) => {
  const u = (t ?? "NONE").toUpperCase();
  return ["CONCEDE", "RETREAT", "YIELD"].includes(u) ? "YIELD" : u;
};

function triple(a: string | null, t: string, r: string | null): string {
  if ((t === "CONSULT" || t === "COOPERATE") && a && r && r < a) [a, r] = [r, a];
  return `${a}|${t}|${r}`;
}

export interface GoldArticle {
  file: string;
  published: string | null;
  events: {
    actor: string;
    recipient: string | null;
    event: string;
    date: string | null;
    modality: string;
    evidence: string;
  }[];
}

export interface ArticleScores {
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  dateAcc: number;
  modalityAcc: number;
  actorRecall: number;
  missed: string[];
  spurious: string[];
}

export function scoreArticles(gold: GoldArticle[], outputs: ExtractOutput[]): ArticleScores {
  let tp = 0,
    ng = 0,
    np = 0,
    dateOk = 0,
    dateN = 0,
    modOk = 0,
    modN = 0,
    actHit = 0,
    actN = 0;
  const missed: string[] = [];
  const spurious: string[] = [];
  for (const g of gold) {
    const o = outputs.find((x) => [x.doc.source, x.doc.id].some((f) => f?.endsWith(g.file)));
    const after = String(g.published ?? "") >= "2021-08-15";
    const fold = (k: string | null) => (after && k === "TALIBAN" ? "AFG" : k);
    const gt = new Map<string, GoldArticle["events"][number]>();
    for (const e of g.events) {
      const k = triple(fold(goldKey(e.actor)), label(e.event), fold(goldKey(e.recipient)));
      if (!gt.has(k)) gt.set(k, e);
    }
    const pt = new Map<string, ExtractOutput["events"][number]>();
    for (const e of o?.events ?? []) {
      const k = triple(fold(predKey(e.actor)), label(e.event), fold(predKey(e.recipient)));
      if (!pt.has(k)) pt.set(k, e);
    }
    ng += gt.size;
    np += pt.size;
    for (const [k, e] of gt) {
      const p = pt.get(k);
      if (!p) {
        missed.push(`${g.file.slice(0, 3)} ${k}`);
        continue;
      }
      tp++;
      if (e.date) {
        dateN++;
        const pd = String(p.date ?? "");
        if (pd.slice(0, e.date.length) === e.date && pd.length >= e.date.length) dateOk++;
      }
      modN++;
      if ((p.modality ?? "asserted") === (e.modality ?? "asserted")) modOk++;
    }
    for (const k of pt.keys()) if (!gt.has(k)) spurious.push(`${g.file.slice(0, 3)} ${k}`);
    const goldActors = new Set<string>();
    for (const e of g.events) {
      for (const x of [fold(goldKey(e.actor)), fold(goldKey(e.recipient))]) if (x) goldActors.add(x);
    }
    const predActors = new Set((o?.actors ?? []).map((a) => fold(predKey(a))));
    actN += goldActors.size;
    for (const a of goldActors) if (predActors.has(a)) actHit++;
  }
  const precision = np ? tp / np : 0;
  const recall = ng ? tp / ng : 0;
  return {
    gold: ng,
    predicted: np,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    dateAcc: dateN ? dateOk / dateN : 0,
    modalityAcc: modN ? modOk / modN : 0,
    actorRecall: actN ? actHit / actN : 0,
    missed,
    spurious,
  };
}

function overlaps(spanText: string, gold: string): boolean {
  const a = norm(spanText);
  const b = norm(gold);
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const bw = new Set(b.split(" "));
  return a.split(" ").some((w) => bw.has(w) && !["the", "of", "and"].includes(w));
}

// biome-ignore lint/suspicious/noExplicitAny: mirrors the Python scorer
const sideText = (side: any): string => (side ? [side.text ?? "", side.name ?? ""].join(" ") : "");

export interface PlvRow {
  id: string;
  sentence: string;
  source: string;
  target: string;
  gold: string;
}

export function scorePlv(rows: PlvRow[], events: Map<string, ExtractOutput["events"]>) {
  const gold: string[] = [];
  const pred: string[] = [];
  let full = 0;
  for (const r of rows) {
    let best: ExtractOutput["events"][number] | null = null;
    let bestScore = -1;
    for (const e of events.get(r.id) ?? []) {
      const s =
        Number(overlaps(sideText(e.actor), r.source)) + Number(overlaps(sideText(e.recipient), r.target));
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    const p = label(best?.event ?? null);
    const g = label(r.gold);
    gold.push(g);
    pred.push(p);
    if (best && p === g && bestScore === 2) full++;
  }
  const labels = [...new Set(gold)].sort();
  const perLabel: Record<string, { p: number; r: number; f1: number; n: number }> = {};
  for (const l of labels) {
    let tp = 0,
      fp = 0,
      fn = 0;
    gold.forEach((g, i) => {
      if (g === l && pred[i] === l) tp++;
      else if (g !== l && pred[i] === l) fp++;
      else if (g === l && pred[i] !== l) fn++;
    });
    const pr = tp + fp ? tp / (tp + fp) : 0;
    const rc = tp + fn ? tp / (tp + fn) : 0;
    perLabel[l] = { p: pr, r: rc, f1: pr + rc ? (2 * pr * rc) / (pr + rc) : 0, n: tp + fn };
  }
  const macroF1 = labels.reduce((s, l) => s + perLabel[l].f1, 0) / labels.length;
  const n = rows.length;
  return {
    rows: n,
    covered: pred.filter((p) => p !== "NONE").length / n,
    accuracy: gold.filter((g, i) => g === pred[i]).length / n,
    fullMatch: full / n,
    macroF1,
    perLabel,
    gold,
    pred,
  };
}

export function confusionMatrix(gold: string[], pred: string[]): string {
  const labels = [...new Set([...gold, ...pred])].sort();
  const short = (l: string) => l.slice(0, 5);
  const lines = [`gold\\pred ${labels.map((l) => short(l).padStart(5)).join(" ")}`];
  for (const g of labels) {
    if (!gold.includes(g)) continue;
    const row = labels.map((p) => String(gold.filter((x, i) => x === g && pred[i] === p).length).padStart(5));
    lines.push(`${short(g).padEnd(9)} ${row.join(" ")}`);
  }
  return lines.join("\n");
}
