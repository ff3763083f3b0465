/**
 * `lãnh đạo Sở Kế hoạch: @Lan @Minh` / `bỏ lãnh đạo Sở Kế hoạch: @Minh`: a unit's leaders see its subtree's roll-up
 * and dashboard. A workspace admin's right; the people are members the bot resolved (never a pending name).
 */
import type { Reply } from "../src/core/reply.js";
import { orgWords } from "../src/i18n/org-words.js";
import { commandExample } from "../src/language/index.js";
import { renderPeople } from "../src/render/render-context.js";
import type { OrgHandlerServices } from "./org-services.js";
import { type AppHandler, defineHandler } from "./services.js";

const privateError = (text: string): Reply => ({ visibility: "private", isError: true, text });

export const changeUnitLeaders: AppHandler<OrgHandlerServices> = async (command, context) => {
  const request = command.org;
  const words = orgWords(context.locale);
  if (request?.action !== "add_leaders" && request?.action !== "remove_leaders") {
    return privateError(words.leadersNeedPeople(commandExample("unit_leaders", context.locale)));
  }
  if (!context.actor.isWorkspaceAdmin) return privateError(words.treeNeedsAdmin);
  const people = (context.mentioned ?? []).filter((p) => p.externalId !== null);
  if (people.length === 0) return privateError(words.leadersNeedPeople(commandExample("unit_leaders", context.locale)));
  const { org } = context.services;
  const unit = await org.findUnitByName(context.channel.workspaceId, request.unit);
  if (!unit) return privateError(words.unknownUnit(request.unit));
  const ids = people.map((p) => p.id);
  const names = renderPeople(people, context.locale);
  if (request.action === "add_leaders") {
    await org.addLeaders(unit.id, ids);
    return { visibility: "channel", text: words.leadersAdded(unit.name, names) };
  }
  await org.removeLeaders(unit.id, ids);
  return { visibility: "channel", text: words.leadersRemoved(unit.name, names) };
};

export const unitLeadersHandler = defineHandler({
  command: "unit_leaders",
  claimsInTransaction: false,
  needs: ["org", "dashboard"],
  handle: changeUnitLeaders,
});
