-- AlterTable
ALTER TABLE "CheckoutSession" ADD COLUMN     "foreignClientReference" TEXT,
ADD COLUMN     "paymentLinkId" TEXT;
