import Link from "next/link";
import { Workflow } from "lucide-react";
import { HeaderBar } from "./HeaderBar";
import { NavLink } from "./NavLink";
import { ThemeToggle } from "./ThemeToggle";

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface-raised">
      {/* Slimmer on the simulator workspace, which needs the height for the pipeline. On a phone the
          links take a second row, so nothing is wider than the screen. */}
      <HeaderBar>
        <Link href="/" className="flex items-center gap-2.5 rounded-md text-xl font-bold tracking-tight text-text">
          <span className="flex size-9 items-center justify-center rounded-lg bg-accent text-on-accent max-sm:size-11">
            <Workflow aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </span>
          <span className="max-sm:sr-only">Pipeline Lab</span>
        </Link>
        <nav aria-label="Main" className="flex items-center max-sm:order-last max-sm:-ml-2 max-sm:w-full sm:gap-1">
          <NavLink href="/simulator">Simulator</NavLink>
          <NavLink href="/compare">Compare</NavLink>
          <NavLink href="/learn">Learn</NavLink>
        </nav>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </HeaderBar>
    </header>
  );
}
