/** The extraction report as a readable table for a terminal, then its summary. */
import type { ExtractionItem, ExtractionReport } from './extract.js';

/** Columns a string takes on a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
/** Columns are as wide as their widest cell up to this; a longer cell overflows its row only. */
const maxColumnWidth = 40;

function detail(item: ExtractionItem): string {
  if (item.kind === 'NAME') return [...new Set(item.entityKinds)].join(',');
  if (item.kind === 'TITLE') return '';
  const n = item.comparator === 'RANGE' ? `${item.normalizedLower}–${item.normalizedUpper}` : `${item.normalizedValue}`;
  return `${item.comparator} ${n}`;
}

function idCell(item: ExtractionItem): string {
  if (item.kind === 'NAME') return item.ids.join(', ');
  if (!item.id) return '';
  const others = item.candidates.filter((c) => c !== item.id);
  const more = others.length > 0 ? ` (also ${others.join(', ')})` : '';
  return `${item.id}${more}${item.note ? ` — ${item.note}` : ''}`;
}

export function formatSummary(report: ExtractionReport): string {
  const s = report.summary;
  return [
    `figures: ${s.figures} (${s.missingFigures} missing)`,
    `titles:  ${s.titles} (${s.missingTitles} missing)`,
    `names:   ${s.names}`,
    s.missing === 0 ? 'nothing missing' : `MISSING: ${s.missing}`,
  ].join('\n');
}

export function formatTable(report: ExtractionReport): string {
  const header = ['line', 'kind', 'text', 'detail', 'status', 'id'];
  const rows = report.items.map((item) => [
    String(item.line),
    item.kind,
    item.text,
    detail(item),
    item.kind === 'NAME' ? 'KNOWN' : item.status,
    idCell(item),
  ]);
  const widths = header.map((h, i) => Math.min(maxColumnWidth, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!)))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const table = rows.length > 0 ? [line(header), ...rows.map(line), ''] : [];
  return [...table, formatSummary(report)].join('\n');
}
