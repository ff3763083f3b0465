/**
 * Makes someone an admin of the Zalo bot (Zalo has no admins of its own):
 *   npm run zalo:claim                      prints a one-time code; the admin sends it to the bot in a private chat
 *   npm run zalo:claim -- --list            who claimed admin rights, and when
 *   npm run zalo:claim -- --revoke <id>     takes them back from the person with that Zalo user id
 * The code is printed here, on the operator's terminal, and nowhere else: only its hash is stored, in the database
 * (DATABASE_URL) or, with the embedded database that the running bot holds, in DATA_DIR/admin-claims.
 * With the embedded database, run --list and --revoke while the bot is stopped.
 */
import { loadConfig } from "../../config.js";
import { createDatabase } from "../../db/client.js";
import {
  CLAIM_CODE_TTL_MS,
  claimDropDir,
  listClaimedAdmins,
  newClaimCode,
  pruneDroppedCodes,
  revokeClaimedAdmin,
  storeClaimCode,
} from "../../services/admin-claims.js";

async function main(args: string[]): Promise<number> {
  const config = loadConfig();
  const [flag, value] = args;
  if (flag === "--list" || flag === "--revoke") return manage(config, flag, value);
  if (flag) {
    console.error("Cách dùng / Usage: npm run zalo:claim [-- --list | --revoke <zalo user id>]");
    return 2;
  }
  const code = newClaimCode();
  // real time: the operator's code expires by the wall clock, as the admin sending it lives by it.
  const now = new Date();
  if (config.DATABASE_URL) {
    const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await storeClaimCode({ prisma: database.prisma }, "zalo", code, now);
    } finally {
      await database.close();
    }
  } else {
    const dropDir = claimDropDir(config.DATA_DIR);
    await pruneDroppedCodes(dropDir, now);
    await storeClaimCode({ dropDir }, "zalo", code, now);
  }
  const minutes = Math.round(CLAIM_CODE_TTL_MS / 60_000);
  console.log(
    [
      `Mã quản trị (dùng một lần, hết hạn sau ${minutes} phút) / One-time admin code (expires in ${minutes} minutes):`,
      "",
      `    ${code}`,
      "",
      "Người sẽ làm quản trị viên gửi đúng mã này cho bot trong CHAT RIÊNG với bot trên Zalo.",
      "The future admin sends exactly this code to the bot in a PRIVATE chat on Zalo.",
      "Không gửi mã vào nhóm: mã gửi trong nhóm bị hủy. / Never in a group: a code sent there is void.",
    ].join("\n"),
  );
  return 0;
}

async function manage(config: ReturnType<typeof loadConfig>, flag: string, value: string | undefined) {
  if (flag === "--revoke" && !value) {
    console.error("Cách dùng / Usage: npm run zalo:claim -- --revoke <zalo user id>");
    return 2;
  }
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (flag === "--revoke" && value) {
      const count = await revokeClaimedAdmin(database.prisma, "zalo", value);
      console.log(count > 0 ? `Đã thu hồi / Revoked: ${value}` : `Không tìm thấy / Not found: ${value}`);
      return count > 0 ? 0 : 1;
    }
    const admins = await listClaimedAdmins(database.prisma, "zalo");
    if (admins.length === 0) console.log("Chưa ai nhận quyền bằng mã / Nobody claimed admin rights with a code.");
    for (const admin of admins) {
      console.log(`${admin.externalId}\t${admin.displayName}\t${admin.adminClaimedAt?.toISOString() ?? ""}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
