CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_account_id" uuid NOT NULL,
	"sender_kind" text DEFAULT 'hello_work' NOT NULL,
	"sender_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "inbox_messages_sender_check" CHECK ("inbox_messages"."sender_kind" in ('hello_work', 'employer'))
);
--> statement-breakpoint
CREATE TABLE "mail_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_account_id" uuid,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"message_id" uuid,
	"dedupe_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"queued_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_deliveries_status_check" CHECK ("mail_deliveries"."status" in ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "locale" text DEFAULT 'ja' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_recipient_account_id_accounts_id_fk" FOREIGN KEY ("recipient_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_recipient_account_id_accounts_id_fk" FOREIGN KEY ("recipient_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_messages_recipient_idx" ON "inbox_messages" USING btree ("recipient_account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mail_deliveries_recipient_idx" ON "mail_deliveries" USING btree ("recipient_account_id","queued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mail_deliveries_to_address_idx" ON "mail_deliveries" USING btree ("to_address","queued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "mail_deliveries_dedupe_key" ON "mail_deliveries" USING btree ("dedupe_key");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_locale_check" CHECK ("accounts"."locale" in ('ja', 'en'));