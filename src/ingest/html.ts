/**
 * HTML pages to RawDocument: metadata from the head (read before Readability,
 * which rewrites the DOM), main content from Readability, and raw text built
 * from the content's block elements so that paragraphs stay apart.
 */
import { Readability } from "@mozilla/readability";
import { DOMParser } from "linkedom";
import type { RawDocument } from "../model/document.js";
import { normaliseDate } from "./dates.js";

/** Minimal DOM surface we use; linkedom's nodes satisfy it. */
interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that end a paragraph; everything else is inline. */
const BLOCK = new Set(
  (
    "ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 " +
    "H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR TD TH UL"
  ).split(" "),
);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "SELECT"]);

/** Cheap check for content that is HTML although the file name does not say so. */
export function sniffHtml(text: string): boolean {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || /<(head|body)[\s>]/.test(head);
}

export interface HtmlOrigin {
  id: string;
  source: string;
  encoding?: string;
}

export function htmlToRawDocument(html: string, origin: HtmlOrigin): RawDocument {
  const doc = new DOMParser().parseFromString(html, "text/html") as unknown as El;
  const meta = readMetadata(doc);
  const fallbackTitle = meta.title ?? (doc.querySelector("title")?.textContent?.trim() || null);

  // Page furniture never holds article text; removing it first keeps it out of short pages too.
  removeAll(doc, FURNITURE);
  let content: El | null = null;
  let title: string | null = fallbackTitle;
  let byline: string | null = null;
  try {
    // Readability takes a DOM Document; linkedom's is close enough for it.
    const reader = new Readability<El>(doc as unknown as Document, { serializer: (n) => n as unknown as El });
    const article = reader.parse();
    if (article?.content) {
      content = article.content;
      // og:title is the bare headline; Readability's may keep a site-name suffix.
      title = meta.title ?? (article.title?.trim() || fallbackTitle);
      byline = article.byline?.trim() || null;
    }
  } catch {
    // Malformed pages: fall back to the body below.
  }
  if (!content) content = strippedBody(html);

  const published = meta.published;
  return {
    id: origin.id,
    source: origin.source,
    rawText: blockText(content),
    title: title || null,
    published,
    publishedSource: published ? "metadata" : null,
    url: meta.url,
    author: meta.author ?? byline,
    format: "html",
    encoding: origin.encoding,
  };
}

interface PageMetadata {
  title: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
}

function attr(doc: El, selector: string, name: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
}

function readMetadata(doc: El): PageMetadata {
  const ld = readJsonLd(doc);
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const publishedCandidates = [
    attr(doc, 'meta[property="article:published_time"]', "content"),
    attr(doc, 'meta[name="article:published_time"]', "content"),
    ld.published,
    itemprop?.getAttribute("content") ?? itemprop?.getAttribute("datetime") ?? itemprop?.textContent ?? null,
    attr(doc, 'meta[name="pubdate"]', "content"),
    attr(doc, 'meta[name="publish-date"]', "content"),
    attr(doc, 'meta[name="date"]', "content"),
    attr(doc, 'meta[name="DC.date.issued"]', "content"),
    attr(doc, "time[datetime]", "datetime"),
  ];
  let published: string | null = null;
  for (const c of publishedCandidates) {
    published = normaliseDate(c);
    if (published) break;
  }
  const metaAuthor =
    attr(doc, 'meta[name="author"]', "content") ?? attr(doc, 'meta[property="article:author"]', "content");
  return {
    title: attr(doc, 'meta[property="og:title"]', "content"),
    published,
    // article:author is often a profile URL; a URL is not a name.
    author: metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : ld.author,
    url: attr(doc, 'link[rel="canonical"]', "href") ?? attr(doc, 'meta[property="og:url"]', "content"),
  };
}

/** datePublished and author name from JSON-LD blocks, including @graph arrays. */
function readJsonLd(doc: El): { published: string | null; author: string | null } {
  let published: string | null = null;
  let author: string | null = null;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (!published && typeof o.datePublished === "string") published = o.datePublished;
    if (!author && o.author) {
      const a = Array.isArray(o.author) ? o.author[0] : o.author;
      if (typeof a === "string") author = a;
      else if (a && typeof (a as { name?: unknown }).name === "string") author = (a as { name: string }).name;
    }
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i].textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is common and not our problem.
    }
  }
  return { published, author };
}

const FURNITURE = 'nav, footer, aside, form, [role="navigation"], [role="contentinfo"], [role="banner"]';

function removeAll(root: El, selector: string): void {
  const found = root.querySelectorAll(selector);
  for (let i = found.length - 1; i >= 0; i--) found[i].remove();
}

/** The body without scripts and page furniture, for pages Readability gives up on. */
function strippedBody(html: string): El {
  const doc = new DOMParser().parseFromString(html, "text/html") as unknown as El;
  removeAll(doc, `script, style, noscript, template, header, ${FURNITURE}`);
  return doc.querySelector("body") ?? doc;
}

/**
 * Text of `root` with one paragraph per block element, separated by blank
 * lines; <br> becomes a line break. Whitespace inside a block collapses as a
 * browser would (ASCII whitespace only: NBSP is kept for the cleaner to map).
 */
export function blockText(root: El): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const p = current
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l)
      .join("\n");
    if (p) paragraphs.push(p);
    current = "";
  };
  const walk = (node: El, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? "";
      current += pre ? t : t.replace(/[ \t\n\r\f]+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i], pre || name === "PRE");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join("\n\n");
}
