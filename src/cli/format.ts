/** Rows to text: aligned tables for people, CSV and JSON Lines for programs. */

export type Cell = string | number | null | undefined;

export interface Column<T> {
  header: string;
  value(row: T): Cell;
  /** Longest cell shown in a table (CSV and JSON Lines are never cut). */
  max?: number;
}

const clean = (v: Cell): string =>
  v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim();

export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const text = clean(c.value(r));
      const max = c.max ?? 60;
      return text.length > max ? `${text.slice(0, max - 1)}…` : text;
    }),
  );
  const widths = columns.map((c, k) => Math.max(c.header.length, ...cells.map((row) => row[k].length)));
  const line = (values: string[]) =>
    values
      .map((v, k) => (k === values.length - 1 ? v : v.padEnd(widths[k])))
      .join("  ")
      .trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join("\n")}\n`;
}

/** RFC 4180: quote a field when it holds a comma, quote or line break. */
export function csvField(v: Cell): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly Cell[]): string {
  return `${values.map(csvField).join(",")}\n`;
}

export function csvHeader<T>(columns: readonly Column<T>[]): string {
  return csvRow(columns.map((c) => c.header));
}

export function csvLine<T>(row: T, columns: readonly Column<T>[]): string {
  return csvRow(columns.map((c) => c.value(row)));
}

/** "+3.5" / "-2" / "0": scores read better signed. */
export function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}
