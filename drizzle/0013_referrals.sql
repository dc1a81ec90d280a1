CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"job_id" integer NOT NULL,
	"office_code" char(5) NOT NULL,
	"sent_by" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"apply_by" date NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"applied_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "referrals_state_check" CHECK ("referrals"."state" in ('sent', 'applied', 'declined', 'expired', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_seeker_id_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_staff_members_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_live_key" ON "referrals" USING btree ("seeker_id","job_id") WHERE "referrals"."state" = 'sent';--> statement-breakpoint
CREATE INDEX "referrals_seeker_idx" ON "referrals" USING btree ("seeker_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_job_idx" ON "referrals" USING btree ("job_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_batch_idx" ON "referrals" USING btree ("batch_id");