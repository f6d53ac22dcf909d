-- CreateEnum
CREATE TYPE "StripeConnectionKind" AS ENUM ('self_hosted', 'connect');

-- CreateEnum
CREATE TYPE "StripeConnectionStatus" AS ENUM ('active', 'revoked', 'error');

-- CreateEnum
CREATE TYPE "StripeEventStatus" AS ENUM ('pending', 'processed', 'ignored', 'failed');

-- CreateEnum
CREATE TYPE "AttributionStatus" AS ENUM ('attributed', 'no_visitor_id', 'unknown_visitor', 'outside_window');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('one_time', 'subscription_first', 'subscription_renewal');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "identitySalt" TEXT NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);

-- CreateTable
CREATE TABLE "StripeConnection" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "StripeConnectionKind" NOT NULL,
    "status" "StripeConnectionStatus" NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "stripeAccountId" TEXT,
    "accountName" TEXT,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "secretKey" TEXT,
    "webhookSecrets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "webhookEndpointId" TEXT,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "scope" TEXT,
    "connectedById" TEXT,
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disconnectedAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "apiVersion" TEXT,
    "stripeCreatedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "status" "StripeEventStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookRejection" (
    "projectId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookRejection_pkey" PRIMARY KEY ("projectId","day","reason")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "paymentKey" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "chargeId" TEXT,
    "invoiceId" TEXT,
    "subscriptionId" TEXT,
    "checkoutSessionId" TEXT,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "kind" "PaymentKind" NOT NULL DEFAULT 'one_time',
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "reportingAmount" BIGINT,
    "reportingCurrency" TEXT NOT NULL,
    "fxSource" TEXT,
    "amountRefunded" BIGINT NOT NULL DEFAULT 0,
    "amountDisputed" BIGINT NOT NULL DEFAULT 0,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "visitorId" TEXT,
    "visitorIdSource" TEXT,
    "attributionStatus" "AttributionStatus" NOT NULL DEFAULT 'no_visitor_id',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "stripeRefundId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "stripeDisputeId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckoutSession" (
    "projectId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "subscriptionId" TEXT,
    "invoiceId" TEXT,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "visitorId" TEXT,
    "clientReferenceId" TEXT,
    "completedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutSession_pkey" PRIMARY KEY ("stripeAccount","sessionId")
);

-- CreateTable
CREATE TABLE "Visitor" (
    "projectId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "firstTouchId" BIGINT,
    "appUserIdHash" TEXT,
    "emailHash" TEXT,
    "identifiedAt" TIMESTAMP(3),
    "country" TEXT,

    CONSTRAINT "Visitor_pkey" PRIMARY KEY ("projectId","visitorId")
);

-- CreateTable
CREATE TABLE "Touch" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "source" TEXT,
    "medium" TEXT,
    "campaign" TEXT,
    "term" TEXT,
    "content" TEXT,
    "referrerDomain" TEXT,
    "referrerPath" TEXT,
    "landingPath" TEXT,
    "clickIdType" TEXT,
    "clickId" TEXT,

    CONSTRAINT "Touch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pageview" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "visitorId" TEXT,
    "sessionId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "path" TEXT NOT NULL,
    "referrerDomain" TEXT,
    "country" TEXT,

    CONSTRAINT "Pageview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackedEvent" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "visitorId" TEXT,
    "sessionId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "props" JSONB,
    "path" TEXT,

    CONSTRAINT "TrackedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeConnection_projectId_key" ON "StripeConnection"("projectId");

-- CreateIndex
CREATE INDEX "StripeConnection_stripeAccountId_idx" ON "StripeConnection"("stripeAccountId");

-- CreateIndex
CREATE INDEX "StripeEvent_status_nextAttemptAt_idx" ON "StripeEvent"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "StripeEvent_projectId_receivedAt_idx" ON "StripeEvent"("projectId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StripeEvent_stripeAccount_eventId_key" ON "StripeEvent"("stripeAccount", "eventId");

-- CreateIndex
CREATE INDEX "Payment_projectId_livemode_paidAt_idx" ON "Payment"("projectId", "livemode", "paidAt");

-- CreateIndex
CREATE INDEX "Payment_projectId_visitorId_idx" ON "Payment"("projectId", "visitorId");

-- CreateIndex
CREATE INDEX "Payment_stripeAccount_chargeId_idx" ON "Payment"("stripeAccount", "chargeId");

-- CreateIndex
CREATE INDEX "Payment_stripeAccount_invoiceId_idx" ON "Payment"("stripeAccount", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeAccount_paymentKey_key" ON "Payment"("stripeAccount", "paymentKey");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_stripeAccount_stripeRefundId_key" ON "Refund"("stripeAccount", "stripeRefundId");

-- CreateIndex
CREATE INDEX "Dispute_paymentId_idx" ON "Dispute"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_stripeAccount_stripeDisputeId_key" ON "Dispute"("stripeAccount", "stripeDisputeId");

-- CreateIndex
CREATE INDEX "CheckoutSession_stripeAccount_paymentIntentId_idx" ON "CheckoutSession"("stripeAccount", "paymentIntentId");

-- CreateIndex
CREATE INDEX "CheckoutSession_stripeAccount_subscriptionId_idx" ON "CheckoutSession"("stripeAccount", "subscriptionId");

-- CreateIndex
CREATE INDEX "Visitor_projectId_firstSeenAt_idx" ON "Visitor"("projectId", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Visitor_projectId_emailHash_idx" ON "Visitor"("projectId", "emailHash");

-- CreateIndex
CREATE INDEX "Visitor_projectId_appUserIdHash_idx" ON "Visitor"("projectId", "appUserIdHash");

-- CreateIndex
CREATE INDEX "Touch_projectId_occurredAt_idx" ON "Touch"("projectId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Touch_projectId_visitorId_sessionId_key" ON "Touch"("projectId", "visitorId", "sessionId");

-- CreateIndex
CREATE INDEX "Pageview_projectId_occurredAt_idx" ON "Pageview"("projectId", "occurredAt");

-- CreateIndex
CREATE INDEX "Pageview_projectId_visitorId_idx" ON "Pageview"("projectId", "visitorId");

-- CreateIndex
CREATE INDEX "TrackedEvent_projectId_occurredAt_idx" ON "TrackedEvent"("projectId", "occurredAt");

-- CreateIndex
CREATE INDEX "TrackedEvent_projectId_name_occurredAt_idx" ON "TrackedEvent"("projectId", "name", "occurredAt");

-- AddForeignKey
ALTER TABLE "StripeConnection" ADD CONSTRAINT "StripeConnection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StripeEvent" ADD CONSTRAINT "StripeEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookRejection" ADD CONSTRAINT "WebhookRejection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckoutSession" ADD CONSTRAINT "CheckoutSession_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visitor" ADD CONSTRAINT "Visitor_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touch" ADD CONSTRAINT "Touch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pageview" ADD CONSTRAINT "Pageview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedEvent" ADD CONSTRAINT "TrackedEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
