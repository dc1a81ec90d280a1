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
  strategy: { count: Taken; page: Taken };
}

/** How a statement was answered: a strategy, or a bounded scan that stopped short and GIN after it. */
export type Taken = Strategy | 'scan→gin';

/** Jobs whose 紹介期限日 has passed never show. */
const deadlineCondition = (plan: SearchPlan): SQL => sql`s.referral_deadline >= ${plan.deadlineFrom}::date`;

/** The asked-for 都道府県, as a condition a btree can answer (none when any prefecture will do). */
const prefectureCondition = (plan: SearchPlan): SQL[] =>
  plan.prefectures.length
    ? [
        sql`s.prefecture_code in (${sql.join(
          plan.prefectures.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      ]
    : [];

export function whereClause(plan: SearchPlan): SQL {
  const conds: SQL[] = [deadlineCondition(plan)];
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
  conds.push(...prefectureCondition(plan));
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
 * Rows read in order until `wanted` matches are found: a scan reads only the asked-for prefecture's
 * rows (through its btree) when `confined`, every row otherwise.
 */
function scanRows(e: Estimate, rows: number, wanted: number, confined: boolean) {
  const readable = rows * (confined ? e.prefecture : 1);
  const matches = Math.max(e.fraction * rows, 1);
  return {
    readable,
    read: Math.min(readable, (wanted * readable) / matches),
    found: Math.min(wanted, matches),
  };
}

/** Cost of building the match set through GIN and visiting `visited` of its rows. */
function ginCost(plan: SearchPlan, e: Estimate, visited: number): number {
  return e.postings * COSTS.posting + visited * (COSTS.heapRow + (rechecks(plan) ? COSTS.recheck : 0));
}

/** The smallest bound a scan gets: below it a fallback would cost more than the rows it saves. */
export const MIN_SCAN_BOUND = 2_000;

/**
 * A scan is chosen only when its estimate is below GIN's divided by this. The estimate a scan is
 * judged by is optimistic: the matches are an upper bound (a word is taken as frequent as its
 * rarest bigram), so the rows it must read are a lower bound (カンゴシ: 30,000 rows read for an
 * expected 7,700). GIN's cost is mostly its posting lists, whose lengths the statistics know.
 */
export const SCAN_MARGIN = 2;

/**
 * How many rows a scan may read before GIN answers instead: the rows whose cost equals GIN's (at
 * least MIN_SCAN_BOUND), so a wrong estimate costs at most about twice what GIN alone would have.
 * Null: the bound would not stop the scan before the end of what it reads.
 */
export function scanBound(readable: number, gin: number, perRow: number): number | null {
  const bound = Math.ceil(Math.max(gin / perRow, MIN_SCAN_BOUND));
  return bound < readable ? bound : null;
}

interface Choice {
  strategy: Strategy;
  /** For a scan: the rows it may read before GIN answers instead (null: no bound). */
  bound: number | null;
}

const LOOKUP: Choice = { strategy: 'lookup', bound: null };
/** Without a keyword or filter token there is no GIN alternative: the scan reads as far as it must. */
const SCAN: Choice = { strategy: 'scan', bound: null };
const GIN_CHOICE: Choice = { strategy: 'gin', bound: null };

/** A scan of `rows` at `perRow` µs (a recheck for each match found) against GIN's `gin` µs. */
function scanOrGin(plan: SearchPlan, rows: ReturnType<typeof scanRows>, perRow: number, gin: number): Choice {
  const scan = rows.read * perRow + rows.found * (rechecks(plan) ? COSTS.recheck : 0);
  return scan * SCAN_MARGIN < gin
    ? { strategy: 'scan', bound: scanBound(rows.readable, gin, perRow) }
    : GIN_CHOICE;
}

/** The count: scanning until MAX_RESULTS + 1 matches (bounded), or the GIN match set. */
function countChoice(plan: SearchPlan, e: Estimate, rows: number): Choice {
  if (plan.jobNumbers.length) return LOOKUP;
  if (!plan.tsquery) return SCAN;
  const wanted = MAX_RESULTS + 1;
  const confined = confinedTo(plan);
  // One prefecture is read through its btree (random access); otherwise the heap in order.
  const perRow = confined ? COSTS.walkRow : COSTS.scanRow;
  const scanned = scanRows(e, rows, wanted, confined);
  return scanOrGin(plan, scanned, perRow, ginCost(plan, e, scanned.found));
}

/** The page, once the (capped) count is known: walking the asked-for order (bounded), or GIN. */
function pageChoice(plan: SearchPlan, e: Estimate, rows: number, counted: number): Choice {
  if (plan.jobNumbers.length) return LOOKUP;
  if (!plan.tsquery) return SCAN;
  // Few matches: collecting them all and sorting is bounded and cheap.
  if (counted <= MAX_RESULTS) return GIN_CHOICE;
  const matches = Math.max(e.fraction * rows, counted);
  // Newest first can read one prefecture in order through its btree; other orders read every row.
  const confined = plan.sort === 'new';
  const walked = scanRows({ ...e, fraction: matches / rows }, rows, plan.offset + plan.limit, confined);
  return scanOrGin(plan, walked, COSTS.walkRow, ginCost(plan, e, matches));
}

/** Chooses the count strategy: scanning until MAX_RESULTS + 1 matches, or the GIN match set. */
export function countStrategy(plan: SearchPlan, e: Estimate, rows: number): Strategy {
  return countChoice(plan, e, rows).strategy;
}

/** Chooses the page strategy once the (capped) count is known. */
export function pageStrategy(plan: SearchPlan, e: Estimate, rows: number, counted: number): Strategy {
  return pageChoice(plan, e, rows, counted).strategy;
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
  /** A scan reads at most this many rows in order, then GIN answers instead; null: no bound. */
  bound: number | null;
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

const step = (plan: SearchPlan, c: Choice, ordered: boolean): Step => ({
  ...c,
  settings: strategySettings(c.strategy, ordered, confinedTo(plan)),
});

/** The count: up to MAX_RESULTS + 1 matches, unordered. */
export function countStep(plan: SearchPlan, e: Estimate, rows: number): Step {
  return step(plan, countChoice(plan, e, rows), false);
}

/** The page of more than MAX_RESULTS matches, in the asked-for order. */
export function pageStep(plan: SearchPlan, e: Estimate, rows: number, counted: number): Step {
  return step(plan, pageChoice(plan, e, rows, counted), true);
}

/** What a search chose, before running: the one pass (or null), the count, and the page for a count. */
export interface Steps {
  onePass: Step | null;
  count: Step;
  page: (counted: number) => Step;
}

export function chooseSteps(plan: SearchPlan, stats: LexemeStats): Steps {
  const e = estimate(plan, stats);
  return {
    onePass: onePassStep(plan, e, stats.rows),
    count: countStep(plan, e, stats.rows),
    page: (counted) => pageStep(plan, e, stats.rows, counted),
  };
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
 * Runs a plan: at most two statements on job_search in one transaction, or three when a bounded
 * scan stops short and GIN answers instead. `now` (the caller's clock) decides when the cached
 * statistics are read again.
 */
export async function searchJobs(db: Database, plan: SearchPlan, now = Date.now()): Promise<SearchHits> {
  return runSteps(db, plan, chooseSteps(plan, await loadStats(db, now)));
}

/**
 * The rows a statement reads: all of job_search, or for a bounded scan only the first `bound` rows
 * still open (in the asked-for order when `ordered`, of the asked-for 都道府県 when there are any).
 * PostgreSQL never moves the search's conditions below the LIMIT, so they test exactly those rows.
 */
function source(plan: SearchPlan, bound: number | null, ordered: boolean): SQL {
  if (bound === null) return sql`job_search s`;
  const conds = [deadlineCondition(plan), ...prefectureCondition(plan)];
  return sql`(select s.* from job_search s where ${sql.join(conds, sql` and `)}
              ${ordered ? sql`order by ${orderBy(plan)}` : sql``} limit ${bound}) s`;
}

/** Counts up to MAX_RESULTS + 1 and, should they be all, the page's ids in order: one row comes back, not the matches. */
async function countRows(tx: Transaction, plan: SearchPlan, where: SQL, bound: number | null) {
  const [counted] = await queryRows<{ n: number; ids: number[] }>(
    tx,
    sql`with m as materialized (
          select s.job_id, s.accepted_on, s.referral_deadline, s.wage_monthly
          from ${source(plan, bound, false)} where ${where} limit ${MAX_RESULTS + 1})
        select (select count(*)::int from m) as n,
               array(select s.job_id from m s order by ${orderBy(plan)}
                     limit ${plan.limit} offset ${plan.offset})::int[] as ids`,
  );
  return { total: Number(counted?.n ?? 0), ids: (counted?.ids ?? []).map(Number) };
}

async function pageRows(tx: Transaction, plan: SearchPlan, where: SQL, bound: number | null) {
  const rows = await queryRows<{ job_id: number }>(
    tx,
    sql`select s.job_id from ${source(plan, bound, true)} where ${where}
        order by ${orderBy(plan)} limit ${plan.limit} offset ${plan.offset}`,
  );
  return rows.map((r) => Number(r.job_id));
}

/** Runs the chosen steps (searchJobs; tests give steps of their own to reach every path). */
export async function runSteps(db: Database, plan: SearchPlan, steps: Steps): Promise<SearchHits> {
  const where = whereClause(plan);
  const { onePass, count } = steps;
  const gin = (ordered: boolean) => strategySettings('gin', ordered, confinedTo(plan));
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
      await applySettings(tx, count.settings);
    }

    let counted = await countRows(tx, plan, where, count.bound);
    let countTaken: Taken = count.strategy;
    if (count.bound !== null && counted.total <= MAX_RESULTS) {
      // The scan stopped at its bound with fewer matches than it expected: GIN counts them all.
      await applySettings(tx, gin(false));
      counted = await countRows(tx, plan, where, null);
      countTaken = 'scan→gin';
    }
    if (counted.total <= MAX_RESULTS) {
      return {
        total: counted.total,
        capped: false,
        jobIds: counted.ids,
        strategy: { count: countTaken, page: countTaken },
      };
    }
    const page = steps.page(counted.total);
    await applySettings(tx, page.settings);
    let jobIds = await pageRows(tx, plan, where, page.bound);
    let pageTaken: Taken = page.strategy;
    if (page.bound !== null && jobIds.length < plan.limit) {
      // More than MAX_RESULTS match, so the page is full: the walk stopped at its bound short of it.
      await applySettings(tx, gin(true));
      jobIds = await pageRows(tx, plan, where, null);
      pageTaken = 'scan→gin';
    }
    return { total: counted.total, capped: true, jobIds, strategy: { count: countTaken, page: pageTaken } };
  });
}
