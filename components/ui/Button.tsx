import type { ButtonHTMLAttributes, Ref } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "approve" | "reject";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent text-on-accent border-2 border-accent hover:bg-accent-hover hover:border-accent-hover",
  secondary: "bg-surface-raised text-text border-2 border-border-strong hover:border-text",
  ghost: "bg-transparent text-text border-2 border-transparent hover:bg-surface-sunken",
  approve: "bg-status-succeeded text-on-status-succeeded border-2 border-status-succeeded hover:brightness-110",
  reject: "bg-surface-raised text-status-failed-ink border-2 border-status-failed hover:bg-status-failed hover:text-on-status-failed",
};

const SIZES: Record<ButtonSize, string> = {
  // On a touch screen even a small button is a 44 px target (issue 13).
  sm: "h-9 gap-1.5 px-3 text-base pointer-coarse:h-11",
  md: "h-11 gap-2 px-4 text-lg",
  lg: "h-12 gap-2.5 px-5 text-lg",
};

/** Class names for a button-looking element (also used on links). */
export function buttonClasses(variant: ButtonVariant = "secondary", size: ButtonSize = "md", extra = ""): string {
  return `inline-flex shrink-0 items-center justify-center rounded-lg font-semibold leading-none whitespace-nowrap transition-colors [&>svg]:shrink-0 disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${SIZES[size]} ${extra}`;
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
}

/** The product's button: big enough to hit on a projector demo, always with a visible name. */
export function Button({ variant = "secondary", size = "md", className = "", type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...rest} />;
}
