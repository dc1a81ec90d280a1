/**
 * Runs a search plan on either engine (SPEC SR-1). The application, not the planner, chooses how:
 * PostgreSQL's estimate for a bigram tsquery is often off by orders of magnitude (it treats the
 * bigrams of one word as independent), so the executor estimates from the lexeme statistics
 * (search.stats.ts; read here by loadStats) and picks, separately for the count and for the page, the cheaper of
 *
 * - "scan": read rows in order (the sort key's btree for the page, the heap for the count) and test
 *   each one — cheap when matches are frequent, the LIMIT stops it early;
 * - "gin": build the match set from the GIN index — cheap when matches are rare.
 *
 * Counts are exact up to MAX_RESULTS (1,000) and shown as 「1,000件以上」 beyond; the page reaches the
 * first 1,000 results. See docs/decisions/0004-japanese-search.md and docs/benchmarks.md.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/client.ts';
import type { SearchPlan } from './search.plan.ts';
import { MAX_RESULTS } from './search.schemas.ts';
import { buildStats, type Estimate, estimate, type LexemeStats } from './search.stats.ts';

/** Relative costs (microseconds, measured on the benchmark machine) of the strategies' steps. */
export const COSTS = {
  /** Reading one GIN posting entry into the match bitmap. */
  posting: 0.16,
  /** Visiting one matching heap row found through the bitmap. */
  heapRow: 2,
  /** Reading one row in heap order and testing its tokens (de-TOASTing the tsvector). */
  scanRow: 9,
  /** The same through a btree, in the sort key's order (random heap access). */
  walkRow: 10,
  /** De-TOASTing the text of a candidate and checking a word of three or more characters with LIKE. */
  recheck: 9,
};

/** 'lookup': 求人番号 given — a handful of rows found by their keys; the planner needs no help. */
export type Strategy = 'scan' | 'gin' | 'lookup';

export interface SearchHits {
  /** Matches counted, at most MAX_RESULTS + 1. */
  total: number;
  /** More than MAX_RESULTS matched. */
  capped: boolean;
  jobIds: number[];
  strategy: { count: Strategy; page: Strategy };
}

