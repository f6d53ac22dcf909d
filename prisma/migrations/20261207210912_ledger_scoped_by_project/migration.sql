-- DropIndex
DROP INDEX "CheckoutSession_stripeAccount_invoiceId_idx";

-- DropIndex
DROP INDEX "CheckoutSession_stripeAccount_paymentIntentId_idx";

-- DropIndex
DROP INDEX "CheckoutSession_stripeAccount_subscriptionId_idx";

-- DropIndex
DROP INDEX "Dispute_stripeAccount_stripeDisputeId_key";

-- DropIndex
DROP INDEX "Payment_stripeAccount_chargeId_idx";

-- DropIndex
DROP INDEX "Payment_stripeAccount_invoiceId_idx";

-- DropIndex
DROP INDEX "Payment_stripeAccount_paymentIntentId_idx";

-- DropIndex
DROP INDEX "Payment_stripeAccount_paymentKey_key";

-- DropIndex
DROP INDEX "Payment_stripeAccount_subscriptionId_idx";

-- DropIndex
DROP INDEX "Refund_stripeAccount_stripeRefundId_key";

-- DropIndex
DROP INDEX "StripeEvent_stripeAccount_eventId_key";

-- AlterTable
ALTER TABLE "CheckoutSession" DROP CONSTRAINT "CheckoutSession_pkey",
ADD CONSTRAINT "CheckoutSession_pkey" PRIMARY KEY ("projectId", "stripeAccount", "sessionId");

-- CreateIndex
CREATE INDEX "CheckoutSession_projectId_stripeAccount_paymentIntentId_idx" ON "CheckoutSession"("projectId", "stripeAccount", "paymentIntentId");

-- CreateIndex
CREATE INDEX "CheckoutSession_projectId_stripeAccount_subscriptionId_idx" ON "CheckoutSession"("projectId", "stripeAccount", "subscriptionId");

