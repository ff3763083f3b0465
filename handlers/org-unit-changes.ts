/**
 * `đổi tên đơn vị Phòng A thành Phòng Tổng hợp` / `rename unit …`, and `xóa đơn vị Phòng A` / `delete unit …`. A
 * deletion is asked about first, saying what it does to the unit's channels, units and leaders; only the chosen
 * answer deletes. The caller has checked the right (a workspace admin's), and checks it again on the answer.
 */
import { askToChoose } from "../src/core/questions/index.js";
import type { Reply } from "../src/core/reply.js";
import { orgWords } from "../src/i18n/org-words.js";
import type { ParsedCommand } from "../src/language/index.js";
import type { OrgContext } from "./org-services.js";

const privateError = (text: string): Reply => ({ visibility: "private", isError: true, text });

export async function renameUnitReply(context: OrgContext, unitName: string, name: string): Promise<Reply> {
  const words = orgWords(context.locale);
  const { org } = context.services;
  const { workspaceId } = context.channel;
  const unit = await org.findUnitByName(workspaceId, unitName);
  if (!unit) return privateError(words.unknownUnit(unitName));
  if ((await org.renameUnit(workspaceId, unit.id, name)) === "name_taken") return privateError(words.nameTaken(name));
  return { visibility: "channel", text: words.renamed(unit.name, name.trim()) };
}

export async function deleteUnitReply(
  command: ParsedCommand,
  context: OrgContext,
  unitName: string,
  confirmed: boolean,
): Promise<Reply | Reply[]> {
  const words = orgWords(context.locale);
  const { org } = context.services;
  const unit = await org.findUnitByName(context.channel.workspaceId, unitName);
  if (!unit) return privateError(words.unknownUnit(unitName));
  const footprint = await org.unitFootprint(unit.id);
  const what = words.deletion({ ...footprint, parent: footprint.parentName });
  if (!confirmed) {
    return askToChoose(context, {
      reasons: [words.deleteAsk(unit.name, what)],
      choices: [
        {
          command: { ...command, org: { action: "delete", unit: unit.name, confirmed: true } },
          label: words.deleteChoice(unit.name),
        },
      ],
    });
  }
  if (!(await org.deleteUnit(unit.id))) return privateError(words.unknownUnit(unitName));
  return { visibility: "channel", text: words.deleted(unit.name, what) };
}
