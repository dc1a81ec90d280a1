/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`) into where the busy time went: self
 * time per package or source area, and the heaviest functions. Used by `npm run bench:http` with
 * BENCH_PROFILE=1 (one profile per page) and on its own:
 *
 *   npx tsx bench/cpu-profile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  /** Share of the busy time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  idleMs: number;
  areas: ProfileShare[];
  categories: Map<Category, number>;
  functions: ProfileShare[];
}

/** The area a frame belongs to: a package, an area of src/, Node's own code, or V8's pseudo-frames. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 and native (program)';
    return `native ${functionName || '(anonymous)'}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const src = /\/src\/(modules\/[^/]+|[^/]+)/.exec(url);
  if (src) return `src/${src[1]!.replace(/\.tsx?$/, '')}`;
  return url.replace(/^file:\/\//, '');
}

/** Coarse groups of areas for a page's breakdown table. */
export const CATEGORIES = [
  'PGlite engine (wasm)',
  'PGlite protocol (JS)',
  'database client (pg, Drizzle)',
  'Hono (routing, JSX to string)',
  'app code (src/)',
  'Node (HTTP, streams, zlib)',
  'garbage collection',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function categoryOf(area: string): Category {
  if (area.startsWith('wasm://') || area === 'native wasm-to-js' || area.startsWith('native js-to-wasm'))
    return 'PGlite engine (wasm)';
  if (area === '@electric-sql/pglite') return 'PGlite protocol (JS)';
  if (/^(pg|pg-[a-z]+|drizzle-orm|postgres-[a-z]+)$/.test(area)) return 'database client (pg, Drizzle)';
  if (area === 'hono') return 'Hono (routing, JSX to string)';
  if (area.startsWith('src/')) return 'app code (src/)';
  if (area.startsWith('node:') || area.startsWith('native ') || area === '@hono/node-server')
    return 'Node (HTTP, streams, zlib)';
  if (area === 'garbage collection') return 'garbage collection';
  return 'other';
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame.url, frame.functionName);
    totalUs += us;
    if (area === '(idle)') {
      idleUs += us;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} (${area}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const ranked = (m: Map<string, number>, n: number): ProfileShare[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    areas: ranked(areas, top),
    categories: categoryShares(areas, busyUs),
    functions: ranked(functions, top),
  };
}

function categoryShares(areas: Map<string, number>, busyUs: number): Map<Category, number> {
  const shares = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
  for (const [area, us] of areas) {
    const c = categoryOf(area);
    shares.set(c, shares.get(c)! + (busyUs > 0 ? us / busyUs : 0));
  }
  return shares;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx bench/cpu-profile.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const s = summarizeProfile(readProfile(file), Number(process.argv[3] ?? 20));
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write(
    `wall ${s.wallMs.toFixed(0)} ms, busy ${s.busyMs.toFixed(0)} ms (${pct(s.busyMs / s.wallMs)}), idle ${s.idleMs.toFixed(0)} ms\n\nareas:\n`,
  );
  for (const a of s.areas) process.stdout.write(`  ${pct(a.share).padStart(7)}  ${a.name}\n`);
  process.stdout.write('\nfunctions:\n');
  for (const f of s.functions) process.stdout.write(`  ${pct(f.share).padStart(7)}  ${f.name}\n`);
}
