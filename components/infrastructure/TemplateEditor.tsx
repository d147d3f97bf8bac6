"use client";

import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { createLater } from "@/components/ui/createLater";
import { useNearViewport } from "@/components/ui/useNearViewport";
import type { EditorProblem, TemplateEditorHandle } from "./codeEditor";

/** The editor's height: the same before and after CodeMirror arrives, so nothing below it jumps. */
export const EDITOR_HEIGHT = "h-[26rem] 2xl:h-[36rem]";

/**
 * The template in CodeMirror 6. The editor's code is fetched when the editor's box comes near the
 * screen (a dynamic import: no other page loads it), and the editor is made in a task after the one
 * that ran its code: together they held a phone's main thread for 150 ms while the view loaded
 * (issue 13). Until then a plain box of the same height says it is loading.
 * `text` is the text to show; typing reports through `onChange` and does not come back as `text`.
 */
export function TemplateEditor({
  text,
  problems,
  onChange,
  label,
  describedBy,
  ref,
}: {
  ref?: Ref<{ goTo(line: number, column?: number): void }>;
  text: string;
  problems: readonly EditorProblem[];
  onChange(text: string): void;
  label: string;
  describedBy?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<TemplateEditorHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef({ text, problems, onChange });
  useEffect(() => {
    latest.current = { text, problems, onChange };
  });

  const near = useNearViewport(host, "200px");
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let cancelCreate: (() => void) | null = null;
    import("./codeEditor")
      .then(({ createTemplateEditor }) => {
        if (cancelled) return;
        cancelCreate = createLater(() => {
          if (!host.current) return;
          try {
            handle.current = createTemplateEditor(host.current, {
              text: latest.current.text,
              problems: latest.current.problems,
              label,
              describedBy,
              onChange: (next) => latest.current.onChange(next),
            });
            setReady(true);
          } catch {
            setFailed(true);
          }
        });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      cancelCreate?.();
      handle.current?.destroy();
      handle.current = null;
    };
  }, [near, label, describedBy]);

  useImperativeHandle(ref, () => ({ goTo: (line, column) => handle.current?.goTo(line, column) }), []);

  useEffect(() => {
    handle.current?.setText(text);
  }, [text, ready]);
  useEffect(() => {
    handle.current?.setProblems(problems);
  }, [problems, ready]);

  return (
    <div className={`relative overflow-hidden rounded-xl border-2 border-border-strong bg-surface-raised ${EDITOR_HEIGHT}`}>
      <div ref={host} data-testid="template-editor" className="h-full" />
      {!ready && (
        <p role="status" className="absolute inset-0 flex items-center justify-center text-lg text-text-muted">
          {failed ? "The editor could not be loaded. Reload the page to try again." : "Loading the template editor…"}
        </p>
      )}
    </div>
  );
}
