/**
 * Computes the live run's metrics (the DORA four keys and the stage times) off the main thread, so
 * the pipeline keeps its frame rate however long the run's log grows. The page sends the events
 * logged since its last message; this worker keeps its own copy of the log, trimmed like the run's.
 */
import type { LoggedEvent } from "@/machines/events";
import { computeMetrics, type Metrics } from "@/machines/metrics/metrics";

export interface MetricsRequest {
  /** Which run the events belong to; a new run starts a new log. */
  run: number;
  events: LoggedEvent[];
  /** The run's log starts here (older events were trimmed) and the window ends at `to`. */
  from: number;
  to: number;
}

export interface MetricsResponse {
  run: number;
  to: number;
  metrics: Metrics;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MetricsRequest>) => void) | null;
  postMessage(message: MetricsResponse): void;
};

let run = -1;
let log: LoggedEvent[] = [];

scope.onmessage = (event) => {
  const request = event.data;
  if (request.run !== run) {
    run = request.run;
    log = [];
  }
  for (const e of request.events) log.push(e);
  let drop = 0;
  while (drop < log.length && log[drop]!.t < request.from) drop++;
  if (drop > 0) log.splice(0, drop);
  const metrics = computeMetrics(log, { from: request.from, to: request.to });
  scope.postMessage({ run: request.run, to: request.to, metrics });
};
