import { describe, expect, it } from "vitest";
import { foldName, stripLeadingMention } from "../../src/platforms/zalo/fold-name.js";
import { normalizeMessage } from "../../src/platforms/zalo/normalize-update.js";
import { FAKE_BOT } from "./fake-zalo-server.js";
import { textUpdate } from "./fixtures.js";

const message = (text: string, overrides: Parameters<typeof textUpdate>[1] = {}) => {
  const update = textUpdate(text, overrides);
  if (!update.message) throw new Error("fixture without message");
  return update.message;
};

describe("normalizeMessage", () => {
  it("maps a private chat: channel is the chat, the sender can be reached privately, eventId is message_id", () => {
    const m = message("/viec them Nộp báo cáo", { fromId: "u1", name: "Trần Thị Lan", messageId: "mid-1" });
    const incoming = normalizeMessage(m, FAKE_BOT);
    expect(incoming).toMatchObject({
      platform: "zalo",
      workspace: { externalId: FAKE_BOT.id },
      channel: { externalId: "u1", isPrivateChat: true },
      sender: { externalId: "u1", displayName: "Trần Thị Lan", privateChatId: "u1" },
      text: "/viec them Nộp báo cáo",
      mentions: [],
      eventId: "mid-1",
      messageRef: "mid-1",
    });
    expect(incoming?.sentAt).toEqual(new Date(m.date as number));
  });

  it.each([
    ["@Rõ Việc giao @Lan nộp báo cáo", "giao @Lan nộp báo cáo"],
    ["@ro viec giao @Lan nộp báo cáo", "giao @Lan nộp báo cáo"],
    ["@RÕ VIỆC, giao @Lan nộp báo cáo", "giao @Lan nộp báo cáo"],
    ["  @Rõ Việc:   /viec list", "/viec list"],
    ["@Rõ Việc", ""],
  ])("strips the leading bot mention in a group: %s", (text, expected) => {
    const incoming = normalizeMessage(message(text, { chatType: "GROUP", fromId: "u2" }), FAKE_BOT);
    expect(incoming?.text).toBe(expected);
    expect(incoming?.channel).toEqual({ externalId: "group-1", isPrivateChat: false });
    expect(incoming?.sender.privateChatId).toBeUndefined();
  });

  it("leaves other mentions and a name that only starts like the bot's alone", () => {
    expect(normalizeMessage(message("@Rõ Việcs ơi", { chatType: "GROUP" }), FAKE_BOT)?.text).toBe("@Rõ Việcs ơi");
    expect(normalizeMessage(message("giao @Rõ Việc", { chatType: "GROUP" }), FAKE_BOT)?.text).toBe("giao @Rõ Việc");
  });

  it("keeps typed @names as text and lists them as mentions without externalId", () => {
    const incoming = normalizeMessage(message("giao @Lan và @Minh_Anh, @Đức nộp hồ sơ (email a@b.vn)"), FAKE_BOT);
    expect(incoming?.text).toBe("giao @Lan và @Minh_Anh, @Đức nộp hồ sơ (email a@b.vn)");
    expect(incoming?.mentions).toEqual([
      { token: "Lan", displayName: "Lan" },
      { token: "Minh_Anh", displayName: "Minh_Anh" },
      { token: "Đức", displayName: "Đức" },
    ]);
    expect(incoming?.mentions.every((m) => m.externalId === undefined)).toBe(true);
  });

  it("removes reserved token characters so a title cannot forge a mention", () => {
    expect(normalizeMessage(message("việc \uE000x\uE001y\uE001z\uE002"), FAKE_BOT)?.text).toBe("việc xyz");
  });

  it("ignores messages from bots and messages without a sender", () => {
    const fromBot = message("hi");
    fromBot.from.is_bot = true;
    expect(normalizeMessage(fromBot, FAKE_BOT)).toBeUndefined();
    expect(normalizeMessage({ ...message("hi"), from: { id: "" } }, FAKE_BOT)).toBeUndefined();
  });
});

describe("foldName", () => {
  it("ignores diacritics, đ and case", () => {
    expect(foldName("  Đặng   Thị Lụa ")).toBe("dang thi lua");
    expect(foldName("Rõ Việc".normalize("NFD"))).toBe(foldName("ro viec"));
    expect(stripLeadingMention("@ro viec help", ["Rõ Việc"])).toBe("help");
  });

  it("brings '@Rõ Việc 1' and a reply '1' to the core as the answer '1' to its question", () => {
    const group = (text: string) => {
      const update = textUpdate(text, { chatType: "GROUP", chatId: "g-1" });
      return normalizeMessage(update.message as NonNullable<typeof update.message>, FAKE_BOT)?.text;
    };
    expect(group("@Rõ Việc 1")).toBe("1");
    expect(group("@ro viec: số 2 nhé")).toBe("số 2 nhé");
    expect(group("1")).toBe("1");
    expect(group("@Rõ Việc hủy")).toBe("hủy");
  });
});
