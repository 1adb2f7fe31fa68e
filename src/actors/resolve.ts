/**
 * Who a dictionary entry is at a given date: affiliations and offices are
 * time-bounded (the Taliban govern Afghanistan from 2021-08-15; a president is
 * one only during the tenure).
 */
import type { ActorIdentity } from "../model/actor.js";
import type { ActorEntry, Period } from "./schema.js";

/** Compare partial ISO dates: "2021-08" covers the whole month when used as a bound. */
function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function endOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

export function periodCovers(p: Period, date: string): boolean {
  const lo = startOf(date);
  const hi = endOf(date);
  if (p.from && hi < startOf(p.from)) return false;
  if (p.until && lo > endOf(p.until)) return false;
  return true;
}

/** The period in force at `date` (the latest-starting one if several), or null. */
export function periodAt(entry: ActorEntry, date: string | null): Period | null {
  const periods = entry.periods ?? [];
  if (periods.length === 0) return null;
  if (!date) return null;
  let best: Period | null = null;
  for (const p of periods) {
    if (!periodCovers(p, date)) continue;
    if (!best || startOf(p.from ?? "0000") > startOf(best.from ?? "0000")) best = p;
  }
  return best;
}

export function identityAt(entry: ActorEntry, date: string | null): ActorIdentity & { title: string | null } {
  const p = periodAt(entry, date);
  return {
    id: entry.id,
    name: entry.name,
    kind: p?.kind ?? entry.kind,
    country: p?.country !== undefined ? p.country : entry.country,
    sector: p?.sector !== undefined ? p.sector : entry.sector,
    affiliation: p?.affiliation !== undefined ? p.affiliation : (entry.affiliation ?? null),
    title: p?.title ?? null,
  };
}