export function whereClause(plan: SearchPlan): SQL {
  const conds: SQL[] = [sql`s.referral_deadline >= ${plan.deadlineFrom}::date`];
  if (plan.tsquery) conds.push(sql`s.tokens @@ ${plan.tsquery}::tsquery`);
  for (const p of plan.likeAll) conds.push(sql`s.body like ${p}`);
  if (plan.likeAny.length)
    conds.push(
      sql`(${sql.join(
        plan.likeAny.map((p) => sql`s.body like ${p}`),
        sql` or `,
      )})`,
    );
  for (const ex of plan.exclude) {
    conds.push(
      ex.like
        ? sql`not (s.tokens @@ ${ex.tsquery}::tsquery and s.body like ${ex.like})`
        : sql`not (s.tokens @@ ${ex.tsquery}::tsquery)`,
    );
  }
  for (const p of plan.employerLikes) conds.push(sql`s.employer_name like ${p}`);
  for (const p of plan.employerExcludeLikes) conds.push(sql`s.employer_name not like ${p}`);
  if (plan.wageMonthlyMin !== null) conds.push(sql`s.wage_monthly >= ${plan.wageMonthlyMin}`);
  if (plan.wageHourlyMin !== null) conds.push(sql`s.wage_hourly >= ${plan.wageHourlyMin}`);
  if (plan.annualHolidaysMin !== null) conds.push(sql`s.annual_holidays >= ${plan.annualHolidaysMin}`);
  if (plan.age !== null) conds.push(sql`s.age_min <= ${plan.age} and s.age_max >= ${plan.age}`);
  // 就業時間: one of the job's shifts lies within the asked-for hours (start ≥ from, end ≤ to).
  if (plan.hoursFrom !== null || plan.hoursTo !== null)
    conds.push(
      sql`exists (select 1 from unnest(s.shifts) h where h <@ int4range(${plan.hoursFrom}::int, ${plan.hoursTo}::int, '[)'))`,
    );
  if (plan.acceptedFrom !== null) conds.push(sql`s.accepted_on >= ${plan.acceptedFrom}::date`);
  if (plan.acceptedBefore !== null) conds.push(sql`s.accepted_on < ${plan.acceptedBefore}::date`);
  // Redundant with the prefecture token, but lets a scan read one prefecture through its btree.
  if (plan.prefectures.length) {
    conds.push(
      sql`s.prefecture_code in (${sql.join(
        plan.prefectures.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    );
  }
  if (plan.jobNumbers.length) {
    conds.push(
      sql`s.job_id in (select id from job_postings where job_number in (${sql.join(
        plan.jobNumbers.map((n) => sql`${n}`),
        sql`, `,
      )}))`,
    );
  }
  return sql.join(conds, sql` and `);
}

function orderBy(plan: SearchPlan): SQL {
  switch (plan.sort) {
    case 'deadline':
      return sql`s.referral_deadline asc, s.job_id asc`;
    case 'wage':
      return sql`s.wage_monthly desc, s.job_id desc`;
    default:
      return sql`s.accepted_on desc, s.job_id desc`;
  }
}

const rechecks = (plan: SearchPlan) =>
  plan.likeAll.length > 0 ||
  plan.likeAny.length > 0 ||
  plan.employerLikes.length > 0 ||
  plan.exclude.some((x) => x.like !== null);

/**
 * Cost of reading rows in order until `wanted` matches are found: a scan reads only the asked-for
 * prefecture's rows (through its btree) when `confined`, every row otherwise.
 */
function scanCost(
  plan: SearchPlan,
  e: Estimate,
  rows: number,
  wanted: number,
  confined: boolean,
  perRow: number,
): number {
  const readable = rows * (confined ? e.prefecture : 1);
  const matches = Math.max(e.fraction * rows, 1);
  const read = Math.min(readable, (wanted * readable) / matches);
  return read * perRow + Math.min(wanted, matches) * (rechecks(plan) ? COSTS.recheck : 0);
}

/** Cost of building the match set through GIN and visiting `visited` of its rows. */
function ginCost(plan: SearchPlan, e: Estimate, visited: number): number {
  return e.postings * COSTS.posting + visited * (COSTS.heapRow + (rechecks(plan) ? COSTS.recheck : 0));
}

/** Chooses the count strategy: scanning until MAX_RESULTS + 1 matches, or the GIN match set. */
export function countStrategy(plan: SearchPlan, e: Estimate, rows: number): Strategy {
  if (plan.jobNumbers.length) return 'lookup';
  if (!plan.tsquery) return 'scan';
  const wanted = MAX_RESULTS + 1;
  const matches = Math.max(e.fraction * rows, 1);
  const confined = plan.prefectures.length === 1;
  // One prefecture is read through its btree (random access); otherwise the heap in order.
  const scan = scanCost(plan, e, rows, wanted, confined, confined ? COSTS.walkRow : COSTS.scanRow);
  return scan < ginCost(plan, e, Math.min(matches, wanted)) ? 'scan' : 'gin';
}

/** Chooses the page strategy once the (capped) count is known. */
export function pageStrategy(plan: SearchPlan, e: Estimate, rows: number, counted: number): Strategy {
  if (plan.jobNumbers.length) return 'lookup';
  if (!plan.tsquery) return 'scan';
  // Few matches: collecting them all and sorting is bounded and cheap.
  if (counted <= MAX_RESULTS) return 'gin';
  const matches = Math.max(e.fraction * rows, counted);
  // Newest first can read one prefecture in order through its btree; other orders read every row.
  const confined = plan.sort === 'new';
  const scan = scanCost(
    plan,
    { ...e, fraction: matches / rows },
    rows,
    plan.offset + plan.limit,
    confined,
    COSTS.walkRow,
  );
  return scan < ginCost(plan, e, matches) ? 'scan' : 'gin';
}

/**
 * Planner settings, by name (SET LOCAL: they end with the transaction). They steer how PostgreSQL
 * runs a statement, never which rows it finds.
 */
export type Settings = Readonly<Record<string, string>>;

/** For every statement of a search: short queries — no JIT compilation, no parallel workers, an exact (not lossy) match bitmap. */
export function searchSettings(): Settings {
  return { jit: 'off', max_parallel_workers_per_gather: '0', work_mem: '64MB' };
}

/** The settings that make PostgreSQL run one statement with the chosen strategy. Pure. */
export function strategySettings(strategy: Strategy, ordered: boolean, confined: boolean): Settings {
  if (strategy === 'lookup') return {};
  if (strategy === 'gin') return { enable_seqscan: 'off', enable_indexscan: 'off', enable_bitmapscan: 'on' };
  // Scans: the page walks the sort key's btree (or the prefecture's); the count reads the heap in
  // order, or the one prefecture's rows through its btree.
  const index = ordered || confined;
  return {
    enable_bitmapscan: 'off',
    enable_seqscan: index ? 'off' : 'on',
    enable_indexscan: index ? 'on' : 'off',
    enable_sort: ordered ? 'off' : 'on',
  };
}

/**
 * Applies settings for the rest of the transaction, all in one round trip: set_config(…, true) is
 * SET LOCAL (names and values come from this file, never from input, and travel as parameters).
 */
export async function applySettings(tx: Transaction, settings: Settings): Promise<void> {
  const entries = Object.entries(settings);
  if (entries.length === 0) return;
  const calls = sql.join(
    entries.map(([name, value]) => sql`set_config(${name}, ${value}, true)`),
    sql`, `,
  );
  await tx.execute(sql`select ${calls}`);
}

/** One statement of a search: how it runs, and the settings that make PostgreSQL run it so. */
export interface Step {
  strategy: Strategy;
  settings: Settings;
}

/** A scan may read the one 都道府県 asked for through its btree. */
function confinedTo(plan: SearchPlan): boolean {
  return plan.prefectures.length === 1;
}

/** Above this many expected matches, a single GIN pass with a window count is not tried. */
const ONE_PASS_MAX = 20_000;

/**
 * Moderately many matches expected (more than MAX_RESULTS, at most ONE_PASS_MAX) that GIN collects
 * cheaper than a walk for the page asked for: one pass gives the page and the count. Null: count,
 * then page. (Without a keyword or filter token the page strategy is a scan, with 求人番号 a lookup.)
 */
export function onePassStep(plan: SearchPlan, e: Estimate, rows: number): Step | null {
  const expected = e.fraction * rows;
  if (expected <= MAX_RESULTS || expected > ONE_PASS_MAX) return null;
  const step = pageStep(plan, e, rows, expected);
  return step.strategy === 'gin' ? step : null;
}

/** The count: up to MAX_RESULTS + 1 matches, unordered. */
export function countStep(plan: SearchPlan, e: Estimate, rows: number): Step {
  const strategy = countStrategy(plan, e, rows);
  return { strategy, settings: strategySettings(strategy, false, confinedTo(plan)) };
}

/** The page of more than MAX_RESULTS matches, in the asked-for order. */
export function pageStep(plan: SearchPlan, e: Estimate, rows: number, counted: number): Step {
  const strategy = pageStrategy(plan, e, rows, counted);
  return { strategy, settings: strategySettings(strategy, true, confinedTo(plan)) };
}

const CACHE_MS = 10 * 60_000;
const cache = new WeakMap<object, { at: number; stats: Promise<LexemeStats> }>();

/** The statistics, refreshed every ten minutes per database (ANALYZE and autovacuum update them). */
export function loadStats(db: Executor, now = Date.now()): Promise<LexemeStats> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_MS) return hit.stats;
  const stats = readStats(db);
  cache.set(db, { at: now, stats });
  stats.catch(() => cache.delete(db));
  return stats;
}

async function readStats(db: Executor): Promise<LexemeStats> {
  const [table] = await queryRows<{ rows: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as rows from pg_class where oid = 'job_search'::regclass`,
  );
  let rows = Number(table?.rows ?? 0);
  if (rows < 1000) {
    // Small or never analysed (a fresh demo database): counting is cheap and exact.
    const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from job_search`);
    rows = Number(counted?.n ?? 0);
  }
  const [mce] = await queryRows<{ elems: string[] | null; freqs: number[] | null }>(
    db,
    sql`select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
        from pg_stats where schemaname = current_schema() and tablename = 'job_search' and attname = 'tokens'`,
  );
  return buildStats(Math.max(rows, 1), mce?.elems ?? [], (mce?.freqs ?? []).map(Number));
}

/**
 * Runs a plan: at most two statements on job_search, in one transaction. `now` (the caller's clock)
 * decides when the cached statistics are read again.
 */
export async function searchJobs(db: Database, plan: SearchPlan, now = Date.now()): Promise<SearchHits> {
  const stats = await loadStats(db, now);
  const e = estimate(plan, stats);
  const where = whereClause(plan);
  const onePass = onePassStep(plan, e, stats.rows);
  const count = countStep(plan, e, stats.rows);
  return db.transaction(async (tx) => {
    // The settings of every statement and those of the first one travel together.
    await applySettings(tx, { ...searchSettings(), ...(onePass ?? count).settings });

    if (onePass) {
      const rows = await queryRows<{ job_id: number; n: number }>(
        tx,
        sql`select s.job_id, count(*) over ()::int as n from job_search s where ${where}
            order by ${orderBy(plan)} limit ${plan.limit} offset ${plan.offset}`,
      );
      if (rows.length > 0) {
        const total = Math.min(Number(rows[0]!.n), MAX_RESULTS + 1);
        const jobIds = rows.map((r) => Number(r.job_id));
        return { total, capped: total > MAX_RESULTS, jobIds, strategy: { count: 'gin', page: 'gin' } };
      }
      // An empty page (no match, or a page past the end): count as usual below.
    }

    // Count up to MAX_RESULTS + 1 and, should they be all, page them in the same statement: one row
    // comes back (the count and the page's ids in order), not the matches themselves.
    if (onePass) await applySettings(tx, count.settings);
    const [counted] = await queryRows<{ n: number; ids: number[] }>(
      tx,
      sql`with m as materialized (
            select s.job_id, s.accepted_on, s.referral_deadline, s.wage_monthly
            from job_search s where ${where} limit ${MAX_RESULTS + 1})
          select (select count(*)::int from m) as n,
                 array(select s.job_id from m s order by ${orderBy(plan)}
                       limit ${plan.limit} offset ${plan.offset})::int[] as ids`,
    );
    const total = Number(counted?.n ?? 0);
    if (total <= MAX_RESULTS) {
      return {
        total,
        capped: false,
        jobIds: (counted?.ids ?? []).map(Number),
        strategy: { count: count.strategy, page: count.strategy },
      };
    }
    const page = pageStep(plan, e, stats.rows, total);
    await applySettings(tx, page.settings);
    const rows = await queryRows<{ job_id: number }>(
      tx,
      sql`select s.job_id from job_search s where ${where} order by ${orderBy(plan)} limit ${plan.limit} offset ${plan.offset}`,
    );
    return {
      total,
      capped: true,
      jobIds: rows.map((r) => Number(r.job_id)),
      strategy: { count: count.strategy, page: page.strategy },
    };
  });
}
