// The permission drill's property: for any sequence of commands by members without rights (typed in the group or in
// their private chat, or pressed as buttons on any card), no task and no setting they have no right to changes.
// They may still create tasks and finish their own parts, and the drill counts that they did.
import fc from "fast-check";
import { buttonCommand, cast, DRILL_NOW, type PermissionWorld } from "./permission-world.js";

export interface PermissionPropertyResult {
  runs: number;
  commands: number;
  /** Commands after which a protected task, the channel's settings, its managers or the days off had changed. */
  forbiddenChanges: number;
  /** Tasks the members without rights created (allowed). */
  tasksCreated: number;
  /** Their own parts of task #4, which is theirs too, that they finished (allowed). */
  ownPartsDone: number;
  counterexample: string;
}

const outsiders = [cast.minh, cast.thu] as const;

const TEXTS = {
  done: (n: number) => `xong #${n}`,
  cancel: (n: number) => `hủy #${n}`,
  reopen: (n: number) => `mở lại #${n}`,
  due: (n: number) => `gia hạn #${n} đến thứ 2 tuần sau`,
  assign: (n: number) => `giao lại #${n} cho @Minh`,
  addSelf: (n: number) => `thêm @Thu vào #${n}`,
  edit: (n: number) => `đổi tên #${n} thành đã bị đổi`,
  remind: (n: number) => `nhắc #${n} lúc 15h`,
  ack: (n: number) => `nhận việc #${n}`,
  show: (n: number) => `xem #${n}`,
  add: () => "giao @Lan việc mới của thành viên",
  language: () => "cài đặt ngôn ngữ en",
  endOfDay: () => "giờ kết thúc 16:00",
  workdays: () => "cài đặt ngày làm việc t2-t7",
  pings: () => "cài đặt nhắc việc tắt",
  summary: () => "cài đặt báo cáo tuần tắt",
  timezone: () => "cài đặt múi giờ Asia/Bangkok",
  managerSelf: () => "thêm quản lý @Minh",
  managerRemove: () => "bỏ quản lý @Sếp Tùng",
  dayOff: () => "cài đặt ngày nghỉ 2026-12-07",
} satisfies Record<string, (n: number) => string>;

const BUTTONS = ["done", "due", "snooze", "assign"] as const;

const commandArbitrary = fc.record({
  who: fc.integer({ min: 0, max: 1 }),
  inPrivate: fc.boolean(),
  number: fc.integer({ min: 1, max: 4 }),
  kind: fc.oneof(
    fc.constantFrom(...(Object.keys(TEXTS) as (keyof typeof TEXTS)[])).map((text) => ({ text })),
    fc.constantFrom(...BUTTONS).map((button) => ({ button })),
  ),
});
type DrillCommand = typeof commandArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Everything the members without rights must never change, as one comparable string. */
async function protectedState(world: PermissionWorld, group: string, taskIds: string[]): Promise<string> {
  const prisma = world.env.prisma;
  const [tasks, channel, dayOffs, reminders, events] = await Promise.all([
    prisma.task.findMany({
      where: { id: { in: taskIds } },
      select: {
        id: true,
        version: true,
        status: true,
        title: true,
        dueAt: true,
        snoozedUntil: true,
        assignees: { select: { memberId: true, doneAt: true, acknowledgedAt: true }, orderBy: { memberId: "asc" } },
      },
      orderBy: { number: "asc" },
    }),
    prisma.channel.findFirstOrThrow({
      where: { externalId: group },
      select: {
        locale: true,
        timezone: true,
        endOfDayMinutes: true,
        workingDays: true,
        summaryEnabled: true,
        summaryCron: true,
        pingPolicy: true,
        managers: { select: { memberId: true }, orderBy: { memberId: "asc" } },
      },
    }),
    prisma.workspaceDayOff.count(),
    prisma.ping.count({ where: { taskId: { in: taskIds }, kind: "reminder" } }),
    prisma.channelEvent.count({ where: { channel: { externalId: group } } }),
  ]);
  return JSON.stringify({ tasks, channel, dayOffs, reminders, events });
}

