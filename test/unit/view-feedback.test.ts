import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { defaultSettings } from '@/machines/world/settings';
import { detectionSummary, feedbackLoop, incidentViews, type IncidentView } from '@/machines/view/incidentView';
import { LEARNER } from '@/machines/words';
import { ALARM_THRESHOLDS, MAX_POINTS, productionNow, rowMinutes, stepFor, telemetrySeries, telemetryTable } from '@/machines/view/telemetrySeries';
import { cultureFacts, teamView, tickets } from '@/machines/view/teamView';
import { chatMessages, pendingApproval, splitMentions } from '@/machines/view/chatops';
import { compareCultures, comparisonKey, comparisonSettings, runCulture } from '@/machines/view/cultureComparison';
import { quiet, withIncident } from '../support/quietRun';

function stepUntil(sim: Simulation, type: string, limit = 5000): void {
  for (let i = 0; i < limit && !sim.log.some((e) => e.type === type); i++) sim.step();
  expect(
    sim.log.some((e) => e.type === type),
    `no ${type} within ${limit} steps`,
  ).toBe(true);
}

describe('incident views', () => {
  it('tell the story of an automatic rollback in Continuous Deployment', () => {
    const sim = withIncident(quiet('deployment'));
    const [view] = incidentViews(sim);
    expect(view).toBeDefined();
    const v = view!;
    expect(v.state).toBe('restored');
    expect(v.detectedBy).toBe('alarm');
    expect(v.restoredBy).toBe('automatic-rollback');
    expect(v.restoredWords).toBe('Automatic rollback');
    expect(v.steps.map((s) => s.key)).toEqual(['started', 'detected', 'acknowledged', 'rollback', 'restored']);
    expect(v.steps.find((s) => s.key === 'acknowledged')!.skipped).toBe(true);
    expect(v.steps.find((s) => s.key === 'rollback')!.detail).toMatch(/automatically/);
    // Steps happen in order and their offsets match the record.
    const times = v.steps.filter((s) => s.at !== undefined).map((s) => s.at!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(v.restoreMinutes).toBe(v.restoredAt! - v.startedAt);
    expect(v.detectMinutes).toBe(v.detectedAt! - v.startedAt);
    expect(v.canRollback).toBe(false);
  });

  it('link to the deployment and, once detected, to the culprit commits', () => {
    const sim = withIncident(quiet('deployment'));
    const v = incidentViews(sim)[0]!;
    const incident = sim.incidents.get(v.id)!;
    const deployment = sim.deployments.find((d) => d.id === incident.deployment)!;
    expect(v.deployment).toMatchObject({ id: deployment.id, revision: deployment.revision, batch: deployment.batch });
    expect(v.deployment!.sha).toBe(sim.commit(deployment.revision)!.sha);
    expect(v.culpritsKnown).toBe(true);
    expect(v.culprits.map((c) => c.seq)).toEqual(incident.culprits);
    for (const c of v.culprits) {
      expect(c.sha).toBe(sim.commit(c.seq)!.sha);
      expect(c.author).toBe(sim.commit(c.seq)!.author);
      expect(c.seq).toBeLessThanOrEqual(deployment.revision);
    }
  });

  it('keep the culprits hidden while nobody has noticed the incident', () => {
    const sim = new Simulation(quiet('deployment', { monitoring: false }));
    sim.inject('escape-defect');
    stepUntil(sim, 'incident.started');
    const v = incidentViews(sim)[0]!;
    expect(v.state).toBe('unnoticed');
    expect(v.phaseWords).toMatch(/not detected/);
    expect(v.culpritsKnown).toBe(false);
    expect(v.culprits).toEqual([]);
    expect(v.detectMinutes).toBeNull();
    expect(v.steps.find((s) => s.key === 'detected')!.detail).toMatch(/not yet/);
  });

  it('offer the learner a rollback where the mode leaves it to a person', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'scheduled' }));
    sim.inject('escape-defect');
    stepUntil(sim, 'incident.paged');
    const paged = incidentViews(sim)[0]!;
    expect(paged.canRollback).toBe(true);
    expect(paged.paged).toBeTruthy();
    expect(sim.rollback(paged.id, LEARNER)).toBe(true);
    expect(incidentViews(sim)[0]!.canRollback).toBe(false);
    sim.advanceTo(sim.now + 60);
    const done = incidentViews(sim)[0]!;
    expect(done.restoredBy).toBe('manual-rollback');
    expect(done.rollbackBy).toBe(LEARNER);
    expect(done.restoredWords).toBe('Manual rollback by You');
    expect(done.steps.find((s) => s.key === 'rollback')!.detail).toBe('started by You');
  });

  it('show that monitoring off means later detection and a longer time to restore', () => {
    const on = incidentViews(withIncident(quiet('deployment')));
    const off = incidentViews(withIncident(quiet('deployment', { monitoring: false })));
    const both = detectionSummary([...on, ...off]);
    expect(both.byAlarm.incidents).toBe(on.filter((v) => v.detectedBy === 'alarm').length);
    expect(both.byCustomers.incidents).toBe(off.filter((v) => v.detectedBy === 'customers').length);
    expect(both.byAlarm.incidents).toBeGreaterThan(0);
    expect(both.byCustomers.incidents).toBeGreaterThan(0);
    expect(both.byCustomers.medianDetectMinutes!).toBeGreaterThan(both.byAlarm.medianDetectMinutes!);
    expect(both.byCustomers.medianRestoreMinutes!).toBeGreaterThan(both.byAlarm.medianRestoreMinutes!);
  });
});

