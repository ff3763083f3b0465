-- A workspace whose bot was removed: nothing is sent there (its pings and messages are kept) until it is installed again.
ALTER TABLE "Workspace" ADD COLUMN "suspended" BOOLEAN NOT NULL DEFAULT false;
