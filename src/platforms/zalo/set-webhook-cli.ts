/**
 * Registers the bot's public webhook URL with Zalo:
 *   npm run zalo:webhook -- https://bot.example.vn/zalo/webhook
 * Uses ZALO_BOT_TOKEN, ZALO_WEBHOOK_SECRET and ZALO_API_BASE_URL from the environment. `--delete` removes the
 * webhook (back to long polling), `--info` shows the current one.
 */
import { ConfigError, loadConfig } from "../../config.js";
import { redactSecrets } from "../../logger.js";
import { ZALO_WEBHOOK_PATH } from "./index.js";
import { ZaloClient } from "./zalo-client.js";

async function main(args: string[]): Promise<number> {
  const config = loadConfig();
  if (!config.ZALO_BOT_TOKEN) {
    console.error("ZALO_BOT_TOKEN chưa được đặt / is not set (Zalo Bot Manager → token).");
    return 2;
  }
  const client = new ZaloClient(config.ZALO_BOT_TOKEN, { baseUrl: config.ZALO_API_BASE_URL });
  const [arg] = args;
  if (arg === "--info") {
    console.log(await client.getWebhookInfo());
    return 0;
  }
  if (arg === "--delete") {
    await client.deleteWebhook();
    console.log("Đã xoá webhook / Webhook deleted: the bot will use long polling.");
    return 0;
  }
  if (!arg || !/^https:\/\/\S+$/.test(arg)) {
    console.error(
      "Cách dùng / Usage: npm run zalo:webhook -- https://<your public host>/zalo/webhook [--info|--delete]",
    );
    return 2;
  }
  if (!config.ZALO_WEBHOOK_SECRET) {
    console.error("ZALO_WEBHOOK_SECRET chưa được đặt / is not set (8–256 characters; the bot checks it on each call).");
    return 2;
  }
  const url = new URL(arg);
  if (url.pathname === "/" || url.pathname === "") url.pathname = ZALO_WEBHOOK_PATH;
  if (url.pathname !== ZALO_WEBHOOK_PATH) console.warn(`Lưu ý / Note: the bot listens on ${ZALO_WEBHOOK_PATH}.`);
  const result = await client.setWebhook({ url: url.toString(), secret_token: config.ZALO_WEBHOOK_SECRET });
  console.log(`Đã đăng ký webhook / Webhook registered: ${result.url}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(redactSecrets(message));
    process.exit(1);
  },
);
