import type { Lesson } from '../types';

/** Lesson 2: break main, watch every later push fail Build, and see how soon it is green again. */
export const continuousIntegration: Lesson = {
  slug: 'continuous-integration',
  title: 'Continuous Integration',
  idea: 'Continuous Integration',
  summary: 'Break the build on main, watch every later push fail with it, and see how fast the team gets main green again.',
  minutes: 10,
  objectives: [
    'Say what Continuous Integration automates: every push to main is built by CodeBuild and tested, with no one running a build by hand.',
    'Explain why one broken commit makes every later push fail Build until a fix lands: each push builds all of main, not just its own change.',
    'Argue why teams integrate small changes daily and fix a red main first: the break is found within minutes, by the person who just made it.',
  ],
  start: { settings: { mode: 'ci', seed: 8 }, speed: 15, startAt: 8 * 60 + 50 },
  steps: [
    {
      id: 'built',
      title: 'Every push is built and tested',
      instruction:
        'It is Monday, 08:50. This team practices Continuous Integration: everyone pushes to main in CodeCommit several times a day, and CodePipeline builds and tests every push. Deploying is still done by hand, once a week. Press Play and follow the first push through Build and Test.',
      goal: { text: 'A push passes Build and Test', when: { event: 'stage.succeeded', where: { stage: 'test' } }, needsAction: false, within: 3 * 60 },
      hints: ['Press Play (or Space). The run stops by itself when a revision passes Test.', 'Click the Build stage to see CodeBuild compiling the revision.'],
      outcome:
        'Minutes after the push, the revision was compiled and tested, and nobody had to start anything. While the newest revision builds and passes, main is called green. This revision now waits at Deploy for the weekly hand deploy.',
    },
    {
      id: 'break',
      title: 'Break the build',
      instruction:
        'Now break main. Open the Inject failure menu (the lightning bolt) and choose "break the next build": the next commit someone pushes will not compile. Then play on and watch the Build stage.',
      goal: {
        text: 'Build fails on the commit you broke',
        when: { event: 'stage.failed', where: { stage: 'build' } },
        check: [{ measure: 'brokeOnInjected', is: 'yes' }],
        needsAction: true,
        within: 3 * 60,
      },
      hints: [
        'The Inject failure menu has a lightning bolt on it; its count shows the fault waiting to strike.',
        'Choose "break the next build", then press Play: the fault waits for the next push, which may take a while.',
      ],
      outcome:
        'Build failed, and the feed names the commit that broke it and asks its author to take a look: main is red. The author starts on a fix; until it is pushed, main does not compile.',
    },
    {
      id: 'green',
      title: 'Get main green again',
      instruction:
        'Teammates keep pushing while the fix is written. Every push builds all of main, the broken commit included. Play on until a push passes Build again.',
      prediction: {
        kind: 'number',
        question: 'How many more pushes will fail Build before main is green again?',
        measure: 'laterBuildFailures',
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
        'Look at which commit each later failure names: the broken one, not the push that was just built.',
      ],
      outcome:
        'A revision carrying the fix passed Build: main is green again. Any push that landed in between failed Build for the broken commit, whoever pushed it. The sooner the fix lands, the fewer pushes fail.',
    },
    {
      id: 'busier',
      title: 'The same break in a busier team',
      instruction:
        'A new run starts, Monday 09:20, with a team of five that pushes three times as often: about 36 commits a day instead of 12. Break the next build again and play on until main is green.',
      setup: { restart: { seed: 11, commitsPerDay: 36, startAt: 9 * 60 + 20 } },
      prediction: {
        kind: 'number',
        question: 'Three times as many pushes a day: how many pushes after the broken one will fail Build before main is green again?',
        measure: 'laterBuildFailures',
        unit: 'pushes',
        min: 0,
        max: 40,
      },
      goal: {
        text: 'Break the build, then get main green again',
        when: { event: 'stage.succeeded', where: { stage: 'build' } },
        check: [
          { measure: 'greenAfterBreak', is: 'yes' },
          { measure: 'mainBuild', is: 'green' },
        ],
        needsAction: true,
        within: 4 * 60,
      },
      hints: [
        'Choose "break the next build" from the Inject failure menu, then press Play.',
        'A fix takes its author 30 to 90 minutes of work however busy the team is; what changes is how many pushes land on a red main meanwhile.',
      ],
      outcome:
        'Main is green again. A red main holds up everyone who pushes while it is red, so the more often a team integrates, the more a broken build costs. That is why a CI team fixes a red main before anything else, and why it pushes small changes every day: a failed build names one recent commit, and its author hears about it minutes after the push.',
    },
  ],
  solution: [
    { step: 'break', at: 9 * 60 + 35, do: 'inject', fault: 'break-build' },
    { step: 'busier', at: 9 * 60 + 20, do: 'inject', fault: 'break-build' },
  ],
  debrief: {
    compare: ['minutesMainRed', 'laterBuildFailures', 'buildsFailed'],
    takeaway:
      'Continuous Integration builds and tests every push, so a break is found within minutes; the team keeps main green by fixing it first, because every later push fails until it does.',
  },
  questions: [
    'When the build broke, who found out, and how long after the push?',
    'What did the teammates who pushed after the break have to do with it, and what could they do while main was red?',
    'If everyone merged their work once a month instead of daily, how would finding the broken change be different?',
  ],
};
