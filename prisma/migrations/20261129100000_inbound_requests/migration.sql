-- CreateTable
CREATE TABLE "InboundRequest" (
    "id" BIGSERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedUntil" TIMESTAMPTZ(3) NOT NULL,
    "takeovers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InboundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundRequest_leasedUntil_idx" ON "InboundRequest"("leasedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "InboundRequest_platform_dedupeKey_key" ON "InboundRequest"("platform", "dedupeKey");
