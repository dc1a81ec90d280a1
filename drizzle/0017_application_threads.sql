CREATE TABLE "interview_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" integer GENERATED ALWAYS AS IDENTITY (sequence name "interview_offers_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"booked_slot_id" uuid,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interview_offers_mode_check" CHECK ("interview_offers"."mode" in ('in_person', 'online')),
	CONSTRAINT "interview_offers_state_check" CHECK ("interview_offers"."state" in ('open', 'booked', 'declined', 'cancelled', 'superseded')),
	CONSTRAINT "interview_offers_booked_check" CHECK (("interview_offers"."state" <> 'booked' or "interview_offers"."booked_slot_id" is not null) and ("interview_offers"."state" <> 'open' or "interview_offers"."booked_slot_id" is null))
);
--> statement-breakpoint
CREATE TABLE "interview_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thread_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" integer GENERATED ALWAYS AS IDENTITY (sequence name "thread_entries_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_account_id" uuid NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"offer_id" uuid,
	"slot_id" uuid,
	"key" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "thread_entries_author_check" CHECK ("thread_entries"."author" in ('seeker', 'employer')),
	CONSTRAINT "thread_entries_kind_check" CHECK ("thread_entries"."kind" in ('text', 'slots_offered', 'slot_booked', 'slots_declined', 'booking_cancelled')),
	CONSTRAINT "thread_entries_offer_check" CHECK (("thread_entries"."kind" = 'text') = ("thread_entries"."offer_id" is null))
);
--> statement-breakpoint
ALTER TABLE "inbox_messages" DROP CONSTRAINT "inbox_messages_sender_check";--> statement-breakpoint
ALTER TABLE "interview_offers" ADD CONSTRAINT "interview_offers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_offer_id_interview_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."interview_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_entries" ADD CONSTRAINT "thread_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_entries" ADD CONSTRAINT "thread_entries_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_entries" ADD CONSTRAINT "thread_entries_offer_id_interview_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."interview_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_entries" ADD CONSTRAINT "thread_entries_slot_id_interview_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."interview_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interview_offers_live_key" ON "interview_offers" USING btree ("application_id") WHERE "interview_offers"."state" in ('open', 'booked');--> statement-breakpoint
CREATE UNIQUE INDEX "interview_slots_offer_start_key" ON "interview_slots" USING btree ("offer_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "thread_entries_key" ON "thread_entries" USING btree ("application_id","author","key");--> statement-breakpoint
CREATE INDEX "thread_entries_application_idx" ON "thread_entries" USING btree ("application_id","serial");--> statement-breakpoint
CREATE INDEX "thread_entries_unread_idx" ON "thread_entries" USING btree ("application_id","author") WHERE "thread_entries"."read_at" is null;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_sender_check" CHECK ("inbox_messages"."sender_kind" in ('hello_work', 'employer', 'seeker'));