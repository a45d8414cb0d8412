CREATE TABLE "facilitation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"period_start" date,
	"period_end" date,
	"conditions" text DEFAULT '' NOT NULL,
	"amount" double precision,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilitation_status_check" CHECK ("facilitation_actions"."status" in ('requested', 'committed', 'delivered', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "initiative_followers" (
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_followers_initiative_id_user_id_pk" PRIMARY KEY("initiative_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"planned_on" date,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_needs" (
	"initiative_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "initiative_needs_initiative_id_need_id_pk" PRIMARY KEY("initiative_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"evidence" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"role" text NOT NULL,
	"owner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_stakeholders_one_check" CHECK (("initiative_stakeholders"."user_id" is null) <> ("initiative_stakeholders"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "initiative_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"sector" text,
	"stage" text NOT NULL,
	"created_by" uuid,
	"case_id" uuid,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(purpose, '') || ' ' || coalesce(place, ''))) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilitation_actions" ADD CONSTRAINT "facilitation_actions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitation_actions" ADD CONSTRAINT "facilitation_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitation_actions" ADD CONSTRAINT "facilitation_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_followers" ADD CONSTRAINT "initiative_followers_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_followers" ADD CONSTRAINT "initiative_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_join_requests" ADD CONSTRAINT "initiative_join_requests_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_join_requests" ADD CONSTRAINT "initiative_join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_needs" ADD CONSTRAINT "initiative_needs_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_needs" ADD CONSTRAINT "initiative_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_outcomes" ADD CONSTRAINT "initiative_outcomes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facilitation_initiative_idx" ON "facilitation_actions" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "facilitation_organisation_idx" ON "facilitation_actions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_join_requests_key" ON "initiative_join_requests" USING btree ("initiative_id","user_id");--> statement-breakpoint
CREATE INDEX "initiative_milestones_idx" ON "initiative_milestones" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_needs_need_idx" ON "initiative_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "initiative_outcomes_idx" ON "initiative_outcomes" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_stakeholders_person_key" ON "initiative_stakeholders" USING btree ("initiative_id","user_id") WHERE "initiative_stakeholders"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_stakeholders_organisation_key" ON "initiative_stakeholders" USING btree ("initiative_id","organisation_id") WHERE "initiative_stakeholders"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "initiative_stakeholders_user_idx" ON "initiative_stakeholders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_updates_idx" ON "initiative_updates" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "initiatives_search_idx" ON "initiatives" USING gin ("search");--> statement-breakpoint
CREATE INDEX "initiatives_created_idx" ON "initiatives" USING btree ("created_at");