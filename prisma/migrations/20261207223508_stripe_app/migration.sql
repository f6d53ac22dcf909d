-- AlterEnum
ALTER TYPE "StripeConnectionKind" ADD VALUE 'app';

-- AlterTable
ALTER TABLE "StripeConnectPendingMove" ADD COLUMN     "accessTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "kind" "StripeConnectionKind" NOT NULL DEFAULT 'connect';

-- AlterTable
ALTER TABLE "StripeConnection" ADD COLUMN     "accessTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "tokensRefreshedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StripeOAuthState" ADD COLUMN     "flow" TEXT NOT NULL DEFAULT 'connect';
