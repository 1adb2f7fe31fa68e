/**
 * The actor dictionary in memory: entries by id, and a token trie over every
 * alias, demonym and metonym so that mention finding is one walk over the
 * tokens (no regex scan over thousands of names).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { tokenizePhrase } from "../nlp/segment.js";
import { DictionaryError, dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { type ActorEntry, actorFileSchema, type Role, roleFileSchema } from "./schema.js";

/** What a run of tokens can name. */
export type MatchType = "alias" | "demonym" | "metonym" | "role";

export interface TrieHit {
  type: MatchType;
  /** Dictionary entry id (for role hits: undefined). */
  entryId?: string;
  role?: Role;
  /** The phrase's own tokens, for the case check. */
  tokens: string[];
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  hits: TrieHit[];
}

const newNode = (): TrieNode => ({ next: new Map(), hits: [] });

export interface ActorDictionary {
  entries: Map<string, ActorEntry>;
  roles: Role[];
  trie: TrieNode;
  /** File name -> version, stamped on records as dict:<name>. */
  versions: Record<string, string>;
}

/** Leading articles are not part of a name: "the Taliban" and "Taliban" are one key. */
function stripArticle(tokens: string[]): string[] {
  return tokens.length > 1 && tokens[0].toLowerCase() === "the" ? tokens.slice(1) : tokens;
}

function insert(trie: TrieNode, phrase: string, hit: Omit<TrieHit, "tokens">): void {
  const tokens = stripArticle(tokenizePhrase(phrase));
  if (tokens.length === 0) return;
  let node = trie;
  for (const tok of tokens) {
    const key = tok.toLowerCase();
    let child = node.next.get(key);
    if (!child) {
      child = newNode();
      node.next.set(key, child);
    }
    node = child;
  }
  const duplicate = node.hits.some(
    (h) =>
      h.type === hit.type &&
      h.entryId === hit.entryId &&
      h.role === hit.role &&
      h.tokens.join(" ") === tokens.join(" "),
  );
  if (!duplicate) node.hits.push({ ...hit, tokens });
}

export { DictionaryError };

/** Build the in-memory dictionary from parsed files (used by the loader and by tests). */
/**
 * Build the in-memory dictionary from parsed files (used by the loader and by tests).
 * `overlay` is the analyst's own file: its entries replace bundled ones with the same id.
 */
export function compileDictionary(
  files: { name: string; version: string; entries: ActorEntry[] }[],
  roleFiles: { name: string; version: string; roles: Role[] }[],
  overlay: { name: string; version: string; entries: ActorEntry[] } | null = null,
): ActorDictionary {
  const entries = new Map<string, ActorEntry>();
  const trie = newNode();
  const versions: Record<string, string> = {};
  for (const file of files) {
    versions[`dict:${file.name}`] = file.version;
    for (const entry of file.entries) {
      if (entries.has(entry.id))
        throw new DictionaryError(`actor id "${entry.id}" is defined twice (file ${file.name})`);
      entries.set(entry.id, entry);
    }
  }
  if (overlay) {
    versions["dict:user"] = overlay.version;
    for (const entry of overlay.entries) if (entry.kind !== "unknown") entries.set(entry.id, entry);
  }
  for (const entry of entries.values()) {
    for (const a of entry.aliases) insert(trie, a, { type: "alias", entryId: entry.id });
    for (const d of entry.demonyms ?? []) insert(trie, d, { type: "demonym", entryId: entry.id });
    for (const m of entry.metonyms ?? []) insert(trie, m, { type: "metonym", entryId: entry.id });
    for (const id of entry.members ?? []) {
      if (!entries.has(id))
        throw new DictionaryError(`actor "${entry.id}" lists member "${id}", which no file defines`);
    }
  }
  const roles: Role[] = [];
  for (const file of roleFiles) {
    versions[`dict:${file.name}`] = file.version;
    for (const role of file.roles) {
      roles.push(role);
      for (const w of role.words) insert(trie, w, { type: "role", role });
    }
  }
  return { entries, roles, trie, versions };
}

/** The analyst's dictionary file: DYAD_USER_DICTIONARY, else data/user-actors.json beside the default database. */
export function userDictionaryPath(): string {
  return process.env.DYAD_USER_DICTIONARY ?? join("data", "user-actors.json");
}

let cached: { key: string; dict: ActorDictionary } | null = null;

/**
 * Load every actor file of `dir`/actors (roles.json by the role schema, the
 * rest by the entry schema; *-overrides.json are generator inputs, not read),
 * then the analyst's overlay file when it exists.
 */
export function loadActorDictionary(
  dir = dictionariesDir(),
  userFile = userDictionaryPath(),
): ActorDictionary {
  const overlayStamp = existsSync(userFile) ? statSync(userFile).mtimeMs : 0;
  const key = `${dir}|${userFile}|${overlayStamp}`;
  if (cached && cached.key === key) return cached.dict;
  const folder = join(dir, "actors");
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((f) => f.endsWith(".json") && !f.endsWith("-overrides.json"))
      .sort();
  } catch {
    throw new DictionaryError(`${folder}: the actor dictionary folder cannot be read`);
  }
  const files = [];
  const roleFiles = [];
  for (const name of names) {
    const path = join(folder, name);
    if (name === "roles.json") roleFiles.push(loadDataFile(path, roleFileSchema));
    else files.push(loadDataFile(path, actorFileSchema));
  }
  const overlay = overlayStamp ? loadDataFile(userFile, actorFileSchema) : null;
  const dict = compileDictionary(files, roleFiles, overlay);
  cached = { key, dict };
  return dict;
}

/** Does a text token have the case the dictionary phrase asks for? "US" is not "us"; "Turkey" is not "turkey". */
export function caseFits(phraseToken: string, textToken: string): boolean {
  const first = phraseToken[0];
  if (first === undefined || first.toLowerCase() === first.toUpperCase() || first === first.toLowerCase()) {
    // Phrase token in lower case or not a letter: any case, except an all-caps
    // text token that is a common word shouted ("US" for "us" is handled by the phrase).
    return true;
  }
  if (textToken[0] !== first) return false;
  const letters = phraseToken.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 2 && letters === letters.toUpperCase()) {
    // Acronyms must be in capitals in the text too.
    return textToken.replace(/[^\p{L}]/gu, "") === letters;
  }
  return true;
}
