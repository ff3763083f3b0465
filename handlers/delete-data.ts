/**
 * `xóa dữ liệu` / `delete data`: a workspace admin deletes the workspace's data (src/services/workspace-data.ts says
 * what goes and what stays). Asked first, with one choice and the cancel button; only that choice, answered by the
 * same admin within the question's 10 minutes, deletes anything.
 */
import { askToChoose } from "../src/core/questions/index.js";
import { dataWords } from "../src/i18n/data-words.js";
import { type AppHandler, defineHandler } from "./services.js";

export const deleteData: AppHandler = async (command, context) => {
  const words = dataWords(context.locale);
  if (!context.actor.isWorkspaceAdmin) return { visibility: "private", isError: true, text: words.needsAdmin };
  if (!command.confirmed) {
    return askToChoose(context, {
      reasons: [words.warning],
      choices: [{ command: { ...command, confirmed: true }, label: words.confirm }],
    });
  }
  const deleted = await context.services.directory.deleteWorkspaceData(context.channel.workspaceId);
  return { visibility: "channel", text: words.deleted(deleted) };
};

export const deleteDataHandler = defineHandler({
  command: "delete_data",
  claimsInTransaction: false,
  handle: deleteData,
});
