-- CreateEnum
CREATE TYPE "AttributionModel" AS ENUM ('first_touch', 'last_touch', 'linear', 'position_based', 'time_decay');

-- CreateEnum
CREATE TYPE "CreditKind" AS ENUM ('payment', 'refund');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "creditsDirty" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "RevenueCredit" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "model" "AttributionModel" NOT NULL,
    "paymentId" TEXT NOT NULL,
    "kind" "CreditKind" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "customerKey" TEXT NOT NULL,
    "returning" BOOLEAN NOT NULL,
    "revenue" BIGINT,
    "refunded" BIGINT NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "touchId" BIGINT,
    "visitorId" TEXT,
    "channel" TEXT,
    "source" TEXT,
    "medium" TEXT,
    "campaign" TEXT,
    "referrerDomain" TEXT,
    "landingPath" TEXT,

    CONSTRAINT "RevenueCredit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitorDayCount" (
    "projectId" TEXT NOT NULL,
    "filterDimension" TEXT NOT NULL DEFAULT '',
    "filterValue" TEXT NOT NULL DEFAULT '',
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "previousDay" DATE NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "VisitorDayCount_pkey" PRIMARY KEY ("projectId","filterDimension","filterValue","day","dimension","value","previousDay")
);

-- CreateTable
CREATE TABLE "RevenueDay" (
    "projectId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "model" "AttributionModel" NOT NULL,
    "filterDimension" TEXT NOT NULL DEFAULT '',
    "filterValue" TEXT NOT NULL DEFAULT '',
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "previousDay" DATE NOT NULL,
    "revenue" BIGINT NOT NULL,
    "refunded" BIGINT NOT NULL,
    "newRevenue" BIGINT NOT NULL,
    "payments" INTEGER NOT NULL,
    "customers" INTEGER NOT NULL,

    CONSTRAINT "RevenueDay_pkey" PRIMARY KEY ("projectId","livemode","model","filterDimension","filterValue","day","dimension","value","previousDay")
);

-- CreateTable
CREATE TABLE "DayRollupState" (
    "projectId" TEXT NOT NULL,
    "rollup" TEXT NOT NULL,
    "builtThrough" DATE,

    CONSTRAINT "DayRollupState_pkey" PRIMARY KEY ("projectId","rollup")
);

-- CreateTable
CREATE TABLE "DayRollupDirty" (
    "id" BIGSERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "rollup" TEXT NOT NULL,
    "fromDay" DATE NOT NULL,

    CONSTRAINT "DayRollupDirty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RevenueCredit_projectId_livemode_model_occurredAt_idx" ON "RevenueCredit"("projectId", "livemode", "model", "occurredAt");

-- CreateIndex
CREATE INDEX "RevenueCredit_paymentId_idx" ON "RevenueCredit"("paymentId");

-- CreateIndex
CREATE INDEX "RevenueCredit_projectId_customerKey_occurredAt_idx" ON "RevenueCredit"("projectId", "customerKey", "occurredAt");

-- CreateIndex
CREATE INDEX "VisitorDayCount_projectId_day_idx" ON "VisitorDayCount"("projectId", "day");

-- CreateIndex
CREATE INDEX "RevenueDay_projectId_day_idx" ON "RevenueDay"("projectId", "day");

-- CreateIndex
CREATE INDEX "DayRollupDirty_projectId_rollup_idx" ON "DayRollupDirty"("projectId", "rollup");

-- CreateIndex
CREATE INDEX "Payment_creditsDirty_idx" ON "Payment"("creditsDirty");

-- AddForeignKey
ALTER TABLE "RevenueCredit" ADD CONSTRAINT "RevenueCredit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueCredit" ADD CONSTRAINT "RevenueCredit_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitorDayCount" ADD CONSTRAINT "VisitorDayCount_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueDay" ADD CONSTRAINT "RevenueDay_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayRollupState" ADD CONSTRAINT "DayRollupState_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayRollupDirty" ADD CONSTRAINT "DayRollupDirty_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
