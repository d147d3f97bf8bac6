import { describe, expect, it } from 'vitest';
import { deriveEdges, deriveNodes, frameHeader } from '@/components/simulator/diagram/flowElements';
import { DESIGN_HEIGHT, DESIGN_WIDTH, fitViewport, layoutStages } from '@/components/simulator/diagram/layout';
import { deriveCards, sameCard } from '@/components/simulator/diagram/stageCards';
import { deriveTokens, sameTokens } from '@/components/simulator/diagram/tokens';
import { Simulation } from '@/machines/engine/simulation';
import { diagramView } from '@/machines/view/diagramView';
import { stagesFor } from '@/machines/view/stages';
import { settingsFor } from '@/lib/url/simulatorParams';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import type { Mode } from '@/machines/world/modes';
import type { FailureReason } from '@/machines/events';
import { revisionCount, type StageNote } from '@/machines/view/pipelineView';
import { FAILURE_WORDS, START_RELEASE, stageNoteWords } from '@/machines/words';

function sim(mode: Mode, seed = 3, approver: 'learner' | 'scheduled' = 'learner') {
  return new Simulation(settingsFor({ mode, seed, speed: 30, approver }));
}

/** Advances minute by minute until `done` holds (or a week passes). */
function runUntil(s: Simulation, done: () => boolean, limit = 7 * MINUTES_PER_DAY) {
  const end = s.now + limit;
  while (!done() && s.now < end) s.advanceTo(s.now + 1);
  return done();
}

describe('layoutStages', () => {
  it('lays out every mode left to right within the design width', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      const layout = layoutStages(stagesFor(mode));
      expect(layout.boxes.map((b) => b.id)).toEqual(stagesFor(mode));
      for (let i = 1; i < layout.boxes.length; i++) {
        const prev = layout.boxes[i - 1]!;
        expect(layout.boxes[i]!.x).toBeGreaterThan(prev.x + prev.width);
      }
      const last = layout.boxes[layout.boxes.length - 1]!;
      expect(last.x + last.width).toBeLessThanOrEqual(DESIGN_WIDTH);
      expect(last.x + last.width).toBeGreaterThan(DESIGN_WIDTH - 8);
      // Production sits outside the CodePipeline frame.
      expect(last.id).toBe('production');
      expect(last.x).toBeGreaterThan(layout.frame.x + layout.frame.width);
      expect(layout.height).toBe(DESIGN_HEIGHT);
    }
  });

  it('gives cards room for a stage name at every mode', () => {
    expect(layoutStages(stagesFor('delivery')).boxes[0]!.width).toBeGreaterThanOrEqual(160);
    expect(layoutStages(stagesFor('deployment')).boxes[0]!.width).toBeGreaterThan(layoutStages(stagesFor('delivery')).boxes[0]!.width);
  });
});

