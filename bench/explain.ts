/**
 * EXPLAIN (ANALYZE, BUFFERS) of what an implementation really sent. The statements are captured
 * from a Drizzle instance with a query logger on the same pool, so ours is explained exactly as
 * searchJobs() builds it (including its `set local enable_…`), then replayed in a transaction that
 * is rolled back.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database, DbHandle } from '../src/db/client.ts';
import * as schema from '../src/db/schema/index.ts';
import { type Impl, type PreparedQuery, runImpl } from './implementations.ts';

interface Statement {
  text: string;
  params: unknown[];
}

/** A plan node as EXPLAIN (FORMAT JSON) returns it (only the fields the summary reads). */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Plan Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Exact Heap Blocks'?: number;
  'Lossy Heap Blocks'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Workers Launched'?: number;
  'Sort Method'?: string;
  Filter?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

interface ExplainJson {
  Plan: PlanNode;
  'Execution Time': number;
  'Planning Time': number;
  JIT?: { Timing?: { Total?: number } };
}

export interface ExplainedStatement {
  /** 'count' or 'page'. */
  role: string;
  executionMs: number;
  planningMs: number;
  jitMs: number | null;
  /** The SET LOCAL settings in force for this statement (ours chooses plan shapes with them). */
  settings: string[];
  /** A compact indented plan tree. */
  tree: string;
  /** One line: the nodes that did the work. */
  summary: string;
}

async function capture(handle: DbHandle, impl: Impl, p: PreparedQuery): Promise<Statement[]> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const statements: Statement[] = [];
  const logging = drizzle({
    client: handle.pool,
    schema,
    casing: 'snake_case',
    logger: { logQuery: (text, params) => statements.push({ text, params }) },
  }) as unknown as Database;
  await runImpl(impl, logging, p);
  return statements;
}

export async function explainQuery(
  handle: DbHandle,
  impl: Impl,
  p: PreparedQuery,
): Promise<ExplainedStatement[]> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const statements = await capture(handle, impl, p);
  const client = await handle.pool.connect();
  const out: ExplainedStatement[] = [];
  const settings = new Map<string, string>();
  try {
    await client.query('begin');
    for (const s of statements) {
      const text = s.text.trim();
      if (/^set\b/i.test(text)) {
        await client.query(text, s.params as unknown[]);
        const m = /^set\s+(?:local\s+)?([\w.]+)\s*(?:=|to)\s*(.+)$/i.exec(text);
        if (m) settings.set(m[1]!.toLowerCase(), m[2]!.trim());
      } else if (/^select\s+set_config\(/i.test(text)) {
        // applySettings: set_config(name, value, true) for each setting, names and values as parameters.
        await client.query(text, s.params as unknown[]);
        for (let i = 0; i + 1 < s.params.length; i += 2)
          settings.set(String(s.params[i]), String(s.params[i + 1]));
      } else if (/^(select|with)\b/i.test(text) && /\bjob_search s\b/.test(text)) {
        // Only the search statements (ours also reads pg_stats for its estimates, which is not explained).
        const result = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
          `explain (analyze, buffers, format json) ${text}`,
          s.params as unknown[],
        );
        const plan = result.rows[0]!['QUERY PLAN'][0]!;
        out.push({
          role: /count\(\*\)/i.test(text) ? 'count' : 'page',
          executionMs: plan['Execution Time'],
          planningMs: plan['Planning Time'],
          jitMs: plan.JIT?.Timing?.Total ?? null,
          settings: [...settings].map(([name, value]) => `${name} = ${value}`),
          tree: renderTree(plan.Plan),
          summary: summarizePlan(plan.Plan),
        });
      }
    }
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
  return out;
}

function nodeLabel(n: PlanNode): string {
  const on = n['Index Name']
    ? ` using ${n['Index Name']}`
    : n['Relation Name']
      ? ` on ${n['Relation Name']}`
      : '';
  return `${n['Node Type']}${on}`;
}

function nodeDetails(n: PlanNode): string {
  const d: string[] = [];
  const loops = n['Actual Loops'] ?? 1;
  d.push(`rows=${n['Actual Rows'] ?? '?'}${loops > 1 ? `×${loops}` : ''} (est ${n['Plan Rows'] ?? '?'})`);
  if (n['Actual Total Time'] !== undefined) d.push(`${n['Actual Total Time'].toFixed(1)} ms`);
  if (n['Rows Removed by Filter']) d.push(`removed by filter ${n['Rows Removed by Filter']}`);
  if (n['Rows Removed by Index Recheck']) d.push(`removed by recheck ${n['Rows Removed by Index Recheck']}`);
  if (n['Exact Heap Blocks'] || n['Lossy Heap Blocks'])
    d.push(`heap blocks exact=${n['Exact Heap Blocks'] ?? 0} lossy=${n['Lossy Heap Blocks'] ?? 0}`);
  const hit = n['Shared Hit Blocks'] ?? 0;
  const read = n['Shared Read Blocks'] ?? 0;
  if (hit || read) d.push(`buffers hit=${hit} read=${read}`);
  if (n['Workers Launched']) d.push(`${n['Workers Launched']} workers`);
  if (n['Sort Method']) d.push(n['Sort Method']);
  return d.join(', ');
}

function renderTree(root: PlanNode): string {
  const lines: string[] = [];
  const walk = (n: PlanNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${depth ? '-> ' : ''}${nodeLabel(n)}  [${nodeDetails(n)}]`);
    const cond = n['Index Cond'] ?? n['Recheck Cond'];
    if (cond) lines.push(`${'  '.repeat(depth + 2)}cond: ${shorten(cond)}`);
    if (n.Filter) lines.push(`${'  '.repeat(depth + 2)}filter: ${shorten(n.Filter)}`);
    for (const child of n.Plans ?? []) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n');
}

/** Private-use characters (the tokens' namespaces) shown as ⟨F⟩ ⟨N⟩ ⟨$⟩, long conditions cut. */
function shorten(text: string): string {
  const visible = text
    .replace(/\uE000/g, '⟨$⟩')
    .replace(/\uE001/g, '⟨F⟩')
    .replace(/\uE002/g, '⟨N⟩');
  return visible.length > 160 ? `${visible.slice(0, 157)}…` : visible;
}

/** The scan nodes (leaves) with their rows and time: where a plan spends its effort. */
function summarizePlan(root: PlanNode): string {
  const leaves: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    if (!n.Plans?.length || /Scan/.test(n['Node Type'])) leaves.push(n);
    for (const child of n.Plans ?? []) if (!/Scan/.test(n['Node Type'])) walk(child);
    if (/Bitmap Heap Scan/.test(n['Node Type'])) for (const child of n.Plans ?? []) walk(child);
  };
  walk(root);
  return leaves.map((n) => `${nodeLabel(n)} [${nodeDetails(n)}]`).join('; ');
}
