CREATE TABLE "unannounced_draw" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"k" integer NOT NULL,
	"place_kinds" text[] NOT NULL,
	"weighting" text NOT NULL,
	"risk_year" integer,
	"pool" jsonb NOT NULL,
	"seed" text NOT NULL,
	"seed_hash" text NOT NULL,
	"pool_hash" text NOT NULL,
	"drawn" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revealed_at" timestamp with time zone,
	"revealed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unannounced_draw_weighting_check" CHECK ("unannounced_draw"."weighting" in ('uniform','risk')),
	CONSTRAINT "unannounced_draw_k_check" CHECK ("unannounced_draw"."k" between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_revealed_by_app_user_id_fk" FOREIGN KEY ("revealed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unannounced_draw_plan_id_idx" ON "unannounced_draw" USING btree ("plan_id");