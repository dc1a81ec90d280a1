ALTER TABLE "job_search" ADD COLUMN "shifts" "int4range"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_search" ADD COLUMN "municipality_code" char(6);--> statement-breakpoint
-- Hand-written backfill (drizzle-kit does not generate data SQL): each search row's shifts from its
-- job's 就業時間 patterns ("HH:MM" pairs in job_postings.work_hours), as minute ranges; a shift ending
-- at or before its start ends the next day (+1440), as in search-index.ts. The GIN index is dropped
-- for the update and rebuilt once (updating it row by row costs about a millisecond per job).
-- municipality_code and its tokens are derived in the application from the list in geo.data.ts;
-- rows indexed before this migration get them from `npm run cli -- search:reindex` (until then a
-- 市区町村 search still matches their exact 市区町村 name, as before).
DROP INDEX IF EXISTS "job_search_tokens_idx";--> statement-breakpoint
UPDATE "job_search" s SET "shifts" = coalesce((
  SELECT array_agg(int4range(h.st, CASE WHEN h.en <= h.st THEN h.en + 1440 ELSE h.en END) ORDER BY h.n)
  FROM (
    SELECT split_part(x.e->>'start', ':', 1)::int * 60 + split_part(x.e->>'start', ':', 2)::int AS st,
           split_part(x.e->>'end', ':', 1)::int * 60 + split_part(x.e->>'end', ':', 2)::int AS en,
           x.n
    FROM jsonb_array_elements(p."work_hours") WITH ORDINALITY AS x(e, n)
  ) h
), '{}')
FROM "job_postings" p WHERE p."id" = s."job_id";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "job_search_tokens_idx" ON "job_search" USING gin ("tokens") WITH (fastupdate=off);
