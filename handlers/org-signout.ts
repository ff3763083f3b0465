/** `đăng xuất mọi nơi` / `sign out everywhere`: ends every dashboard session of the asker and spends unused links. */
import { orgWords } from "../src/i18n/org-words.js";
import type { OrgHandlerServices } from "./org-services.js";
import { type AppHandler, defineHandler } from "./services.js";

export const signOutEverywhere: AppHandler<OrgHandlerServices> = async (_command, context) => {
  const ended = await context.services.org.revokeAll(context.actor.id, context.now);
  return { visibility: "private", text: orgWords(context.locale).signedOut(ended) };
};

export const signoutHandler = defineHandler({
  command: "signout",
  claimsInTransaction: false,
  needs: ["org", "dashboard"],
  handle: signOutEverywhere,
});