-- CreateIndex
CREATE INDEX "CheckoutSession_projectId_stripeAccount_invoiceId_idx" ON "CheckoutSession"("projectId", "stripeAccount", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_projectId_stripeAccount_stripeDisputeId_key" ON "Dispute"("projectId", "stripeAccount", "stripeDisputeId");

-- CreateIndex
CREATE INDEX "Payment_projectId_stripeAccount_chargeId_idx" ON "Payment"("projectId", "stripeAccount", "chargeId");

-- CreateIndex
CREATE INDEX "Payment_projectId_stripeAccount_invoiceId_idx" ON "Payment"("projectId", "stripeAccount", "invoiceId");

-- CreateIndex
CREATE INDEX "Payment_projectId_stripeAccount_paymentIntentId_idx" ON "Payment"("projectId", "stripeAccount", "paymentIntentId");

-- CreateIndex
CREATE INDEX "Payment_projectId_stripeAccount_subscriptionId_idx" ON "Payment"("projectId", "stripeAccount", "subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_projectId_stripeAccount_paymentKey_key" ON "Payment"("projectId", "stripeAccount", "paymentKey");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_projectId_stripeAccount_stripeRefundId_key" ON "Refund"("projectId", "stripeAccount", "stripeRefundId");

-- CreateIndex
CREATE UNIQUE INDEX "StripeEvent_projectId_stripeAccount_eventId_key" ON "StripeEvent"("projectId", "stripeAccount", "eventId");

-- Data (hand-written). Before this migration a self-hosted project with no verified account kept
-- its events and ledger rows under the account name `self:<projectId>`, a name any signed event
-- could carry. Those rows move to the project's namespace: the account its saved key was verified
-- for since (the events were that account's), else `self`, the name no event can reach now. A row
-- whose key already exists there stays where it is: nothing is lost. Rows that name another
-- project (`self:<other id>`, forged) stay in the project that received them, unreachable.
UPDATE "StripeEvent" t SET "stripeAccount" = m."to"
  FROM (SELECT p.id, COALESCE(c."stripeAccountId", 'self') AS "to" FROM "Project" p
          LEFT JOIN "StripeConnection" c ON c."projectId" = p.id AND c.kind = 'self_hosted') m
 WHERE t."projectId" = m.id AND t."stripeAccount" = 'self:' || m.id
   AND NOT EXISTS (SELECT 1 FROM "StripeEvent" x WHERE x."projectId" = t."projectId" AND x."stripeAccount" = m."to" AND x."eventId" = t."eventId");

UPDATE "Payment" t SET "stripeAccount" = m."to"
  FROM (SELECT p.id, COALESCE(c."stripeAccountId", 'self') AS "to" FROM "Project" p
          LEFT JOIN "StripeConnection" c ON c."projectId" = p.id AND c.kind = 'self_hosted') m
 WHERE t."projectId" = m.id AND t."stripeAccount" = 'self:' || m.id
   AND NOT EXISTS (SELECT 1 FROM "Payment" x WHERE x."projectId" = t."projectId" AND x."stripeAccount" = m."to" AND x."paymentKey" = t."paymentKey");

UPDATE "Refund" t SET "stripeAccount" = m."to"
  FROM (SELECT p.id, COALESCE(c."stripeAccountId", 'self') AS "to" FROM "Project" p
          LEFT JOIN "StripeConnection" c ON c."projectId" = p.id AND c.kind = 'self_hosted') m
 WHERE t."projectId" = m.id AND t."stripeAccount" = 'self:' || m.id
   AND NOT EXISTS (SELECT 1 FROM "Refund" x WHERE x."projectId" = t."projectId" AND x."stripeAccount" = m."to" AND x."stripeRefundId" = t."stripeRefundId");

UPDATE "Dispute" t SET "stripeAccount" = m."to"
  FROM (SELECT p.id, COALESCE(c."stripeAccountId", 'self') AS "to" FROM "Project" p
          LEFT JOIN "StripeConnection" c ON c."projectId" = p.id AND c.kind = 'self_hosted') m
 WHERE t."projectId" = m.id AND t."stripeAccount" = 'self:' || m.id
   AND NOT EXISTS (SELECT 1 FROM "Dispute" x WHERE x."projectId" = t."projectId" AND x."stripeAccount" = m."to" AND x."stripeDisputeId" = t."stripeDisputeId");

UPDATE "CheckoutSession" t SET "stripeAccount" = m."to"
  FROM (SELECT p.id, COALESCE(c."stripeAccountId", 'self') AS "to" FROM "Project" p
          LEFT JOIN "StripeConnection" c ON c."projectId" = p.id AND c.kind = 'self_hosted') m
 WHERE t."projectId" = m.id AND t."stripeAccount" = 'self:' || m.id
   AND NOT EXISTS (SELECT 1 FROM "CheckoutSession" x WHERE x."projectId" = t."projectId" AND x."stripeAccount" = m."to" AND x."sessionId" = t."sessionId");

-- A refund or dispute written by one project's event onto another project's payment (the hole
-- this migration closes) no longer counts: the payment's refunded and disputed totals are
-- recomputed from its own project's rows (as lib/stripe/ledger/net.ts does from now on), and its
-- revenue credits are marked for a rebuild. The foreign rows themselves are kept.
UPDATE "Payment" p SET
  "amountRefunded" = LEAST(p.amount, GREATEST(p."chargeAmountRefunded",
    COALESCE((SELECT SUM(r.amount) FROM "Refund" r WHERE r."paymentId" = p.id AND r."projectId" = p."projectId" AND r.status IN ('succeeded', 'pending')), 0))),
  "amountDisputed" = LEAST(p.amount, COALESCE((SELECT SUM(d.amount) FROM "Dispute" d WHERE d."paymentId" = p.id AND d."projectId" = p."projectId" AND d.status = 'lost'), 0)),
  "creditsDirty" = true,
  "updatedAt" = now()
 WHERE EXISTS (SELECT 1 FROM "Refund" r WHERE r."paymentId" = p.id AND r."projectId" <> p."projectId")
    OR EXISTS (SELECT 1 FROM "Dispute" d WHERE d."paymentId" = p.id AND d."projectId" <> p."projectId");
