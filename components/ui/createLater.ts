/**
 * One piece of work per task: heavy things that mount together (the charts of a view, UPlotChart's
 * `stagger`; the template editor) are made one after the other, each in a task of its own, so the
 * page stays responsive between them (issue 13).
 */
/** Work waiting, oldest first; one piece runs per task. */
const queued: (() => void)[] = [];
let draining = false;

function createNext(): void {
  try {
    queued.shift()?.();
  } finally {
    if (queued.length > 0) setTimeout(createNext, 0);
    else draining = false;
  }
}

/** Queues `create` for a task of its own, after everything queued before it; returns a function that takes it off the queue. */
export function createLater(create: () => void): () => void {
  queued.push(create);
  if (!draining) {
    draining = true;
    setTimeout(createNext, 0);
  }
  return () => {
    const at = queued.indexOf(create);
    if (at >= 0) queued.splice(at, 1);
  };
}
