/**
 * The unit tree from chat: `đơn vị` shows it; `đơn vị: Phòng Kế hoạch [thuộc Sở Kế hoạch]` makes this channel one of
 * the unit's channels (creating the units named); `bỏ đơn vị` takes it out; `kênh tổng hợp cho: Sở Kế hoạch` makes
 * this channel the subtree's roll-up channel; a unit is renamed or (when confirmed) deleted by name
 * (org-unit-changes.ts). Changing the tree is a workspace admin's right.
 */
import type { Reply } from "../src/core/reply.js";
import { orgWords } from "../src/i18n/org-words.js";
import { renderTreeText } from "../src/render/org-rollup-text.js";
import type { OrgContext, OrgHandlerServices } from "./org-services.js";
import { deleteUnitReply, renameUnitReply } from "./org-unit-changes.js";
import { type AppHandler, defineHandler } from "./services.js";

const privateError = (text: string): Reply => ({ visibility: "private", isError: true, text });

export const changeUnits: AppHandler<OrgHandlerServices> = async (command, context) => {
  const request = command.org;
  const words = orgWords(context.locale);
  if (!request || request.action === "show") return showTree(context);
  if (!context.actor.isWorkspaceAdmin) return privateError(words.treeNeedsAdmin);
  if (request.action === "rename") return renameUnitReply(context, request.unit, request.name);
  if (request.action === "delete") return deleteUnitReply(command, context, request.unit, request.confirmed === true);
  if (context.channel.isPrivateChat) return privateError(words.privateChatNoUnit);
  const { org } = context.services;
  const { channel } = context;
  switch (request.action) {
    case "attach": {
      const unit = await org.ensureUnit(channel.workspaceId, request.unit);
      const parent = request.parent ? await org.ensureUnit(channel.workspaceId, request.parent) : null;
      if (parent && (await org.setParent(unit.id, parent.id)) === "cycle") {
        return privateError(words.cycle(unit.name, parent.name));
      }
      await org.attachChannel(unit.id, channel.id);
      return { visibility: "channel", text: words.attached(unit.name, parent?.name ?? null) };
    }
    case "detach": {
      const unit = await org.unitOfChannel(channel.id);
      if (!unit) return privateError(words.notAttached);
      await org.detachChannel(channel.id);
      return { visibility: "channel", text: words.detached(unit.name) };
    }
    case "rollup_channel": {
      const unit = await org.findUnitByName(channel.workspaceId, request.unit);
      if (!unit) return privateError(words.unknownUnit(request.unit));
      await org.setRollupChannel(unit.id, channel.id);
      return { visibility: "channel", text: words.rollupChannelSet(unit.name) };
    }
    default:
      return showTree(context);
  }
};

async function showTree(context: OrgContext): Promise<Reply> {
  const { org } = context.services;
  const [units, mine] = await Promise.all([
    org.listUnits(context.channel.workspaceId),
    org.unitOfChannel(context.channel.id),
  ]);
  return { visibility: "private", text: renderTreeText(units, mine?.name ?? null, context.locale) };
}

export const unitsHandler = defineHandler({
  command: "units",
  claimsInTransaction: false,
  needs: ["org", "dashboard"],
  handle: changeUnits,
});
