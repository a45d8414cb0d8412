CREATE TABLE "need_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"other_need_id" uuid,
	"actor_id" uuid,
	"organisation_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_followers" (
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_followers_need_id_user_id_pk" PRIMARY KEY("need_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "need_supports" (
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_supports_need_id_user_id_pk" PRIMARY KEY("need_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"sector" text,
	"responsible_organisation_id" uuid,
	"author_id" uuid,
	"organisation_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"merged_into_id" uuid,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"supports" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"addressed_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(place, ''))) STORED NOT NULL,
	CONSTRAINT "needs_status_check" CHECK ("needs"."status" in ('open', 'acknowledged', 'being_addressed', 'resolved', 'declined')),
	CONSTRAINT "needs_supports_check" CHECK ("needs"."supports" >= 0)
);
--> statement-breakpoint
ALTER TABLE "need_comments" ADD CONSTRAINT "need_comments_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_comments" ADD CONSTRAINT "need_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_followers" ADD CONSTRAINT "need_followers_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_followers" ADD CONSTRAINT "need_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supports" ADD CONSTRAINT "need_supports_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supports" ADD CONSTRAINT "need_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_comments_need_idx" ON "need_comments" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "need_events_need_idx" ON "need_events" USING btree ("need_id","id");--> statement-breakpoint
CREATE INDEX "need_followers_user_idx" ON "need_followers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "need_supports_user_idx" ON "need_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "needs_search_idx" ON "needs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "needs_list_idx" ON "needs" USING btree ("supports" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id") WHERE "needs"."merged_into_id" is null and "needs"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "needs_country_sector_idx" ON "needs" USING btree ("country","sector","supports" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id") WHERE "needs"."merged_into_id" is null and "needs"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "needs_responsible_idx" ON "needs" USING btree ("responsible_organisation_id","created_at");