/**
 * Which lines are boilerplate, and of what kind. Works on normalised lines
 * (lines.ts) with the compiled rules (boilerplate.ts); returns one kind or
 * null (keep) per line. Rules look only at short lines, so article
 * paragraphs cost one length check each.
 */
import type { Boilerplate, CompiledRule } from "./boilerplate.js";
import type { Line } from "./lines.js";

const TEASER_END = /(?:\.\.\.|…)$/;
/** How a headline in a link list may not end: a full stop means prose. */
const PROSE_END = /[.!;]["”’)]?$/;
const TEASER_KEY = 24;
const BULLET_START = /^[•·*»›▪■◦‣–—-]/;
const BULLET = /^[•·*»›▪■◦‣–—-]+\s*/;

export function classifyLines(lines: Line[], bp: Boilerplate, rawLength: number): (string | null)[] {
  const n = lines.length;
  const kinds: (string | null)[] = new Array(n).fill(null);
  const runRule: (CompiledRule | null)[] = new Array(n).fill(null);
  const { settings } = bp;
  let tailAt = -1;
  const { runRules, lineRules } = bp;

  for (let i = 0; i < n; i++) {
    const line = lines[i].text;
    if (line === "" || line.length > bp.maxLineLength) continue;
    // Rules see the line without a leading list bullet ("• Subscribe to ...").
    const text = (BULLET_START.test(line) && line.replace(BULLET, "")) || line;
    for (const rule of runRules) {
      if (text.length <= rule.maxLength && rule.re.test(text) && !rule.unless?.test(text)) {
        runRule[i] = rule;
        break;
      }
    }
    for (const rule of lineRules) {
      if (text.length > rule.maxLength) continue;
      if (rule.keyword && !rule.keyword.test(text)) continue;
      if (!rule.re.test(text) || rule.unless?.test(text)) continue;
      kinds[i] = rule.kind;
      if (rule.match === "tail" && tailAt < 0 && lines[i].rawStart >= settings.tailMinPosition * rawLength) {
        tailAt = i;
      } else if (rule.match === "caption") {
        markCaptionBlock(lines, kinds, i, settings.captionMaxBlockLines);
      } else if (rule.match === "list") {
        markList(lines, kinds, i, rule.kind, settings.listMaxItemLength, settings.listMaxItems);
      }
      break;
    }
  }
  markRuns(lines, kinds, runRule);
  markTeasers(lines, kinds, settings.teaserMinLength);
  if (tailAt >= 0) {
    for (let i = tailAt + 1; i < n; i++) if (lines[i].text !== "" && !kinds[i]) kinds[i] = "tail";
  }
  return kinds;
}

/** A caption/credit line takes its whole block with it when the block is short (image alt + caption). */
function markCaptionBlock(lines: Line[], kinds: (string | null)[], at: number, maxLines: number): void {
  let first = at;
  while (first > 0 && lines[first - 1].text !== "") first--;
  let last = at;
  while (last + 1 < lines.length && lines[last + 1].text !== "") last++;
  if (last - first + 1 > maxLines) return;
  for (let i = first; i <= last; i++) {
    if (lines[i].text.length > 300) return;
  }
  for (let i = first; i <= last; i++) kinds[i] ??= "caption";
}

/** A "Related"/"Read more" header and the headline-like lines after it. */
function markList(
  lines: Line[],
  kinds: (string | null)[],
  header: number,
  kind: string,
  maxItemLength: number,
  maxItems: number,
): void {
  let items = 0;
  for (let i = header + 1; i < lines.length && items < maxItems; i++) {
    const t = lines[i].text;
    if (t === "") continue;
    if (t.length > maxItemLength || PROSE_END.test(t)) return;
    kinds[i] ??= kind;
    items++;
  }
}

/** Lines matching a run rule are removed only as a run of at least minRun (blank lines do not break it). */
function markRuns(lines: Line[], kinds: (string | null)[], runRule: (CompiledRule | null)[]): void {
  let i = 0;
  while (i < lines.length) {
    const rule = runRule[i];
    if (!rule) {
      i++;
      continue;
    }
    const members: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (lines[j].text === "") continue;
      if (runRule[j]?.kind !== rule.kind) break;
      members.push(j);
    }
    if (members.length >= rule.minRun) for (const m of members) kinds[m] ??= rule.kind;
    i = j;
  }
}

/**
 * "Teasers": a line ending in "..." whose text starts another line of the
 * page (a related-link excerpt repeating a paragraph). The full paragraph stays.
 */
function markTeasers(lines: Line[], kinds: (string | null)[], minLength: number): void {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!kinds[i] && t.length >= minLength && TEASER_END.test(t)) candidates.push(i);
  }
  if (candidates.length === 0) return;
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (t.length < minLength) continue;
    const key = t.slice(0, TEASER_KEY);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  for (const c of candidates) {
    const prefix = lines[c].text.replace(TEASER_END, "").trimEnd();
    const others = byKey.get(prefix.slice(0, TEASER_KEY)) ?? [];
    if (
      others.some((o) => o !== c && lines[o].text.length > prefix.length && lines[o].text.startsWith(prefix))
    ) {
      kinds[c] = "teaser";
    }
  }
}
