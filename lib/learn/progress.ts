import * as v from "valibot";
import { LESSON_OUTLINE } from "@/machines/lessons/outline";

/**
 * The learner's progress through the lessons, kept in this browser (localStorage) as a versioned
 * record, and moved between browsers as a file in the same format:
 *
 *   { "version": 1, "lessons": { "<slug>": { "met": ["push", "build"], "finished": false,
 *       "predictions": { "test": { "guess": 5, "actual": 12 } } } } }
 *
 * Rules:
 * - Nothing here crashes on what it reads. A stored record that is damaged, or from another version,
 *   is copied aside (SET_ASIDE_KEY) and the learner starts afresh with a notice that says so. A
 *   stored record that names a lesson or step this build does not have keeps the rest, and the whole
 *   original is set aside.
 * - An imported file is checked in full before anything is written; a bad file changes nothing and
 *   its message names the field: "lessons.continuous-delivery.met.2: must be a step id (got "x")".
 * - Storage that throws (private mode, a full quota, a policy) never breaks a page: progress then
 *   lasts as long as the page, and a notice says so.
 */

export const PROGRESS_KEY = "pipeline-lab:progress";
export const SET_ASIDE_KEY = "pipeline-lab:progress:set-aside";
export const PROGRESS_VERSION = 1;
export const PROGRESS_FILE_NAME = "pipeline-lab-progress.json";
/** A real progress file is a few kilobytes; anything much larger is the wrong file. */
export const MAX_IMPORT_BYTES = 256 * 1024;

export type PredictionValue = number | string | null;

export interface PredictionRecord {
  guess: PredictionValue;
  actual: PredictionValue;
}

export interface LessonProgress {
  /** Step ids met, in the order they were met. */
  met: string[];
  finished: boolean;
  predictions: Record<string, PredictionRecord>;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

/** What a record is checked against: the lessons and their step ids (the catalog, or a test's). */
export interface CatalogEntry {
  slug: string;
  title: string;
  steps: readonly { id: string }[];
}

// The outline, not the catalog: the same slugs and step ids without the lessons' content and engine.
const DEFAULT_CATALOG: readonly CatalogEntry[] = LESSON_OUTLINE;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

// ---------------------------------------------------------------------------------------------
// The schema: the shape of a record. Which lessons and steps exist is checked after, against the catalog.

const MAX_ID = 100;
const MAX_TEXT = 500;

const idSchema = (what: string) => v.pipe(v.string(`must be ${what}`), v.minLength(1, `must be ${what}`), v.maxLength(MAX_ID, `must be ${what}`));

const valueSchema = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(MAX_TEXT)), v.null()], "must be a number, a short text or null");

const predictionSchema = v.object(
  {
    guess: valueSchema,
    actual: valueSchema,
  },
  "must be an object with a guess and an actual value",
);

const lessonSchema = v.object(
  {
    met: v.array(idSchema("a step id"), "must be a list of step ids"),
    finished: v.boolean("must be true or false"),
    predictions: v.record(idSchema("a step id"), predictionSchema, "must be an object of predictions by step id"),
  },
  "must be an object with met, finished and predictions",
);

const progressSchema = v.object(
  {
    version: v.literal(PROGRESS_VERSION, `must be ${PROGRESS_VERSION}`),
    lessons: v.record(idSchema("a lesson slug"), lessonSchema, "must be an object of lessons by slug"),
  },
  "must be an object with version and lessons",
);

export type Checked = { ok: true; progress: Progress } | { ok: false; field: string; message: string };

const MAX_SHOWN = 40;

function got(input: unknown): string {
  const text = typeof input === "string" ? input : JSON.stringify(input);
  const shown = text === undefined ? "nothing" : text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return `(got ${typeof input === "string" ? `"${shown}"` : shown})`;
}

