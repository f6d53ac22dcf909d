-- AlterTable
ALTER TABLE "Dispute" ADD COLUMN     "lastEventAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "amountSource" TEXT,
ADD COLUMN     "balanceTransactionId" TEXT,
ADD COLUMN     "chargeAmountRefunded" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "chargeSnapshotAt" TIMESTAMP(3),
ADD COLUMN     "visitorCandidates" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "lastEventAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CheckoutSession_stripeAccount_invoiceId_idx" ON "CheckoutSession"("stripeAccount", "invoiceId");

-- CreateIndex
CREATE INDEX "Payment_stripeAccount_paymentIntentId_idx" ON "Payment"("stripeAccount", "paymentIntentId");

-- CreateIndex
CREATE INDEX "Payment_stripeAccount_subscriptionId_idx" ON "Payment"("stripeAccount", "subscriptionId");
