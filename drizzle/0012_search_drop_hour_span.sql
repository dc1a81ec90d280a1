ALTER TABLE "job_search" DROP COLUMN "hours_start";--> statement-breakpoint
ALTER TABLE "job_search" DROP COLUMN "hours_end";