import type { Metadata } from "next";
import { ComparePage } from "@/components/compare/ComparePage";
import { parseCompareUrl } from "@/lib/compare/url";
import { searchParamsOf, type PageSearchParams } from "@/lib/url/query";

export const metadata: Metadata = {
  title: "Compare modes (embedded)",
  description: "The comparison of Pipeline Lab, without the site around it, made to sit in a frame on another page.",
};

/** /embed/compare: the comparison inside an iframe (README, "Embedding"); the parameters of /compare. */
export default async function EmbedComparePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { settings, problems } = parseCompareUrl(searchParamsOf(await searchParams));
  return (
    <div data-embed="compare" className="min-h-dvh">
      <ComparePage initial={settings} problems={problems} />
    </div>
  );
}
