/**
 * The fake Slack server (test/slack/fake-slack-server.ts) in a process of its own, recording when each
 * chat.postMessage arrives. Slack is remote: parsing a thousand posts a second is its work, not the bot's, so in the
 * pings scenario it must not take the event loop of the process under test (the commands scenario's load process
 * does the same for slash commands). Arrival times are wall-clock times on the same machine.
 */
import { type ChildProcess, fork } from "node:child_process";
import type { PostArrival } from "./arrivals.js";

type Reply = { type: "ready"; apiUrl: string } | { type: "posts"; posts: PostArrival[] } | { type: "cleared" };

export class FakeSlackProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly apiUrl: string,
  ) {}

  static start(): Promise<FakeSlackProcess> {
    const child = fork(new URL("./fake-slack-child.ts", import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      child.once("message", (m: Reply) => {
        if (m.type === "ready") resolve(new FakeSlackProcess(child, m.apiUrl));
      });
      child.once("exit", (code) => reject(new Error(`fake Slack process exited with ${code}`)));
    });
  }

  private ask<T extends Reply["type"]>(type: "posts" | "clear", answer: T): Promise<Extract<Reply, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (m: Reply) => {
        if (m.type !== answer) return;
        this.child.off("message", onMessage);
        resolve(m as Extract<Reply, { type: T }>);
      };
      this.child.on("message", onMessage);
      this.child.send({ type });
    });
  }

  /** Every chat.postMessage received so far, in arrival order. */
  async posts(): Promise<PostArrival[]> {
    return (await this.ask("posts", "posts")).posts;
  }

  /** Forgets what was received (the fake's history too). */
  async clear(): Promise<void> {
    await this.ask("clear", "cleared");
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.send({ type: "stop" });
    });
  }
}
