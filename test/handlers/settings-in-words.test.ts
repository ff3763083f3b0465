import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

/**
 * Every setting confirmed and read back the way people say it: never "thu 6", "off", "1,2,3,4,5" or "2026-12-24".
 * FIXED_NOW is Friday 27/11/2026 10:00 in Hà Nội.
 */
describe.each(testDatabaseKinds)("settings in words on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("confirms each setting in words and reads them all back in words", async () => {
    const chat = channelChat(harness);
    // Settings are changed by a workspace admin (issue 15: nobody becomes a manager by changing one).
    const said = async (text: string, expected: string) =>
      expect(await chat.sayText(text, people.admin), text).toContain(expected);
    await said("cài đặt giờ kết thúc 17h30", "Đã lưu giờ hết ngày làm việc: 17:30.");
    await said("cài đặt múi giờ Asia/Bangkok", "Đã lưu múi giờ: Asia/Bangkok (UTC+7).");
    await said("cài đặt ngày làm việc thứ 2 - thứ 7", "Đã lưu ngày làm việc: thứ Hai – thứ Bảy.");
    await said("cài đặt báo cáo tuần 16:00 thứ 6", "Đã bật báo cáo tuần: 16:00 thứ Sáu.");
    await said("nhắc việc tắt", "Đã tắt nhắc việc.");
    await said("cài đặt thêm quản lý @Lan", "Đã thêm quản lý: @Lan.");
    const shown = await chat.sayText("cài đặt");
    for (const line of [
      "Ngôn ngữ: tiếng Việt",
      "Múi giờ: Asia/Bangkok (UTC+7)",
      "Hết giờ làm: 17:30",
      "Ngày làm việc: thứ Hai – thứ Bảy",
      "Báo cáo tuần: bật, 16:00 thứ Sáu",
      "Nhắc việc: tắt",
      "Quản lý: @Lan",
      "Ngày nghỉ thêm: không có",
      "Ngày làm bù: không có",
    ]) {
      expect(shown).toContain(line);
    }
    await said("nhắc việc bật", "Đã bật nhắc việc.");
    await said("cài đặt báo cáo tuần tắt", "Đã tắt báo cáo tuần.");
    const again = await chat.sayText("cài đặt");
    expect(again).toContain("Nhắc việc: bật");
    expect(again).not.toContain("mặc định");
    expect(again).toContain("Báo cáo tuần: tắt");
    await said("cài đặt ngôn ngữ en", "Saved the language: English.");
    expect(await chat.sayText("settings")).toContain("Working days: Monday – Saturday");
  });

  it("reads weekday lists in every form the deadline parser knows", async () => {
    const chat = channelChat(harness);
    const cases: [string, string][] = [
      ["cài đặt ngày làm việc thứ 2, thứ 3", "thứ Hai, thứ Ba"],
      ["cài đặt ngày làm việc t2-t6", "thứ Hai – thứ Sáu"],
      ["cài đặt ngày làm việc thứ Hai – thứ Sáu", "thứ Hai – thứ Sáu"],
      ["cài đặt ngày làm việc từ thứ 2 đến thứ 7", "thứ Hai – thứ Bảy"],
      ["ngày làm việc T2, T4, T6", "thứ Hai, thứ Tư, thứ Sáu"],
      ["cài đặt ngày làm việc thu hai den thu sau", "thứ Hai – thứ Sáu"],
      // English words in a Vietnamese channel: read all the same, answered in the channel's language.
      ["settings workdays mon-fri", "thứ Hai – thứ Sáu"],
      ["settings workdays Monday to Saturday", "thứ Hai – thứ Bảy"],
      ["settings workdays mon, wed, fri", "thứ Hai, thứ Tư, thứ Sáu"],
    ];
    for (const [text, words] of cases) expect(await chat.sayText(text, people.admin), text).toContain(words);
    const [refused] = await chat.say("cài đặt ngày làm việc thứ 9", people.admin);
    expect(refused?.isError).toBe(true);
  });

  it("declares days off as single days and ranges, takes them back, and keeps make-up days", async () => {
    const chat = channelChat(harness, "ngay-nghi");
    // Settings are changed by a workspace admin (issue 15: nobody becomes a manager by changing one).
    const said = async (text: string, expected: string) =>
      expect(await chat.sayText(text, people.admin), text).toContain(expected);
    await said("cài đặt ngày nghỉ 24/12/2026", "Đã ghi ngày nghỉ: thứ Năm 24/12/2026.");
    await said("nghỉ 1/1 - 3/1/2027", "Đã ghi ngày nghỉ: 01/01/2027 – 03/01/2027 (3 ngày).");
    await said("làm bù 26/12/2026", "Đã ghi ngày làm bù: thứ Bảy 26/12/2026.");
    let shown = await chat.sayText("cài đặt");
    expect(shown).toContain("Ngày nghỉ thêm: 24/12/2026, 01/01/2027 – 03/01/2027");
    expect(shown).toContain("Ngày làm bù: 26/12/2026");
    // A make-up Saturday is a working day: no question about a deadline on it; 24/12 is asked about.
    expect(await chat.sayText("giao @Lan kiểm kê kho trước 17h 26/12")).toContain("Đã tạo việc");
    expect(await chat.sayText("giao @Lan trang trí trước 24/12")).toContain("là ngày nghỉ (Ngày nghỉ của đơn vị)");
    await chat.say("hủy");
    await said("bỏ ngày nghỉ 24/12", "Đã bỏ ngày nghỉ: 24/12/2026.");
    await said("cài đặt ngày nghỉ bỏ 2/1/2027", "Đã bỏ ngày nghỉ: 02/01/2027.");
    await said("bỏ làm bù 26/12/2026", "Đã bỏ ngày làm bù: 26/12/2026.");
    const [nothing] = await chat.say("bỏ ngày nghỉ 24/12", people.admin);
    expect(nothing?.isError).toBe(true);
    expect(nothing?.text).toContain("không có trong danh sách ngày nghỉ");
    shown = await chat.sayText("cài đặt");
    expect(shown).toContain("Ngày nghỉ thêm: 01/01/2027, 03/01/2027");
    expect(shown).toContain("Ngày làm bù: không có");
    expect(await chat.sayText("giao @Lan trang trí trước 24/12")).toContain("Đã tạo việc");
    await chat.say("settings language en", people.admin);
    await said("remove day off 2027-01-01", "Removed day off: 01/01/2027.");
  });

  it("says what a wrong value should look like", async () => {
    const chat = channelChat(harness);
    await chat.say("cài đặt giờ kết thúc 17:00", people.admin);
    const [wrong] = await chat.say("cài đặt ngày nghỉ 31/2/2027", people.admin);
    expect(wrong?.isError).toBe(true);
    expect(wrong?.text).toContain("nghỉ 1/1 - 3/1/2027");
  });
});
