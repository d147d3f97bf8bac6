import { formatDuration } from "@/machines/sim/calendar";
import { BAND_NAMES, type BandRule } from "@/machines/metrics/dora";
import type { RunResult } from "@/machines/engine/run";
import { MODE_INFO } from "@/machines/world/modes";
import { CULTURE_NAMES } from "@/machines/world/settings";
import type { StageName } from "@/machines/events";

const STAGE_LABELS: Record<StageName, string> = {
  source: "Source · CodeCommit",
  build: "Build · CodeBuild",
  test: "Test · CodeBuild",
  approval: "Approval · manual",
  deploy: "Deploy · CodeDeploy",
};

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const hrs = (h: number | null) => (h === null ? "—" : formatDuration(h * 60));
const band = (rule: BandRule | null) => (rule ? `${BAND_NAMES[rule.band].padEnd(6)}  (${rule.label})` : "no data");

/** The readable report `npm run simulate` prints: what a trainer reads out to the class. */
export function formatReport({ settings, simulation, metrics }: RunResult): string {
  const m = metrics;
  const info = MODE_INFO[settings.mode];
  const lt = m.leadTimeHours;
  const lines: string[] = [];
  lines.push(`Pipeline Lab · ${info.name} · seed ${settings.seed} · ${settings.days} days`);
  lines.push(
    `Team of ${settings.developers} developers, ${CULTURE_NAMES[settings.culture]} culture · ${settings.commitsPerDay} commits a working day · ` +
      `test coverage ${Math.round(settings.testCoverage * 100)}% · monitoring ${settings.monitoring ? "on" : "off"}`,
  );
  if (settings.mode === "delivery") lines.push(`Scheduled approver: ${settings.approvalsPerDay} approvals a working day`);
  if (settings.mode === "manual" || settings.mode === "ci") lines.push(`Release by hand every ${settings.releaseIntervalDays} days`);
  lines.push("");
  lines.push(`DORA four keys, banded by the ${m.bands.source}`);
  const rows: [string, string, string][] = [
    ["Deployment frequency", `${m.deploymentsPerDay.toFixed(2)} per day (${m.deployments} deployments)`, band(m.bands.deploymentFrequency)],
    [
      "Lead time for changes",
      `median ${lt.medianIsLowerBound ? "≥ " : ""}${hrs(lt.median)}, p90 ${lt.p90IsLowerBound ? "≥ " : ""}${hrs(lt.p90)}`,
      band(m.bands.leadTime),
    ],
    [
      "Change failure rate",
      m.changeFailureRate === null ? "no deployments" : `${pct(m.changeFailureRate)} (${m.failedChanges} of ${m.deployments})`,
      band(m.bands.changeFailureRate),
    ],
    [
      "Time to restore",
      m.incidents === 0
        ? "no incidents"
        : `median ${hrs(m.timeToRestoreHours.median)} (${m.timeToRestoreHours.restored} restored, ${m.timeToRestoreHours.open} open)`,
      band(m.bands.timeToRestore),
    ],
  ];
  for (const [name, value, b] of rows) lines.push(`  ${name.padEnd(23)}${value.padEnd(42)}${b}`);
  lines.push("");
  lines.push("Flow");
  lines.push(`  Commits pushed          ${m.commits} (${lt.deployed} in production, ${lt.pending} pending at the end)`);
  lines.push(`  Batch size              mean ${m.batchSize.mean === null ? "—" : m.batchSize.mean.toFixed(1)} commits, largest ${m.batchSize.max}`);
  if (info.hasApproval) {
    lines.push(`  Approval wait           median ${hrs(m.approvalWaitHours.median)} over ${m.approvalWaitHours.decisions} decisions`);
  }
  lines.push(`  Incidents               ${m.incidents} (${m.rollbacks} rollbacks)`);
  lines.push(`  Handoffs between teams  ${m.handoffs.count} (${m.handoffs.hoursWaiting.toFixed(1)} h waiting in ticket queues)`);
  lines.push(`  Test coverage at end    ${Math.round(simulation.testCoverage * 100)}%`);
  lines.push("");
  lines.push(`  ${"Stage".padEnd(22)}${"entered".padStart(8)}${"pass rate".padStart(11)}${"waiting".padStart(12)}${"working".padStart(12)}`);
  for (const stage of Object.keys(STAGE_LABELS) as StageName[]) {
    const s = m.stages[stage];
    if (stage === "approval" && !info.hasApproval) continue;
    const wait = s.meanWaitingMinutes === null ? "—" : formatDuration(s.meanWaitingMinutes);
    const work = s.meanWorkingMinutes === null ? "—" : formatDuration(s.meanWorkingMinutes);
    lines.push(`  ${STAGE_LABELS[stage].padEnd(22)}${String(s.entered).padStart(8)}${pct(s.passRate).padStart(11)}${wait.padStart(12)}${work.padStart(12)}`);
  }
  return lines.join("\n");
}
