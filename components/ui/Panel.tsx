import type { HTMLAttributes, ReactNode } from "react";

interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title: ReactNode;
  /** Id for the heading, so the section is named by it. */
  titleId: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card: the inspector, the feed, the decision panel. */
export function Panel({ title, titleId, actions, children, className = "", ...rest }: PanelProps) {
  return (
    <section
      aria-labelledby={titleId}
      className={`flex min-h-0 flex-col rounded-xl border border-border bg-surface-raised shadow-sm [contain:layout_style] ${className}`}
      {...rest}
    >
      <div className="flex min-h-12 items-center gap-3 border-b border-border px-4 py-2">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-lg font-bold text-text [&:has(+*)]:min-w-fit">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