describe('detection summary', () => {
  const view = (detect: number | null, restore: number | null, by?: 'alarm' | 'customers'): IncidentView =>
    ({ detectMinutes: detect, restoreMinutes: restore, detectedBy: by, state: restore === null ? 'open' : 'restored' }) as IncidentView;

  it('takes medians over the incidents that reached each step', () => {
    const s = detectionSummary([view(4, 30, 'alarm'), view(6, 50, 'alarm'), view(200, 400, 'customers'), view(null, null)]);
    expect(s.incidents).toBe(4);
    expect(s.open).toBe(1);
    expect(s.restored).toBe(3);
    expect(s.medianDetectMinutes).toBe(6);
    expect(s.medianRestoreMinutes).toBe(50);
    expect(s.byAlarm).toEqual({ incidents: 2, medianDetectMinutes: 5, medianRestoreMinutes: 40 });
    expect(s.byCustomers).toEqual({ incidents: 1, medianDetectMinutes: 200, medianRestoreMinutes: 400 });
  });

  it('says null, not zero, without incidents', () => {
    const s = detectionSummary([]);
    expect(s.medianDetectMinutes).toBeNull();
    expect(s.medianRestoreMinutes).toBeNull();
  });
});

describe('the feedback loop', () => {
  it('in DevOps culture, a blameless postmortem improves the pipeline', () => {
    const sim = withIncident(quiet('deployment'));
    const loop = feedbackLoop(sim);
    expect(loop.postmortems.length).toBeGreaterThan(0);
    expect(loop.postmortems[0]!.blameless).toBe(true);
    expect(loop.improvements).toBe(loop.postmortems.length);
    expect(loop.coverageNow > loop.coverageAtStart || loop.alarmTuning < 1).toBe(true);
    expect(incidentViews(sim)[0]!.postmortem?.blameless).toBe(true);
  });

  it('in silos, the report blames a person and nothing changes', () => {
    const sim = withIncident(quiet('deployment', { culture: 'silos' }), 10);
    const loop = feedbackLoop(sim);
    expect(loop.postmortems.length).toBeGreaterThan(0);
    expect(loop.blamed).toBe(loop.postmortems.length);
    expect(loop.postmortems[0]!.blamed).toBeTruthy();
    expect(loop.coverageNow).toBe(loop.coverageAtStart);
    expect(loop.alarmTuning).toBe(1);
  });
});

