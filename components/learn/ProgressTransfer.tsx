"use client";

import { useRef, useState, type ChangeEvent } from "react";
import { CircleCheck, CircleX, Download, Upload } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { PROGRESS_FILE_NAME, exportProgress, importProgressFile } from "@/lib/learn/progress";
import { useProgress } from "@/lib/learn/useProgress";

type Message = { ok: boolean; text: string; field?: string } | null;

/** The message with the wrong field, if it names one, set apart as code. */
function MessageText({ text, field }: { text: string; field?: string }) {
  const at = field ? text.indexOf(`${field}:`) : -1;
  if (!field || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <code className="rounded bg-surface-sunken px-1.5 py-0.5 font-semibold text-text">{field}</code>
      {text.slice(at + field.length)}
    </>
  );
}

/** Export the progress to a file, import it from one: the way to move it to another browser. */
export function ProgressTransfer() {
  const { progress } = useProgress();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);

  const onExport = () => {
    exportProgress();
    const count = Object.keys(progress.lessons).length;
    setMessage({
      ok: true,
      text:
        count === 0
          ? `Downloaded ${PROGRESS_FILE_NAME}. No lesson is started yet, so it holds no progress.`
          : `Downloaded ${PROGRESS_FILE_NAME} with ${count} lesson${count === 1 ? "" : "s"}. Import it here in another browser to go on there.`,
    });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const result = await importProgressFile(file);
    setMessage(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.message, field: result.field });
  };

  const Icon = message?.ok === false ? CircleX : CircleCheck;
  return (
    <div>
      <div className="flex flex-wrap gap-3">
        <Button onClick={onExport}>
          <Download aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Export progress
        </Button>
        <Button onClick={() => input.current?.click()}>
          <Upload aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Import progress…
        </Button>
        <input ref={input} type="file" accept=".json,application/json" hidden tabIndex={-1} onChange={onFile} />
      </div>
      <div role="status" className="mt-4 min-h-8 text-lg">
        {message && (
          <p className={`flex items-start gap-2 ${message.ok ? "text-text" : "text-status-failed-ink"}`}>
            <Icon aria-hidden="true" className={`mt-1 size-5 shrink-0 ${message.ok ? "text-status-succeeded-ink" : ""}`} strokeWidth={2.5} />
            <span>
              <MessageText text={message.text} field={message.field} />
            </span>
          </p>
        )}
      </div>
    </div>
  );
}
