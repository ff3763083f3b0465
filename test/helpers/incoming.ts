import type { IncomingMention, IncomingMessage, Platform } from "../../src/core/incoming.js";

/** A person of the test team. `externalId` is the platform user id. */
export interface TestPerson {
  externalId: string;
  displayName: string;
  isWorkspaceAdmin?: boolean;
}

export const people = {
  lan: { externalId: "U_LAN", displayName: "Lan" },
  minh: { externalId: "U_MINH", displayName: "Minh" },
  hoa: { externalId: "U_HOA", displayName: "Hoa" },
  sep: { externalId: "U_SEP", displayName: "Sếp Tùng" },
  admin: { externalId: "U_ADMIN", displayName: "Admin", isWorkspaceAdmin: true },
} satisfies Record<string, TestPerson>;

export interface IncomingOverrides extends Partial<Omit<IncomingMessage, "sender" | "channel">> {
  sender?: TestPerson;
  channel?: Partial<IncomingMessage["channel"]>;
  /** How mentions arrive: with platform ids (Slack) or only as typed names (Zalo). Default "ids". */
  mentionStyle?: "ids" | "names";
  /** People that `@Name` tokens in the text may refer to. Default: {@link people}. */
  team?: TestPerson[];
}

/** Mentions for every `@Token` in `text`: known team members get their id (or not, in the "names" style). */
export function mentionsIn(text: string, team: TestPerson[], style: "ids" | "names"): IncomingMention[] {
  const mentions: IncomingMention[] = [];
  for (const match of text.matchAll(/@([\p{L}\p{N}_]+)/gu)) {
    const token = match[1] as string;
    const person = team.find((p) => p.displayName.split(" ").at(-1)?.toLowerCase() === token.toLowerCase());
    mentions.push(
      person && style === "ids"
        ? { token, externalId: person.externalId, displayName: person.displayName }
        : { token, displayName: token },
    );
  }
  return mentions;
}

let sequence = 0;

/** A normalised incoming message with sensible defaults: console platform, channel "C1", sent by Lan's boss. */
export function incomingMessage(overrides: IncomingOverrides = {}): IncomingMessage {
  const { sender = people.sep, channel, mentionStyle = "ids", team = Object.values(people), ...rest } = overrides;
  const text = rest.text ?? "trợ giúp";
  sequence += 1;
  return {
    platform: "console" as Platform,
    workspace: { externalId: "W1", name: "Phòng Kế hoạch" },
    channel: { externalId: "C1", name: "ke-hoach", isPrivateChat: false, ...channel },
    sender: { ...sender },
    mentions: mentionsIn(text, team, mentionStyle),
    sentAt: new Date("2026-11-27T03:00:00Z"),
    messageRef: `m${sequence}`,
    ...rest,
    text,
  };
}
