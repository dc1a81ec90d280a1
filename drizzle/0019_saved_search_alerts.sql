ALTER TABLE "saved_searches" ADD COLUMN "alert_frequency" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD COLUMN "alert_cutoff" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD COLUMN "alert_slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "saved_searches_alert_idx" ON "saved_searches" USING btree ("alert_slot","id") WHERE "saved_searches"."alert_frequency" <> 'off';--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_alert_check" CHECK ("saved_searches"."alert_frequency" in ('off', 'daily', 'weekly'));