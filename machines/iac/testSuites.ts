/**
 * Test suites the Test action can run and the share of defects each catches; together they make
 * the run's test coverage (unit + integration + end-to-end = 70%, the default run's coverage).
 */
export const TEST_SUITES: Record<string, { label: string; catches: number }> = {
  unit: { label: 'Unit tests', catches: 0.4 },
  integration: { label: 'Integration tests', catches: 0.2 },
  'end-to-end': { label: 'End-to-end tests', catches: 0.1 },
  contract: { label: 'Contract tests', catches: 0.1 },
  security: { label: 'Security scan', catches: 0.05 },
};

export function coverageOf(suites: readonly string[]): number {
  let sum = 0;
  for (const suite of new Set(suites)) sum += TEST_SUITES[suite]?.catches ?? 0;
  return Math.min(0.95, Math.round(sum * 1000) / 1000);
}

/** The alarm's evaluation periods a run has by default: the detection times the engine always drew. */
export const DEFAULT_EVALUATION_PERIODS = 3;

/** The suites that come closest to a coverage, largest first (70% is unit, integration, end-to-end). */
export function suitesFor(coverage: number): string[] {
  const chosen: string[] = [];
  let left = coverage + 1e-9;
  for (const [id, suite] of Object.entries(TEST_SUITES).sort((a, b) => b[1].catches - a[1].catches)) {
    if (suite.catches <= left) {
      chosen.push(id);
      left -= suite.catches;
    }
  }
  return chosen.length > 0 ? chosen : ['unit'];
}
