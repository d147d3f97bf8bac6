import {
  Circle,
  CircleCheck,
  CircleX,
  Hourglass,
  Layers,
  LoaderCircle,
  Undo2,
  type LucideIcon,
} from "lucide-react";

/**
 * The one status vocabulary of Pipeline Lab (LOOK.md "Status"): every status has
 * a colour, an icon and a word, so colour is never the only signal.
 * Class names are written out in full so Tailwind can see them.
 */
export type Status =
  | "idle"
  | "working"
  | "waiting"
  | "failed"
  | "succeeded"
  | "superseded"
  | "rolled-back";

export interface StatusStyle {
  label: string;
  Icon: LucideIcon;
  /** Solid chip: status fill with readable text (>= 4.5:1). */
  chip: string;
  /** Text or icon in the status colour on a page surface (>= 4.5:1). */
  ink: string;
}

export const STATUS: Record<Status, StatusStyle> = {
  idle: {
    label: "Idle",
    Icon: Circle,
    chip: "bg-surface-sunken text-text-muted ring-1 ring-inset ring-border-strong",
    ink: "text-status-idle-ink",
  },
  working: {
    label: "Working",
    Icon: LoaderCircle,
    chip: "bg-status-working text-on-status-working",
    ink: "text-status-working-ink",
  },
  waiting: {
    label: "Waiting",
    Icon: Hourglass,
    chip: "bg-status-waiting text-on-status-waiting",
    ink: "text-status-waiting-ink",
  },
  failed: {
    label: "Failed",
    Icon: CircleX,
    chip: "bg-status-failed text-on-status-failed",
    ink: "text-status-failed-ink",
  },
  succeeded: {
    label: "Succeeded",
    Icon: CircleCheck,
    chip: "bg-status-succeeded text-on-status-succeeded",
    ink: "text-status-succeeded-ink",
  },
  superseded: {
    label: "Superseded",
    Icon: Layers,
    chip: "bg-surface-sunken text-text-muted ring-1 ring-inset ring-border-strong",
    ink: "text-status-idle-ink",
  },
  "rolled-back": {
    label: "Rolled back",
    Icon: Undo2,
    chip: "bg-status-failed text-on-status-failed",
    ink: "text-status-failed-ink",
  },
};

/** A status as a solid chip: icon + word on the status colour. */
export function StatusBadge({ status, className = "" }: { status: Status; className?: string }) {
  const { label, Icon, chip } = STATUS[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-base font-semibold leading-none ${chip} ${className}`}
    >
      <Icon aria-hidden="true" className="size-[1.125em] shrink-0" strokeWidth={2.5} />
      {label}
    </span>
  );
}
