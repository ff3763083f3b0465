/**
 * The organisation's sentences, read on whole messages before the task commands (a unit's name is free text, so
 * each sentence is anchored at the start and names its unit after a colon or a fixed word):
 * - `đơn vị: Phòng Kế hoạch [thuộc Sở Kế hoạch]` / `unit: Planning [under Department]`: this channel is (one of) the
 *   unit's channels; `bỏ đơn vị` / `leave unit` takes it out; `đơn vị` / `units` shows the tree;
 * - `kênh tổng hợp cho: Sở Kế hoạch` / `roll-up channel for: Department`: this channel gets that subtree's roll-up;
 * - `đổi tên đơn vị Phòng A thành Phòng Tổng hợp` / `rename unit Planning to Planning and Investment`;
 *   `xóa đơn vị Phòng A` / `delete unit Planning` (asked about before anything is deleted);
 * - `lãnh đạo Sở Kế hoạch: @Lan @Minh` / `leaders Department: @Lan` (and `bỏ lãnh đạo …` / `remove leaders …`);
 * - `tình hình các đơn vị` / `status of units`, `việc quá hạn các đơn vị` / `overdue by unit`,
 *   `xuất báo cáo tổng hợp [csv] [kèm việc đã hủy]` / `export units [csv] [with cancelled]`;
 * - `bảng điều khiển` / `dashboard`, and `đăng xuất mọi nơi` / `sign out everywhere`.
 * Names are cut from the original text (fold() keeps offsets), diacritics as typed.
 */
import type { Locale } from "../locale.js";
import { WITH_CANCELLED_SUFFIX } from "./cancelled-phrase.js";
import type { Message } from "./message.js";
import type { OrgRequest } from "./types.js";

export interface OrgPhrase {
  command: "units" | "unit_leaders" | "rollup" | "dashboard" | "signout";
  org: OrgRequest;
  locale: Locale;
}

const PREFIX = /^\s*\/?\s*(?:(?:task|tasks|viec|rv|roviec)\s+)?/;
const UNITS_WORDS = "(?:cac )?(?:don vi|phong|so|ban|phong ban|so nganh|don vi truc thuoc)";

/** The roll-up export asked for: its format, and whether cancelled tasks are listed (group 2 of the sentence). */
function exportRequest(g: (group: number) => string | null): OrgRequest {
  const format = g(1) === "csv" ? "csv" : "xlsx";
  return g(2) ? { action: "export", format, withCancelled: true } : { action: "export", format };
}

interface Rule {
  re: RegExp;
  locale: Locale;
  build: (name: (group: number) => string | null) => Omit<OrgPhrase, "locale"> | null;
}

