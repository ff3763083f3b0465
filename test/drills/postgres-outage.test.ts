import { describe, expect, it } from "vitest";
import { runPostgresOutageDrill } from "./postgres-outage-drill.js";

describe("drill: PostgreSQL unavailable while commands arrive", () => {
  it("answers each command normally or with a polite try-again, writes nothing half, recovers without restart", async () => {
    const result = await runPostgresOutageDrill({
      slackChannels: 3,
      zaloChats: 2,
      commandsPerChannel: 6,
      pauseMs: 400,
      cutAfterMs: 1_500,
      // Longer than the journal's 1.5 s ack timeout plus a command's own wait, so that under a loaded test run some
      // command still meets the outage instead of straddling it (a 2 s outage got none once, in a full run on Node 22).
      outageMs: 3_500,
    });
    console.info("postgres-outage drill", result);
    expect(result.unanswered).toBe(0);
    // Concurrent first commands of one workspace used to race on the workspace upsert (fixed in directory-service).
    expect(result.notOkBeforeCut).toBe(0);
    expect(result.answeredTryAgain).toBeGreaterThan(0);
    expect(result.answeredOk + result.answeredTryAgain).toBe(result.commands);
    expect(result.halfWritten).toBe(0);
    expect(result.numberGaps).toBe(0);
    // Known limit (see the drill): a command whose COMMIT acknowledgement was lost is written but told to try
    // again. At most the commands in flight at the cut, one per channel.
    expect(result.writtenButToldToRetry).toBeLessThanOrEqual(5);
    expect(result.tasks).toBe(result.answeredOk + result.writtenButToldToRetry);
    // Every channel's last command, sent after the proxy came back, worked on the same bot.
    expect(result.okAfterRecovery).toBeGreaterThanOrEqual(5);
  });
});
