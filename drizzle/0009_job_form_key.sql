ALTER TABLE "job_postings" ADD COLUMN "form_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "job_postings_form_key_idx" ON "job_postings" USING btree ("employer_id","form_key");