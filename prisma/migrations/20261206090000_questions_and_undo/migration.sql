-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PendingQuestion" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "askerId" UUID NOT NULL,
    "choices" JSONB NOT NULL,
    "mentions" JSONB NOT NULL,
    "answerKey" TEXT,
    "askedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PendingQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingQuestion_askerId_idx" ON "PendingQuestion"("askerId");

-- CreateIndex
CREATE INDEX "PendingQuestion_expiresAt_idx" ON "PendingQuestion"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingQuestion_channelId_askerId_key" ON "PendingQuestion"("channelId", "askerId");

-- AddForeignKey
ALTER TABLE "PendingQuestion" ADD CONSTRAINT "PendingQuestion_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingQuestion" ADD CONSTRAINT "PendingQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
