-- AlterTable
ALTER TABLE "LiveGamePlayer" ADD COLUMN     "deviceHash" TEXT;