/** A fresh group: tasks #1–#3 the lead gave Lan (protected), #4 the lead gave Lan, Minh and Thu; a manager. */
async function setUpGroup(world: PermissionWorld, group: string): Promise<string[]> {
  const where = { group };
  for (const person of [cast.lan, cast.minh, cast.thu, cast.lead]) await world.say(person, "việc của tôi", where);
  await world.say(cast.lead, "giao @Lan việc một trước 17h thứ 6 tuần sau", where);
  await world.say(cast.lead, "giao @Lan việc hai", where);
  await world.say(cast.lead, "giao @Lan việc ba trước thứ 4 tuần sau", where);
  await world.say(cast.lead, "giao @Lan @Minh @Thu việc chung trước thứ 5 tuần sau", where);
  await world.say(cast.admin, "thêm quản lý @Sếp Tùng", where);
  return Promise.all([1, 2, 3].map((n) => world.taskId(group, n)));
}

async function send(world: PermissionWorld, command: DrillCommand, group: string): Promise<void> {
  const person = outsiders[command.who] ?? cast.minh;
  const where = command.inPrivate ? ("private" as const) : { group };
  if ("text" in command.kind) {
    await world.say(person, TEXTS[command.kind.text](command.number), where);
    return;
  }
  // A button on a card of the group's task, pressed wherever the card is shown.
  const targetTaskId = await world.taskId(group, command.number);
  const due = { deadline: new Date("2026-12-09T10:00:00Z"), hasTime: true, start: DRILL_NOW, grain: "day" as const };
  const byButton = {
    done: buttonCommand("done", command.number),
    due: buttonCommand("due", command.number, { due: { ...due, text: "" } }),
    snooze: buttonCommand("snooze", command.number, { due: { ...due, text: "" } }),
    assign: buttonCommand("assign", command.number, { assignees: [person.externalId], assignMode: "replace" }),
  }[command.kind.button];
  const mentions = [{ token: person.externalId, externalId: person.externalId, displayName: person.displayName }];
  await world.say(person, `[button] ${command.kind.button}`, where, { command: byButton, targetTaskId, mentions });
}

export async function runPermissionProperty(
  world: PermissionWorld,
  options: { numRuns: number; maxCommands: number; seed?: number },
): Promise<PermissionPropertyResult> {
  const prisma = world.env.prisma;
  let runs = 0;
  let commands = 0;
  let forbiddenChanges = 0;
  let tasksCreated = 0;
  let ownPartsDone = 0;
  const outsiderIds = () =>
    prisma.member.findMany({ where: { externalId: { in: outsiders.map((o) => o.externalId) } }, select: { id: true } });
  const details = await fc.check(
    fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: options.maxCommands }), async (sequence) => {
      runs++;
      const group = `prop-${process.pid}-${runs}`;
      const protectedIds = await setUpGroup(world, group);
      const before = await protectedState(world, group, protectedIds);
      const ids = (await outsiderIds()).map((m) => m.id);
      const createdBefore = await prisma.task.count({ where: { creatorId: { in: ids } } });
      let clean = true;
      for (const command of sequence) {
        await send(world, command, group);
        commands++;
        if ((await protectedState(world, group, protectedIds)) !== before) {
          forbiddenChanges++;
          clean = false;
          break;
        }
      }
      tasksCreated += (await prisma.task.count({ where: { creatorId: { in: ids } } })) - createdBefore;
      ownPartsDone += await prisma.taskAssignee.count({
        where: { memberId: { in: ids }, doneAt: { not: null }, task: { number: 4, channel: { externalId: group } } },
      });
      return clean;
    }),
    {
      numRuns: options.numRuns,
      seed: options.seed,
      // Every run is checked against the same kinds of command: make sure both creating and finishing happen.
      examples: [
        [
          [
            { who: 0, inPrivate: false, number: 4, kind: { text: "done" } },
            { who: 1, inPrivate: true, number: 1, kind: { text: "add" } },
            { who: 1, inPrivate: false, number: 1, kind: { text: "add" } },
          ],
        ],
      ],
    },
  );
  return {
    runs,
    commands,
    forbiddenChanges,
    tasksCreated,
    ownPartsDone,
    counterexample: details.failed ? JSON.stringify(details.counterexample).slice(0, 800) : "",
  };
}
