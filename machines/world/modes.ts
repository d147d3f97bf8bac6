/** The four ways of releasing software the product compares (DOMAIN.md, "Modes"). */
export const MODES = ['manual', 'ci', 'delivery', 'deployment'] as const;
export type Mode = (typeof MODES)[number];

export interface ModeInfo {
  id: Mode;
  name: string;
  short: string;
  /** One line a newcomer can read aloud. */
  summary: string;
  /** Whether a person approves a revision before production (the Approval stage exists). */
  hasApproval: boolean;
  /** Deploys are run by hand (slow, and in manual release, error-prone). */
  deploysByHand: boolean;
  /** Rollback starts on its own when an alarm fires. */
  automaticRollback: boolean;
}

export const MODE_INFO: Record<Mode, ModeInfo> = {
  manual: {
    id: 'manual',
    name: 'Manual release',
    short: 'Manual',
    summary: 'Every commit is built and tested, but a release manager ships by hand once per release interval: one release every three months.',
    hasApproval: true,
    deploysByHand: true,
    automaticRollback: false,
  },
  ci: {
    id: 'ci',
    name: 'Continuous Integration',
    short: 'CI',
    summary: 'Every commit is built and tested automatically; deploys are still done by hand on a schedule (weekly).',
    hasApproval: false,
    deploysByHand: true,
    automaticRollback: false,
  },
  delivery: {
    id: 'delivery',
    name: 'Continuous Delivery',
    short: 'Delivery',
    summary: 'Every passing revision is ready to ship; a person approves each release and the deploy itself is automated.',
    hasApproval: true,
    deploysByHand: false,
    automaticRollback: false,
  },
  deployment: {
    id: 'deployment',
    name: 'Continuous Deployment',
    short: 'Deployment',
    summary: 'Every passing revision goes to production automatically, with no approval, and rolls back on its own when an alarm fires.',
    hasApproval: false,
    deploysByHand: false,
    automaticRollback: true,
  },
};

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}