describe('telemetry series', () => {
  it('keeps every window within the point budget', () => {
    expect(stepFor(MINUTES_PER_DAY)).toBe(5);
    expect(stepFor(7 * MINUTES_PER_DAY)).toBe(30);
    for (const days of [1, 7, 30, 60, 365]) expect((days * MINUTES_PER_DAY) / stepFor(days * MINUTES_PER_DAY)).toBeLessThanOrEqual(MAX_POINTS);
  });

  it('fills the first day from the left on a fresh run', () => {
    const sim = new Simulation(quiet('deployment'));
    sim.advanceTo(300);
    const s = telemetrySeries(sim, 'day');
    expect(s.axisFrom).toBe(0);
    expect(s.axisTo).toBe(MINUTES_PER_DAY);
    expect(s.t[0]).toBe(0);
    expect(s.t[s.t.length - 1]).toBeLessThanOrEqual(300);
    expect(s.requests).toHaveLength(s.t.length);
    expect(s.errorPct).toHaveLength(s.t.length);
    expect(s.latency).toHaveLength(s.t.length);
  });

  it('scrolls with the clock after the first day', () => {
    const sim = new Simulation(quiet('deployment'));
    sim.advanceTo(3 * MINUTES_PER_DAY + 10);
    const s = telemetrySeries(sim, 'day');
    expect(s.axisTo).toBe(sim.now);
    expect(s.axisFrom).toBe(sim.now - MINUTES_PER_DAY);
  });

  it('shows the incident, the deploys and the rollback', () => {
    const sim = withIncident(quiet('deployment'), 3);
    const incident = [...sim.incidents.values()][0]!;
    const s = telemetrySeries(sim, 'week');
    expect(s.incidents).toEqual([{ id: incident.id, from: incident.startedAt, to: incident.restoredAt, open: false }]);
    expect(s.markers.some((m) => m.kind === 'deploy' && (m.batch ?? 0) > 0)).toBe(true);
    expect(s.markers.some((m) => m.kind === 'rollback' && m.incident === incident.id)).toBe(true);
    expect(Math.max(...s.errorPct)).toBeGreaterThan(2);
    expect(s.thresholdPct).toBeCloseTo(5);
  });

  it('keeps a short incident visible as a peak in a coarse window', () => {
    const sim = withIncident(quiet('deployment'), 20);
    const s = telemetrySeries(sim, 'run');
    expect(s.step).toBeGreaterThan(15);
    const incident = [...sim.incidents.values()][0]!;
    expect(Math.max(...s.errorPct)).toBeGreaterThanOrEqual(incident.errorRate * 100);
  });

  it('has no threshold line when monitoring is off', () => {
    const sim = new Simulation(quiet('deployment', { monitoring: false }));
    sim.advanceTo(100);
    expect(telemetrySeries(sim).thresholdPct).toBeNull();
  });

  it('tells the same story as a table, newest row first', () => {
    const sim = withIncident(quiet('deployment'), 3);
    const s = telemetrySeries(sim, 'day');
    const rows = telemetryTable(s);
    expect(rowMinutes(s)).toBe(60);
    expect(rows.length).toBeGreaterThan(20);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.from).toBeLessThan(rows[i - 1]!.from);
    const markers = rows.reduce((n, r) => n + r.deploys.length + r.rollbacks.length, 0);
    expect(markers).toBe(s.markers.length);
    expect(Math.max(...rows.map((r) => r.peakErrorPct))).toBeCloseTo(Math.max(...s.errorPct));
  });

  it('reads production now, including an incident the alarm does not see', () => {
    const sim = new Simulation(quiet('deployment', { alarmThreshold: 0.9 }));
    sim.inject('escape-defect');
    stepUntil(sim, 'incident.started');
    const now = productionNow(sim);
    expect(now.openIncidents).toBe(1);
    expect(now.alarm).toBe('ok');
    expect(now.silentIncident).toBe(true);
    expect(now.errorRate).toBeGreaterThan(0.02);
    expect(ALARM_THRESHOLDS).toContain(0.05);

    const off = new Simulation(quiet('deployment', { monitoring: false }));
    expect(productionNow(off).alarm).toBe('off');
  });
});

describe('team view', () => {
  it('shows one product team in DevOps, sharing the pager', () => {
    const sim = new Simulation(quiet('delivery'));
    sim.advanceTo(MINUTES_PER_DAY + 10 * 60);
    const view = teamView(sim);
    expect(view.groups.map((g) => g.id)).toEqual(['product', 'release']);
    expect(view.rota.some((p) => p.role === 'developer')).toBe(true);
    const everyone = view.groups.flatMap((g) => g.people);
    expect(everyone).toHaveLength(sim.team.everyone.length);
    expect(everyone.filter((p) => p.onCall)).toHaveLength(1);
    for (const p of everyone) expect(p.activityWords.length).toBeGreaterThan(0);
  });

  it('splits Development and Operations in silos, with Ops alone on call', () => {
    const sim = new Simulation(quiet('delivery', { culture: 'silos' }));
    sim.advanceTo(MINUTES_PER_DAY + 10 * 60);
    const view = teamView(sim);
    expect(view.groups.map((g) => g.id)).toEqual(['dev', 'ops', 'release']);
    expect(view.onCall.role).toBe('operator');
    expect(view.rota.every((p) => p.role === 'operator')).toBe(true);
    const approval = cultureFacts(sim).find((f) => f.id === 'approval')!;
    expect(approval.waitsForOtherTeam).toBe(true);
  });

  it('counts the tickets between the teams with their waiting time', () => {
    const sim = new Simulation(quiet('delivery', { culture: 'silos', approver: 'scheduled' }));
    sim.advanceTo(3 * MINUTES_PER_DAY);
    const all = tickets(sim);
    expect(all.length).toBeGreaterThan(0);
    const queued = sim.log.filter((e) => e.type === 'handoff.queued').length;
    expect(all).toHaveLength(queued);
    for (const t of all) {
      expect(t.waited).toBeGreaterThan(0);
      if (!t.open) expect(t.doneAt! - t.queuedAt).toBeCloseTo(t.waited);
    }
    const view = teamView(sim);
    expect(view.ticketsTotal).toBe(all.length);
    expect(view.openTickets.every((t) => t.open)).toBe(true);
    expect(view.doneTickets.every((t) => !t.open)).toBe(true);
  });

  it('has no tickets in DevOps culture', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'scheduled' }));
    sim.advanceTo(3 * MINUTES_PER_DAY);
    expect(tickets(sim)).toEqual([]);
  });

  it('rebuilds the roster when the culture switches mid-run', () => {
    const sim = new Simulation(quiet('delivery'));
    sim.advanceTo(MINUTES_PER_DAY);
    sim.configure({ culture: 'silos' });
    expect(teamView(sim).groups.map((g) => g.id)).toEqual(['dev', 'ops', 'release']);
  });
});

