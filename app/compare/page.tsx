import type { Metadata } from "next";
import { ComparePage } from "@/components/compare/ComparePage";
import { parseCompareUrl } from "@/lib/compare/url";
import { searchParamsOf, type PageSearchParams } from "@/lib/url/query";

export const metadata: Metadata = {
  title: "Compare modes",
  description:
    "Continuous Delivery against Continuous Deployment (and manual release, and CI): the same commits through each, the DORA four keys with their bands, and the charts behind them.",
};

/**
 * /compare: modes side by side. The server reads the address (so a shared link or a bad parameter
 * is known at first paint); the comparison itself is computed in the browser.
 */
export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  // Read as the browser reads its address (lib/url/query.ts): server and browser agree on every input.
  const { settings, problems } = parseCompareUrl(searchParamsOf(await searchParams));
  return <ComparePage initial={settings} problems={problems} />;
}
