import type { WebClient } from "@slack/web-api";
import type { SummaryView } from "../../scheduling/index.js";

/** The chart's size in pixels: wide enough for Vietnamese full names, taller with more people. */
const WIDTH = 960;
const ROW_HEIGHT = 44;
const BASE_HEIGHT = 160;
const MAX_PEOPLE = 30;

/** Colours of the three series: open (blue), overdue (red), done last week (green). */
const COLOURS = { open: "#3b82f6", overdue: "#ef4444", done: "#22c55e" } as const;

/**
 * The per-person chart of a weekly summary as a PNG: horizontal bars of open, overdue and done-last-week tasks per
 * person, drawn with Chart.js on @napi-rs/canvas (both ship prebuilt binaries inside their npm packages; nothing is
 * downloaded at install). Undefined when nobody has tasks. Loaded on first use, so a machine where the native
 * canvas cannot load still posts the summary, only without its picture.
 */
export async function renderPeopleChart(view: SummaryView): Promise<Uint8Array | undefined> {
  const rows = view.people.rows.slice(0, MAX_PEOPLE);
  if (rows.length === 0) return undefined;
  const [{ createCanvas }, chartjs] = await Promise.all([import("@napi-rs/canvas"), import("chart.js")]);
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Title } = chartjs;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);
  const height = BASE_HEIGHT + rows.length * ROW_HEIGHT;
  const canvas = createCanvas(WIDTH, height);
  const { labels } = view.people;
  const series = (key: "open" | "overdue" | "done") => ({
    label: labels[key],
    data: rows.map((row) => row[key]),
    backgroundColor: COLOURS[key],
  });
  type ChartItem = ConstructorParameters<typeof Chart>[0];
  const chart = new Chart(canvas.getContext("2d") as unknown as ChartItem, {
    type: "bar",
    data: { labels: rows.map((row) => row.name), datasets: [series("open"), series("overdue"), series("done")] },
    options: {
      indexAxis: "y",
      // Node has no DOM: no resize observer, no animation frames; one synchronous draw.
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      font: { family: "DejaVu Sans, sans-serif" },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { title: { display: true, text: `${view.title} — ${view.people.title}` }, legend: { position: "top" } },
    },
    plugins: [
      {
        id: "white-background",
        beforeDraw: (drawn) => {
          const context = drawn.ctx;
          context.save();
          context.fillStyle = "#ffffff";
          context.fillRect(0, 0, drawn.width, drawn.height);
          context.restore();
        },
      },
    ],
  });
  try {
    return new Uint8Array(await canvas.encode("png"));
  } finally {
    chart.destroy();
  }
}

/**
 * Draws the chart and posts it to `channelId` with files.uploadV2 (get an upload URL, send the bytes, complete).
 * Resolves false when there was nothing to draw; throws what the client throws.
 */
export async function uploadPeopleChart(client: WebClient, channelId: string, view: SummaryView): Promise<boolean> {
  const png = await renderPeopleChart(view);
  if (!png) return false;
  await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(png),
    filename: view.locale === "vi" ? "theo-nguoi.png" : "by-person.png",
    title: `${view.title} — ${view.people.title}`,
    alt_text: view.people.title,
  });
  return true;
}
