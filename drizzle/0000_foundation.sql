CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"opened_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"mfa_enabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accounts_role_check" CHECK ("accounts"."role" in ('seeker', 'employer', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_number" text NOT NULL,
	"office_code" char(5) NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"postal_code" text NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"industry_code" char(1) NOT NULL,
	"employees_total" integer NOT NULL,
	"employees_at_workplace" integer NOT NULL,
	"business_description" text DEFAULT '' NOT NULL,
	"account_id" uuid,
	"mypage_opened_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employers_establishmentNumber_unique" UNIQUE("establishment_number"),
	CONSTRAINT "employers_accountId_unique" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "job_postings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_number" text,
	"employer_id" uuid NOT NULL,
	"office_code" char(5) NOT NULL,
	"status" text NOT NULL,
	"accepted_on" date,
	"referral_deadline" date,
	"closed_on" date,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"work_style" text NOT NULL,
	"employment_type" text NOT NULL,
	"employment_period" jsonb NOT NULL,
	"description" text NOT NULL,
	"occupation_code" char(2) NOT NULL,
	"industry_code" char(1) NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"city" text NOT NULL,
	"workplace_address" text NOT NULL,
	"nearest_station" text DEFAULT '' NOT NULL,
	"station_walk_minutes" integer,
	"age_min" integer,
	"age_max" integer,
	"age_limit_reason" text DEFAULT '' NOT NULL,
	"education" text,
	"experience" text,
	"license" text,
	"trial_period" text DEFAULT '' NOT NULL,
	"wage_type" text NOT NULL,
	"wage_min" integer NOT NULL,
	"wage_max" integer NOT NULL,
	"base_pay_min" integer NOT NULL,
	"base_pay_max" integer NOT NULL,
	"fixed_allowances" jsonb NOT NULL,
	"fixed_overtime" jsonb,
	"commute_allowance" text DEFAULT '' NOT NULL,
	"has_bonus" boolean NOT NULL,
	"bonus_detail" text DEFAULT '' NOT NULL,
	"work_hours" jsonb NOT NULL,
	"work_hours_note" text DEFAULT '' NOT NULL,
	"has_overtime" boolean NOT NULL,
	"overtime_monthly_hours" integer,
	"break_minutes" integer NOT NULL,
	"annual_holidays" integer NOT NULL,
	"holidays" text NOT NULL,
	"weekly_two_days_off" text NOT NULL,
	"insurances" text[] NOT NULL,
	"retirement_age" integer,
	"openings" integer NOT NULL,
	"selection_methods" text[] NOT NULL,
	"result_notice_days" integer NOT NULL,
	"application_documents" text[] NOT NULL,
	"document_methods" text[] NOT NULL,
	"accepts_online_application" boolean NOT NULL,
	"publication_scope" text NOT NULL,
	"features" text[] NOT NULL,
	"special_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_postings_jobNumber_unique" UNIQUE("job_number"),
	CONSTRAINT "job_postings_status_check" CHECK ("job_postings"."status" in ('draft', 'submitted', 'open', 'invalid', 'withdrawn')),
	CONSTRAINT "job_postings_category_check" CHECK ("job_postings"."category" in ('general', 'new_graduate', 'seasonal', 'disability')),
	CONSTRAINT "job_postings_work_style_check" CHECK ("job_postings"."work_style" in ('full_time', 'part_time')),
	CONSTRAINT "job_postings_employment_type_check" CHECK ("job_postings"."employment_type" in ('regular', 'non_regular', 'fixed_term_dispatch', 'indefinite_dispatch')),
	CONSTRAINT "job_postings_wage_type_check" CHECK ("job_postings"."wage_type" in ('monthly', 'daily', 'hourly')),
	CONSTRAINT "job_postings_wage_range_check" CHECK ("job_postings"."wage_min" <= "job_postings"."wage_max"),
	CONSTRAINT "job_postings_scope_check" CHECK ("job_postings"."publication_scope" in ('full', 'anonymous', 'private')),
	CONSTRAINT "job_postings_accepted_check" CHECK ("job_postings"."status" in ('draft', 'submitted') or ("job_postings"."job_number" is not null and "job_postings"."accepted_on" is not null and "job_postings"."referral_deadline" is not null))
);
--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"scope" text PRIMARY KEY NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"code" char(5) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seekers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"seeker_number" text,
	"office_code" char(5),
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"birth_date" date NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"applied_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"expiry_warned_for" date,
	"desired" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seekers_accountId_unique" UNIQUE("account_id"),
	CONSTRAINT "seekers_seekerNumber_unique" UNIQUE("seeker_number"),
	CONSTRAINT "seekers_kind_check" CHECK ("seekers"."kind" in ('registered', 'internet')),
	CONSTRAINT "seekers_registered_number_check" CHECK ("seekers"."kind" = 'internet' or ("seekers"."seeker_number" is not null and "seekers"."office_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"office_code" char(5) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_members_accountId_unique" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "captured_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_search" (
	"job_id" integer PRIMARY KEY NOT NULL,
	"accepted_on" date NOT NULL,
	"referral_deadline" date NOT NULL,
	"wage_monthly" integer NOT NULL,
	"wage_hourly" integer NOT NULL,
	"annual_holidays" smallint NOT NULL,
	"age_min" smallint NOT NULL,
	"age_max" smallint NOT NULL,
	"hours_start" smallint NOT NULL,
	"hours_end" smallint NOT NULL,
	"tokens" "tsvector" NOT NULL,
	"body" text NOT NULL,
	"employer_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seekers" ADD CONSTRAINT "seekers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seekers" ADD CONSTRAINT "seekers_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_search" ADD CONSTRAINT "job_search_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_role_email_key" ON "accounts" USING btree ("role","email");--> statement-breakpoint
CREATE INDEX "employers_office_idx" ON "employers" USING btree ("office_code");--> statement-breakpoint
CREATE INDEX "job_postings_employer_idx" ON "job_postings" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "job_postings_status_idx" ON "job_postings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "seekers_valid_until_idx" ON "seekers" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_last_seen_idx" ON "sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "job_search_tokens_idx" ON "job_search" USING gin ("tokens") WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "job_search_accepted_idx" ON "job_search" USING btree ("accepted_on","job_id");--> statement-breakpoint
CREATE INDEX "job_search_deadline_idx" ON "job_search" USING btree ("referral_deadline","job_id");--> statement-breakpoint
CREATE INDEX "job_search_wage_idx" ON "job_search" USING btree ("wage_monthly","job_id");