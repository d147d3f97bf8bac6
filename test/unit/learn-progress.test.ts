import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  PROGRESS_KEY,
  SET_ASIDE_KEY,
  checkProgress,
  createProgressStore,
  importSizeProblem,
  lessonStatus,
  type CatalogEntry,
} from '@/lib/learn/progress';
import { LESSONS } from '@/machines/lessons/catalog';

/** Two lessons, so that slugs and step ids are checked per lesson. */
const CATALOG: CatalogEntry[] = [
  { slug: 'anatomy-of-a-pipeline', title: 'Anatomy of a pipeline', steps: [{ id: 'push' }, { id: 'build' }, { id: 'test' }] },
  { slug: 'continuous-delivery', title: 'Continuous Delivery', steps: [{ id: 'gate' }, { id: 'approve' }, { id: 'pile-up' }] },
];

/** A Storage in memory; `failing` makes every call throw, as private mode or a full quota can. */
class FakeStorage implements Storage {
  private items = new Map<string, string>();
  failing: 'none' | 'all' | 'writes' = 'none';
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.failing === 'all') throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failing !== 'none') throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    if (this.failing !== 'none') throw new Error('QuotaExceededError');
    this.items.delete(key);
  }
}

function setup(initial?: string) {
  const storage = new FakeStorage();
  if (initial !== undefined) storage.setItem(PROGRESS_KEY, initial);
  const store = createProgressStore(() => storage, CATALOG);
  return { storage, store };
}

