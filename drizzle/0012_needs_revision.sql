-- A revision of the needs table, bumped in the same transaction as every write to it (by a
-- statement trigger, so no write can forget it): servers key their cache of need lists on it.
CREATE TABLE "needs_revision" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "revision" bigint NOT NULL);
--> statement-breakpoint
INSERT INTO "needs_revision" ("id", "revision") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "bump_needs_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "needs_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "needs_revision_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "needs"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_needs_revision"();
