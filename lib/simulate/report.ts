import { formatClock, formatDuration } from "@/machines/sim/calendar";
import { BAND_NAMES, FORMER_KEY_NAMES, KEY_NAMES, type BandRule } from "@/machines/metrics/dora";
import { frequencyQuantity, rateText } from "@/machines/metrics/quantity";
import { plural } from "@/machines/words";
import type { RunResult } from "@/machines/engine/headless";
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
const band = (rule: BandRule | null, reason: string | null) => (rule ? `${BAND_NAMES[rule.band].padEnd(6)}  (${rule.label})` : `— ${reason ?? "no data"}`);

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
  lines.push(`DORA four keys, banded by the ${m.bands.source} (clusters placed by monotone rules; see README)`);
  const df = frequencyQuantity(m.deploymentsPerDay);
  const ttr = m.timeToRestoreHours;
  const rows: [string, string, string][] = [
    [
      KEY_NAMES.deploymentFrequency,
      `${df.value} ${df.unit} (${m.deployments} deployments)`,
      band(m.bands.deploymentFrequency, m.bandNotes.deploymentFrequency),
    ],
    [
      KEY_NAMES.leadTime,
      `median ${lt.medianIsLowerBound ? "≥ " : ""}${hrs(lt.median)}, p90 ${lt.p90IsLowerBound ? "≥ " : ""}${hrs(lt.p90)}`,
      band(m.bands.leadTime, m.bandNotes.leadTime),
    ],
    [
      KEY_NAMES.changeFailureRate,
      m.changeFailureRate === null ? "no deployments" : `${rateText(m.changeFailureRate)} (${m.failedChanges} of ${m.deployments})`,
      band(m.bands.changeFailureRate, m.bandNotes.changeFailureRate),
    ],
    [
      KEY_NAMES.timeToRestore,
      m.incidents === 0
        ? "no incidents"
        : `median ${ttr.medianIsLowerBound ? "≥ " : ""}${hrs(ttr.median)} (${ttr.restored} restored${ttr.open > 0 ? `, ${ttr.open} still open, counted at their age` : ""})`,
      band(m.bands.timeToRestore, m.bandNotes.timeToRestore),
    ],
  ];
  for (const [name, value, b] of rows) lines.push(`  ${name.padEnd(33)}${value.padEnd(46)}${b}`);
  lines.push(`  (${KEY_NAMES.timeToRestore} is the 2024 report's name; formerly ${FORMER_KEY_NAMES.timeToRestore}.)`);
  if (m.unfinishedRelease && info.deploysByHand) {
    const when = formatClock(m.unfinishedRelease.since);
    lines.push(
      m.unfinishedRelease.state === "failed"
        ? `  The last release failed on ${when} and its retry comes after the run ends: it slipped past day ${settings.days}.`
        : `  A release was still being deployed when the run ended (started ${when}).`,
    );
  }
  lines.push("");
  lines.push("Flow");
  lines.push(`  Commits pushed          ${m.commits} (${lt.deployed} running in production at the end, ${lt.pending} not)`);
  lines.push(
    `  Batch size              mean ${m.batchSize.mean === null ? "—" : m.batchSize.mean.toFixed(1)} commits, largest ${m.batchSize.max}` +
      (m.batchSize.reshipped > 0 ? `; ${m.batchSize.reshipped} shipped again after a rollback` : ""),
  );
  if (info.hasApproval) {
    lines.push(`  Approval wait           median ${hrs(m.approvalWaitHours.median)} over ${m.approvalWaitHours.decisions} decisions`);
  }
  lines.push(
    `  Incidents               ${m.incidents} (${m.rollbacks} rollbacks, ${m.failedRollbacks} that could not run${m.hotfixes > 0 ? `, ${plural(m.hotfixes, "hotfix", { many: "hotfixes" })}` : ""})`,
  );
  lines.push(
    `  Drift incidents         ${m.driftIncidents}` +
      (settings.iac === false
        ? " (IaC off: environments configured by hand drift by themselves)"
        : settings.iac
          ? " (IaC on: environments come from the template)"
          : ""),
  );
  lines.push(`  Customer impact         ${m.customerImpactMinutes.toFixed(0)} error-weighted incident minutes (30 min at 10% failing = 3)`);
  lines.push(`  Handoffs between teams  ${m.handoffs.count} (${m.handoffs.hoursWaiting.toFixed(1)} working hours waiting in ticket queues)`);
  lines.push(`  Test coverage at end    ${Math.round(simulation.testCoverage * 100)}%${settings.learning ? "" : " (learning from postmortems off)"}`);
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
