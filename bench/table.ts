// Markdown tables: readable in a terminal and pasted unchanged into docs/performance.md.

export type Cell = string | number | boolean | undefined;

export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (cell: Cell) => (cell === undefined ? '' : typeof cell === 'boolean' ? (cell ? 'yes' : 'NO') : String(cell));
  const cells = rows.map((row) => row.map(text));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((row) => /^[-+]?[\d.,]+( ?[×%a-zA-Z/]+)?$|^$/.test(row[i] ?? '')));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (numeric[i] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '-' : value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
