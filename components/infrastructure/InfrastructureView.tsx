"use client";

import { useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { Download, FileCode2, FilePlus2, Hand, Hourglass, Play, RotateCcw, ScanSearch, Upload } from "lucide-react";
import { ViewHeader } from "@/components/monitoring/ViewHeader";
import { viewIntro } from "@/components/simulator/WorkspaceNav";
import { BrowserOnly } from "@/components/ui/BrowserOnly";
import { Button } from "@/components/ui/Button";
import { deferred, useDeferred } from "@/components/ui/deferred";
import { useRunner } from "@/components/simulator/runnerContext";
import { LEARNER } from "@/machines/words";
import { createChangeSet, MAX_TEMPLATE_BYTES, STACK_NAME, type ChangeSet, type TemplateParse, type TemplateProblem } from "./iac";
import { ChangeSetTable, DriftResults, ProblemList, ResourcesTable, StackEvents } from "./StackPanels";
import { EDITOR_HEIGHT, TemplateEditor } from "./TemplateEditor";
import { CfnStatus } from "./stackWords";
import { useStack } from "./useStack";

/**
 * The YAML parser (some 25 KB gzipped) reads only drafts and imported files, never the running
 * template: it is fetched when the learner reaches for the template, not with the view (issue 13).
 */
const templateParser = deferred(() => import("@/machines/iac/parse"));
/** A draft typed before the parser has arrived: not yet checked, so not yet applicable. */
const UNCHECKED: TemplateParse = { ok: false, problems: [] };

const STACK = STACK_NAME;
const PROBLEMS_ID = "template-problems";
/** Always there (empty when all is well), so the editor's description never points at nothing. */
const MESSAGES_ID = "template-messages";

/**
 * /simulator/infrastructure: the run's stack `shop-web` as a CloudFormation template. Edit it, see
 * the change set, execute it and watch the stack update as the run plays; detect drift; export and
 * import the template. A view of the workspace's one running simulation: the run keeps going.
 */
export function InfrastructureView() {
  const actor = useRunner();
  const stack = useStack();
  // The learner's draft; null while it is the running template.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? stack.templateText;
  // Text the editor must show (a reset, an import): typing does not come back through here.
  const [shown, setShown] = useState(stack.templateText);
  if (draft === null && shown !== stack.templateText) setShown(stack.templateText);
  // The running template is the engine's own, text and object together (parsing one gives the
  // other: iac-parse.test), so only a draft is parsed: the YAML parser took 100 ms of a phone's main
  // thread when the view opened (issue 13).
  const [parser, wantParser] = useDeferred(templateParser);
  // Asked for when the learner reaches for the template (and for any draft), not during the view's load.
  useEffect(() => {
    if (draft !== null) wantParser();
  }, [draft, wantParser]);
  const parsed: TemplateParse = useMemo(
    () => (draft === null ? { ok: true, template: stack.template } : parser ? parser.parseTemplate(draft) : UNCHECKED),
    [draft, stack.template, parser],
  );
  const problems = useMemo(() => (parsed.ok ? [] : parsed.problems), [parsed]);
  const [changeSet, setChangeSet] = useState<{ set: ChangeSet; text: string } | null>(null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: TemplateProblem[] } | null>(null);
  const [notice, setNotice] = useState("");
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const changeSetHeading = useRef<HTMLHeadingElement>(null);
  const editor = useRef<{ goTo(line: number, column?: number): void }>(null);

  const edited = draft !== null && draft !== stack.templateText;
  const stale = changeSet !== null && changeSet.text !== text;
  const updating = /IN_PROGRESS/.test(stack.status);
  // Hand changes found by Detect drift: applying the template, even unchanged, puts them right.
  const drifted = stack.resources.some((r) => r.drift === "MODIFIED" || r.drift === "DELETED");
  const reapply = changeSet !== null && changeSet.set.rows.length === 0 && drifted;

  const replaceText = (next: string | null) => {
    setDraft(next);
    setShown(next ?? stack.templateText);
    setChangeSet(null);
  };

  const createSet = () => {
    if (!parsed.ok) return;
    setChangeSet({ set: createChangeSet(stack.template, parsed.template), text });
    setNotice("");
    // Show the table the button made, and take the keyboard to it.
    requestAnimationFrame(() => {
      changeSetHeading.current?.focus({ preventScroll: true });
      changeSetHeading.current?.scrollIntoView({ block: "nearest", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    });
  };

  const execute = () => {
    if (!changeSet || stale || !parsed.ok) return;
    actor.send({ type: "stack.execute", templateText: text, template: parsed.template, by: LEARNER });
    setNotice(`Change set sent: ${changeSet.set.summary}`);
    setChangeSet(null);
    setDraft(null);
  };

  const exportYaml = () => {
    const blob = new Blob([text], { type: "application/yaml" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${STACK}.yaml`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_TEMPLATE_BYTES) {
      setImportProblems({ file: file.name, problems: [{ message: `The file is ${Math.ceil(file.size / 1024)} KB; a template may be at most 256 KB.` }] });
      return;
    }
    const content = await file.text();
    const result = await templateParser.load().then(
      ({ parseTemplate }) => parseTemplate(content),
      (): TemplateParse => ({ ok: false, problems: [{ message: "The template reader could not be loaded (offline?). Try again once connected." }] }),
    );
    if (!result.ok) {
      setImportProblems({ file: file.name, problems: result.problems });
      return;
    }
    setImportProblems(null);
    replaceText(content);
    setNotice(`Imported ${file.name}. Create a change set to see what it would change.`);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="@container flex flex-col gap-4 pt-2 pb-6">
      <ViewHeader title="Infrastructure">{viewIntro("/simulator/infrastructure")}</ViewHeader>

      <section
        aria-labelledby="stack-title"
        className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border border-border bg-surface-raised px-4 py-3 shadow-sm"
      >
        <h2 id="stack-title" className="flex items-center gap-2 text-xl font-bold tracking-tight">
          <FileCode2 aria-hidden="true" className="size-6 shrink-0 text-text-muted" strokeWidth={2.25} />
          Stack <span className="font-mono">{STACK}</span>
        </h2>
        <div role="status" aria-live="polite" className="flex items-center gap-2" data-testid="stack-status">
          <span className="sr-only">Stack status:</span>
          <CfnStatus status={stack.status} />
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Button variant="primary" onClick={createSet} disabled={!parsed.ok || updating} aria-describedby={problems.length > 0 ? PROBLEMS_ID : undefined}>
            <FilePlus2 aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Create change set
          </Button>
          <Button onClick={() => actor.send({ type: "drift.detect" })}>
            <ScanSearch aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Detect drift
          </Button>
        </div>
      </section>

      {!stack.iac && (
        <p className="flex items-start gap-2 rounded-xl border border-border bg-surface-raised px-4 py-2 text-lg" data-testid="iac-off">
          <Hand aria-hidden="true" className="mt-1 size-5 shrink-0 text-text-muted" strokeWidth={2.5} />
          <span>
            <strong>Configured by hand:</strong> this run&apos;s environments were set up in the console, not from the template (IaC is off), so they drift by
            themselves and a drifted production can fail a deploy that passed in staging. The template says what they should be.
          </span>
        </p>
      )}
      {stack.pendingChange && (
        <p className="flex items-start gap-2 rounded-xl border-2 border-status-waiting bg-surface-raised px-4 py-2 text-lg" data-testid="pending-change">
          <Hourglass aria-hidden="true" className="mt-1 size-5 shrink-0 text-status-waiting-ink" strokeWidth={2.5} />
          <span>
            <strong>On its way:</strong> {stack.pendingChange.changeSet.summary}{" "}
            {stack.pendingChange.commit !== undefined
              ? `It travels through the pipeline as commit ${stack.pendingSha ?? `#${stack.pendingChange.commit}`} and is applied when that commit deploys${stack.mode === "delivery" ? "; the approver reviews its change set at Approval" : ""}.`
              : "It is applied as the run plays."}
          </span>
        </p>
      )}
      {changeSet && (
        <ChangeSetTable ref={changeSetHeading} changeSet={changeSet.set} stale={stale} reapply={reapply}>
          <Button variant="primary" onClick={execute} disabled={stale || (changeSet.set.rows.length === 0 && !reapply) || updating}>
            <Play aria-hidden="true" className="size-5" strokeWidth={2.5} />
            {reapply ? "Re-apply the template" : "Execute change set"}
          </Button>
        </ChangeSetTable>
      )}
      <p role="status" className="min-h-0 text-lg font-semibold empty:hidden">
        {notice}
      </p>

      {/* The template and the stack's tables mount in a commit after the rest of the view, as the
          other views' lower parts do: one layout of the whole view was a long task on a phone. */}
      <BrowserOnly fallback={<div className={`${EDITOR_HEIGHT} rounded-2xl border border-border bg-surface-raised`} />}>
        <div className="grid gap-4 @min-[64rem]:grid-cols-2 @min-[100rem]:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
          <section
            aria-labelledby="template-title"
            className={`flex min-w-0 flex-col gap-3 rounded-2xl border bg-surface-raised p-4 shadow-sm sm:p-5 ${dragging ? "border-accent ring-4 ring-accent/40" : "border-border"}`}
            onPointerEnter={wantParser}
            onFocus={wantParser}
            onDragOver={(event) => {
              event.preventDefault();
              wantParser();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <h2 id="template-title" className="text-xl font-bold tracking-tight">
                Template
              </h2>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                <Button size="sm" onClick={exportYaml}>
                  <Download aria-hidden="true" className="size-4" strokeWidth={2.5} />
                  Export .yaml
                </Button>
                <Button size="sm" onClick={() => fileInput.current?.click()}>
                  <Upload aria-hidden="true" className="size-4" strokeWidth={2.5} />
                  Import
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".yaml,.yml,.json,.template,application/yaml,application/json,text/yaml,text/plain"
                  className="sr-only"
                  tabIndex={-1}
                  aria-label="Import a template file"
                  data-testid="template-file"
                  onChange={(event) => {
                    void importFile(event.target.files?.[0]);
                    event.target.value = "";
                  }}
                />
                <Button size="sm" onClick={() => replaceText(null)} disabled={!edited}>
                  <RotateCcw aria-hidden="true" className="size-4" strokeWidth={2.5} />
                  Reset template
                </Button>
              </div>
            </div>
            <TemplateEditor
              ref={editor}
              text={shown}
              problems={problems}
              onChange={(next) => {
                setDraft(next);
                if (importProblems) setImportProblems(null);
              }}
              label={`Template of stack ${STACK}, YAML`}
              describedBy={MESSAGES_ID}
            />
            <p className="text-base text-text-muted">
              <span className="font-semibold text-text">{edited ? "Edited, not applied yet." : "The running template."}</span> Drop a .yaml or .json file here
              to import it; Tab leaves the editor.
            </p>
            <div id={MESSAGES_ID} className="flex flex-col gap-3 empty:hidden">
              {importProblems && (
                <ProblemList
                  id="import-problems"
                  testId="import-problems"
                  title={`${importProblems.file} was not imported: ${importProblems.problems.length === 1 ? "1 problem" : `${importProblems.problems.length} problems`}. Nothing changed.`}
                  problems={importProblems.problems}
                />
              )}
              {problems.length > 0 && (
                <ProblemList
                  id={PROBLEMS_ID}
                  testId="template-problems"
                  onGoTo={(line, column) => editor.current?.goTo(line, column)}
                  title={`${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in the template. The running stack is kept.`}
                  problems={problems}
                />
              )}
            </div>
          </section>
          {/* Laid out only when near the screen (below the editor on a phone): its tables were a third
            of the layout that followed the view's first commit (issue 13). */}
          <div className="below-fold flex min-w-0 flex-col gap-4">
            <ResourcesTable resources={stack.resources} />
            <DriftResults drift={stack.drift} />
            <StackEvents events={stack.events} />
          </div>
        </div>
      </BrowserOnly>
    </div>
  );
}
