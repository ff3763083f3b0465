/**
 * Records when messages reach the fake Slack server (test/slack/fake-slack-server.ts), which keeps what it got but
 * not when: its `calls` and `responses` lists are wrapped so each push also notes the arrival time.
 */
import type { FakeSlackServer, RecordedCall, ResponseUrlPost } from "../../test/slack/fake-slack-server.js";
import { wallNow } from "./env.js";

export interface PostArrival {
  channel: string;
  at: number;
  /** The outbox id carried in the message metadata (first page of an outbox message only). */
  outboxId?: string;
}

export interface ArrivalLog {
  /** chat.postMessage calls, in arrival order. */
  posts: PostArrival[];
  /** response_url posts: id (the part after /response/) → arrival time. */
  responses: Map<string, number>;
  /** Called on each first post to a response_url (closed-loop clients wait for their reply). */
  onResponse?: (id: string) => void;
  /** Drops what was recorded and the fake's own copies (long runs). */
  clear(): void;
}

export function recordArrivals(fake: FakeSlackServer): ArrivalLog {
  const log: ArrivalLog = {
    posts: [],
    responses: new Map(),
    clear() {
      log.posts.length = 0;
      log.responses.clear();
      fake.calls.length = 0;
      fake.responses.length = 0;
      fake.history.clear();
    },
  };
  const calls = fake.calls;
  calls.push = (...items: RecordedCall[]) => {
    const at = wallNow();
    for (const call of items) {
      if (call.method !== "chat.postMessage") continue;
      const metadata = call.args.metadata as { event_payload?: { outbox_id?: string } } | undefined;
      log.posts.push({ channel: String(call.args.channel), at, outboxId: metadata?.event_payload?.outbox_id });
    }
    return Array.prototype.push.apply(calls, items);
  };
  const responses = fake.responses;
  responses.push = (...items: ResponseUrlPost[]) => {
    const at = wallNow();
    for (const post of items) {
      if (log.responses.has(post.id)) continue;
      log.responses.set(post.id, at);
      log.onResponse?.(post.id);
    }
    return Array.prototype.push.apply(responses, items);
  };
  return log;
}
