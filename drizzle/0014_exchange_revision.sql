-- The exchange's revision: every insert or update of an item takes the next number into the
-- item's "rev", every delete leaves a tombstone with one. The counter row stays locked until the
-- writing transaction ends, so revisions become visible in the order they were taken: a server
-- that has loaded everything up to revision N loads what changed with "rev > N" and misses nothing.
CREATE TABLE "exchange_revision" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "revision" bigint NOT NULL);
--> statement-breakpoint
INSERT INTO "exchange_revision" ("id", "revision") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "exchange_item_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE next bigint;
BEGIN
  UPDATE "exchange_revision" SET "revision" = "revision" + 1 WHERE "id" = 1 RETURNING "revision" INTO next;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "exchange_tombstones" ("id", "rev") VALUES (OLD."id", next)
      ON CONFLICT ("id") DO UPDATE SET "rev" = EXCLUDED."rev";
    RETURN OLD;
  END IF;
  NEW."rev" := next;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "exchange_items_revision" BEFORE INSERT OR UPDATE OR DELETE ON "exchange_items"
  FOR EACH ROW EXECUTE FUNCTION "exchange_item_revision"();
