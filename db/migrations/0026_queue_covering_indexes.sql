DROP INDEX "applications_township_queue";--> statement-breakpoint
DROP INDEX "applications_state_queue";--> statement-breakpoint
CREATE INDEX "application_documents_missing_items" ON "application_documents" USING btree ("application_id") WHERE "application_documents"."status" = 'missing';--> statement-breakpoint
CREATE INDEX "applications_township_queue" ON "applications" USING btree ("township_code","state","urgent","due_on","accepted_on","id");--> statement-breakpoint
CREATE INDEX "applications_state_queue" ON "applications" USING btree ("state","township_code","urgent","due_on","accepted_on","id");