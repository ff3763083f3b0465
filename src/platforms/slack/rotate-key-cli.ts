/**
 * Reseals the stored Slack bot tokens with the current key after a key change:
 *   1. set the new key as SLACK_TOKEN_KEY and the old one as SLACK_TOKEN_KEY_PREVIOUS, restart the bot (both open);
 *   2. npm run slack:rotate-key (every token sealed with the old key is sealed again with the new one);
 *   3. remove SLACK_TOKEN_KEY_PREVIOUS and restart.
 * Prints counts only: never a token or a key.
 */
import { loadConfig } from "../../config.js";
import { createDatabase } from "../../db/client.js";
import { createSlackInstallationStore } from "../../services/slack-installation-store.js";
import { TokenCipher } from "../../services/token-cipher.js";

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.SLACK_TOKEN_KEY) {
    console.error("SLACK_TOKEN_KEY chưa đặt / is not set: nothing to rotate to.");
    return 2;
  }
  const cipher = new TokenCipher(config.SLACK_TOKEN_KEY, config.SLACK_TOKEN_KEY_PREVIOUS);
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const store = createSlackInstallationStore({ prisma: database.prisma, cipher });
    const { resealed, unreadable } = await store.resealAll();
    console.log(
      `Đã mã hoá lại ${resealed} token bằng khoá mới (${cipher.currentKeyId}). / Resealed ${resealed} token(s) with the new key (${cipher.currentKeyId}).`,
    );
    if (unreadable.length > 0) {
      console.error(
        `Không mở được token của / Could not open the token of: ${unreadable.join(", ")}. ` +
          "Đặt đúng khoá cũ vào SLACK_TOKEN_KEY_PREVIOUS, hoặc cài lại ứng dụng ở đó. / Give the right old key, or reinstall there.",
      );
      return 1;
    }
    console.log("Giờ có thể bỏ SLACK_TOKEN_KEY_PREVIOUS. / SLACK_TOKEN_KEY_PREVIOUS can now be removed.");
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The cipher's errors name no secret; anything else is reported by its message alone.
    console.error(error instanceof Error ? error.message : "rotation failed");
    process.exit(1);
  },
);
