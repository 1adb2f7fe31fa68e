/** Actors: what the dictionary knows, what a mention resolves to, what a record carries. */

export const ACTOR_KINDS = ["state", "person", "organization", "armed_group", "igo", "unknown"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** PLOVER/CAMEO sector codes used here. */
export const SECTORS = [
  "GOV",
  "MIL",
  "SPY",
  "REB",
  "COP",
  "JUD",
  "LEG",
  "CVL",
  "REF",
  "JRN",
  "BUS",
  "EDU",
  "MED",
  "NGO",
  "PTY",
  "IGO",
  "OPP",
  "UAF",
  "REL",
] as const;
export type Sector = (typeof SECTORS)[number];

export interface Affiliation {
  id: string;
  name: string;
}

/** Who an actor is at one moment: country, sector and affiliation can change over time. */
export interface ActorIdentity {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  sector: string | null;
  affiliation?: Affiliation | null;
}

/** One place in the text that names an actor, with what it resolved to. */
export interface ActorMention extends ActorIdentity {
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** Token range [tokenStart, tokenEnd) of the whole mention (title + name). */
  tokenStart: number;
  tokenEnd: number;
  /** How it was resolved: alias, surname, title, demonym+role, metonym, coreference, unknown. */
  via: string;
  /** Role noun or title when the mention carries one ("president", "army"). */
  role?: string | null;
  /** A titled leader the mention names its body by ("the government of President Ashraf Ghani"). */
  leader?: { id: string; role: string | null };
}

/** An actor as listed per document: identity plus its mentions. */
export interface ResolvedActor extends ActorIdentity {
  mentions: { text: string; start: number; end: number; sentence: number }[];
}

/** The reference an event record carries for its actor, recipient or speaker. */
export interface ActorRef extends ActorIdentity {
  text: string;
  start: number;
  end: number;
}
