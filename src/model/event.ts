/** The event record of ../shared/docs/EVENTS.md. */
import type { ActorRef } from "./actor.js";

export const EVENT_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MODALITIES = ["asserted", "negated", "future", "hypothetical"] as const;
export type Modality = (typeof MODALITIES)[number];

export type DatePrecision = "day" | "month" | "year";

export interface Quantity {
  value: number;
  unit: string;
  text: string;
  start: number;
  end: number;
}

export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  start?: number;
  end?: number;
}

export interface Evidence {
  sentence: number;
  sentence_start: number;
  sentence_end: number;
  trigger: { text: string; start: number; end: number };
}

export interface EventRecord {
  id: string;
  event: EventType;
  mode: string | null;
  context: string[];
  actor: ActorRef;
  recipient: ActorRef | null;
  date: string | null;
  date_precision: DatePrecision | null;
  location: EventLocation | null;
  modality: Modality;
  reported_by: ActorRef | null;
  quantities: Quantity[];
  evidence: Evidence;
  /** Id of the pattern that fired. */
  pattern: string;
  /** Stage and dictionary versions that made the record. */
  versions: Record<string, string>;
}
