/**
 * How seedJobs writes its rows. `jsonWriter` works on both engines (one INSERT … SELECT FROM
 * json_populate_recordset per batch); `copyWriter` streams COPY text to PostgreSQL, several times
 * faster, for the large benchmark data sets.
 */
import { type Column, getTableColumns, SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../db/client.ts';
import { type CopyKind, type CopyValue, copyKindOf, copyLine, tsvectorLiteral } from '../db/copy-text.ts';
import { snakeCase } from '../db/json-rows.ts';
import { employers, jobPostings } from '../db/schema/index.ts';
import { insertJobPostings, type NewJobPosting } from '../modules/jobs/jobs.repository.ts';
import type { ReadingOf } from '../modules/search/readings.ts';
import { upsertSearchRows } from '../modules/search/search.repository.ts';
import { type SearchRow, searchRow } from '../modules/search/search-index.ts';
import type { GeneratedJob, NewEmployer } from './generator.ts';

export interface SeedWriter {
  writeEmployers(rows: NewEmployer[]): Promise<void>;
  /** Postings and their search rows, with readings from `readingOf` (ADR 0035). */
  writeJobs(jobs: GeneratedJob[], readingOf: ReadingOf): Promise<void>;
}

function searchRowsFor(jobs: GeneratedJob[], ids: number[], readingOf: ReadingOf): SearchRow[] {
  const rows: SearchRow[] = [];
  jobs.forEach((j, i) => {
    if (j.posting.publicationScope === 'private') return;
    rows.push(
      searchRow(
        {
          ...(j.posting as Required<NewJobPosting>),
          id: ids[i]!,
          acceptedOn: j.posting.acceptedOn!,
          referralDeadline: j.posting.referralDeadline!,
          employerName: j.employerName,
          employeesTotal: j.employeesTotal,
        },
        readingOf,
      ),
    );
  });
  return rows;
}

export function jsonWriter(db: Executor): SeedWriter {
  return {
    async writeEmployers(rows) {
      await db.insert(employers).values(rows).onConflictDoNothing();
    },
    async writeJobs(jobs, readingOf) {
      await db.transaction(async (tx) => {
        const inserted = await insertJobPostings(
          tx,
          jobs.map((j) => j.posting),
        );
        const idByNumber = new Map(inserted.map((r) => [r.jobNumber, r.id]));
        await upsertSearchRows(
          tx,
          searchRowsFor(
            jobs,
            jobs.map((j) => idByNumber.get(j.posting.jobNumber!)!),
            readingOf,
          ),
        );
      });
    },
  };
}

/**
 * COPY names every column, so a value the generator leaves out must be the column's own default
 * (an insert would have used it): a column added with a default later (closed_reason …) is filled
 * here without touching the generator. SQL defaults (now(), gen_random_uuid()) are not expected.
 */
function copyShape(columns: Record<string, Column>) {
  const keys = Object.keys(columns);
  const defaults = keys.map((k) => {
    const d = columns[k]!.default;
    return d instanceof SQL ? undefined : (d as CopyValue);
  });
  const kinds = keys.map((k) => copyKindOf(columns[k]!.getSQLType()));
  const values = (row: Record<string, CopyValue>, override?: (key: string) => CopyValue) =>
    keys.map((k, i) => override?.(k) ?? (row[k] === undefined ? defaults[i] : row[k]));
  return { names: keys.map(snakeCase), kinds, values };
}

const employerShape = copyShape(getTableColumns(employers));
const postingShape = copyShape(getTableColumns(jobPostings));
const SEARCH_COLUMNS = [
  'job_id',
  'prefecture_code',
  'accepted_on',
  'referral_deadline',
  'wage_monthly',
  'wage_hourly',
  'annual_holidays',
  'age_min',
  'age_max',
  'shifts',
  'municipality_code',
  'tokens',
  'body',
  'employer_name',
];

const SEARCH_KINDS = SEARCH_COLUMNS.map((c) => (c === 'shifts' ? 'array' : 'scalar') as CopyKind);

async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: string[],
  lines: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    for (const line of lines) stream.write(line);
    stream.end();
  });
}

export function copyWriter(pool: pg.Pool): SeedWriter {
  return {
    async writeEmployers(rows) {
      const client = await pool.connect();
      try {
        await copyRows(
          client,
          'employers',
          employerShape.names,
          rows.map((r) =>
            copyLine(employerShape.values(r as Record<string, CopyValue>), employerShape.kinds),
          ),
        );
      } finally {
        client.release();
      }
    },
    async writeJobs(jobs, readingOf) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { rows } = await client.query<{ id: number }>(
          `select nextval(pg_get_serial_sequence('job_postings', 'id'))::int as id from generate_series(1, $1)`,
          [jobs.length],
        );
        const ids = rows.map((r) => r.id);
        await copyRows(
          client,
          'job_postings',
          postingShape.names,
          jobs.map((j, i) =>
            copyLine(
              postingShape.values(j.posting as Record<string, CopyValue>, (k) =>
                k === 'id' ? ids[i] : undefined,
              ),
              postingShape.kinds,
            ),
          ),
        );
        await copyRows(
          client,
          'job_search',
          SEARCH_COLUMNS,
          searchRowsFor(jobs, ids, readingOf).map((r) =>
            copyLine(
              [
                r.jobId,
                r.prefectureCode,
                r.acceptedOn,
                r.referralDeadline,
                r.wageMonthly,
                r.wageHourly,
                r.annualHolidays,
                r.ageMin,
                r.ageMax,
                r.shifts,
                r.municipalityCode,
                tsvectorLiteral(r.lexemes),
                r.body,
                r.employerName,
              ],
              SEARCH_KINDS,
            ),
          ),
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
