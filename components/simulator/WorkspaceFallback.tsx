import { DIAGRAM_HEIGHT } from "./layoutClasses";

/**
 * What the static HTML of /simulator shows until the script that runs the simulation has loaded:
 * the same frame as the workspace, and a line that says what is coming. It is at least a screen
 * tall: the workspace below the diagram (the panels, or a whole view) always is, and a shorter
 * fallback let the footer show and then jump away when the script came (CLS 0.305 on a phone).
 */
export function WorkspaceFallback() {
  return (
    <div aria-busy="true" className="flex min-h-dvh flex-col gap-2">
      <div className="flex min-h-12 items-center">
        <p className="text-lg text-text-muted">Loading the live pipeline…</p>
      </div>
      <div className="h-12 rounded-lg bg-surface-sunken" />
      <div className="h-7" />
      <div className={`${DIAGRAM_HEIGHT} max-sm:h-[291px] rounded-2xl border-2 border-dashed border-border bg-surface-sunken/50`} />
      <noscript>
        <p className="text-lg">The simulator runs in your browser: please turn on JavaScript.</p>
      </noscript>
    </div>
  );
}
