import type { ReactNode } from "react";
import { LiveAnnouncer } from "@/components/simulator/LiveAnnouncer";
import { ParamNotices } from "@/components/simulator/ParamNotices";
import { ModeLine, RunToolbar } from "@/components/simulator/RunToolbar";
import { MomentCaption, MomentControls } from "@/components/simulator/MomentControls";
import { PresentButton, PresentingGate } from "@/components/present/Presenting";
import { DemoGate } from "@/components/present/DemoGate";
import { SimulationProvider } from "@/components/simulator/SimulationProvider";
import { WorkspaceBar } from "@/components/simulator/WorkspaceBar";
import { WorkspaceFallback } from "@/components/simulator/WorkspaceFallback";
import { BrowserSuspense } from "@/components/ui/BrowserOnly";
import { WORKSPACE_CONTAINER } from "@/components/simulator/layoutClasses";

/**
 * The simulator workspace: one running simulation shared by its views (pipeline now; monitoring and
 * team next), so the run belongs to this layout and survives moving between them. The provider reads
 * the start state from the address, which only the browser knows for this static page: until the
 * script runs, the fallback shows the workspace's frame. The page renders per request (its CSP nonce),
 * so BrowserSuspense keeps the run out of the server.
 *
 * The run's code stays in the page's first-load scripts, though the first paint is only the frame.
 * Loaded lazily after hydration instead (tried for issue 13), the first load fell from 305 to 145 KB,
 * but the live pipeline came about 2 s later on Lighthouse's slow 4G (its scripts done at 6.7-7.2 s
 * against 4.6 s): the lazy chunks wait for the first ones, and React Flow's for the workspace's.
 * Without a way to preload lazy chunks from the HTML, a later live run is the worse trade.
 */
export default function SimulatorLayout({ children }: { children: ReactNode }) {
  return (
    <div data-workspace data-more="closed" className={`${WORKSPACE_CONTAINER} flex flex-1 flex-col gap-2 pt-1`}>
      <BrowserSuspense fallback={<WorkspaceFallback />}>
        <DemoGate>
          <SimulationProvider>
            <PresentingGate>
              <WorkspaceBar />
              <ParamNotices />
              <RunToolbar />
              {/* Moments and presenting share the mode's line: the toolbar stays one row at 1280×720. */}
              <ModeLine>
                <MomentCaption className="shrink-0" />
                <MomentControls />
                <PresentButton />
              </ModeLine>
              {children}
            </PresentingGate>
            <LiveAnnouncer />
          </SimulationProvider>
        </DemoGate>
      </BrowserSuspense>
    </div>
  );
}
