-- 都道府県 on the search row, with a btree that reads one prefecture's jobs newest first.
-- Added nullable, filled from the jobs, then made NOT NULL. The GIN index is dropped during the
-- backfill and rebuilt once: updating it row by row costs about a millisecond per job.
ALTER TABLE "job_search" ADD COLUMN "prefecture_code" char(2);--> statement-breakpoint
DROP INDEX IF EXISTS "job_search_tokens_idx";--> statement-breakpoint
UPDATE "job_search" s SET "prefecture_code" = p."prefecture_code" FROM "job_postings" p WHERE p."id" = s."job_id";--> statement-breakpoint
ALTER TABLE "job_search" ALTER COLUMN "prefecture_code" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "job_search_tokens_idx" ON "job_search" USING gin ("tokens") WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "job_search_prefecture_accepted_idx" ON "job_search" USING btree ("prefecture_code","accepted_on","job_id");
