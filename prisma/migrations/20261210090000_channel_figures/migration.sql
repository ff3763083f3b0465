-- CreateTable
CREATE TABLE "ChannelFigures" (
    "channelId" UUID NOT NULL,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "validEpoch" INTEGER NOT NULL DEFAULT 0,
    "timezone" TEXT NOT NULL DEFAULT '',
    "computedAt" TIMESTAMPTZ(3),
    "validUntil" TIMESTAMPTZ(3),
    "open" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "firstLate" TIMESTAMPTZ(3),
    "ageDay" INTEGER NOT NULL DEFAULT 0,
    "ageWeek" INTEGER NOT NULL DEFAULT 0,
    "ageMonth" INTEGER NOT NULL DEFAULT 0,
    "ageOlder" INTEGER NOT NULL DEFAULT 0,
    "dueThisWeek" INTEGER NOT NULL DEFAULT 0,
    "doneLastWeek" INTEGER NOT NULL DEFAULT 0,
    "measuredLastWeek" INTEGER NOT NULL DEFAULT 0,
    "onTimeLastWeek" INTEGER NOT NULL DEFAULT 0,
    "doneWeekBefore" INTEGER NOT NULL DEFAULT 0,
    "overdueWeekAgo" INTEGER NOT NULL DEFAULT 0,
    "trend" INTEGER[],

    CONSTRAINT "ChannelFigures_pkey" PRIMARY KEY ("channelId")
);

-- AddForeignKey
ALTER TABLE "ChannelFigures" ADD CONSTRAINT "ChannelFigures_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A channel's stored figures stop standing in the transaction that writes one of its tasks in a way a figure can see
-- (src/services/channel-figures.ts). Per statement, not per row: a page of recurring tasks or a bulk load raises each
-- channel once. A channel without a row gets one, so that a count that did not see this write cannot be kept as
-- standing; a channel being deleted (its tasks go with it) gets none. Rows are raised in channel order, so two
-- statements never wait on each other's rows crosswise. The search path is the migration's, so a session that empties
-- it (pg_dump's scripts do) still finds the tables.
CREATE FUNCTION "channel_figures_stale"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  touched UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."channelId") INTO touched FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."channelId") INTO touched FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT c) INTO touched FROM (
      SELECT unnest(ARRAY[n."channelId", o."channelId"]) AS c
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (n."channelId", n."status", n."dueAt", n."closedAt", n."createdAt", n."withdrawnAt")
        IS DISTINCT FROM (o."channelId", o."status", o."dueAt", o."closedAt", o."createdAt", o."withdrawnAt")
    ) changed;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO "ChannelFigures" ("channelId", "epoch")
  SELECT c, 1 FROM unnest(touched) AS c
  WHERE EXISTS (SELECT 1 FROM "Channel" ch WHERE ch."id" = c)
  ORDER BY 1
  ON CONFLICT ("channelId") DO UPDATE SET "epoch" = "ChannelFigures"."epoch" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Task_figures_insert" AFTER INSERT ON "Task"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "channel_figures_stale"();
CREATE TRIGGER "Task_figures_update" AFTER UPDATE ON "Task"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "channel_figures_stale"();
CREATE TRIGGER "Task_figures_delete" AFTER DELETE ON "Task"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "channel_figures_stale"();