const rules: Rule[] = [
  {
    re: new RegExp(`^(?:tinh hinh|thong ke|tien do) (?:${UNITS_WORDS}|toan don vi|to chuc|toan co quan)\\s*\\??$`),
    locale: "vi",
    build: () => ({ command: "rollup", org: { action: "status" } }),
  },
  {
    re: /^(?:status|stats) (?:of |by )?(?:the )?(?:units|departments|organi[sz]ation|org)\s*\??$|^(?:units|org) status$/,
    locale: "en",
    build: () => ({ command: "rollup", org: { action: "status" } }),
  },
  {
    re: new RegExp(`^(?:viec |danh sach )?(?:qua han|tre han) (?:${UNITS_WORDS}|toan don vi|to chuc)\\s*\\??$`),
    locale: "vi",
    build: () => ({ command: "rollup", org: { action: "overdue" } }),
  },
  {
    re: /^(?:overdue (?:tasks )?(?:by|of|across) (?:the )?(?:units?|departments|org(?:ani[sz]ation)?)|units overdue)\s*\??$/,
    locale: "en",
    build: () => ({ command: "rollup", org: { action: "overdue" } }),
  },
  {
    re: new RegExp(
      `^xuat (?:bao cao |file )?tong hop(?: (?:cac )?don vi)?(?: (xlsx|excel|csv))?${WITH_CANCELLED_SUFFIX}\\s*$`,
    ),
    locale: "vi",
    build: (g) => ({ command: "rollup", org: exportRequest(g) }),
  },
  {
    re: new RegExp(
      `^export (?:units|rollup|roll-up|organi[sz]ation)(?: (xlsx|excel|csv))?${WITH_CANCELLED_SUFFIX}\\s*$`,
    ),
    locale: "en",
    build: (g) => ({ command: "rollup", org: exportRequest(g) }),
  },
  {
    re: /^(?:mo )?(?:bang dieu khien|trang tong hop|bang tong hop)\s*$/,
    locale: "vi",
    build: () => ({ command: "dashboard", org: { action: "link" } }),
  },
  { re: /^(?:open )?dashboard\s*$/, locale: "en", build: () => ({ command: "dashboard", org: { action: "link" } }) },
  {
    re: /^dang xuat(?: (?:khoi )?(?:moi noi|tat ca|bang dieu khien))?\s*$/,
    locale: "vi",
    build: () => ({ command: "signout", org: { action: "signout" } }),
  },
  {
    re: /^(?:sign|log) ?out(?: everywhere| of the dashboard)?\s*$/,
    locale: "en",
    build: () => ({ command: "signout", org: { action: "signout" } }),
  },
  {
    re: /^(?:don vi|co cau to chuc|co cau|cac don vi|so do to chuc)\s*\??$/,
    locale: "vi",
    build: () => ({ command: "units", org: { action: "show" } }),
  },
  {
    re: /^(?:units|org chart|organi[sz]ation)\s*\??$/,
    locale: "en",
    build: () => ({ command: "units", org: { action: "show" } }),
  },
  {
    re: /^(?:bo|roi|go) (?:kenh khoi )?don vi\s*$/,
    locale: "vi",
    build: () => ({ command: "units", org: { action: "detach" } }),
  },
  {
    re: /^(?:leave unit|unit:? none|no unit)\s*$/,
    locale: "en",
    build: () => ({ command: "units", org: { action: "detach" } }),
  },
  {
    re: /^(?:doi ten|sua ten|dat lai ten) don vi\s*:?\s*(.+?)\s+thanh\s*:?\s*(.+?)\s*$/,
    locale: "vi",
    build: (g) => unitRename(g(1), g(2)),
  },
  {
    re: /^rename (?:the )?unit\s*:?\s*(.+?)\s+(?:to|as)\s*:?\s*(.+?)\s*$/,
    locale: "en",
    build: (g) => unitRename(g(1), g(2)),
  },
  {
    re: /^(?:xoa|giai the) don vi\s*:?\s*(.+?)\s*$/,
    locale: "vi",
    build: (g) => (g(1) ? { command: "units", org: { action: "delete", unit: g(1) as string } } : null),
  },
  {
    re: /^(?:delete|remove|dissolve) (?:the )?unit\s*:?\s*(.+?)\s*$/,
    locale: "en",
    build: (g) => (g(1) ? { command: "units", org: { action: "delete", unit: g(1) as string } } : null),
  },
  {
    re: /^don vi\s*:\s*(.+?)(?:\s+(?:thuoc|truc thuoc|la con cua)\s+(.+?))?\s*$/,
    locale: "vi",
    build: (g) => unitAttach(g(1), g(2)),
  },
  {
    re: /^unit\s*:\s*(.+?)(?:\s+(?:under|in|part of)\s+(.+?))?\s*$/,
    locale: "en",
    build: (g) => unitAttach(g(1), g(2)),
  },
  {
    re: /^kenh tong hop(?: cho| cua)?\s*:\s*(.+?)\s*$/,
    locale: "vi",
    build: (g) => (g(1) ? { command: "units", org: { action: "rollup_channel", unit: g(1) as string } } : null),
  },
  {
    re: /^roll-?up channel(?: for| of)?\s*:\s*(.+?)\s*$/,
    locale: "en",
    build: (g) => (g(1) ? { command: "units", org: { action: "rollup_channel", unit: g(1) as string } } : null),
  },
  {
    re: /^(bo |xoa )?lanh dao(?: don vi)?\s+([^:@]+?)\s*:/,
    locale: "vi",
    build: (g) => leaders(g(1) !== null, g(2)),
  },
  {
    re: /^(remove )?(?:unit )?leaders?(?: of)?\s+([^:@]+?)\s*:/,
    locale: "en",
    build: (g) => leaders(g(1) !== null, g(2)),
  },
];

function unitAttach(unit: string | null, parent: string | null): Omit<OrgPhrase, "locale"> | null {
  if (!unit) return null;
  return { command: "units", org: { action: "attach", unit, ...(parent ? { parent } : {}) } };
}

function unitRename(unit: string | null, name: string | null): Omit<OrgPhrase, "locale"> | null {
  if (!unit || !name) return null;
  return { command: "units", org: { action: "rename", unit, name } };
}

function leaders(remove: boolean, unit: string | null): Omit<OrgPhrase, "locale"> | null {
  if (!unit) return null;
  return { command: "unit_leaders", org: { action: remove ? "remove_leaders" : "add_leaders", unit } };
}

const indexed = new Map<RegExp, RegExp>();

/** The rule's pattern with the `d` flag, so each group says where it was found. */
function withIndices(re: RegExp): RegExp {
  let found = indexed.get(re);
  if (!found) {
    found = new RegExp(re.source, `${re.flags}d`);
    indexed.set(re, found);
  }
  return found;
}

/** The organisation sentence the message is, or null. */
export function readOrgPhrase(msg: Pick<Message, "orig" | "folded">): OrgPhrase | null {
  const from = PREFIX.exec(msg.folded)?.[0].length ?? 0;
  const folded = msg.folded.slice(from);
  const orig = msg.orig.slice(from);
  for (const rule of rules) {
    const match = withIndices(rule.re).exec(folded);
    if (!match) continue;
    const name = (group: number): string | null => {
      // The group's offsets in the folded text are its offsets in the original.
      const span = match.indices?.[group];
      const cut = span ? orig.slice(span[0], span[1]).trim() : "";
      return cut === "" ? null : cut;
    };
    const built = rule.build(name);
    if (built) return { ...built, locale: rule.locale };
  }
  return null;
}
