-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "adminClaimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pendingChannelId" UUID,
ADD COLUMN     "pendingNamedById" UUID;

-- CreateTable
CREATE TABLE "ChannelEvent" (
    "id" BIGSERIAL NOT NULL,
    "channelId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminClaimCode" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "usedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminClaimCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Member_pendingChannelId_idx" ON "Member"("pendingChannelId");

-- CreateIndex
CREATE INDEX "ChannelEvent_channelId_id_idx" ON "ChannelEvent"("channelId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AdminClaimCode_codeHash_key" ON "AdminClaimCode"("codeHash");

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Pending people typed before this migration belong to the channel of the first task they were typed in, and to the
-- creator of that task (who may confirm who was meant); they no longer match by name across the workspace.
UPDATE "Member" AS m
SET "pendingChannelId" = first_task."channelId", "pendingNamedById" = first_task."creatorId"
FROM (
    SELECT DISTINCT ON (ta."memberId") ta."memberId", t."channelId", t."creatorId"
    FROM "TaskAssignee" AS ta
    JOIN "Task" AS t ON t."id" = ta."taskId"
    ORDER BY ta."memberId", ta."assignedAt", t."createdAt"
) AS first_task
WHERE m."id" = first_task."memberId" AND m."externalId" IS NULL AND m."pendingChannelId" IS NULL;
