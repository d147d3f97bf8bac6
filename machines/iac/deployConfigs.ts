/**
 * CodeDeploy deployment configurations and what each does to a run: how many users a bad change
 * reaches before the alarm can stop it, how long a deploy and a rollback take. AllAtOnce is the
 * model the engine always had (every user, the stage's own times): the default changes nothing.
 */
export const DEPLOY_CONFIG_IDS = [
  'AllAtOnce',
  'HalfAtATime',
  'OneAtATime',
  'Canary10Percent5Minutes',
  'Canary10Percent15Minutes',
  'Linear10PercentEvery1Minute',
  'Linear10PercentEvery3Minutes',
] as const;

export type DeployConfigName = (typeof DEPLOY_CONFIG_IDS)[number];

export interface DeployConfig {
  id: DeployConfigName;
  /** As a template names it: CodeDeployDefault.AllAtOnce. */
  name: string;
  label: string;
  /** Share of users a bad change reaches before the alarm can act (scales its error rate). */
  reach: number;
  /** A deploy takes the stage's time times this, plus `deployExtraMinutes` (a canary's bake time, linear steps). */
  deployFactor: number;
  deployExtraMinutes: number;
  /** A rollback takes the stage's time times this (a canary only reverts its tenth). */
  rollbackFactor: number;
}

export const DEPLOY_CONFIGS: Record<DeployConfigName, DeployConfig> = {
  AllAtOnce: {
    id: 'AllAtOnce',
    name: 'CodeDeployDefault.AllAtOnce',
    label: 'All at once',
    reach: 1,
    deployFactor: 1,
    deployExtraMinutes: 0,
    rollbackFactor: 1,
  },
  HalfAtATime: {
    id: 'HalfAtATime',
    name: 'CodeDeployDefault.HalfAtATime',
    label: 'Half at a time',
    reach: 0.5,
    deployFactor: 2,
    deployExtraMinutes: 0,
    rollbackFactor: 1,
  },
  OneAtATime: {
    id: 'OneAtATime',
    name: 'CodeDeployDefault.OneAtATime',
    label: 'One instance at a time',
    reach: 0.25,
    deployFactor: 4,
    deployExtraMinutes: 0,
    rollbackFactor: 1,
  },
  Canary10Percent5Minutes: {
    id: 'Canary10Percent5Minutes',
    name: 'CodeDeployDefault.Canary10Percent5Minutes',
    label: 'Canary: 10%, then the rest after 5 minutes',
    reach: 0.1,
    deployFactor: 1,
    deployExtraMinutes: 5,
    rollbackFactor: 0.3,
  },
  Canary10Percent15Minutes: {
    id: 'Canary10Percent15Minutes',
    name: 'CodeDeployDefault.Canary10Percent15Minutes',
    label: 'Canary: 10%, then the rest after 15 minutes',
    reach: 0.1,
    deployFactor: 1,
    deployExtraMinutes: 15,
    rollbackFactor: 0.3,
  },
  Linear10PercentEvery1Minute: {
    id: 'Linear10PercentEvery1Minute',
    name: 'CodeDeployDefault.Linear10PercentEvery1Minute',
    label: 'Linear: 10% more every minute',
    reach: 0.4,
    deployFactor: 1,
    deployExtraMinutes: 9,
    rollbackFactor: 0.5,
  },
  Linear10PercentEvery3Minutes: {
    id: 'Linear10PercentEvery3Minutes',
    name: 'CodeDeployDefault.Linear10PercentEvery3Minutes',
    label: 'Linear: 10% more every 3 minutes',
    reach: 0.2,
    deployFactor: 1,
    deployExtraMinutes: 27,
    rollbackFactor: 0.5,
  },
};

/** Every name a template may use: CodeDeployDefault.X. */
export const DEPLOY_CONFIG_NAMES: readonly string[] = DEPLOY_CONFIG_IDS.map((id) => DEPLOY_CONFIGS[id].name);

export const DEFAULT_DEPLOY_CONFIG: DeployConfigName = 'AllAtOnce';

export function isDeployConfig(value: string): value is DeployConfigName {
  return (DEPLOY_CONFIG_IDS as readonly string[]).includes(value);
}

/** "CodeDeployDefault.HalfAtATime" or "HalfAtATime" -> HalfAtATime. */
export function deployConfigFromName(name: string): DeployConfigName | null {
  const id = name.startsWith('CodeDeployDefault.') ? name.slice('CodeDeployDefault.'.length) : name;
  return isDeployConfig(id) ? id : null;
}

/** A deploy's minutes under a configuration, from the stage's own draw (no new draw). */
export function deployMinutes(config: DeployConfigName, drawn: number): number {
  const c = DEPLOY_CONFIGS[config];
  return c.deployFactor === 1 && c.deployExtraMinutes === 0 ? drawn : drawn * c.deployFactor + c.deployExtraMinutes;
}

/** A rollback's minutes under a configuration, from the stage's own draw. */
export function rollbackMinutes(config: DeployConfigName, drawn: number): number {
  const c = DEPLOY_CONFIGS[config];
  return c.rollbackFactor === 1 ? drawn : drawn * c.rollbackFactor;
}