function problem(field: string, sentence: string): Checked {
  return { ok: false, field, message: field ? `${field}: ${sentence}` : sentence };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The shape only: a record of this version, whatever lessons it names. */
function checkShape(data: unknown): Checked {
  if (!isObject(data)) return problem("", `must be a Pipeline Lab progress record: an object with version and lessons ${got(data)}`);
  if (data.version !== PROGRESS_VERSION) {
    const age = typeof data.version === "number" && data.version > PROGRESS_VERSION ? "a newer" : "an older or unknown";
    return problem("version", `must be ${PROGRESS_VERSION}; this record is from ${age} version of Pipeline Lab ${got(data.version)}`);
  }
  const parsed = v.safeParse(progressSchema, data, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return problem(v.getDotPath(issue) ?? "", `${issue.message} ${got(issue.input)}`);
  }
  return { ok: true, progress: parsed.output as Progress };
}

/**
 * The whole check, for an imported file: the shape, then every lesson slug and step id against the
 * catalog, and no step met twice. The first problem is named by its field.
 */
export function checkProgress(data: unknown, catalog: readonly CatalogEntry[] = DEFAULT_CATALOG): Checked {
  const shaped = checkShape(data);
  if (!shaped.ok) return shaped;
  for (const [slug, lesson] of Object.entries(shaped.progress.lessons)) {
    const entry = catalog.find((c) => c.slug === slug);
    if (!entry) return problem(`lessons.${slug}`, `is not a lesson of Pipeline Lab (no lesson has the slug "${slug}")`);
    const ids = new Set(entry.steps.map((s) => s.id));
    const seen = new Set<string>();
    for (const [index, id] of lesson.met.entries()) {
      const field = `lessons.${slug}.met.${index}`;
      if (!ids.has(id)) return problem(field, `must be a step id of “${entry.title}” ${got(id)}`);
      if (seen.has(id)) return problem(field, `step "${id}" is already listed as met`);
      seen.add(id);
    }
    for (const id of Object.keys(lesson.predictions)) {
      if (!ids.has(id)) return problem(`lessons.${slug}.predictions.${id}`, `must be keyed by a step id of “${entry.title}” ${got(id)}`);
    }
  }
  return shaped;
}

/**
 * For a stored record: the shape must hold, but lessons and steps this build does not know (a lesson
 * renamed since) are dropped rather than losing everything. Returns what was dropped, in words.
 */
function pruneToCatalog(progress: Progress, catalog: readonly CatalogEntry[]): { progress: Progress; dropped: string[] } {
  const dropped: string[] = [];
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, lesson] of Object.entries(progress.lessons)) {
    const entry = catalog.find((c) => c.slug === slug);
    if (!entry) {
      dropped.push(`lesson "${slug}"`);
      continue;
    }
    const ids = new Set(entry.steps.map((s) => s.id));
    const met = [...new Set(lesson.met)].filter((id) => ids.has(id));
    const predictions = Object.fromEntries(Object.entries(lesson.predictions).filter(([id]) => ids.has(id)));
    const lost = lesson.met.filter((id) => !ids.has(id)).length + Object.keys(lesson.predictions).filter((id) => !ids.has(id)).length;
    if (lost > 0) dropped.push(`${lost} unknown step${lost === 1 ? "" : "s"} of “${entry.title}”`);
    lessons[slug] = { met, finished: lesson.finished, predictions };
  }
  return { progress: { version: PROGRESS_VERSION, lessons }, dropped };
}

// ---------------------------------------------------------------------------------------------
// Reading a lesson's progress for the pages.

export interface LessonStatus {
  kind: "not-started" | "started" | "done";
  /** Steps of the lesson met (known ids only). */
  met: number;
  total: number;
  /** 1-based step to continue at: the first step not met, or the last one when all are. */
  nextStep: number;
}

export function lessonStatus(lesson: Pick<CatalogEntry, "slug" | "steps">, progress: Progress): LessonStatus {
  const record = progress.lessons[lesson.slug];
  const total = lesson.steps.length;
  const metIds = new Set(record?.met ?? []);
  const met = lesson.steps.filter((s) => metIds.has(s.id)).length;
  const firstOpen = lesson.steps.findIndex((s) => !metIds.has(s.id));
  const nextStep = firstOpen === -1 ? Math.max(total, 1) : firstOpen + 1;
  const kind = record?.finished ? "done" : met > 0 ? "started" : "not-started";
  return { kind, met, total, nextStep };
}

// ---------------------------------------------------------------------------------------------
// The store: one per page, over a Storage that may be missing or may throw.

export interface ProgressState {
  progress: Progress;
  /** Something the learner should know about their saved progress, or null. */
  notice: string | null;
  /** False until the browser's record has been read (always false on the server). */
  ready: boolean;
}

/** `field`: the field named in the message, when a field is wrong (the page sets it apart). */
export type ImportResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

export interface ProgressStore {
  loadProgress(): { progress: Progress; notice: string | null };
  getSnapshot(): ProgressState;
  getServerSnapshot(): ProgressState;
  subscribe(listener: () => void): () => void;
  recordStep(slug: string, stepId: string): void;
  recordPrediction(slug: string, stepId: string, reveal: PredictionRecord): void;
  finishLesson(slug: string): void;
  resetLesson(slug: string): void;
  dismissNotice(): void;
  /** The record as the text of a progress file. */
  exportText(): string;
  /** Replaces progress with a file's, when it passes every check; otherwise changes nothing. */
  importText(text: string): ImportResult;
  /** Reads the storage again (another tab wrote). */
  reload(): void;
}

