import type { KnownBlock } from "@slack/types";
import type { SummaryView } from "../../scheduling/index.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** Slack's limits: header text 150 characters, section text 3000, a message 50 blocks. */
const MAX_HEADER = 150;
const MAX_SECTION = 3000;
/** Lines shown per list before "… and N more" (a long overdue list must not push the table out of the message). */
const MAX_LINES = 25;

const MORE = { vi: (n: number) => `… và ${n} việc khác`, en: (n: number) => `… and ${n} more` } as const;
const MORE_PEOPLE = { vi: (n: number) => `… và ${n} người khác`, en: (n: number) => `… and ${n} more people` } as const;

/**
 * The weekly summary as Block Kit: a header, one section per list (done last week, overdue, due this week), the
 * per-person table as a monospace block and the change against the week before. At most 10 blocks; every
 * user-written text (titles, names) is escaped, and nobody is mentioned (a summary informs, it does not ping).
 */
export function renderSummaryBlocks(view: SummaryView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(view.title, MAX_HEADER), emoji: true } },
  ];
  if (view.channelName) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `#${escapeMrkdwn(view.channelName)}` }] });
  }
  for (const section of view.sections) {
    const heading = `*${escapeMrkdwn(section.title)} (${section.lines.length})*`;
    blocks.push({ type: "divider" });
    blocks.push(section_(`${heading}\n${listText(section.lines, view)}`));
  }
  blocks.push({ type: "divider" });
  blocks.push(section_(`*${escapeMrkdwn(view.people.title)}*\n${peopleTable(view)}`));
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: `*${escapeMrkdwn(view.change.title)}:* ${escapeMrkdwn(view.change.text)}` }],
  });
  return blocks;
}

/** Bullet lines within the section limit and {@link MAX_LINES}; the rest counted in "… and N more". */
function listText(lines: string[], view: SummaryView): string {
  if (lines.length === 0) return `_${view.none}_`;
  const shown: string[] = [];
  let length = 0;
  for (const line of lines.slice(0, MAX_LINES)) {
    const bullet = `• ${escapeMrkdwn(line)}`;
    // Room for the heading and the "more" note.
    if (length + bullet.length + 1 > MAX_SECTION - 120) break;
    shown.push(bullet);
    length += bullet.length + 1;
  }
  const hidden = lines.length - shown.length;
  if (hidden > 0) shown.push(`_${MORE[view.locale](hidden)}_`);
  return shown.join("\n");
}

/** The table as a code block; rows that would pass the section limit are left out with a note. */
function peopleTable(view: SummaryView): string {
  if (!view.people.table) return `_${view.none}_`;
  const lines = escapeMrkdwn(view.people.table).split("\n");
  // lines: ```, header, rows…, ```
  const kept: string[] = [];
  let length = 0;
  for (const line of lines.slice(0, -1)) {
    if (length + line.length + 10 > MAX_SECTION - 40) break;
    kept.push(line);
    length += line.length + 1;
  }
  const hidden = lines.length - 1 - kept.length;
  return `${kept.join("\n")}\n\`\`\`${hidden > 0 ? `\n_${MORE_PEOPLE[view.locale](hidden)}_` : ""}`;
}

function section_(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, MAX_SECTION) } };
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
