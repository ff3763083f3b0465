/** One figure of the bench, as printed and as written to bench/results/latest.json. */
export interface BenchFigure {
  name: string;
  value: number | null;
  unit: string;
  /** The same figure for the baseline run in the same process run; null when there is none. */
  baseline: number | null;
  /** value / baseline, rounded to 2 decimals; null without a baseline. */
  ratio: number | null;
  /** The target in words ("< 50 ms"); null for a figure given for context only. */
  target: string | null;
  /** Whether the target was met; null for context figures. */
  met: boolean | null;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export function figure(
  name: string,
  value: number | null,
  unit: string,
  options: { baseline?: number | null; target?: string; met?: boolean; digits?: number } = {},
): BenchFigure {
  const digits = options.digits ?? 1;
  const v = value === null || Number.isNaN(value) ? null : round(value, digits);
  const b = options.baseline === undefined || options.baseline === null ? null : round(options.baseline, digits);
  const ratio = v !== null && b !== null && b !== 0 ? round(v / b, 2) : null;
  return { name, value: v, unit, baseline: b, ratio, target: options.target ?? null, met: options.met ?? null };
}

export function formatTable(figures: readonly BenchFigure[]): string {
  const header = ["figure", "value", "unit", "baseline", "ratio", "target", "met"];
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? "—" : String(f.value),
    f.unit,
    f.baseline === null ? "—" : String(f.baseline),
    f.ratio === null ? "—" : String(f.ratio),
    f.target ?? "",
    f.met === null ? "" : f.met ? "met" : "NOT MET",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The figures whose baselines tell how fast the machine was, as the table header shows them. */
const MACHINE_SPEED: { label: string; name: string; unit: string }[] = [
  { label: "bare Bolt closed-loop", name: "commands: max throughput (closed loop, acked)", unit: "acks/s" },
  { label: "bare Bolt ack p99 at 200/s", name: "commands: ack p99 at 200/s", unit: "ms" },
  { label: "bare BullMQ rush lateness p99", name: "pings: lateness p99", unit: "ms" },
];

/** One line for the table's header: the bare baselines of this run, the machine's own speed. */
export function machineSpeedLine(figures: readonly BenchFigure[]): string {
  const parts = MACHINE_SPEED.flatMap(({ label, name, unit }) => {
    const baseline = figures.find((f) => f.name === name)?.baseline;
    return baseline === undefined || baseline === null ? [] : [`${label} ${baseline} ${unit}`];
  });
  return parts.length === 0 ? "" : `Machine (this run's bare baselines): ${parts.join(" · ")}\n`;
}
