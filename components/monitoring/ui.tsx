import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { STATUS } from "@/components/site/status";
import type { Status } from "@/machines/view/stages";
import { buttonClasses } from "@/components/ui/Button";

/**
 * Small building blocks shared by the feedback views (monitoring and team): a card with a heading,
 * a big-number tile and a status chip that speaks the product's status vocabulary (colour, icon and
 * word) with a word of its own.
 */

export function Card({
  title,
  Icon,
  actions,
  children,
  className = "",
  headingLevel = 2,
  id,
  labelledBy,
}: {
  title: ReactNode;
  Icon?: LucideIcon;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  id?: string;
  /** Makes the card a region named by its heading. */
  labelledBy?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      id={id}
      aria-labelledby={labelledBy}
      className={`flex min-w-0 flex-col rounded-2xl border border-border bg-surface-raised p-4 shadow-sm sm:p-5 ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Heading id={labelledBy} className="flex items-center gap-2 text-xl font-bold tracking-tight">
          {Icon ? <Icon aria-hidden="true" className="size-6 shrink-0 text-text-muted" strokeWidth={2.25} /> : null}
          {title}
        </Heading>
        {actions ? <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A chip in a status colour with its icon and a word of the caller's choosing. */
export function Chip({
  status,
  children,
  Icon,
  className = "",
  wrap = false,
}: {
  status: Status;
  children: ReactNode;
  Icon?: LucideIcon;
  className?: string;
  /** Let a long word wrap inside a narrow card instead of overflowing it. */
  wrap?: boolean;
}) {
  const style = STATUS[status];
  const ChipIcon = Icon ?? style.Icon;
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-base font-semibold ${wrap ? "max-w-full leading-tight" : "shrink-0 leading-none whitespace-nowrap"} ${style.chip} ${className}`}
    >
      <ChipIcon aria-hidden="true" className="size-[1.1em] shrink-0" strokeWidth={2.5} />
      {children}
    </span>
  );
}

/** A big number with its label and unit, optionally in a status ink. */
export function Metric({
  label,
  value,
  detail,
  status,
  Icon,
  size = "lg",
}: {
  label: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
  status?: Status;
  Icon?: LucideIcon;
  size?: "md" | "lg";
}) {
  const ink = status ? STATUS[status].ink : "text-text";
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border border-border bg-surface px-4 py-3">
      <dt className="flex items-center gap-1.5 text-base font-semibold text-text-muted">
        {Icon ? <Icon aria-hidden="true" className={`size-5 shrink-0 ${ink}`} strokeWidth={2.5} /> : null}
        {label}
      </dt>
      <dd className={`font-bold tabular-nums leading-tight tracking-tight ${ink} ${size === "lg" ? "text-3xl" : "text-2xl"}`}>{value}</dd>
      {detail ? <dd className="text-base leading-snug text-text-muted">{detail}</dd> : null}
    </div>
  );
}

/** Button styles of the feedback views: the product's buttons (components/ui/Button). */
export const BUTTON_PRIMARY = buttonClasses("primary", "md");
export const BUTTON_SECONDARY = buttonClasses("secondary", "md");
export const BUTTON_SMALL = buttonClasses("secondary", "sm");
/** A filled vermilion button for the one urgent action (Roll back now). */
export const BUTTON_DANGER = buttonClasses("primary", "md").replace(
  "bg-accent text-on-accent border-2 border-accent hover:bg-accent-hover hover:border-accent-hover",
  "bg-status-failed text-on-status-failed border-2 border-status-failed hover:brightness-110",
);
