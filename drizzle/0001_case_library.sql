CREATE TABLE "case_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"direction" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"coder_id" uuid,
	"coder_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_countries" (
	"case_id" uuid NOT NULL,
	"country" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "case_countries_case_id_country_pk" PRIMARY KEY("case_id","country")
);
--> statement-breakpoint
CREATE TABLE "case_deletions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_outcomes" (
	"case_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"evidence" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_outcomes_case_id_dimension_pk" PRIMARY KEY("case_id","dimension")
);
--> statement-breakpoint
CREATE TABLE "case_partners" (
	"case_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"role" text NOT NULL,
	CONSTRAINT "case_partners_case_id_position_pk" PRIMARY KEY("case_id","position")
);
--> statement-breakpoint
CREATE TABLE "case_resources" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "case_resources_case_id_kind_pk" PRIMARY KEY("case_id","kind")
);
--> statement-breakpoint
CREATE TABLE "case_sections" (
	"case_id" uuid NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "case_sections_case_id_section_pk" PRIMARY KEY("case_id","section")
);
--> statement-breakpoint
CREATE TABLE "case_tags" (
	"case_id" uuid NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "case_tags_case_id_tag_pk" PRIMARY KEY("case_id","tag")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"level" text,
	"sector" text,
	"year_launched" smallint,
	"start_date" date,
	"end_date" date,
	"ongoing" boolean DEFAULT false NOT NULL,
	"stage" text,
	"maturity" text,
	"facets" text[] DEFAULT '{}' NOT NULL,
	"innovation_types" text[] DEFAULT '{}' NOT NULL,
	"citizen_roles" text[] DEFAULT '{}' NOT NULL,
	"participation" text,
	"experimentation" text,
	"governance_tradition" text,
	"technology" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"licence" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"source" text,
	"source_id" text,
	"source_url" text,
	"retrieved_at" timestamp with time zone,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"revision" bigserial NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_codes" ADD CONSTRAINT "case_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_codes" ADD CONSTRAINT "case_codes_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_countries" ADD CONSTRAINT "case_countries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_resources" ADD CONSTRAINT "case_resources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sections" ADD CONSTRAINT "case_sections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tags" ADD CONSTRAINT "case_tags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_codes_case_idx" ON "case_codes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_codes_coder_idx" ON "case_codes" USING btree ("coder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_codes_one_per_factor_key" ON "case_codes" USING btree ("case_id",coalesce("coder_id"::text, 'name:' || "coder_name"),"factor");--> statement-breakpoint
CREATE INDEX "case_countries_country_idx" ON "case_countries" USING btree ("country");--> statement-breakpoint
CREATE INDEX "case_partners_organisation_idx" ON "case_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "case_tags_tag_idx" ON "case_tags" USING btree ("tag");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_provenance_key" ON "cases" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "cases_revision_idx" ON "cases" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "cases_author_idx" ON "cases" USING btree ("author_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search");