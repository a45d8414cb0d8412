CREATE TABLE "experiment_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"text" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"intervention" text DEFAULT '' NOT NULL,
	"design" text NOT NULL,
	"population" text DEFAULT '' NOT NULL,
	"planned_sample_size" integer,
	"primary_metric" text DEFAULT '' NOT NULL,
	"success_criterion" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"budget" double precision,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"ethics" text DEFAULT '' NOT NULL,
	"data_protection" text DEFAULT '' NOT NULL,
	"arms" jsonb NOT NULL,
	"outcome_kind" text NOT NULL,
	"sector" text,
	"country" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"result" text,
	"stop_reason" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"lessons_worked" text DEFAULT '' NOT NULL,
	"lessons_failed" text DEFAULT '' NOT NULL,
	"lessons_differently" text DEFAULT '' NOT NULL,
	"allocation" jsonb,
	"allocated_at" timestamp with time zone,
	"outcomes" jsonb,
	"outcomes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_status_check" CHECK ("experiments"."status" in ('planned', 'running', 'completed', 'stopped')),
	CONSTRAINT "experiments_result_check" CHECK ("experiments"."result" is null or "experiments"."result" in ('supported', 'not_supported', 'inconclusive')),
	CONSTRAINT "experiments_dates_check" CHECK ("experiments"."starts_on" is null or "experiments"."ends_on" is null or "experiments"."ends_on" >= "experiments"."starts_on"),
	CONSTRAINT "experiments_sample_check" CHECK ("experiments"."planned_sample_size" is null or "experiments"."planned_sample_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"title" text NOT NULL,
	"design" text NOT NULL,
	"outcome" text,
	"sector" text,
	"country" text,
	"search_text" text NOT NULL,
	"anonymised" boolean NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_invitations_role_check" CHECK ("space_invitations"."role" in ('member', 'observer'))
);
--> statement-breakpoint
ALTER TABLE "experiment_amendments" ADD CONSTRAINT "experiment_amendments_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_amendments" ADD CONSTRAINT "experiment_amendments_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_decisions" ADD CONSTRAINT "experiment_decisions_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_decisions" ADD CONSTRAINT "experiment_decisions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_invitations" ADD CONSTRAINT "space_invitations_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_invitations" ADD CONSTRAINT "space_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_amendments_experiment_idx" ON "experiment_amendments" USING btree ("experiment_id","at");--> statement-breakpoint
CREATE INDEX "experiment_decisions_experiment_idx" ON "experiment_decisions" USING btree ("experiment_id","at");--> statement-breakpoint
CREATE INDEX "experiments_space_idx" ON "experiments" USING btree ("space_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lessons_experiment_key" ON "lessons" USING btree ("experiment_id");--> statement-breakpoint
CREATE INDEX "lessons_published_idx" ON "lessons" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "space_invitations_space_email_key" ON "space_invitations" USING btree ("space_id","email");--> statement-breakpoint
CREATE INDEX "space_invitations_email_idx" ON "space_invitations" USING btree ("email");