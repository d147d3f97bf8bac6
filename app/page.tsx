import Link from "next/link";
import {
  Activity,
  ArrowRight,
  Columns3,
  FileCode,
  GitMerge,
  GraduationCap,
  Hand,
  Play,
  Repeat,
  Rocket,
  UserCheck,
  Users,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { PipelineStrip } from "@/components/site/PipelineStrip";

interface Item {
  title: string;
  Icon: LucideIcon;
  text: string;
}

const CONCEPTS: readonly Item[] = [
  {
    title: "Collaboration",
    Icon: Users,
    text: "Developers and operators share one pipeline. Switch the team between silos and a DevOps culture and watch handoffs, waits and on-call duty change.",
  },
  {
    title: "Automation",
    Icon: Zap,
    text: "Builds, tests and deployments run without anyone clicking. Every manual step is a place where work waits and where releases go wrong.",
  },
  {
    title: "CI and CD",
    Icon: GitMerge,
    text: "Continuous Integration builds and tests every commit on main. Continuous Delivery keeps every revision ready to release; Continuous Deployment releases it.",
  },
  {
    title: "Infrastructure as Code",
    Icon: FileCode,
    text: "The pipeline and its environments are a CloudFormation-style template: edit it, review the change set, apply it.",
  },
  {
    title: "Monitoring and feedback",
    Icon: Activity,
    text: "Alarms catch incidents in minutes instead of hours. The DORA four keys show how fast and how safely the team delivers.",
  },
];

interface Mode extends Item {
  cadence: string;
}

const MODES: readonly Mode[] = [
  {
    title: "Manual release",
    Icon: Hand,
    cadence: "One release every 3 months",
    text: "Every commit is built and tested, but a release manager approves and deploys by hand on release day, and a manual step can go wrong.",
  },
  {
    title: "Continuous Integration",
    Icon: Repeat,
    cadence: "Deployed by hand, weekly",
    text: "Every commit is built and tested on main within minutes; getting it to production is still a manual job on a schedule.",
  },
  {
    title: "Continuous Delivery",
    Icon: UserCheck,
    cadence: "Up to 3 releases a day",
    text: "Every passing revision is ready to release: a person clicks Approve, and the deployment itself is automated.",
  },
  {
    title: "Continuous Deployment",
    Icon: Rocket,
    cadence: "Every passing change",
    text: "No approvals: every change that passes the pipeline goes all the way to production, and an alarm rolls a bad one back.",
  },
];

interface View extends Item {
  href: string;
}

const VIEWS: readonly View[] = [
  {
    title: "Live pipeline",
    href: "/simulator",
    Icon: Workflow,
    text: "Commits moving stage by stage. Play, pause, step, approve or reject.",
  },
  {
    title: "Monitoring",
    href: "/simulator/monitoring",
    Icon: Activity,
    text: "Error rate, alarms, incidents and the DORA four keys of the running simulation.",
  },
  {
    title: "Team",
    href: "/simulator/team",
    Icon: Users,
    text: "Who pushed what, who waits for whom, who is on call, and what each handoff costs.",
  },
  {
    title: "Compare",
    href: "/compare",
    Icon: Columns3,
    text: "The four modes side by side on the same commits and the same seed.",
  },
];

const section = "page-container";

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="hero-title" className={`${section} pt-8 pb-10 xl:pt-10`}>
        <h1 id="hero-title" className="max-w-5xl text-4xl leading-[1.1] font-extrabold tracking-tight text-balance sm:text-5xl 2xl:text-6xl">
          Watch every commit travel from push to production.
        </h1>
        <p className="mt-4 max-w-5xl text-xl leading-relaxed text-pretty text-text-muted">
          Pipeline Lab simulates a team shipping software through an AWS-style pipeline: CodeCommit stores the code, CodeBuild builds and tests it, CodeDeploy
          releases it, CodePipeline runs it all. Change how the team works and watch lead time, deployment frequency, failures and recovery respond.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/simulator"
            className="inline-flex items-center gap-2.5 rounded-xl bg-accent px-6 py-3.5 text-lg font-bold text-on-accent shadow-sm transition-colors hover:bg-accent-hover"
          >
            <Play aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Open the live pipeline
          </Link>
          <Link
            href="/compare"
            className="inline-flex items-center gap-2.5 rounded-xl border-2 border-border-strong bg-surface-raised px-6 py-3 text-lg font-bold text-text transition-colors hover:border-text"
          >
            <Columns3 aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Compare the four modes
          </Link>
          <Link
            href="/learn"
            className="inline-flex items-center gap-2.5 rounded-xl border-2 border-border-strong bg-surface-raised px-6 py-3 text-lg font-bold text-text transition-colors hover:border-text"
          >
            <GraduationCap aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Take the lessons
          </Link>
        </div>
      </section>

      <section aria-label="Example pipeline run" className={`${section} pb-16`}>
        <PipelineStrip />
      </section>

      <section aria-labelledby="modes-title" className="below-fold border-y border-border bg-surface-raised py-16">
        <div className={section}>
          <h2 id="modes-title" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
            Four ways to ship
          </h2>
          <p className="mt-3 max-w-4xl text-xl leading-relaxed text-text-muted">
            Continuous Delivery moves a team from “one release every three months” to “three releases per day”. Send the same stream of commits through each
            mode and see what changes.
          </p>
          <ol className="mt-8 grid gap-5 md:grid-cols-2 xl:grid-cols-4">
            {MODES.map(({ title, Icon, cadence, text }, index) => (
              <li key={title} className="flex flex-col rounded-2xl border border-border bg-surface p-6">
                <div className="flex items-center justify-between">
                  <span className="flex size-12 items-center justify-center rounded-xl bg-accent text-on-accent">
                    <Icon aria-hidden="true" className="size-6" strokeWidth={2.25} />
                  </span>
                  <span aria-hidden="true" className="text-4xl font-extrabold text-border-strong">
                    {index + 1}
                  </span>
                </div>
                <h3 className="mt-4 text-2xl leading-tight font-bold">{title}</h3>
                <p className="mt-1 text-base font-semibold text-status-working-ink">{cadence}</p>
                <p className="mt-3 text-lg leading-relaxed text-text-muted">{text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="concepts-title" className={`${section} below-fold py-16`}>
        <div className="grid gap-5 md:grid-cols-2 lg:grid-cols-3">
          <div className="md:col-span-2 lg:col-span-1 lg:pr-4">
            <h2 id="concepts-title" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
              DevOps, one idea at a time
            </h2>
            <p className="mt-3 text-xl leading-relaxed text-text-muted">
              DevOps brings software development and IT operations together: a culture and a set of practices for delivering better software, faster. Each idea
              is something you can switch on in the simulator and measure.
            </p>
          </div>
          {CONCEPTS.map(({ title, Icon, text }) => (
            <div key={title} className="flex gap-4 rounded-2xl border border-border bg-surface-raised p-6">
              <Icon aria-hidden="true" className="mt-1 size-7 shrink-0 text-status-working-ink" strokeWidth={2.25} />
              <div>
                <h3 className="text-xl font-bold">{title}</h3>
                <p className="mt-1.5 text-lg leading-relaxed text-text-muted">{text}</p>
              </div>
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="views-title" className="below-fold border-t border-border bg-surface-raised py-16">
        <div className={section}>
          <h2 id="views-title" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
            Views of the same run
          </h2>
          <p className="mt-3 max-w-4xl text-xl leading-relaxed text-text-muted">
            The pipeline, monitoring and team views show one running simulation. The comparison runs every mode at once.
          </p>
          <ul className="mt-8 grid gap-5 md:grid-cols-2 xl:grid-cols-4">
            {VIEWS.map(({ title, href, Icon, text }) => (
              <li
                key={href}
                className="group relative flex flex-col rounded-2xl border-2 border-border bg-surface p-6 transition-colors hover:border-accent has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
              >
                <Icon aria-hidden="true" className="size-7 text-status-working-ink" strokeWidth={2.25} />
                <h3 className="mt-4 text-2xl font-bold">
                  <Link href={href} className="inline-flex items-center gap-2 outline-none after:absolute after:inset-0 after:rounded-2xl after:content-['']">
                    {title}
                    <ArrowRight aria-hidden="true" className="size-5 transition-transform group-hover:translate-x-1" strokeWidth={2.5} />
                  </Link>
                </h3>
                <code className="mt-1 text-base text-text-muted">{href}</code>
                <p className="mt-3 text-lg leading-relaxed text-text-muted">{text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
