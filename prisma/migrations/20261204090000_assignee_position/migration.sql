-- AlterTable
ALTER TABLE "TaskAssignee" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;
