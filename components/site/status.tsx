import { Circle, CircleCheck, CircleX, Hourglass, Layers, LoaderCircle, Undo2, type LucideIcon } from "lucide-react";
import type { Status } from "@/machines/view/stages";
import { STATUS_WORDS } from "@/machines/words";

/**
 * The one status vocabulary of Pipeline Lab (LOOK.md "Status"): every status has
 * a colour, an icon and a word, so colour is never the only signal.
 * Class names are written out in full so Tailwind can see them.
 */
export interface StatusStyle {
  label: string;
  Icon: LucideIcon;
  /** Solid chip: status fill with readable text (>= 4.5:1). */
  chip: string;
  /** Text or icon in the status colour on a page surface (>= 4.5:1). */
  ink: string;
  /** A card's border in the status colour. */
  border: string;
  /** A card's top bar in the status colour. */
  bar: string;
}

export const STATUS: Record<Status, StatusStyle> = {
  idle: {
    label: STATUS_WORDS.idle,
    Icon: Circle,
    chip: "bg-surface-sunken text-text-muted ring-1 ring-inset ring-border-strong",
    ink: "text-status-idle-ink",
    border: "border-border",
    bar: "bg-border-strong",
  },
  working: {
    label: STATUS_WORDS.working,
    Icon: LoaderCircle,
    chip: "bg-status-working text-on-status-working",
    ink: "text-status-working-ink",
    border: "border-status-working",
    bar: "bg-status-working",
  },
  waiting: {
    label: STATUS_WORDS.waiting,
    Icon: Hourglass,
    chip: "bg-status-waiting text-on-status-waiting",
    ink: "text-status-waiting-ink",
    border: "border-status-waiting",
    bar: "bg-status-waiting",
  },
  failed: {
    label: STATUS_WORDS.failed,
    Icon: CircleX,
    chip: "bg-status-failed text-on-status-failed",
    ink: "text-status-failed-ink",
    border: "border-status-failed",
    bar: "bg-status-failed",
  },
  succeeded: {
    label: STATUS_WORDS.succeeded,
    Icon: CircleCheck,
    chip: "bg-status-succeeded text-on-status-succeeded",
    ink: "text-status-succeeded-ink",
    border: "border-status-succeeded",
    bar: "bg-status-succeeded",
  },
  superseded: {
    label: STATUS_WORDS.superseded,
    Icon: Layers,
    chip: "bg-surface-sunken text-text-muted ring-1 ring-inset ring-border-strong",
    ink: "text-status-idle-ink",
    border: "border-border",
    bar: "bg-border-strong",
  },
  "rolled-back": {
    label: STATUS_WORDS["rolled-back"],
    Icon: Undo2,
    chip: "bg-status-failed text-on-status-failed",
    ink: "text-status-failed-ink",
    border: "border-status-failed",
    bar: "bg-status-failed",
  },
};

/** A status as a solid chip: icon + word on the status colour. */
export function StatusBadge({ status, className = "" }: { status: Status; className?: string }) {
  const { label, Icon, chip } = STATUS[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-base font-semibold leading-none ${chip} ${className}`}>
      <Icon aria-hidden="true" className="size-[1.125em] shrink-0" strokeWidth={2.5} />
      {label}
    </span>
  );
}
