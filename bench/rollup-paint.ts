/**
 * First contentful paint of the dashboard's overview in headless Chromium (Debian's, driven by playwright-core),
 * against the same page's bytes served as a static page by the same server: the difference is what building the
 * page costs a reader. Both load in one browser context (so the stylesheet and scripts are cached alike after the
 * warm-up), each a fresh page, median of `loads`.
 */
import { chromium } from "playwright-core";
import { quantile } from "./lib/env.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface PaintTimes {
  /** Median first contentful paint of the page as the dashboard builds it, ms. */
  dynamic: number;
  /** The same for the same bytes served as they are. */
  static: number;
}

export async function firstPaints(options: {
  dynamicUrl: string;
  staticUrl: string;
  cookie: { name: string; value: string; url: string };
  loads: number;
}): Promise<PaintTimes> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([options.cookie]);
    const paint = async (url: string): Promise<number> => {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: "load" });
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const seen = performance.getEntriesByName("first-contentful-paint")[0];
              if (seen) return resolve(seen.startTime);
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName("first-contentful-paint")[0];
                if (entry) resolve(entry.startTime);
              }).observe({ type: "paint" as never, buffered: true });
            }),
        );
        return fcp;
      } finally {
        await page.close();
      }
    };
    await paint(options.dynamicUrl);
    await paint(options.staticUrl);
    const dynamic: number[] = [];
    const fixed: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (let i = 0; i < options.loads; i++) {
      dynamic.push(await paint(options.dynamicUrl));
      fixed.push(await paint(options.staticUrl));
    }
    return { dynamic: quantile(dynamic, 0.5), static: quantile(fixed, 0.5) };
  } finally {
    await browser.close();
  }
}
