/**
 * The app as an operator scales it out: `src/main.ts` with ROLE=web and WEB_PROCESSES=webs (copies behind one
 * port), and `workers` ROLE=worker processes, on the scenario's database and Redis prefix, the Slack Web API pointed
 * at the fake. Resolves once every copy and worker is ready; `stop()` sends SIGTERM and waits for them all.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createDatabase } from "../../src/db/client.js";
import { REDIS_URL, sleep } from "./env.js";

export interface AppLayout {
  webs: number;
  workers: number;
}

export interface AppProcesses {
  /** The Slack events URL of the web processes' shared port. */
  eventsUrl: string;
  stop(): Promise<void>;
}

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
/** How long the processes may take to become ready (a loaded machine starts tsx slowly). */
const READY_WITHIN_MS = 120_000;

export async function startAppProcesses(options: {
  layout: AppLayout;
  databaseUrl: string;
  prefix: string;
  slackApiUrl: string;
  signingSecret: string;
}): Promise<AppProcesses> {
  // Migrated once here, so that the processes do not race to migrate an empty database.
  await (await createDatabase({ databaseUrl: options.databaseUrl, dataDir: "memory://" })).close();
  const env = {
    ...process.env,
    ENV_FILE: "/dev/null",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: options.prefix,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: options.signingSecret,
    SLACK_API_URL: options.slackApiUrl,
    LOG_LEVEL: "silent",
  };
  const children: ChildProcess[] = [];
  const start = (extra: Record<string, string>) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: repositoryRoot,
      env: { ...env, ...extra },
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.push(child);
    return child;
  };
  const stop = async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      running.map((child) => {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        return exited;
      }),
    );
  };
  try {
    const webPort = await freePort();
    start({ ROLE: "web", WEB_PROCESSES: String(options.layout.webs), PORT: String(webPort) });
    const workerPorts: number[] = [];
    for (let i = 0; i < options.layout.workers; i++) {
      const port = await freePort();
      workerPorts.push(port);
      start({ ROLE: "worker", PORT: String(port) });
    }
    await waitReady(webPort, options.layout.webs);
    for (const port of workerPorts) await waitReady(port, 1);
    return { eventsUrl: `http://127.0.0.1:${webPort}/slack/events`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Until /readyz answers 200 and, behind a cluster, /metrics counts every copy. */
async function waitReady(port: number, copies: number): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    const counted =
      copies <= 1 ||
      (await fetch(`http://127.0.0.1:${port}/metrics`).then(
        async (r) => new RegExp(`^roviec_web_processes(\\{[^}]*\\})? ${copies}$`, "m").test(await r.text()),
        () => false,
      ));
    if (ready && counted) return;
    await sleep(250);
  }
  throw new Error(`the app's processes on port ${port} were not ready within ${READY_WITHIN_MS} ms`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}
