/** The dashboard's words, Vietnamese first and English beside it (the `?lang=en` switch). */
import type { Locale } from "../../core/incoming.js";

export interface DashboardWords {
  title: string;
  switchTo: string;
  overview: string;
  overdueNav: string;
  signOut: string;
  signedInAs: (name: string) => string;
  unit: string;
  channel: string;
  person: string;
  open: string;
  overdue: string;
  worstLate: string;
  dueThisWeek: string;
  doneLastWeek: string;
  onTime: string;
  change: string;
  task: string;
  status: string;
  assignees: string;
  due: string;
  finished: string;
  late: string;
  noDue: string;
  statusName: Record<"open" | "done" | "cancelled", string>;
  nothingVisible: string;
  noTasks: string;
  trendTitle: string;
  trendOnTime: string;
  trendOverdue: string;
  ageingTitle: string;
  ageingBuckets: [string, string, string, string];
  unitsChart: string;
  people: string;
  tasks: string;
  subunits: string;
  channels: string;
  download: string;
  allPeople: string;
  week: string;
  allWeeks: string;
  filter: string;
  history: string;
  createdBy: (name: string) => string;
  weekOf: (day: string) => string;
  legend: string;
  /** The overview's week filter and the columns of a past week, as it stood at its end. */
  thisWeekNow: string;
  pastWeek: {
    open: string;
    overdue: string;
    dueInWeek: string;
    doneInWeek: string;
    trendTitle: string;
    legend: string;
  };
  hours: (n: number) => string;
  linkProblem: Record<"unknown" | "expired" | "used" | "signed_out", { title: string; body: string }>;
  howToGetLink: string;
  notFound: string;
  forbidden: string;
}

const vi: DashboardWords = {
  title: "Rõ Việc — Bảng điều khiển",
  switchTo: "English",
  overview: "Tổng quan",
  overdueNav: "Việc quá hạn",
  signOut: "Đăng xuất",
  signedInAs: (name) => `Đăng nhập: ${name}`,
  unit: "Đơn vị",
  channel: "Kênh",
  person: "Người",
  open: "Đang mở",
  overdue: "Quá hạn",
  worstLate: "Trễ nhất",
  dueThisWeek: "Đến hạn tuần này",
  doneLastWeek: "Xong tuần trước",
  onTime: "Đúng hạn",
  change: "so với tuần trước",
  task: "Việc",
  status: "Trạng thái",
  assignees: "Người nhận",
  due: "Hạn",
  finished: "Xong lúc",
  late: "Trễ",
  noDue: "không có hạn",
  statusName: { open: "đang mở", done: "xong", cancelled: "đã hủy" },
  nothingVisible:
    "Bạn chưa được xem đơn vị nào. Lãnh đạo đơn vị xem đơn vị mình và các đơn vị trực thuộc; quản trị viên xem tất cả.",
  noTasks: "Không có việc nào.",
  trendTitle: "8 tuần qua",
  trendOnTime: "Tỉ lệ đúng hạn (%)",
  trendOverdue: "Số việc quá hạn cuối tuần",
  ageingTitle: "Việc quá hạn theo độ trễ",
  ageingBuckets: ["≤ 1 ngày", "1–7 ngày", "7–30 ngày", "> 30 ngày"],
  unitsChart: "Theo đơn vị",
  people: "Theo người",
  tasks: "Công việc",
  subunits: "Đơn vị trực thuộc",
  channels: "Kênh",
  download: "Tải về",
  allPeople: "Mọi người",
  week: "Tuần",
  allWeeks: "Mọi tuần",
  filter: "Lọc",
  history: "Lịch sử",
  createdBy: (name) => `Người giao: ${name}`,
  weekOf: (day) => `Tuần từ ${day}`,
  legend:
    "Mỗi đơn vị tính cả các đơn vị trực thuộc. Đúng hạn: trong các việc có hạn xong tuần trước. Việc đã hủy không tính.",
  thisWeekNow: "Tuần này (hiện tại)",
  pastWeek: {
    open: "Đang mở cuối tuần",
    overdue: "Quá hạn cuối tuần",
    dueInWeek: "Đến hạn trong tuần",
    doneInWeek: "Xong trong tuần",
    trendTitle: "8 tuần đến hết tuần đã chọn",
    legend:
      "Số liệu của tuần đã chọn, như lúc tuần kết thúc: đang mở và quá hạn tính vào cuối tuần (so với đầu tuần); đến hạn trong tuần: việc có hạn trong tuần còn phải làm khi tuần bắt đầu; xong và đúng hạn: trong tuần đó (so với tuần trước đó). Mỗi đơn vị tính cả các đơn vị trực thuộc. Việc hủy trước cuối tuần không tính.",
  },
  hours: (n) => (n < 24 ? `${n} giờ` : `${Math.floor(n / 24)} ngày`),
  linkProblem: {
    unknown: { title: "Liên kết không hợp lệ", body: "Liên kết này không đúng hoặc đã bị sửa." },
    expired: { title: "Liên kết đã hết hạn", body: "Liên kết chỉ dùng được trong 15 phút." },
    used: { title: "Liên kết đã được dùng", body: "Mỗi liên kết chỉ mở được một lần." },
    signed_out: { title: "Bạn chưa đăng nhập", body: "Phiên làm việc đã hết hạn hoặc đã đăng xuất." },
  },
  howToGetLink: 'Để nhận liên kết mới, nhắn cho Rõ Việc (tin nhắn riêng): "bảng điều khiển".',
  notFound: "Không tìm thấy trang này.",
  forbidden: "Bạn không có quyền xem mục này.",
};

