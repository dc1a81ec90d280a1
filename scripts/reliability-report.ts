/**
 * Writes the figures of the last `npm run test:reliability` on each engine (reports/reliability/
 * <engine>.jsonl, tests/reliability/support/report.ts) into docs/reliability.md, between the
 * `<!-- figures:start -->` and `<!-- figures:end -->` markers. The rest of the document is prose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportLine } from '../tests/reliability/support/report.ts';

const out = process.env.HW_RELIABILITY_OUT ?? path.resolve('reports/reliability');
const doc = path.resolve('docs/reliability.md');
const engines = [
  { id: 'pglite', title: 'PGlite (embedded)' },
  { id: 'postgresql', title: 'PostgreSQL 15' },
];

function read(engine: string): ReportLine[] {
  const file = path.join(out, `${engine}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReportLine);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rowOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const byEngine = new Map(engines.map((e) => [e.id, read(e.id)]));
const keys: { row: string; case: string; expect: string }[] = [];
for (const lines of byEngine.values()) {
  for (const l of lines) {
    if (!keys.some((k) => k.row === l.row && k.case === l.case))
      keys.push({ row: l.row, case: l.case, expect: l.expect });
  }
}
keys.sort((a, b) => rowOrder(a.row, b.row));

const figures = (l: ReportLine | undefined) =>
  l
    ? Object.entries(l.figures)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')
    : 'not run';
const runAt = (id: string) => {
  const lines = byEngine.get(id) ?? [];
  const last = lines.at(-1);
  return last ? last.at.slice(0, 16).replace('T', ' ') : 'no run on record';
};

const table = [
  `Last runs: ${engines.map((e) => `${e.title} ${runAt(e.id)} UTC`).join('; ')}.`,
  '',
  `| row | test | pass when | ${engines.map((e) => e.title).join(' | ')} |`,
  `|---|---|---|${engines.map(() => '---|').join('')}`,
  ...keys.map(
    (k) =>
      `| ${k.row} | ${cell(k.case)} | ${cell(k.expect)} | ${engines
        .map((e) => cell(figures(byEngine.get(e.id)?.findLast((l) => l.row === k.row && l.case === k.case))))
        .join(' | ')} |`,
  ),
].join('\n');

const text = readFileSync(doc, 'utf8');
const start = '<!-- figures:start -->';
const end = '<!-- figures:end -->';
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`docs/reliability.md has no ${start} … ${end} section`);
writeFileSync(doc, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
console.log(`docs/reliability.md: ${keys.length} rows`);
