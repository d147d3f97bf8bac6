import type { StageName } from '../events';
import type { Mode } from '../world/modes';
import { MODE_INFO } from '../world/modes';

export type StageId = StageName | 'production';

/** One status vocabulary for every view (LOOK.md); its words are `STATUS_WORDS` in machines/words.ts. */
export type Status = 'idle' | 'working' | 'waiting' | 'failed' | 'succeeded' | 'superseded' | 'rolled-back';

export interface StageInfo {
  id: StageId;
  name: string;
  /** The AWS service that runs it. */
  service: string;
  /** What the stage does, in a trainer's words. */
  explain: string;
}

export const STAGE_INFO: Record<StageId, StageInfo> = {
  source: { id: 'source', name: 'Source', service: 'CodeCommit', explain: 'A push to main starts a CodePipeline execution for that revision.' },
  build: { id: 'build', name: 'Build', service: 'CodeBuild', explain: 'Compiles the revision. A compile error stops it here.' },
  test: {
    id: 'test',
    name: 'Test',
    service: 'CodeBuild · test plugins',
    explain: 'Runs the automated tests. They catch a hidden defect as often as coverage allows.',
  },
  approval: { id: 'approval', name: 'Approval', service: 'Manual approval', explain: 'A person decides whether this revision goes to production.' },
  deploy: { id: 'deploy', name: 'Deploy', service: 'CodeDeploy', explain: 'Rolls the revision out to production.' },
  production: { id: 'production', name: 'Production', service: 'CloudWatch', explain: 'The running service, watched by monitoring and alarms.' },
};

/** The stages a mode's pipeline has, in the order work flows. */
export function stagesFor(mode: Mode): StageId[] {
  return MODE_INFO[mode].hasApproval ? ['source', 'build', 'test', 'approval', 'deploy', 'production'] : ['source', 'build', 'test', 'deploy', 'production'];
}
