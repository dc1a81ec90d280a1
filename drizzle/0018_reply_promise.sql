ALTER TABLE "applications" ADD COLUMN "reply_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "reply_reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "applications_reply_due_idx" ON "applications" USING btree ("reply_due_on") WHERE "applications"."state" = 'applied' and "applications"."reply_due_on" is not null;--> statement-breakpoint
-- Hand-written (ADR 0023): the 回答予定日 of applications made before this migration, as
-- replyDueOn (src/modules/applications/reply.rules.ts) computes it for new ones: the Tokyo date of
-- 「応募」 plus the 選考結果通知 days of the 求人票 as applied (the snapshot), or the job's own days
-- when the snapshot lacks them; none when the days are 0. Tokyo is UTC+9 without daylight saving,
-- so its date is the UTC date of applied_at + 9 hours (no time-zone data needed on either engine).
UPDATE "applications" AS "a"
SET "reply_due_on" = (("a"."applied_at" AT TIME ZONE 'UTC') + interval '9 hours')::date + "d"."days"
FROM (
  SELECT "app"."id", coalesce(
    CASE WHEN jsonb_typeof("app"."job_snapshot" #> '{view,job,resultNoticeDays}') = 'number'
      THEN ("app"."job_snapshot" #>> '{view,job,resultNoticeDays}')::numeric::int END,
    "j"."result_notice_days"
  ) AS "days"
  FROM "applications" AS "app"
  JOIN "job_postings" AS "j" ON "j"."id" = "app"."job_id"
) AS "d"
WHERE "d"."id" = "a"."id" AND "d"."days" > 0;
