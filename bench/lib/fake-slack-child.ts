/** The child side of FakeSlackProcess (fake-slack-process.ts). */
import { FakeSlackServer } from "../../test/slack/fake-slack-server.js";
import { recordArrivals } from "./arrivals.js";

const fake = await new FakeSlackServer().start();
const arrivals = recordArrivals(fake);

process.on("message", (message: { type: "posts" | "clear" | "stop" }) => {
  if (message.type === "posts") process.send?.({ type: "posts", posts: arrivals.posts });
  else if (message.type === "clear") {
    arrivals.clear();
    process.send?.({ type: "cleared" });
  } else if (message.type === "stop") void fake.stop().finally(() => process.exit(0));
});
// The bench process died (or was killed): do not outlive it.
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready", apiUrl: fake.apiUrl });
