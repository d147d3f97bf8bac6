/**
 * The diagram's height: the design height at 1280×720 (zoom 1, the whole pipeline and the controls
 * above it on screen), growing with the window up to a size that reads from the back of a room on a
 * 1920×1080 projector, and never taller than the width needs (0.2115 = design height / width), so a
 * narrow window does not get an empty band around a small diagram.
 */
export const DIAGRAM_HEIGHT = "h-[min(clamp(16.5rem,calc(100dvh-27rem),27rem),calc((100vw-2rem)*0.2115))]";

/** The workspace is wider than the site's reading width: the pipeline is the hero. */
export const WORKSPACE_CONTAINER = "mx-auto w-full max-w-[120rem] px-4";

/**
 * On a phone the diagram is drawn at zoom 1.1 (1373 × 291 px for the 1248 × 264 design), so its
 * smallest text (13 px) reads at 14 px, in a strip that scrolls sideways (PipelineStrip.tsx).
 */
export const PHONE_STRIP = "max-sm:h-[291px] max-sm:w-[1373px]";