const en: DashboardWords = {
  title: "Rõ Việc — Dashboard",
  switchTo: "Tiếng Việt",
  overview: "Overview",
  overdueNav: "Overdue",
  signOut: "Sign out",
  signedInAs: (name) => `Signed in: ${name}`,
  unit: "Unit",
  channel: "Channel",
  person: "Person",
  open: "Open",
  overdue: "Overdue",
  worstLate: "Worst lateness",
  dueThisWeek: "Due this week",
  doneLastWeek: "Done last week",
  onTime: "On time",
  change: "against last week",
  task: "Task",
  status: "Status",
  assignees: "Assignees",
  due: "Due",
  finished: "Finished",
  late: "Late",
  noDue: "no deadline",
  statusName: { open: "open", done: "done", cancelled: "cancelled" },
  nothingVisible:
    "You may not see any unit yet. A unit's leaders see their unit and the units under it; workspace admins see all.",
  noTasks: "No tasks.",
  trendTitle: "Last 8 weeks",
  trendOnTime: "On-time rate (%)",
  trendOverdue: "Overdue at the end of the week",
  ageingTitle: "Overdue tasks by lateness",
  ageingBuckets: ["≤ 1 day", "1–7 days", "7–30 days", "> 30 days"],
  unitsChart: "By unit",
  people: "By person",
  tasks: "Tasks",
  subunits: "Units under it",
  channels: "Channels",
  download: "Download",
  allPeople: "Everyone",
  week: "Week",
  allWeeks: "Any week",
  filter: "Filter",
  history: "History",
  createdBy: (name) => `Assigned by: ${name}`,
  weekOf: (day) => `Week of ${day}`,
  legend:
    "Each unit includes the units under it. On time: of last week's finished tasks that had a deadline. Cancelled tasks are left out.",
  thisWeekNow: "This week (now)",
  pastWeek: {
    open: "Open at the week's end",
    overdue: "Overdue at the week's end",
    dueInWeek: "Due that week",
    doneInWeek: "Done that week",
    trendTitle: "8 weeks up to the picked week",
    legend:
      "The picked week as it stood when it ended: open and overdue at its end (against its start); due that week: tasks with a deadline in it still to do when it began; done and on time: in that week (against the week before). Each unit includes the units under it. Tasks cancelled before the week's end are left out.",
  },
  hours: (n) => (n < 24 ? `${n} h` : `${Math.floor(n / 24)} d`),
  linkProblem: {
    unknown: { title: "This link is not valid", body: "The link is wrong or was altered." },
    expired: { title: "This link has expired", body: "A link works for 15 minutes." },
    used: { title: "This link was already used", body: "Each link opens once." },
    signed_out: { title: "You are not signed in", body: "Your session ended or you signed out." },
  },
  howToGetLink: 'For a new link, write to Rõ Việc privately: "dashboard".',
  notFound: "This page does not exist.",
  forbidden: "You may not see this.",
};

export function dashboardWords(locale: Locale): DashboardWords {
  return locale === "en" ? en : vi;
}