const SERVER_STATE: ProgressState = { progress: emptyProgress(), notice: null, ready: false };

const UNAVAILABLE =
  "This browser does not let Pipeline Lab save your progress (private browsing, or storage is full), so it lasts only while this page is open. Export it to keep it.";

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The size guard, before a file is read: a sentence when it is too large, else null. */
export function importSizeProblem(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `That file is ${kilobytes(bytes)}; a progress file is at most ${kilobytes(MAX_IMPORT_BYTES)}. Nothing was imported: is it the file Pipeline Lab exported (${PROGRESS_FILE_NAME})?`
    : null;
}

export function createProgressStore(getStorage: () => Storage | null, catalog: readonly CatalogEntry[] = DEFAULT_CATALOG): ProgressStore {
  let state: ProgressState | null = null;
  const listeners = new Set<() => void>();

  function storage(): Storage | null {
    try {
      return getStorage();
    } catch {
      return null;
    }
  }

  function read(): { raw: string | null; ok: boolean } {
    const s = storage();
    if (!s) return { raw: null, ok: false };
    try {
      return { raw: s.getItem(PROGRESS_KEY), ok: true };
    } catch {
      return { raw: null, ok: false };
    }
  }

  /** Writes the record (or removes it when empty); false when storage refused. */
  function write(progress: Progress): boolean {
    const s = storage();
    if (!s) return false;
    try {
      if (Object.keys(progress.lessons).length === 0) s.removeItem(PROGRESS_KEY);
      else s.setItem(PROGRESS_KEY, JSON.stringify(progress));
      return true;
    } catch {
      return false;
    }
  }

  function setAside(raw: string): boolean {
    const s = storage();
    if (!s) return false;
    try {
      s.setItem(SET_ASIDE_KEY, raw);
      return true;
    } catch {
      return false;
    }
  }

  /** A stored record to set aside, and what to keep in its place; the notice depends on whether the copy was kept. */
  interface SetAside {
    raw: string;
    keep: Progress;
    notice: (kept: boolean) => string;
  }

  /** Reads the record without writing anything (it runs inside React's render, through getSnapshot). */
  function load(): { progress: Progress; notice: string | null; setAside?: SetAside } {
    const { raw, ok } = read();
    if (!ok) return { progress: emptyProgress(), notice: UNAVAILABLE };
    if (raw === null) return { progress: emptyProgress(), notice: null };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      const notice = (kept: boolean) =>
        `Your saved progress was damaged (it is not readable JSON), so the lessons start afresh.${kept ? " The damaged copy is set aside in this browser." : ""}`;
      return { progress: emptyProgress(), notice: notice(true), setAside: { raw, keep: emptyProgress(), notice } };
    }
    const shaped = checkShape(data);
    if (!shaped.ok) {
      const why =
        shaped.field === "version"
          ? `it was saved by ${/newer/.test(shaped.message) ? "a newer" : "an older"} version of Pipeline Lab`
          : `it could not be read: ${shaped.message}`;
      const notice = (kept: boolean) =>
        `Your saved progress was set aside because ${why}. The lessons start afresh.${kept ? " The old copy is kept aside in this browser." : ""}`;
      return { progress: emptyProgress(), notice: notice(true), setAside: { raw, keep: emptyProgress(), notice } };
    }
    const { progress, dropped } = pruneToCatalog(shaped.progress, catalog);
    if (dropped.length === 0) return { progress, notice: null };
    const notice = (kept: boolean) =>
      `Some saved progress belongs to lessons that have changed and was left out: ${dropped.join(", ")}. The rest is kept.${kept ? " The full old copy is set aside in this browser." : ""}`;
    return { progress, notice: notice(true), setAside: { raw, keep: progress, notice } };
  }

  function emit() {
    for (const listener of listeners) listener();
  }

  /** A set-aside found by the last read, written out of render: on subscribe, on load, before any write. */
  let pending: SetAside | null = null;

  function flush() {
    const job = pending;
    if (job === null) return;
    pending = null;
    const kept = setAside(job.raw);
    write(job.keep);
    if (!kept && state !== null) {
      state = { ...state, notice: job.notice(false) };
      emit();
    }
  }

  function current(): ProgressState {
    if (state === null) {
      const { progress, notice, setAside } = load();
      state = { progress, notice, ready: true };
      pending = setAside ?? null;
    }
    return state;
  }

  function update(change: (progress: Progress) => Progress | null) {
    const before = current();
    flush();
    const next = change(before.progress);
    if (next === null) return;
    const saved = write(next);
    state = { progress: next, notice: saved ? before.notice : UNAVAILABLE, ready: true };
    emit();
  }

  function lessonOf(slug: string): CatalogEntry | undefined {
    return catalog.find((c) => c.slug === slug);
  }

  function withLesson(progress: Progress, slug: string, change: (lesson: LessonProgress) => LessonProgress | null): Progress | null {
    if (!lessonOf(slug)) return null;
    const lesson = progress.lessons[slug] ?? { met: [], finished: false, predictions: {} };
    const next = change(lesson);
    return next === null ? null : { version: PROGRESS_VERSION, lessons: { ...progress.lessons, [slug]: next } };
  }

  const hasStep = (slug: string, stepId: string) => lessonOf(slug)?.steps.some((s) => s.id === stepId) ?? false;

  return {
    loadProgress() {
      current();
      flush();
      const { progress, notice } = current();
      return { progress, notice };
    },
    getSnapshot: current,
    getServerSnapshot: () => SERVER_STATE,
    subscribe(listener) {
      listeners.add(listener);
      // React subscribes after the first render has read the record: the set-aside is written here.
      flush();
      return () => listeners.delete(listener);
    },
    recordStep(slug, stepId) {
      if (!hasStep(slug, stepId)) return;
      update((p) => withLesson(p, slug, (l) => (l.met.includes(stepId) ? null : { ...l, met: [...l.met, stepId] })));
    },
    recordPrediction(slug, stepId, reveal) {
      if (!hasStep(slug, stepId)) return;
      update((p) => withLesson(p, slug, (l) => ({ ...l, predictions: { ...l.predictions, [stepId]: { guess: reveal.guess, actual: reveal.actual } } })));
    },
    finishLesson(slug) {
      update((p) => withLesson(p, slug, (l) => (l.finished ? null : { ...l, finished: true })));
    },
    resetLesson(slug) {
      update((p) => {
        if (!(slug in p.lessons)) return null;
        const lessons = { ...p.lessons };
        delete lessons[slug];
        return { version: PROGRESS_VERSION, lessons };
      });
    },
    dismissNotice() {
      const s = current();
      if (s.notice === null) return;
      state = { ...s, notice: null };
      emit();
    },
    exportText() {
      return `${JSON.stringify(current().progress, null, 2)}\n`;
    },
    importText(text) {
      const size = importSizeProblem(text.length);
      if (size) return { ok: false, message: size };
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return { ok: false, message: `That file is not a progress file: it is not JSON. Nothing was imported.` };
      }
      current();
      flush();
      const checked = checkProgress(data, catalog);
      if (!checked.ok)
        return { ok: false, field: checked.field || undefined, message: `That file was not imported: ${checked.message}. Your progress is unchanged.` };
      const count = Object.keys(checked.progress.lessons).length;
      const saved = write(checked.progress);
      state = { progress: checked.progress, notice: saved ? null : UNAVAILABLE, ready: true };
      emit();
      return { ok: true, message: `Imported progress for ${count} lesson${count === 1 ? "" : "s"}; it replaces what this browser had.` };
    },
    reload() {
      state = null;
      current();
      flush();
      emit();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The page's store, over window.localStorage, following other tabs.

function browserStorage(): Storage | null {
  return typeof window === "undefined" ? null : window.localStorage;
}

const browserStore = createProgressStore(browserStorage);
let followingTabs = false;

function followOtherTabs() {
  if (followingTabs || typeof window === "undefined") return;
  followingTabs = true;
  window.addEventListener("storage", (event) => {
    // key null: another tab cleared the whole storage.
    if (event.key === PROGRESS_KEY || event.key === null) browserStore.reload();
  });
}

export const progressStore = {
  subscribe(listener: () => void): () => void {
    followOtherTabs();
    return browserStore.subscribe(listener);
  },
  getSnapshot: browserStore.getSnapshot,
  getServerSnapshot: browserStore.getServerSnapshot,
};

export const loadProgress = () => browserStore.loadProgress();
export const recordStep = (slug: string, stepId: string) => browserStore.recordStep(slug, stepId);
export const recordPrediction = (slug: string, stepId: string, reveal: PredictionRecord) => browserStore.recordPrediction(slug, stepId, reveal);
export const finishLesson = (slug: string) => browserStore.finishLesson(slug);
export const resetLesson = (slug: string) => browserStore.resetLesson(slug);
export const dismissProgressNotice = () => browserStore.dismissNotice();

/** Downloads the progress as pipeline-lab-progress.json. */
export function exportProgress(): void {
  const blob = new Blob([browserStore.exportText()], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = PROGRESS_FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a file the learner picked and imports it; the size is checked before it is read. */
export async function importProgressFile(file: Blob): Promise<ImportResult> {
  const size = importSizeProblem(file.size);
  if (size) return { ok: false, message: size };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: "That file could not be read. Nothing was imported." };
  }
  return browserStore.importText(text);
}
