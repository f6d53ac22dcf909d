-- AlterTable
-- Projects that exist now were classified with the rules before AI Assistants (version 1),
-- projects created from now on start with the current rules (version 2).
ALTER TABLE "Project" ADD COLUMN     "channelRulesVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Project" ALTER COLUMN "channelRulesVersion" SET DEFAULT 2;
