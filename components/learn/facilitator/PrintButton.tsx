"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/Button";

/** Prints the guide (the print stylesheet leaves out the site's chrome and this button). */
export function PrintButton() {
  return (
    <Button variant="secondary" size="lg" onClick={() => window.print()} data-print="hide">
      <Printer aria-hidden="true" className="size-5" strokeWidth={2.5} />
      Print this guide
    </Button>
  );
}