describe('chat-ops channel', () => {
  it('picks out @mentions of the team', () => {
    const names = new Set(['Priya', 'Tomás']);
    expect(splitMentions('Build failed. @Priya @Tomás please look, cc @bob', names)).toEqual([
      { text: 'Build failed. ' },
      { mention: 'Priya', known: true },
      { text: ' ' },
      { mention: 'Tomás', known: true },
      { text: ' please look, cc ' },
      { mention: 'bob', known: false },
    ]);
    expect(splitMentions('no mentions', names)).toEqual([{ text: 'no mentions' }]);
  });

  it('mentions the author of a failed build', () => {
    const sim = new Simulation(quiet('ci'));
    sim.inject('break-build');
    stepUntil(sim, 'stage.failed');
    const failed = chatMessages(sim).find((m) => m.tone === 'bad')!;
    expect(failed.speaker).toEqual({ name: 'CodePipeline', kind: 'bot' });
    const mention = failed.parts.find((p) => 'mention' in p);
    expect(mention).toMatchObject({ known: true });
    const pushes = chatMessages(sim).filter((m) => m.text.startsWith('pushed'));
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes[0]!.speaker.kind).toBe('person');
    expect(pushes[0]!.speaker.title).toBeTruthy();
  });

  it('lets the learner approve with a comment that the channel shows', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'learner' }));
    stepUntil(sim, 'approval.requested');
    const pending = pendingApproval(sim)!;
    expect(sim.approval!.canDecide).toBe(true);
    expect(pending.pendingCommits).toBeGreaterThan(0);
    expect(pending.sha).toBe(sim.commit(pending.revision)!.sha);
    const asking = chatMessages(sim, 80, true).find((m) => m.text.startsWith('Approval needed'))!;
    expect(asking.forYou).toBe(true);
    expect(sim.approve(LEARNER, 'Looks good, ship it')).toBe(true);
    const said = chatMessages(sim).at(-1)!;
    expect(said.speaker.kind).toBe('you');
    expect(said.text).toContain('Looks good, ship it');
    expect(pendingApproval(sim)?.revision === pending.revision && sim.approval!.canDecide).toBe(false);
  });

  it('has no approval in modes without the Approval stage', () => {
    expect(pendingApproval(new Simulation(quiet('deployment')))).toBeNull();
  });
});

describe('culture comparison', () => {
  it('runs the same seed in both cultures: silos hand work off, DevOps does not', () => {
    const live = quiet('ci', { defectRate: 0.1 });
    const [devops, silos] = compareCultures(live, 21);
    expect(devops!.culture).toBe('devops');
    expect(silos!.culture).toBe('silos');
    expect(devops!.handoffs).toBe(0);
    expect(silos!.handoffs).toBeGreaterThan(0);
    expect(silos!.hoursWaiting).toBeGreaterThan(0);
    expect(compareCultures(live, 21)).toEqual([devops, silos]);
  });

  it('runs headless with the scheduled approver and ignores the live culture in its key', () => {
    const live = { ...defaultSettings('delivery', 3), approver: 'learner' as const };
    expect(comparisonSettings(live, 'silos').approver).toBe('scheduled');
    expect(comparisonSettings(live, 'silos').culture).toBe('silos');
    expect(comparisonKey(live)).toBe(comparisonKey({ ...live, culture: 'silos' }));
    expect(comparisonKey(live)).not.toBe(comparisonKey({ ...live, monitoring: false }));
  });
});

describe('culture comparison', () => {
  it('marks a median over commits still waiting as a lower bound', () => {
    const manual = runCulture(defaultSettings('manual', 3), 'silos');
    expect(manual.deploymentsPerDay).toBe(0);
    expect(manual.leadTimeIsLowerBound).toBe(true);
    const deployment = runCulture(defaultSettings('deployment', 3), 'devops');
    expect(deployment.leadTimeIsLowerBound).toBe(false);
    expect(deployment.leadTimeHours).not.toBeNull();
  });
});
