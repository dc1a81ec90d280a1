-- Keep job_search rows narrow: the tsvector and the normalised text move to TOAST, so scans and
-- bitmap heap visits read about 200 bytes per row instead of 700 (docs/decisions/0004).
ALTER TABLE "job_search" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "job_search" ALTER COLUMN "body" SET STORAGE EXTERNAL;--> statement-breakpoint
-- A longer list of most common lexemes, from which the search executor estimates match counts.
ALTER TABLE "job_search" ALTER COLUMN "tokens" SET STATISTICS 1000;
