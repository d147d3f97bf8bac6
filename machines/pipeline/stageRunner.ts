import { createActor } from 'xstate';
import type { StageName } from '../events';
import type { VirtualClock } from '../sim/scheduler';
import { stageMachine, type StageEmitted, type StageJob } from './stageMachine';

type Handlers = { [K in StageEmitted['type']]: (event: Extract<StageEmitted, { type: K }>) => void };

/** What the engine needs from a stage: hand it jobs, hear what happens, see what it holds. */
export interface StageRunner {
  arrive(job: StageJob): void;
  readonly current: StageJob | null;
  readonly waiting: StageJob | null;
  stop(): void;
}

/**
 * The stage as an XState actor of `stageMachine`: the specification, inspectable, used by live runs.
 */
export function machineStage(
  clock: VirtualClock,
  stage: StageName,
  handlers: Handlers,
): StageRunner & { actor: ReturnType<typeof createActor<typeof stageMachine>> } {
  const actor = createActor(stageMachine, { clock, input: { stage } });
  actor.on('job.started', handlers['job.started']);
  actor.on('job.finished', handlers['job.finished']);
  actor.on('job.superseded', handlers['job.superseded']);
  actor.start();
  return {
    actor,
    arrive: (job) => actor.send({ type: 'job.arrived', job }),
    get current() {
      return actor.getSnapshot().context.current;
    },
    get waiting() {
      return actor.getSnapshot().context.waiting;
    },
    stop: () => actor.stop(),
  };
}

/**
 * The same stage written out by hand, for headless batch runs (the comparison recomputes four
 * 90-day runs on every slider move). An XState transition costs microseconds of generic work; a
 * run makes thousands of stage transitions, and this transcription runs the comparison about four
 * times faster. It follows `stageMachine` step for step, including the order in which it emits and
 * sets timers and the state a handler sees; test/unit/runner-model.test.ts drives both with random
 * steps and compares them.
 */
export class DirectStage implements StageRunner {
  current: StageJob | null = null;
  waiting: StageJob | null = null;
  private timer: number | null = null;

  constructor(
    private readonly clock: VirtualClock,
    private readonly stage: StageName,
    private readonly handlers: Handlers,
  ) {}

  arrive(job: StageJob): void {
    if (this.current === null) {
      this.current = job;
      this.start();
      return;
    }
    const superseded = this.waiting;
    this.waiting = job;
    if (superseded) this.handlers['job.superseded']({ type: 'job.superseded', stage: this.stage, job: superseded, by: job });
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): void {
    this.handlers['job.started']({ type: 'job.started', stage: this.stage, job: this.current! });
    this.timer = this.clock.setTimeout(() => this.finish(), this.current!.duration);
  }

  private finish(): void {
    const done = this.current!;
    this.current = this.waiting;
    this.waiting = null;
    this.timer = null;
    this.handlers['job.finished']({ type: 'job.finished', stage: this.stage, job: done });
    if (this.current) this.start();
  }
}
