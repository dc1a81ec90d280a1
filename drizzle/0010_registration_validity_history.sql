CREATE TABLE "registration_validity_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"previous_valid_until" date,
	"valid_until" date NOT NULL,
	"cause" text NOT NULL,
	"source_id" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid,
	CONSTRAINT "registration_validity_history_cause_check" CHECK ("registration_validity_history"."cause" in ('application', 'counselling', 'renewal', 'referral', 'direct_application'))
);
--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "closed_cause" text;--> statement-breakpoint
ALTER TABLE "registration_validity_history" ADD CONSTRAINT "registration_validity_history_seeker_id_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_validity_history" ADD CONSTRAINT "registration_validity_history_changed_by_accounts_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_validity_history_seeker_idx" ON "registration_validity_history" USING btree ("seeker_id","changed_at");--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_closed_cause_check" CHECK ("job_postings"."closed_cause" is null or "job_postings"."closed_cause" in ('invalid', 'withdrawn', 'expired'));--> statement-breakpoint
-- Hand-written: jobs closed before this migration were closed by staff with the status as cause.
UPDATE "job_postings" SET "closed_cause" = "status" WHERE "status" IN ('invalid', 'withdrawn');
