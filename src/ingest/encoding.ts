/**
 * Bytes to text: BOMs first, then strict UTF-8, then a guess between the two
 * legacy code pages our sources actually use (windows-1251 for Cyrillic,
 * windows-1252 for Western European), made from byte statistics.
 */
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** WHATWG-style label: utf-8, utf-16le, utf-16be, windows-1251, windows-1252. */
  encoding: string;
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Decode a whole file's bytes; never throws (legacy fallback always succeeds).
 * `declared` is a charset the container names (HTML <meta charset>): used only
 * when the bytes are not valid UTF-8, since pages often declare wrongly.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: iconv.decode(buf.subarray(3), "utf-8"), encoding: "utf-8" };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  try {
    return { text: utf8Strict.decode(buf), encoding: "utf-8" };
  } catch {
    const label = declared?.toLowerCase();
    if (label && !label.startsWith("utf") && iconv.encodingExists(label)) {
      return { text: iconv.decode(buf, label), encoding: label };
    }
    const encoding = guessSingleByte(buf);
    return { text: iconv.decode(buf, encoding), encoding };
  }
}

/**
 * UTF-16 without a BOM: text in Latin or Cyrillic has a zero (or 0x04) high
 * byte in almost every other position. Checked on the first 4 KB.
 */
function sniffUtf16(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * windows-1251 or windows-1252. In 1251 the Cyrillic letters are 0xC0-0xFF and
 * make up most of the letters of a Russian text; in 1252 the accented letters
 * share that range but are a small minority among ASCII letters, and
 * punctuation (quotes, dashes) sits in 0x80-0xBF.
 */
export function guessSingleByte(buf: Uint8Array): "windows-1251" | "windows-1252" {
  let ascii = 0;
  let high = 0;
  let mid = 0;
  const n = Math.min(buf.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0xc0) high++;
    else if (b >= 0x80) mid++;
  }
  return high > 0 && high >= mid * 2 && high >= ascii * 0.4 ? "windows-1251" : "windows-1252";
}

/**
 * True when the bytes are not text: a NUL byte, or more than 10% control
 * characters other than tab, newline, carriage return and form feed.
 * Call after the UTF-16 checks (UTF-16 text is full of NULs).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** True when decodeBytes would read these bytes as UTF-16 (BOM or sniffed). */
export function isUtf16(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  return sniffUtf16(buf) !== null;
}

/** The charset an HTML page declares in its first 2 KB (<meta charset> or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString(
    "latin1",
  );
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1] ?? null;
}
