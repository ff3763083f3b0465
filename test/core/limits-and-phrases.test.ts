import { describe, expect, it } from "vitest";
import { listWhoIsMeant } from "../../src/core/ask-which-person.js";
import { cleanIncoming } from "../../src/core/clean-incoming.js";
import { capTitle, cleanName, stripInvisible } from "../../src/core/limits.js";
import { isBroadcastName } from "../../src/core/named-people.js";
import { readClaimCode, readConfirmPerson } from "../../src/core/permission-phrases.js";
import { parseCommand } from "../../src/language/index.js";
import { newClaimCode } from "../../src/services/admin-claims.js";
import { incomingMessage } from "../helpers/incoming.js";

describe("limits and text hygiene", () => {
  it("strips every bidirectional control and zero-width character, and nothing else", () => {
    const invisible =
      "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF";
    expect(stripInvisible(`Lan${invisible} Nguyễn 🙂`)).toBe("Lan Nguyễn 🙂");
  });

  it("cuts a title at 500 characters without splitting a surrogate pair, and says it did", () => {
    expect(capTitle("nộp báo cáo")).toEqual({ title: "nộp báo cáo", cut: false });
    const { title, cut } = capTitle("😀".repeat(600));
    expect(cut).toBe(true);
    expect(Array.from(title)).toHaveLength(500);
    expect(title.endsWith("😀")).toBe(true);
  });

  it("keeps a name to 100 visible characters on one line", () => {
    expect(cleanName("  Trần\u200B  Thị\nHoa\u202E ")).toBe("Trần Thị Hoa");
    expect(Array.from(cleanName("Hương".repeat(4000)))).toHaveLength(100);
  });

  it("cleans a whole incoming message: text, names, mentions and a form's title", () => {
    const message = incomingMessage({
      text: "giao @Lan nộp\u202E báo cáo",
      sender: { externalId: "U1", displayName: "\u200B\u200B" },
      command: {
        command: "add",
        taskRef: null,
        title: "báo\u200D cáo",
        assignees: [],
        filter: null,
        due: null,
        locale: null,
        doubts: [],
      },
    });
    const clean = cleanIncoming(message);
    expect(clean.text).toBe("giao @Lan nộp báo cáo");
    expect(clean.sender.displayName).toBe("U1");
    expect(clean.command?.title).toBe("báo cáo");
  });

  it("never takes a group for a person", () => {
    for (const word of ["channel", "here", "everyone", "all", "All", "tất cả"]) {
      expect(isBroadcastName(word, {})).toBe(true);
    }
    expect(isBroadcastName("admins", { groupMentions: ["admins"] })).toBe(true);
    expect(isBroadcastName("Lan", {})).toBe(false);
  });
});

const parsed = (text: string) => {
  const result = parseCommand(text, { now: new Date("2026-11-27T03:00:00Z"), timezone: "Asia/Ho_Chi_Minh" });
  return result.ok ? result.command : null;
};
const managersAsked = (text: string) => parsed(text)?.settings;

describe("the permission model's phrases", () => {
  it("reads 'who manages this channel' in both languages", () => {
    for (const text of [
      "quản lý kênh",
      "quan ly kenh",
      "ai là quản lý?",
      "cài đặt quản lý",
      "/task managers",
      "managers",
    ]) {
      expect(managersAsked(text), text).toEqual({ key: "manager", value: null });
    }
    expect(managersAsked("thêm quản lý @Lan")).not.toEqual({ key: "manager", value: null });
    expect(parsed("giao @Lan quản lý kho")?.command).toBe("add");
  });

  it("reads a writer's confirmation of who a typed name meant, names as typed", () => {
    expect(readConfirmPerson("xác nhận @Hoa là @Trần Thị Hoa")).toEqual({ typed: "Hoa", meant: "Trần Thị Hoa" });
    expect(readConfirmPerson("confirm @Hoa is @Tran Thi Hoa.")).toEqual({ typed: "Hoa", meant: "Tran Thi Hoa" });
    expect(readConfirmPerson("xác nhận việc #3")).toBeNull();
  });

  it("recognises an admin code only as a whole message, whatever its case", () => {
    const code = newClaimCode();
    expect(code).toMatch(/^RV-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(readClaimCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(readClaimCode(`mã ${code}`)).toBeNull();
  });

  it("lists who a name may mean, with full names and what tells them apart", () => {
    const at = new Date("2026-11-25T02:00:00Z");
    const reply = listWhoIsMeant(
      [
        {
          name: "Hoa",
          candidates: [
            { id: "1", externalId: "z-0001a", displayName: "Trần Thị Hoa", lastSeenAt: at, pending: false },
            { id: "2", externalId: "z-0002b", displayName: "Trần Thị Hoa", lastSeenAt: null, pending: false },
          ],
        },
      ],
      { locale: "vi", platform: "zalo", timezone: "Asia/Ho_Chi_Minh" },
    );
    expect(reply).toMatchObject({ visibility: "private", isError: true });
    expect(reply.text).toContain('nhiều người tên "Hoa"');
    expect(reply.text).toContain("Trần Thị Hoa (mã …001a) — nhắn ở đây lần cuối 09:00 25/11/2026");
    expect(reply.text).toContain("trùng cả họ tên");
    expect(reply.text).toContain("Mình chưa ghi gì");
  });
});
