import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, House, SearchX } from "lucide-react";

export const metadata: Metadata = {
  title: "Page not found",
};

const PLACES = [
  { href: "/", label: "Home", text: "What Pipeline Lab is and the four ways to ship." },
  { href: "/simulator", label: "Live pipeline", text: "Watch commits flow through the stages." },
  { href: "/compare", label: "Compare", text: "The four modes side by side." },
] as const;

export default function NotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-16 sm:px-8">
      <SearchX aria-hidden="true" className="size-12 text-status-failed-ink" strokeWidth={2} />
      <h1 className="mt-4 text-4xl font-extrabold tracking-tight sm:text-5xl">Page not found</h1>
      <p className="mt-4 text-xl leading-relaxed text-text-muted">There is no page at this address. Check the link for a typo, or pick up from one of these:</p>
      <ul className="mt-8 grid gap-3">
        {PLACES.map(({ href, label, text }) => (
          <li key={href}>
            <Link
              href={href}
              className="group flex items-center gap-4 rounded-xl border-2 border-border bg-surface-raised px-5 py-4 transition-colors hover:border-accent"
            >
              {href === "/" ? (
                <House aria-hidden="true" className="size-6 shrink-0 text-status-working-ink" />
              ) : (
                <ArrowRight aria-hidden="true" className="size-6 shrink-0 text-status-working-ink" />
              )}
              <span>
                <span className="block text-xl font-bold">{label}</span>
                <span className="block text-lg text-text-muted">{text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
