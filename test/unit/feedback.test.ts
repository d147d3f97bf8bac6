import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { sampleTelemetry, productionMarkers, trafficAt } from '@/machines/production/telemetry';
import { teamActivity } from '@/machines/team/teamActivity';
import { narrate, recentNarration } from '@/machines/narration/chat';
import { pipelineView } from '@/machines/view/pipelineView';
import { quiet, withIncident } from '../support/quietRun';

describe('production telemetry', () => {
  it('follows the day: busier at lunch than at night', () => {
    expect(trafficAt(12 * 60)).toBeGreaterThan(trafficAt(3 * 60) * 3);
    expect(trafficAt(5 * MINUTES_PER_DAY + 12 * 60)).toBeLessThan(trafficAt(12 * 60));
  });

  it('shows the incident as raised errors and latency, then recovery', () => {
    const sim = withIncident(quiet('deployment'));
    const incident = [...sim.incidents.values()][0]!;
    expect(incident.restoredAt).toBeDefined();
    const during = sampleTelemetry(sim, incident.startedAt + 1, incident.startedAt + 1, 1)[0]!;
    const after = sampleTelemetry(sim, incident.restoredAt! + 10, incident.restoredAt! + 10, 1)[0]!;
    expect(during.errorRate).toBeGreaterThan(0.02);
    expect(after.errorRate).toBeLessThan(0.01);
    expect(during.latencyP95Ms).toBeGreaterThan(after.latencyP95Ms);
  });

  it('is the same on every redraw', () => {
    const sim = withIncident(quiet('deployment'));
    expect(sampleTelemetry(sim, 0, 2000)).toEqual(sampleTelemetry(sim, 0, 2000));
  });

  it('marks deployments with their batch and rollbacks with their incident', () => {
    const sim = withIncident(quiet('deployment'));
    const markers = productionMarkers(sim, 0, sim.now);
    expect(markers.some((m) => m.kind === 'deploy' && (m.batch ?? 0) >= 1)).toBe(true);
    expect(markers.some((m) => m.kind === 'rollback' && m.incident === 1)).toBe(true);
  });
});

describe('alarms and detection', () => {
  it('without monitoring, customers find the incident, hours later', () => {
    const on = withIncident(quiet('deployment'));
    const off = withIncident(quiet('deployment', { monitoring: false }));
    const a = [...on.incidents.values()][0]!;
    const b = [...off.incidents.values()][0]!;
    expect(a.detectedBy).toBe('alarm');
    expect(b.detectedBy).toBe('customers');
    expect(b.detectedAt! - b.startedAt).toBeGreaterThan(a.detectedAt! - a.startedAt);
    expect(b.restoredAt! - b.startedAt).toBeGreaterThan(a.restoredAt! - a.startedAt);
  });

  it('an alarm threshold above the error rate never fires', () => {
    const sim = withIncident(quiet('deployment', { alarmThreshold: 0.9 }));
    expect([...sim.incidents.values()][0]!.detectedBy).toBe('customers');
  });

  it('a person can roll back before the on-call engineer decides', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'scheduled' }));
    sim.inject('escape-defect');
    while (!sim.log.some((e) => e.type === 'incident.paged')) sim.step();
    const incident = [...sim.incidents.values()][0]!;
    expect(sim.rollback(incident.id, 'You')).toBe(true);
    sim.advanceTo(sim.now + 60);
    expect(incident.restoredBy).toBe('manual-rollback');
    expect(sim.log.some((e) => e.type === 'rollback.started' && e.by === 'You')).toBe(true);
  });
});

