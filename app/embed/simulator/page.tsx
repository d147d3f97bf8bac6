import type { Metadata } from "next";
import { EmbedSimulator } from "@/components/embed/EmbedSimulator";
import { BrowserSuspense } from "@/components/ui/BrowserOnly";

export const metadata: Metadata = {
  title: "Live pipeline (embedded)",
  description: "The live pipeline of Pipeline Lab with its play controls, made to sit in a frame on another page.",
};

/**
 * /embed/simulator: the live pipeline inside an iframe (README, "Embedding"). Takes the parameters
 * of /simulator; any page may frame it (proxy.ts). The run lives in the browser, as on /simulator.
 */
export default function EmbedSimulatorPage() {
  const loading = <p className="p-3 text-lg text-text-muted">Loading the live pipeline…</p>;
  return (
    <BrowserSuspense fallback={loading}>
      <EmbedSimulator />
    </BrowserSuspense>
  );
}
