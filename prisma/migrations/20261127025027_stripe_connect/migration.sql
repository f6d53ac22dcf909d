-- CreateEnum
CREATE TYPE "StripeImportStatus" AS ENUM ('running', 'done', 'failed');

-- CreateTable
CREATE TABLE "StripeOAuthState" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeOAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripePlatformWebhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "events" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripePlatformWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeConnectPendingMove" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromProjectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "accountName" TEXT,
    "livemode" BOOLEAN NOT NULL,
    "scope" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeConnectPendingMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeImportJob" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "status" "StripeImportStatus" NOT NULL DEFAULT 'running',
    "phase" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "since" TIMESTAMP(3) NOT NULL,
    "phaseReachedAt" TIMESTAMP(3),
    "imported" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StripeImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeOAuthState_stateHash_key" ON "StripeOAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "StripeOAuthState_expiresAt_idx" ON "StripeOAuthState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "StripePlatformWebhook_url_key" ON "StripePlatformWebhook"("url");

-- CreateIndex
CREATE INDEX "StripeConnectPendingMove_projectId_idx" ON "StripeConnectPendingMove"("projectId");

-- CreateIndex
CREATE INDEX "StripeImportJob_projectId_startedAt_idx" ON "StripeImportJob"("projectId", "startedAt");

-- AddForeignKey
ALTER TABLE "StripeOAuthState" ADD CONSTRAINT "StripeOAuthState_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StripeConnectPendingMove" ADD CONSTRAINT "StripeConnectPendingMove_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StripeImportJob" ADD CONSTRAINT "StripeImportJob_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
