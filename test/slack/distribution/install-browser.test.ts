import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { type DistributedHarness, startDistributedHarness } from "./distributed-harness.js";

/**
 * "Add to Slack" in a real browser (Debian's chromium driven by playwright-core): the state cookie our install page
 * sets must come back with Slack's redirect for the install to be accepted, which only a browser's own cookie rules
 * (HttpOnly, Secure on a loopback address, the redirect across two origins) can show.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("Add to Slack in chromium", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.workspaces.add("A", "TBROWSERA");
    harness.workspaces.add("B", "TBROWSERB");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await database?.close();
  });

  it("installs from the install page through Slack's consent page and back", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${harness.baseUrl}/slack/install`);
    expect(await page.title()).toContain("Cài Rõ Việc vào Slack");
    harness.workspaces.signedInTo = "TBROWSERA";
    await page.click("#add-to-slack");
    await page.waitForSelector("#allow");
    await page.click("#allow");
    await page.waitForSelector("#installed");
    expect(await page.textContent("#installed")).toContain("Công ty A");
    expect(new URL(page.url()).pathname).toBe("/slack/oauth_redirect");
    // The state cookie is spent: it is not readable by the page's scripts, and it is cleared after use.
    expect(await page.evaluate("document.cookie")).not.toContain("slack-app-oauth-state");
    const cookies = await context.cookies(harness.baseUrl);
    expect(cookies.find((c) => c.name === "slack-app-oauth-state")?.value ?? "").toBe("");
    expect(await harness.distribution.installations.isInstalled({ teamId: "TBROWSERA" })).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("refuses Slack's redirect in a browser that did not start the install, with a way to start again", async () => {
    const starter = await browser.newContext();
    const page = await starter.newPage();
    await page.goto(`${harness.baseUrl}/slack/install`);
    harness.workspaces.signedInTo = "TBROWSERB";
    await page.click("#add-to-slack");
    const allow = await page.getAttribute("#allow", "href");
    await starter.close();

    const other = await browser.newContext();
    const victim = await other.newPage();
    const response = await victim.goto(allow ?? "");
    expect(response?.status()).toBe(400);
    expect(await victim.textContent("#not-installed")).toContain("Chưa cài được");
    await victim.click("text=bắt đầu lại");
    await victim.waitForSelector("#add-to-slack");
    expect(await harness.distribution.installations.isInstalled({ teamId: "TBROWSERB" })).toBe(false);
    await other.close();
  });
});
