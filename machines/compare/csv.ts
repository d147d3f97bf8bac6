import { MINUTES_PER_DAY, formatClock } from '../sim/calendar';
import { MODE_INFO } from '../world/modes';
import type { ModeRun } from './runComparison';

/**
 * The comparison as one CSV file: one row per commit and one row per deployment, for every mode, with
 * a `record` column that says which. Columns that do not apply to a row are empty. Times are virtual
 * minutes since Monday 00:00 of day 1 (the engine's clock), with the day and a readable moment beside.
 */
export interface CsvColumn {
  name: string;
  /** What it holds, for the page's "What is in the file" list. */
  meaning: string;
}

export const CSV_COLUMNS = [
  { name: 'record', meaning: '"commit" or "deployment": what this row describes.' },
  { name: 'mode', meaning: 'manual, ci, delivery or deployment.' },
  { name: 'mode_name', meaning: 'The mode in words, e.g. Continuous Delivery.' },
  { name: 'seed', meaning: 'The seed of the run: the same seed replays the same run.' },
  { name: 'id', meaning: 'Commit: its position on main (1, 2, ...). Deployment: its number in this run.' },
  { name: 'sha', meaning: 'Commit: its short id. Deployment: the id of the revision it deployed.' },
  { name: 'revision', meaning: 'Commit: the revision it creates. Deployment: the revision it deployed.' },
  { name: 'time_min', meaning: 'Commit: when it was pushed. Deployment: when it finished. Virtual minutes.' },
  { name: 'day', meaning: 'The day of time_min, from 1.' },
  { name: 'when', meaning: 'time_min in words, e.g. "Tue 14:05, day 8".' },
  { name: 'author', meaning: 'Commit only: who pushed it.' },
  { name: 'kind', meaning: "Commit only: feature (the team's planned work, the same in every mode), fix or revert." },
  { name: 'size_lines', meaning: 'Commit only: lines changed.' },
  { name: 'message', meaning: 'Commit only: the commit message.' },
  { name: 'tested_min', meaning: 'Commit only: when a revision containing it first passed Test. Empty if none did.' },
  { name: 'deployed_min', meaning: 'Commit only: when it first reached production. Empty while pending.' },
  { name: 'deployment', meaning: 'Commit only: the id of the deployment that shipped it.' },
  { name: 'lead_time_hours', meaning: 'Commit only: deployed_min - time_min, in hours. Empty while pending.' },
  { name: 'status', meaning: 'Commit: deployed or pending. Deployment: succeeded or failed change.' },
  { name: 'found', meaning: 'Commit only: where a hidden problem in it came to light: build, test or production. Empty if none did.' },
  { name: 'from_revision', meaning: 'Deployment only: the revision production ran before.' },
  { name: 'batch_size', meaning: 'Deployment only: commits it shipped (revision - from_revision).' },
  { name: 'defects', meaning: 'Deployment only: defective commits it shipped.' },
  { name: 'incident', meaning: 'Deployment only: the incident it caused, if any.' },
  { name: 'rolled_back', meaning: 'Deployment only: yes if production was rolled back from it.' },
  { name: 'restore_hours', meaning: "Deployment only: its incident's time to restore, in hours. Empty if none or still open." },
  { name: 'released_by', meaning: 'Deployment only: who let it into production.' },
] as const satisfies readonly CsvColumn[];

export type CsvColumnName = (typeof CSV_COLUMNS)[number]['name'];
type Row = Partial<Record<CsvColumnName, string | number | null>>;

/** RFC 4180 quoting: a field with a comma, a quote or a line break is quoted, quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const time = (t: number): Row => ({ time_min: round(t, 2), day: Math.floor(t / MINUTES_PER_DAY) + 1, when: formatClock(t) });

export function commitRows(run: ModeRun): Row[] {
  const base = { record: 'commit', mode: run.mode, mode_name: MODE_INFO[run.mode].name, seed: run.settings.seed };
  return run.commits.map((c) => ({
    ...base,
    id: c.seq,
    sha: c.sha,
    revision: c.seq,
    ...time(c.pushedAt),
    author: c.author,
    kind: c.kind,
    size_lines: c.size,
    message: c.message,
    tested_min: c.testedAt === null ? null : round(c.testedAt, 2),
    deployed_min: c.deployedAt === null ? null : round(c.deployedAt, 2),
    deployment: c.deployment,
    lead_time_hours: c.leadMinutes === null ? null : round(c.leadMinutes / 60, 3),
    status: c.deployedAt === null ? 'pending' : 'deployed',
    found: c.found,
  }));
}

export function deploymentRows(run: ModeRun): Row[] {
  const base = { record: 'deployment', mode: run.mode, mode_name: MODE_INFO[run.mode].name, seed: run.settings.seed };
  const restore = new Map(run.incidents.map((i) => [i.id, i.restoreMinutes]));
  return run.deployments.map((d) => {
    const minutes = d.incident === null ? null : (restore.get(d.incident) ?? null);
    return {
      ...base,
      id: d.id,
      sha: d.sha,
      revision: d.revision,
      ...time(d.at),
      status: d.failed ? 'failed change' : 'succeeded',
      from_revision: d.from,
      batch_size: d.batch,
      defects: d.defects,
      incident: d.incident,
      rolled_back: d.rolledBack ? 'yes' : 'no',
      restore_hours: minutes === null ? null : round(minutes / 60, 3),
      released_by: d.releasedBy,
    };
  });
}

/** The whole comparison as CSV text (header first, CRLF line ends as RFC 4180 asks). */
export function comparisonCsv(runs: readonly ModeRun[]): string {
  const names = CSV_COLUMNS.map((c) => c.name);
  const lines = [names.join(',')];
  for (const run of runs) {
    for (const row of [...commitRows(run), ...deploymentRows(run)]) {
      lines.push(names.map((n) => csvField(row[n])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name that says what is inside: pipeline-lab-delivery-vs-deployment-seed42-90d.csv */
export function exportFileName(runs: readonly Pick<ModeRun, 'mode' | 'settings'>[], ext: string, what = ''): string {
  const first = runs[0]?.settings;
  const modes = runs.map((r) => r.mode).join('-vs-');
  const parts = ['pipeline-lab', what, modes, first ? `seed${first.seed}` : '', first ? `${first.days}d` : ''].filter(Boolean);
  return `${parts.join('-')}.${ext}`;
}
