-- CreateTable
CREATE TABLE "UncapturedCharge" (
    "projectId" TEXT NOT NULL,
    "stripeAccount" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lastEventAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UncapturedCharge_pkey" PRIMARY KEY ("projectId","stripeAccount","chargeId")
);

-- CreateIndex
CREATE INDEX "UncapturedCharge_projectId_stripeAccount_paymentIntentId_idx" ON "UncapturedCharge"("projectId", "stripeAccount", "paymentIntentId");

-- AddForeignKey
ALTER TABLE "UncapturedCharge" ADD CONSTRAINT "UncapturedCharge_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
