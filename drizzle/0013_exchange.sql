CREATE TABLE "exchange_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"country" text,
	"region" text,
	"remote" boolean DEFAULT false NOT NULL,
	"available_from" date,
	"available_until" date,
	"hours_per_week" double precision,
	"duration_weeks" integer,
	"amount" numeric(14, 2),
	"currency" text,
	"capacity" integer,
	"address" text,
	"accessibility" text,
	"format" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"organisation_id" uuid,
	"space_id" uuid,
	"initiative_id" uuid,
	"created_by" uuid,
	"rev" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED NOT NULL,
	CONSTRAINT "exchange_items_side" CHECK ("exchange_items"."side" in ('offer', 'request')),
	CONSTRAINT "exchange_items_money" CHECK ("exchange_items"."kind" <> 'money' or ("exchange_items"."amount" > 0 and "exchange_items"."currency" is not null)),
	CONSTRAINT "exchange_items_window" CHECK ("exchange_items"."available_until" is null or "exchange_items"."available_from" is null or "exchange_items"."available_until" >= "exchange_items"."available_from"),
	CONSTRAINT "exchange_items_scope" CHECK (("exchange_items"."visibility" <> 'organisation' or "exchange_items"."organisation_id" is not null) and ("exchange_items"."visibility" = 'space') = ("exchange_items"."space_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "exchange_pledge_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pledge_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"offer_id" uuid,
	"request_id" uuid,
	"initiative_id" uuid,
	"giver_user_id" uuid,
	"giver_organisation_id" uuid,
	"receiver_user_id" uuid,
	"receiver_organisation_id" uuid,
	"proposed_by" text NOT NULL,
	"hours" double precision,
	"amount" numeric(14, 2),
	"currency" text,
	"days" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_pledges_linked" CHECK ("exchange_pledges"."offer_id" is not null or "exchange_pledges"."request_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "exchange_tombstones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rev" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_items" ADD CONSTRAINT "exchange_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledge_events" ADD CONSTRAINT "exchange_pledge_events_pledge_id_exchange_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."exchange_pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledge_events" ADD CONSTRAINT "exchange_pledge_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_offer_id_exchange_items_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_request_id_exchange_items_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."exchange_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_giver_user_id_users_id_fk" FOREIGN KEY ("giver_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_giver_organisation_id_organisations_id_fk" FOREIGN KEY ("giver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_receiver_user_id_users_id_fk" FOREIGN KEY ("receiver_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pledges" ADD CONSTRAINT "exchange_pledges_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_items_search_idx" ON "exchange_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "exchange_items_list_idx" ON "exchange_items" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "exchange_items_facets_idx" ON "exchange_items" USING btree ("side","kind","country") WHERE "exchange_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "exchange_items_rev_idx" ON "exchange_items" USING btree ("rev");--> statement-breakpoint
CREATE INDEX "exchange_items_organisation_idx" ON "exchange_items" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "exchange_items_creator_idx" ON "exchange_items" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "exchange_items_initiative_idx" ON "exchange_items" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "exchange_items_space_idx" ON "exchange_items" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "exchange_pledge_events_pledge_idx" ON "exchange_pledge_events" USING btree ("pledge_id","at");--> statement-breakpoint
CREATE INDEX "exchange_pledges_offer_idx" ON "exchange_pledges" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "exchange_pledges_request_idx" ON "exchange_pledges" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "exchange_pledges_initiative_idx" ON "exchange_pledges" USING btree ("initiative_id","status");--> statement-breakpoint
CREATE INDEX "exchange_pledges_giver_org_idx" ON "exchange_pledges" USING btree ("giver_organisation_id","status");--> statement-breakpoint
CREATE INDEX "exchange_pledges_receiver_org_idx" ON "exchange_pledges" USING btree ("receiver_organisation_id","status");--> statement-breakpoint
CREATE INDEX "exchange_pledges_giver_user_idx" ON "exchange_pledges" USING btree ("giver_user_id");--> statement-breakpoint
CREATE INDEX "exchange_pledges_receiver_user_idx" ON "exchange_pledges" USING btree ("receiver_user_id");