describe('fitViewport', () => {
  const layout = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT };
  it('draws at zoom 1 at the design size and centres', () => {
    expect(fitViewport(DESIGN_WIDTH, DESIGN_HEIGHT, layout)).toEqual({ x: 0, y: 0, zoom: 1 });
    const wide = fitViewport(DESIGN_WIDTH * 2, DESIGN_HEIGHT, layout);
    expect(wide.zoom).toBe(1);
    expect(wide.x).toBe(DESIGN_WIDTH / 2);
  });
  it('scales up for big screens, within bounds', () => {
    expect(fitViewport(1856, 420, layout).zoom).toBeCloseTo(Math.min(1856 / DESIGN_WIDTH, 420 / DESIGN_HEIGHT));
    expect(fitViewport(10000, 10000, layout).zoom).toBe(1.6);
    expect(fitViewport(10, 10, layout).zoom).toBe(0.25);
    expect(fitViewport(0, 0, layout)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe('deriveNodes, deriveCards and deriveEdges', () => {
  it('has a frame and one node per stage, and idle cards at the start', () => {
    const view = diagramView(sim('delivery'));
    const layout = layoutStages(view.stages.map((s) => s.id));
    const nodes = deriveNodes(view, layout);
    expect(nodes.map((n) => n.id)).toEqual(['frame', 'source', 'build', 'test', 'approval', 'deploy', 'production']);
    const cards = deriveCards(view);
    expect(cards.build!.status).toBe('idle');
    expect(cards.build!.label).toMatch(/^Build · CodeBuild, Empty: Idle/);
    expect(frameHeader(view)).toMatchObject({ title: expect.stringContaining('CodePipeline'), clock: 'Mon 00:00, day 1', execution: 'no execution yet' });
    const edges = deriveEdges(view);
    expect(edges.map((e) => e.id)).toEqual(['source->build', 'build->test', 'test->approval', 'approval->deploy', 'deploy->production']);
  });

  it('has no Approval stage in Continuous Deployment and CI', () => {
    for (const mode of ['deployment', 'ci'] as const) {
      const view = diagramView(sim(mode));
      const nodes = deriveNodes(view, layoutStages(view.stages.map((s) => s.id)));
      expect(nodes.some((n) => n.id === 'approval')).toBe(false);
      expect(deriveCards(view).approval).toBeUndefined();
    }
  });

  it('keeps React Flow’s nodes and edges the same objects while the run plays', () => {
    const s = sim('delivery');
    const view = diagramView(s);
    const layout = layoutStages(view.stages.map((st) => st.id));
    const first = deriveNodes(view, layout);
    const edges = deriveEdges(view);
    runUntil(s, () => diagramView(s).stages.find((st) => st.id === 'test')!.status === 'working');
    deriveNodes(diagramView(s), layout, {}, first).forEach((node, i) => expect(node).toBe(first[i]));
    deriveEdges(diagramView(s), edges).forEach((edge, i) => expect(edge).toBe(edges[i]));
  });

  it('changes only the cards whose stage changed', () => {
    const s = sim('delivery');
    const before = deriveCards(diagramView(s));
    expect(sameCard(before.build!, deriveCards(diagramView(s)).build!)).toBe(true);
    runUntil(s, () => diagramView(s).stages.find((st) => st.id === 'build')!.status === 'working');
    const after = deriveCards(diagramView(s));
    expect(sameCard(before.build!, after.build!)).toBe(false);
    expect(sameCard(before.production!, after.production!)).toBe(true);
  });

  it('marks the selected stage', () => {
    const cards = deriveCards(diagramView(sim('delivery')), { selectedStage: 'test' });
    expect(cards.test!.selected).toBe(true);
    expect(cards.build!.selected).toBe(false);
  });

  it('shows the revision a working stage holds', () => {
    const s = sim('delivery');
    runUntil(s, () => diagramView(s).stages.find((st) => st.id === 'build')!.status === 'working');
    const view = diagramView(s);
    const build = deriveCards(view).build!;
    const current = view.stages.find((st) => st.id === 'build')!.current!;
    expect(build.sha).toBe(current.sha);
    expect(build.holds).toBe('1 commit');
    expect(build.label).toMatch(new RegExp(`^Build · CodeBuild, ${current.sha}, 1 commit: Working`));
  });

  it('keeps showing a failure after the stage moved on to the next revision', () => {
    const s = sim('deployment');
    s.inject('flaky-test');
    runUntil(s, () => diagramView(s).lastFailure?.test !== undefined);
    const card = deriveCards(diagramView(s)).test!;
    expect(card.flash).toBe('failed');
    expect(card.label).toMatch(/Failed\. Flaky test|last run failed: flaky test/);
  });

  it("words the card from the stage's note, short on the card and in full in its name", () => {
    const s = sim('delivery', 3, 'learner');
    runUntil(s, () => diagramView(s).canDecide);
    const view = diagramView(s);
    expect(view.stages.find((st) => st.id === 'approval')!.note).toEqual({ kind: 'approval', waitsFor: 'learner' });
    const approval = deriveCards(view).approval!;
    expect(approval.detail).toBe('Your decision');
    expect(approval.label).toContain('Waiting for your decision');
  });

  it('names revision 0 the start release on the Production card after a rollback to it', () => {
    const view = diagramView(sim('deployment'));
    const rolledBack = {
      ...view,
      production: { ...view.production, revision: 0, sha: null, deployments: 1 },
      stages: view.stages.map((st) => (st.id === 'production' ? { ...st, status: 'rolled-back' as const, note: { kind: 'rolled-back' as const } } : st)),
      lastDeployment: { id: 1, execution: 1, revision: 1, sha: 'abc1234', batch: 1, at: 600 },
    };
    const card = deriveCards(rolledBack).production!;
    expect(card.sha).toBe(START_RELEASE.tag);
    expect(card.holds).toBe('after rollback');
    // The status chip already says "Rolled back"; the name says to what.
    expect(card.detail).toBeNull();
    expect(card.label).toContain('Rolled back to a good revision');
  });

  it('gives every stage note words that fit a card', () => {
    const notes: StageNote[] = [
      { kind: 'idle' },
      { kind: 'working', byHand: true },
      { kind: 'working', byHand: false },
      ...(['ops-ticket', 'release-day', 'learner', 'approver'] as const).map((waitsFor) => ({ kind: 'approval' as const, waitsFor })),
      { kind: 'scheduled-release' },
      { kind: 'succeeded' },
      { kind: 'failed' },
      ...Object.keys(FAILURE_WORDS).map((reason) => ({ kind: 'failed' as const, reason: reason as FailureReason })),
      { kind: 'rejected' },
      { kind: 'incidents', open: 2 },
      { kind: 'rolled-back' },
      { kind: 'healthy' },
    ];
    for (const note of notes) {
      const words = stageNoteWords(note);
      expect(words.told.length, note.kind).toBeGreaterThan(0);
      expect((words.card ?? '').length, note.kind).toBeLessThanOrEqual(18);
    }
  });

  it('holds the line before Deploy on the edge', () => {
    const view = { ...diagramView(sim('deployment')), held: true };
    const held = deriveEdges(view).filter((e) => e.data?.held);
    expect(held.map((e) => e.id)).toEqual(['test->deploy']);
    expect(deriveCards(view).deploy!.detail).toBe('Line stopped');
  });
});

describe('deriveTokens', () => {
  it('docks a working revision in its stage and glides by keeping its key', () => {
    const s = sim('delivery');
    runUntil(s, () => diagramView(s).stages.find((st) => st.id === 'build')!.status === 'working');
    const view = diagramView(s);
    const layout = layoutStages(view.stages.map((st) => st.id));
    const tokens = deriveTokens(view, layout);
    const inBuild = tokens.find((t) => t.stage === 'build')!;
    expect(inBuild.tone).toBe('working');
    const box = layout.byId.build!;
    expect(inBuild.x).toBeGreaterThan(box.x);
    expect(inBuild.x).toBeLessThan(box.x + box.width);

    runUntil(s, () => diagramView(s).stages.find((st) => st.id === 'test')!.current?.execution === inBuild.execution);
    const moved = deriveTokens(diagramView(s), layout).find((t) => t.key === inBuild.key)!;
    expect(moved.stage).toBe('test');
    expect(moved.x).toBeGreaterThan(inBuild.x);
    expect(moved.y).toBe(inBuild.y);
  });

  it('shows the batch at Approval and the revision production runs', () => {
    const s = sim('delivery');
    expect(runUntil(s, () => diagramView(s).canDecide)).toBe(true);
    let view = diagramView(s);
    const layout = layoutStages(view.stages.map((st) => st.id));
    const atGate = deriveTokens(view, layout).find((t) => t.stage === 'approval')!;
    expect(atGate.tone).toBe('waiting');
    expect(atGate.count).toBe(view.stages.find((st) => st.id === 'approval')!.current!.batch);

    s.approve('You');
    runUntil(s, () => s.deployments.length > 0);
    view = diagramView(s);
    const prod = deriveTokens(view, layout).find((t) => t.stage === 'production')!;
    // The approved token keeps its key all the way into production.
    expect(prod.key).toBe(atGate.key);
    expect(prod.tone).toBe('succeeded');
    expect(prod.count).toBe(view.lastDeployment!.batch);
  });

  it('gives a revision one number on its card and its token: the release candidate waiting at Deploy', () => {
    // CI: the release candidate waits at Deploy for the weekly hand deploy. It carries the commits
    // it superseded at Build and Test, but ships every commit production does not run yet: the
    // token used to say the first ("29") while the card said the second ("117 to ship").
    const s = new Simulation(settingsFor({ mode: 'ci', seed: 1, speed: 240, approver: 'learner', commitsPerDay: 60 }));
    const waitingAtDeploy = () => {
      const deploy = diagramView(s).stages.find((st) => st.id === 'deploy')!;
      return deploy.waiting !== null && deploy.waiting.batch !== deploy.waiting.carries;
    };
    expect(runUntil(s, waitingAtDeploy)).toBe(true);
    const view = diagramView(s);
    const deploy = view.stages.find((st) => st.id === 'deploy')!;
    const token = deriveTokens(view, layoutStages(view.stages.map((st) => st.id))).find((t) => t.stage === 'deploy')!;
    const card = deriveCards(view).deploy!;
    expect(revisionCount('deploy', deploy.waiting!)).toEqual({ commits: deploy.waiting!.batch, counts: 'to-ship' });
    expect(token.count).toBe(deploy.waiting!.batch);
    expect(card.holds).toBe(`${token.count} to ship`);
    expect(token.label).toContain(`${token.count} commits to ship`);
  });

  it('counts what a revision carries away from the gates, and what it would ship at them', () => {
    const revision = { carries: 3, batch: 40 };
    for (const stage of ['source', 'build', 'test'] as const) expect(revisionCount(stage, revision)).toEqual({ commits: 3, counts: 'carried' });
    for (const stage of ['approval', 'deploy'] as const) expect(revisionCount(stage, revision)).toEqual({ commits: 40, counts: 'to-ship' });
  });

  it('every token shows the number its card shows, throughout a busy run', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      const s = new Simulation(settingsFor({ mode, seed: 2, speed: 240, approver: 'scheduled', commitsPerDay: 80 }));
      for (let minute = 0; minute < 3 * MINUTES_PER_DAY; minute += 7) {
        s.advanceTo(s.now + 7);
        const view = diagramView(s);
        const cards = deriveCards(view);
        for (const token of deriveTokens(view, layoutStages(view.stages.map((st) => st.id)))) {
          const card = cards[token.stage]!;
          if (token.slot !== 'work' || token.stage === 'production' || token.tone === 'failed' || !card.holds) continue;
          expect(card.holds, `${mode} ${token.stage} at ${s.now}`).toMatch(new RegExp(`^${token.count} `));
        }
      }
    }
  });

  it('leaves a failed revision where it failed', () => {
    const s = sim('deployment');
    s.inject('break-build');
    expect(runUntil(s, () => diagramView(s).failed?.build !== undefined)).toBe(true);
    const view = diagramView(s);
    const tokens = deriveTokens(view, layoutStages(view.stages.map((st) => st.id)));
    const failed = tokens.find((t) => t.tone === 'failed')!;
    expect(failed.stage).toBe('build');
    expect(failed.label).toContain('compile error');
  });

  it('compares token lists by what is drawn', () => {
    const s = sim('delivery');
    runUntil(s, () => s.headRevision > 0);
    const view = diagramView(s);
    const layout = layoutStages(view.stages.map((st) => st.id));
    const a = deriveTokens(view, layout);
    expect(sameTokens(a, deriveTokens(diagramView(s), layout))).toBe(true);
    expect(sameTokens(a, [])).toBe(a.length === 0);
  });
});

describe('the diagram’s height on the page', () => {
  it('uses the design’s aspect ratio, so the page and the layout agree', async () => {
    const { DIAGRAM_HEIGHT } = await import('@/components/simulator/layoutClasses');
    const ratio = Number(/\*([\d.]+)\)\)\]$/.exec(DIAGRAM_HEIGHT)?.[1]);
    expect(ratio).toBeCloseTo(DESIGN_HEIGHT / DESIGN_WIDTH, 3);
    // The smallest height is the design height: zoom 1 at 1280×720.
    expect(DIAGRAM_HEIGHT).toContain(`clamp(${DESIGN_HEIGHT / 16}rem`);
  });
});
