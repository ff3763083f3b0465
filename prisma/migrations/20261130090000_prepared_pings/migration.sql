-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "sendAfter" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Ping_outboxId_idx" ON "Ping"("outboxId");
