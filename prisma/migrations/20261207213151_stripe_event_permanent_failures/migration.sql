-- AlterTable
ALTER TABLE "StripeEvent" ALTER COLUMN "nextAttemptAt" DROP NOT NULL;
