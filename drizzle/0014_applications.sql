CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"draft_key" uuid,
	"application_id" uuid,
	"kind" text NOT NULL,
	"original_name" text NOT NULL,
	"file_type" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"storage_key" text,
	"position" integer NOT NULL,
	"scan_state" text DEFAULT 'pending' NOT NULL,
	"scan_attempts" integer DEFAULT 0 NOT NULL,
	"scan_finding" text,
	"scanned_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_documents_owner_check" CHECK ("application_documents"."draft_key" is not null or "application_documents"."application_id" is not null),
	CONSTRAINT "application_documents_kind_check" CHECK ("application_documents"."kind" in ('resume', 'work_history', 'job_card', 'other')),
	CONSTRAINT "application_documents_scan_check" CHECK ("application_documents"."scan_state" in ('pending', 'clean', 'withheld'))
);
--> statement-breakpoint
CREATE TABLE "application_drafts" (
	"seeker_id" uuid NOT NULL,
	"key" uuid NOT NULL,
	"referral_id" uuid,
	"job_id" integer NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"consented" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"job_id" integer NOT NULL,
	"employer_id" uuid NOT NULL,
	"route" text NOT NULL,
	"referral_id" uuid,
	"submit_key" uuid NOT NULL,
	"motivation" text NOT NULL,
	"remarks" text NOT NULL,
	"job_snapshot" jsonb NOT NULL,
	"documents_by_mypage" boolean NOT NULL,
	"state" text DEFAULT 'applied' NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancel_note" text,
	"decided_at" timestamp with time zone,
	"conditions_differ" boolean,
	"documents_erased_at" timestamp with time zone,
	"documents_erased_cause" text,
	CONSTRAINT "applications_route_check" CHECK ("applications"."route" in ('referral', 'direct')),
	CONSTRAINT "applications_state_check" CHECK ("applications"."state" in ('applied', 'cancelled', 'hired', 'not_hired')),
	CONSTRAINT "applications_referral_check" CHECK (("applications"."route" = 'referral') = ("applications"."referral_id" is not null)),
	CONSTRAINT "applications_erase_cause_check" CHECK ("applications"."documents_erased_cause" is null or "applications"."documents_erased_cause" in ('cancelled', 'decided', 'retention'))
);
--> statement-breakpoint
CREATE TABLE "referral_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"letter_number" text NOT NULL,
	"office_code" char(5) NOT NULL,
	"issued_on" date NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "referral_letters_applicationId_unique" UNIQUE("application_id"),
	CONSTRAINT "referral_letters_letterNumber_unique" UNIQUE("letter_number")
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_seeker_id_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_seeker_id_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_seeker_id_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_letters" ADD CONSTRAINT "referral_letters_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_letters" ADD CONSTRAINT "referral_letters_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "application_documents_draft_idx" ON "application_documents" USING btree ("seeker_id","draft_key");--> statement-breakpoint
CREATE INDEX "application_documents_scan_idx" ON "application_documents" USING btree ("scan_state");--> statement-breakpoint
CREATE UNIQUE INDEX "application_drafts_key" ON "application_drafts" USING btree ("seeker_id","key");--> statement-breakpoint
CREATE INDEX "application_drafts_updated_idx" ON "application_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_submit_key" ON "applications" USING btree ("seeker_id","submit_key");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_referral_key" ON "applications" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_active_key" ON "applications" USING btree ("seeker_id","job_id") WHERE "applications"."state" = 'applied';--> statement-breakpoint
CREATE INDEX "applications_seeker_idx" ON "applications" USING btree ("seeker_id","applied_at");--> statement-breakpoint
CREATE INDEX "applications_employer_idx" ON "applications" USING btree ("employer_id","applied_at");--> statement-breakpoint
CREATE INDEX "applications_job_idx" ON "applications" USING btree ("job_id","applied_at");--> statement-breakpoint
CREATE INDEX "referral_letters_office_idx" ON "referral_letters" USING btree ("office_code","issued_on");