-- A workspace whose bot was removed: nothing is sent there (its pings and messages are kept) until it is installed again.
ALTER TABLE "Workspace" ADD COLUMN "suspended" BOOLEAN NOT NULL DEFAULT false;

-- The Enterprise Grid org of a Slack team served by an org-wide install, recorded when its requests are served.
ALTER TABLE "Workspace" ADD COLUMN "enterpriseId" TEXT;

-- Token rotation: the sealed refresh token and the bot token's expiry (null when the token does not expire).
ALTER TABLE "SlackInstallation" ADD COLUMN "botRefreshTokenSealed" TEXT,
ADD COLUMN "botTokenExpiresAt" TIMESTAMPTZ(3);
