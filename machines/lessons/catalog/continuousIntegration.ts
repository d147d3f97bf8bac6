import type { Lesson } from '../types';

/** Lesson 2: break main, watch every later push fail Build, and see how soon it is green again. */
export const continuousIntegration: Lesson = {
  slug: 'continuous-integration',
  title: 'Continuous Integration',
  idea: 'Continuous Integration',
  summary: 'Break the build on main, watch every later push fail with it, and see how fast the team gets main green again.',
  minutes: 8,
  objectives: [
    'Say what Continuous Integration automates: every push to main is built by CodeBuild and tested, with no one running a build by hand.',
    'Explain why one broken commit makes every later push fail Build until a fix lands: each push builds all of main, not just its own change.',
    'Argue why teams integrate small changes daily and fix a red main first: the break is found within minutes, by the person who just made it.',
  ],
  start: { settings: { mode: 'ci', seed: 1 }, speed: 15, startAt: 8 * 60 + 50 },
  steps: [
    {
      id: 'built',
      title: 'Every push is built and tested',
      instruction:
        'It is Monday, 08:50. This team practises Continuous Integration: everyone pushes to main in CodeCommit several times a day, and CodePipeline builds and tests every push. Deploying is still done by hand, once a week. Press Play and follow the first push through Build and Test.',
      goal: { text: 'A push passes Build and Test', when: { event: 'stage.succeeded', where: { stage: 'test' } }, needsAction: false, within: 3 * 60 },
      hints: ['Press Play (or Space). The run stops by itself when a revision passes Test.', 'Click the Build stage to see CodeBuild compiling the revision.'],
      outcome:
        'Minutes after the push, the revision was compiled and tested, and nobody had to start anything. While the newest revision builds and passes, main is called green. This one now waits for the weekly hand deploy.',
    },
    {
      id: 'break',
      title: 'Break the build',
      instruction:
        'Now break main. Open the Inject-failure menu and choose "break-build": the next commit someone pushes will not compile. Then play on and watch the Build stage.',
      goal: {
        text: 'Build fails on the commit you broke',
        when: { event: 'stage.failed', where: { stage: 'build' } },
        check: [{ measure: 'brokeOnInjected', is: 'yes' }],
        needsAction: true,
        within: 3 * 60,
      },
      hints: [
        'The Inject-failure menu is beside the Play controls.',
        'Choose "break-build", then press Play: the fault waits for the next push, which may take a while.',
      ],
      outcome:
        'Build failed, and the failure names the commit that broke it: main is red. Its author has been told and starts on a fix. Until that fix is pushed, main does not compile.',
    },
    {
      id: 'green',
      title: 'Get main green again',
      instruction:
        'Teammates keep pushing while the fix is written. Every push builds all of main, the broken commit included. Play on until a push passes Build again.',
      prediction: {
        kind: 'number',
        question: 'How many more pushes will fail Build before main is green again?',
        measure: 'buildFailures',
        unit: 'pushes',
        min: 0,
        max: 20,
      },
      goal: {
        text: 'Main is green again: a push passes Build',
        when: { event: 'stage.succeeded', where: { stage: 'build' } },
        check: [{ measure: 'mainBuild', is: 'green' }],
        needsAction: false,
        within: 6 * 60,
      },
      hints: [
        'Press Play. The feed shows each failed build and the commit it blames.',
        'Look at which commit each failure names: the later pushes fail for a commit that is not theirs.',
      ],
      outcome:
        'A revision carrying the fix passed Build: main is green again. Any push that landed in between failed Build for the broken commit, whoever pushed it; the debrief shows how long main was red. The sooner the fix lands, the fewer pushes fail.',
    },
  ],
  solution: [{ step: 'break', at: 9 * 60 + 30, do: 'inject', fault: 'break-build' }],
  debrief: {
    compare: ['minutesMainRed', 'buildsFailed'],
    takeaway:
      'Continuous Integration builds and tests every push, so a break is found within minutes; the team keeps main green by fixing it first, because every later push fails until it does.',
  },
  questions: [
    'When the build broke, who found out, and how long after the push?',
    'What did the teammates who pushed after the break have to do with it?',
    'If everyone merged their work once a month instead of daily, how would finding the broken change be different?',
  ],
};