describe('the team', () => {
  it('shows the author fixing a broken build, and everyone off at night', () => {
    const sim = new Simulation(quiet('ci'));
    sim.inject('break-build');
    while (!sim.log.some((e) => e.type === 'stage.failed')) sim.step();
    const failed = sim.log.find((e) => e.type === 'stage.failed')!;
    const author = failed.type === 'stage.failed' ? sim.commit(failed.culprits[0]!)!.author : '';
    const fixer = teamActivity(sim).find((p) => p.person.name === author)!;
    expect(fixer.activity).toBe('fixing');
    expect(fixer.detail).toMatch(/^Fixing the compile error/);
    sim.advanceTo(Math.ceil(sim.now / MINUTES_PER_DAY) * MINUTES_PER_DAY + 60 * 2);
    expect(teamActivity(sim).every((p) => p.activity === 'off' || p.activity === 'fixing' || p.activity === 'on-call')).toBe(true);
  });

  it('pages a developer in DevOps culture and only Ops in silos', () => {
    const devops = withIncident(quiet('delivery', { approver: 'scheduled' }));
    const silos = withIncident(quiet('delivery', { approver: 'scheduled', culture: 'silos' }));
    const pagedIn = (sim: Simulation) => [...sim.incidents.values()][0]!.paged!;
    const roleOf = (sim: Simulation, name: string) => sim.team.everyone.find((p) => p.name === name)!.role;
    expect(roleOf(devops, pagedIn(devops))).toBe('developer');
    expect(roleOf(silos, pagedIn(silos))).toBe('operator');
  });

  it('in silos, people wait on each other through tickets', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'scheduled', culture: 'silos' }));
    while (!sim.log.some((e) => e.type === 'handoff.queued')) sim.step();
    const activities = teamActivity(sim).map((p) => p.activity);
    expect(activities).toContain('waiting');
    expect(activities).toContain('ticket');
  });
});

describe('words', () => {
  it('says a push the way the team would', () => {
    const sim = new Simulation(quiet('deployment'));
    sim.step();
    const line = narrate(sim.log[0]!, sim)!;
    expect(line.text).toMatch(/^pushed [0-9a-f]{7}: /);
    expect(line.who).toBe(sim.commit(1)!.author);
  });

  it('mentions the author of a failed build and announces it', () => {
    const sim = new Simulation(quiet('deployment'));
    sim.inject('break-build');
    while (!sim.log.some((e) => e.type === 'stage.failed')) sim.step();
    const line = recentNarration(sim, 50).find((l) => l.tone === 'bad')!;
    expect(line.text).toMatch(/Build failed for .*compile error.*@\w+/);
    expect(line.important).toBe(true);
  });

  it('tells the pipeline diagram what waits for the learner at Approval', () => {
    const sim = new Simulation(quiet('delivery', { approver: 'learner' }));
    while (!pipelineView(sim).canDecide) sim.step();
    const approval = pipelineView(sim).stages.find((s) => s.id === 'approval')!;
    expect(approval.status).toBe('waiting');
    expect(approval.detail).toBe('Waiting for your decision');
    expect(approval.current?.batch).toBeGreaterThanOrEqual(1);
  });
});

describe('stopping the line', () => {
  it('never ships a known defect twice, even in revisions pushed before its fix', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const sim = new Simulation({ ...quiet('deployment'), seed });
      sim.inject('escape-defect');
      sim.advanceTo(10 * MINUTES_PER_DAY);
      expect(sim.incidents.size, `seed ${seed}`).toBe(1);
      expect(sim.log.some((e) => e.type === 'pipeline.resumed')).toBe(true);
    }
  });

  it('records live setting changes in the log', () => {
    const sim = new Simulation(quiet('deployment'));
    sim.configure({ monitoring: false, alarmThreshold: 0.1 });
    expect(sim.log.at(-1)).toMatchObject({ type: 'settings.changed', change: { monitoring: false, alarmThreshold: 0.1 } });
    expect(narrate(sim.log.at(-1)!, sim)?.text).toBe('turned monitoring off, set the alarm threshold to 10.0% errors.');
    sim.configure({ testCoverage: 0.9 });
    expect(sim.testCoverage).toBe(0.9);
    expect(sim.settings.testCoverage).toBe(0.7);
  });
});
