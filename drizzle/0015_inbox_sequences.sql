CREATE TABLE "inbox_sequences" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "inbox_sequences" ADD CONSTRAINT "inbox_sequences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_messages_recipient_seq_key" ON "inbox_messages" USING btree ("recipient_account_id","seq");