import type { Metadata } from "next";
import { BareFlow } from "./BareFlow";

/**
 * Benchmark baseline, not a page for people: it imports only Next, React, XState and React Flow, so
 * bench/browser/bundle.ts can compare the JavaScript /simulator loads with the cost of its
 * frameworks alone. Not linked from anywhere and not indexed.
 */
export const metadata: Metadata = {
  title: "Bundle baseline",
  robots: { index: false, follow: false },
};

export default function BareBenchPage() {
  return <BareFlow />;
}
