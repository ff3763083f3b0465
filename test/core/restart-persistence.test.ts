import { describe, expect, it } from "vitest";
import { createPersistentPglite, harnessFor } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";

describe("restart persistence (PGlite in a data directory)", () => {
  it("keeps tasks, numbers, history and settings after closing and reopening", async () => {
    const store = await createPersistentPglite();
    try {
      const first = harnessFor(await store.open());
      await first.say("giao @Lan nộp báo cáo tháng trước 17h thứ 6 tuần sau");
      await first.say("cài đặt ngôn ngữ en", people.admin);
      await first.close();

      const second = harnessFor(await store.open());
      const list = await second.sayText("list", people.lan);
      expect(list).toContain("nộp báo cáo tháng");
      expect(await second.sayText("add second task")).toContain("#2");
      expect(await second.sayText("show #1")).toContain("History:");
      await second.close();
    } finally {
      await store.remove();
    }
    // Opening PGlite from disk twice (with migrations) is slow on a busy machine: a generous limit, not a timing check.
  });
});
