"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { Presentation } from "lucide-react";
import { Button } from "@/components/ui/Button";

// Presenter mode's screen loads when a presenter asks for it (the Present button fetches it on hover
// or focus): /simulator's first load does not carry it (issue 13).
const loadPresenterView = () => import("./PresenterView");
const PresenterView = lazy(() => loadPresenterView().then((module) => ({ default: module.PresenterView })));

const PresentingContext = createContext<{ presenting: boolean; start(): void; stop(): void } | null>(null);

/** Keeps `present=1` in the address while presenting, so a reload comes back to it. */
function setPresentParam(on: boolean) {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set("present", "1");
  else url.searchParams.delete("present");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
}

/**
 * The workspace, or presenter mode in its place (`?present=1` or the Present button). The run is the
 * same: presenting changes how it is shown, never what happens in it.
 */
export function PresentingGate({ children }: { children: ReactNode }) {
  const params = useSearchParams();
  const [presenting, setPresenting] = useState(() => params.get("present") === "1");
  const start = useCallback(() => {
    setPresenting(true);
    setPresentParam(true);
  }, []);
  const stop = useCallback(() => {
    setPresenting(false);
    setPresentParam(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }, []);
  return (
    <PresentingContext.Provider value={{ presenting, start, stop }}>
      {presenting ? (
        <Suspense fallback={<p className="text-lg text-text-muted">Opening presenter mode…</p>}>
          <PresenterView onExit={stop} />
        </Suspense>
      ) : (
        children
      )}
    </PresentingContext.Provider>
  );
}

export function PresentButton() {
  const context = useContext(PresentingContext);
  if (!context) return null;
  return (
    <Button
      className="px-3 text-base"
      onClick={context.start}
      onPointerEnter={() => void loadPresenterView()}
      onFocus={() => void loadPresenterView()}
      title="Presenter mode: the pipeline and the four keys fill the screen; a clicker steps through moments"
    >
      <Presentation aria-hidden="true" className="size-5" strokeWidth={2.5} />
      Present
    </Button>
  );
}
