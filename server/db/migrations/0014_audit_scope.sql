ALTER TABLE "audit_event" ADD COLUMN "scope" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_event_scope_idx" ON "audit_event" USING gin ("scope");