describe('learner progress', () => {
  it('starts empty, records steps, predictions and the finish, and reads them back from storage', () => {
    const { storage, store } = setup();
    expect(store.loadProgress()).toEqual({ progress: { version: 1, lessons: {} }, notice: null });

    store.recordStep('anatomy-of-a-pipeline', 'push');
    store.recordStep('anatomy-of-a-pipeline', 'build');
    store.recordStep('anatomy-of-a-pipeline', 'push'); // met once, in the order met
    store.recordPrediction('anatomy-of-a-pipeline', 'test', { guess: 5, actual: 12 });
    store.recordStep('continuous-delivery', 'approve');
    store.finishLesson('continuous-delivery');

    const again = createProgressStore(() => storage, CATALOG).loadProgress();
    expect(again.notice).toBeNull();
    expect(again.progress).toEqual({
      version: 1,
      lessons: {
        'anatomy-of-a-pipeline': { met: ['push', 'build'], finished: false, predictions: { test: { guess: 5, actual: 12 } } },
        'continuous-delivery': { met: ['approve'], finished: true, predictions: {} },
      },
    });

    store.resetLesson('continuous-delivery');
    expect(Object.keys(createProgressStore(() => storage, CATALOG).loadProgress().progress.lessons)).toEqual(['anatomy-of-a-pipeline']);
  });

  it('ignores steps and lessons the catalog does not have, so the record stays importable', () => {
    const { storage, store } = setup();
    store.recordStep('anatomy-of-a-pipeline', 'nope');
    store.recordStep('no-such-lesson', 'push');
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('round-trips through an exported file', () => {
    const { store } = setup();
    store.recordStep('continuous-delivery', 'gate');
    store.recordPrediction('continuous-delivery', 'gate', { guess: 'piles up', actual: 'piles up' });
    const file = store.exportText();

    const other = setup();
    const result = other.store.importText(file);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/1 lesson\b/);
    expect(other.store.loadProgress().progress).toEqual(store.loadProgress().progress);
    expect(JSON.parse(other.storage.getItem(PROGRESS_KEY)!)).toEqual(JSON.parse(file));
  });

  it('notifies subscribers on every change, and the snapshot stays the same object between changes', () => {
    const { store } = setup();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.recordStep('anatomy-of-a-pipeline', 'push');
    expect(calls).toBe(1);
    expect(store.getSnapshot()).not.toBe(first);
    expect(store.getSnapshot().ready).toBe(true);
    expect(store.getServerSnapshot().ready).toBe(false);
    stop();
    store.recordStep('anatomy-of-a-pipeline', 'build');
    expect(calls).toBe(1);
  });

  it('sets damaged JSON aside with a notice and starts afresh', () => {
    const { storage, store } = setup('{"version":1,"lessons":{');
    const { progress, notice } = store.loadProgress();
    expect(progress).toEqual({ version: 1, lessons: {} });
    expect(notice).toMatch(/damaged/);
    expect(notice).toMatch(/set aside/);
    expect(storage.getItem(SET_ASIDE_KEY)).toBe('{"version":1,"lessons":{');
    // The next visit starts clean, without the notice again.
    expect(createProgressStore(() => storage, CATALOG).loadProgress().notice).toBeNull();
  });

  it('reads in getSnapshot without writing (it runs during render), and sets aside when React subscribes', () => {
    const { storage, store } = setup('not json');
    expect(store.getSnapshot().notice).toMatch(/damaged/);
    expect(storage.getItem(SET_ASIDE_KEY)).toBeNull();
    expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
    store.subscribe(() => {})();
    expect(storage.getItem(SET_ASIDE_KEY)).toBe('not json');
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('sets an older version aside with a notice that says so', () => {
    const older = JSON.stringify({ lessons: { 'anatomy-of-a-pipeline': ['push'] } });
    const { storage, store } = setup(older);
    const { progress, notice } = store.loadProgress();
    expect(progress.lessons).toEqual({});
    expect(notice).toMatch(/older version of Pipeline Lab/);
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(older);
  });

  it('sets a record of the right version but the wrong shape aside, naming the field', () => {
    const bad = JSON.stringify({ version: 1, lessons: { 'continuous-delivery': { met: 'gate', finished: false, predictions: {} } } });
    const { storage, store } = setup(bad);
    const { notice } = store.loadProgress();
    expect(notice).toContain('lessons.continuous-delivery.met');
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(bad);
  });

  it('keeps the known lessons of a stored record that names a lesson this build does not have', () => {
    const stored = JSON.stringify({
      version: 1,
      lessons: {
        'anatomy-of-a-pipeline': { met: ['push', 'renamed-step'], finished: false, predictions: {} },
        'retired-lesson': { met: ['x'], finished: true, predictions: {} },
      },
    });
    const { storage, store } = setup(stored);
    const { progress, notice } = store.loadProgress();
    expect(progress.lessons).toEqual({ 'anatomy-of-a-pipeline': { met: ['push'], finished: false, predictions: {} } });
    expect(notice).toContain('lesson "retired-lesson"');
    expect(notice).toContain('1 unknown step of “Anatomy of a pipeline”');
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(stored);
  });

  it('refuses an invalid import, naming the field, and leaves the progress as it was', () => {
    const { storage, store } = setup();
    store.recordStep('anatomy-of-a-pipeline', 'push');
    const before = storage.getItem(PROGRESS_KEY);
    const snapshot = store.getSnapshot();

    const wrongStep = JSON.stringify({
      version: 1,
      lessons: { 'continuous-delivery': { met: ['gate', 'approve', 'push'], finished: false, predictions: {} } },
    });
    const result = store.importText(wrongStep);
    expect(result).toMatchObject({ ok: false, field: 'lessons.continuous-delivery.met.2' });
    expect(result.message).toContain('lessons.continuous-delivery.met.2: must be a step id of “Continuous Delivery” (got "push")');
    expect(result.message).toMatch(/unchanged/);
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
    expect(store.getSnapshot()).toBe(snapshot);

    const wrongType = store.importText(JSON.stringify({ version: 1, lessons: { 'continuous-delivery': { met: [], finished: 'yes', predictions: {} } } }));
    expect(wrongType.message).toContain('lessons.continuous-delivery.finished: must be true or false (got "yes")');

    const wrongGuess = store.importText(
      JSON.stringify({ version: 1, lessons: { 'continuous-delivery': { met: [], finished: false, predictions: { gate: { guess: {}, actual: 1 } } } } }),
    );
    expect(wrongGuess.message).toContain('lessons.continuous-delivery.predictions.gate.guess: must be a number, a short text or null');

    expect(store.importText('not json').message).toMatch(/not JSON/);
    expect(store.importText(JSON.stringify({ version: 2, lessons: {} })).message).toContain('version: must be 1; this record is from a newer version');
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
  });

  it('names an unknown lesson slug in an import', () => {
    const { store } = setup();
    const result = store.importText(JSON.stringify({ version: 1, lessons: { 'no-such-lesson': { met: [], finished: false, predictions: {} } } }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('lessons.no-such-lesson: is not a lesson of Pipeline Lab');
  });

  it('refuses a step met twice in an import', () => {
    const checked = checkProgress({ version: 1, lessons: { 'continuous-delivery': { met: ['gate', 'gate'], finished: false, predictions: {} } } }, CATALOG);
    expect(checked).toMatchObject({ ok: false, field: 'lessons.continuous-delivery.met.1' });
  });

  it('refuses a file that is too large before reading it', () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/at most 256 KB/);
    const { storage, store } = setup();
    store.recordStep('anatomy-of-a-pipeline', 'push');
    const before = storage.getItem(PROGRESS_KEY);
    const huge = JSON.stringify({ version: 1, lessons: {}, padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    const result = store.importText(huge);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Nothing was imported/);
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
  });

  it('never throws when storage does: progress lasts for the page, with a notice', () => {
    const { storage, store } = setup();
    storage.failing = 'all';
    expect(store.loadProgress()).toMatchObject({ progress: { lessons: {} }, notice: expect.stringMatching(/does not let Pipeline Lab save/) });
    expect(() => store.recordStep('anatomy-of-a-pipeline', 'push')).not.toThrow();
    expect(store.getSnapshot().progress.lessons['anatomy-of-a-pipeline']?.met).toEqual(['push']);

    const quota = setup();
    quota.store.loadProgress();
    quota.storage.failing = 'writes';
    quota.store.recordStep('anatomy-of-a-pipeline', 'push');
    expect(quota.store.getSnapshot().notice).toMatch(/does not let Pipeline Lab save/);

    const throwing = createProgressStore(() => {
      throw new Error('SecurityError: localStorage is disabled');
    }, CATALOG);
    expect(() => throwing.loadProgress()).not.toThrow();
    expect(throwing.loadProgress().notice).toMatch(/does not let Pipeline Lab save/);
  });

  it('tells where to continue: the first step not met, and done only when finished', () => {
    const lesson = CATALOG[0]!;
    const empty = { version: 1 as const, lessons: {} };
    expect(lessonStatus(lesson, empty)).toEqual({ kind: 'not-started', met: 0, total: 3, nextStep: 1 });
    const some = { version: 1 as const, lessons: { [lesson.slug]: { met: ['push', 'build'], finished: false, predictions: {} } } };
    expect(lessonStatus(lesson, some)).toEqual({ kind: 'started', met: 2, total: 3, nextStep: 3 });
    const all = { version: 1 as const, lessons: { [lesson.slug]: { met: ['push', 'build', 'test'], finished: true, predictions: {} } } };
    expect(lessonStatus(lesson, all)).toEqual({ kind: 'done', met: 3, total: 3, nextStep: 3 });
  });

  it('checks against the real catalog by default', () => {
    const first = LESSONS[0]!;
    expect(checkProgress({ version: 1, lessons: { [first.slug]: { met: [first.steps[0]!.id], finished: false, predictions: {} } } }).ok).toBe(true);
  });
});
