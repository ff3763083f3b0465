/**
 * Bot middleware: after a settings command that changed something, re-plan the channel's pings and upsert or
 * remove its summary job scheduler at once (the reconciler would also catch up within minutes).
 */
import type { Middleware } from "../src/core/middleware.js";
import type { CoreServices } from "../src/core/ports/index.js";
import type { PingScheduler } from "./scheduler.js";

export function rescheduleAfterSettings<S extends CoreServices>(
  scheduler: Pick<PingScheduler, "onChannelSettingsChanged">,
): Middleware<S> {
  return async (context, next) => {
    const replies = await next();
    const parsed = context.parsed;
    const changed =
      parsed.ok &&
      parsed.command.command === "settings" &&
      parsed.command.settings?.key !== "show" &&
      // A setting named without a value only shows something ("quản lý kênh").
      parsed.command.settings?.value !== null &&
      replies.every((r) => !r.isError);
    if (changed) {
      try {
        await scheduler.onChannelSettingsChanged(context.channel.id);
      } catch (error) {
        context.logger.warn(
          { err: error, channelId: context.channel.id },
          "re-planning after a settings change failed",
        );
      }
    }
    return replies;
  };
}
