-- DropIndex
DROP INDEX "Ping_taskId_kind_fireAt_key";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "Ping" ADD COLUMN     "memberId" UUID;

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_target_seq_idx" ON "OutboxMessage"("platform", "target", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Ping_taskId_kind_fireAt_memberId_key" ON "Ping"("taskId", "kind", "fireAt", "memberId");

-- AddForeignKey
ALTER TABLE "Ping" ADD CONSTRAINT "Ping_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
