CREATE TABLE "adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid,
	"tag" text,
	"adopted_on" date NOT NULL,
	"source_case_id" uuid,
	"source_organisation_id" uuid,
	"mechanism" text NOT NULL,
	"adaptations" text DEFAULT '' NOT NULL,
	"relative_advantage" smallint,
	"compatibility" smallint,
	"complexity" smallint,
	"trialability" smallint,
	"observability" smallint,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoptions_one_innovation" CHECK (("adoptions"."case_id" is null) <> ("adoptions"."tag" is null))
);
--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_source_case_id_cases_id_fk" FOREIGN KEY ("source_case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_source_organisation_id_organisations_id_fk" FOREIGN KEY ("source_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adoptions_case_key" ON "adoptions" USING btree ("organisation_id","case_id") WHERE "adoptions"."case_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "adoptions_tag_key" ON "adoptions" USING btree ("organisation_id","tag") WHERE "adoptions"."tag" is not null;--> statement-breakpoint
CREATE INDEX "adoptions_case_idx" ON "adoptions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "adoptions_tag_idx" ON "adoptions" USING btree ("tag");