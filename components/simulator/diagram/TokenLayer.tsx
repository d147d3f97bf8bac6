"use client";

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Undo2, X } from "lucide-react";
import { TOKEN_SIZE } from "./layout";
import type { Token } from "./tokens";

/** "7", "342", "1.2k": a count that fits a token. */
export function tokenCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10000) return `${(n / 1000).toFixed(1)}k`;
  return `${Math.round(n / 1000)}k`;
}

function stackOf(count: number): string {
  if (count >= 20) return "4";
  if (count >= 5) return "3";
  if (count >= 2) return "2";
  return "1";
}

/** A fixed order by key: existing tokens never swap places in the DOM (moving a node costs a relayout). */
const byKey = (a: Token, b: Token) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Real milliseconds a token takes from one place to the next, whatever the simulation speed. */
export const GLIDE_MS = 420;

/** Ease-out: quick to leave, gentle to arrive. */
const ease = (t: number) => 1 - (1 - t) ** 3;

interface Glide {
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  start: number;
  x: number;
  y: number;
}

const HALF = TOKEN_SIZE / 2;

/** Puts a token element's centre at (x, y) in flow coordinates. */
function place(el: HTMLElement, x: number, y: number): void {
  el.style.transform = `translate(${x - HALF}px, ${y - HALF}px)`;
}

/**
 * Moves token elements to their places: a glide of GLIDE_MS in real time when a token's place
 * changes, driven by one requestAnimationFrame loop that runs only while something glides (so
 * nothing moves on its own once the tokens have arrived). It writes transforms directly: a busy
 * run re-targets tokens every frame, and starting a CSS transition each time costs more than this.
 */
function useGlider(jump: boolean) {
  const elements = useRef(new Map<string, HTMLElement>());
  const glides = useRef(new Map<string, Glide>());
  const frame = useRef(0);

  /** Starts the frame loop unless it runs already; it stops by itself once every token has arrived. */
  const startGliding = useCallback(() => {
    if (frame.current) return;
    const step = (now: number) => {
      frame.current = 0;
      let moving = false;
      for (const [key, g] of glides.current) {
        const t = Math.min(1, (now - g.start) / GLIDE_MS);
        const k = ease(t);
        g.x = g.fromX + (g.toX - g.fromX) * k;
        g.y = g.fromY + (g.toY - g.fromY) * k;
        const el = elements.current.get(key);
        if (el) place(el, g.x, g.y);
        if (t < 1) moving = true;
      }
      if (moving) frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
  }, []);

  /** Aims a token at (x, y): it glides there from where it is now (or appears there if new). */
  const aim = useCallback(
    (key: string, x: number, y: number) => {
      const g = glides.current.get(key);
      const el = elements.current.get(key);
      if (!g) {
        glides.current.set(key, { fromX: x, fromY: y, toX: x, toY: y, start: 0, x, y });
        if (el) place(el, x, y);
        return;
      }
      if (g.toX === x && g.toY === y) return;
      if (jump) {
        Object.assign(g, { fromX: x, fromY: y, toX: x, toY: y, x, y });
        if (el) place(el, x, y);
        return;
      }
      Object.assign(g, { fromX: g.x, fromY: g.y, toX: x, toY: y, start: performance.now() });
      startGliding();
    },
    [jump, startGliding],
  );

  const forget = useCallback((keep: ReadonlySet<string>) => {
    for (const key of glides.current.keys()) if (!keep.has(key)) glides.current.delete(key);
  }, []);

  const ref = useCallback(
    (key: string) => (el: HTMLElement | null) => {
      if (el) {
        elements.current.set(key, el);
        const g = glides.current.get(key);
        if (g) place(el, g.x, g.y);
      } else elements.current.delete(key);
    },
    [],
  );

  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return { aim, forget, ref };
}

interface TokenLayerProps {
  tokens: readonly Token[];
  /** Tokens of executions that just failed: when they leave, they turn red and fade where they are. */
  failedKeys?: ReadonlySet<string>;
  selectedRevision?: number | null;
  onSelect?: (token: Token) => void;
  reducedMotion: boolean;
  /** Too fast to follow: tokens that leave simply go (no fade, no merge) and new ones do not pop. */
  fast?: boolean;
}

interface LayerState {
  tokens: readonly Token[];
  /** Tokens that just left: they fade out, gliding into the token that took their place. */
  leaving: Token[];
}

/**
 * The revisions in flight, drawn over the diagram in flow coordinates. A token keeps its key (its
 * CodePipeline execution) from stage to stage, so it glides along the edge from one stage to the
 * next in a fixed fraction of a second, whatever the simulation speed. With reduced motion it jumps.
 */
function TokenLayerView({ tokens, failedKeys, selectedRevision, onSelect, reducedMotion, fast = false }: TokenLayerProps) {
  const [state, setState] = useState<LayerState>({ tokens, leaving: [] });
  if (state.tokens !== tokens) {
    const keys = new Set(tokens.map((t) => t.key));
    const gone =
      reducedMotion || fast
        ? []
        : state.tokens
            .filter((t) => !keys.has(t.key))
            .map((t): Token => {
              if (failedKeys?.has(t.key)) return { ...t, tone: "failed" };
              // Superseded: it glides into the newer revision that now carries its commits.
              const into = tokens.find((n) => n.stage === t.stage);
              return into ? { ...t, x: into.x, y: into.y } : t;
            });
    const goneKeys = new Set(gone.map((t) => t.key));
    const leaving = [...state.leaving.filter((t) => !keys.has(t.key) && !goneKeys.has(t.key)), ...gone].slice(-12);
    setState({ tokens, leaving });
  }

  const { leaving } = state;
  useEffect(() => {
    if (leaving.length === 0) return;
    const timer = window.setTimeout(() => setState((s) => ({ ...s, leaving: [] })), GLIDE_MS + 30);
    return () => window.clearTimeout(timer);
  }, [leaving]);

  const all = useMemo(() => [...tokens, ...leaving].sort(byKey), [tokens, leaving]);
  const { aim, forget, ref } = useGlider(reducedMotion);
  useLayoutEffect(() => {
    for (const token of all) aim(token.key, token.x, token.y);
    forget(new Set(all.map((t) => t.key)));
  }, [all, aim, forget]);

  const leavingKeys = new Set(leaving.map((t) => t.key));
  return (
    <div className="pl-tokens" role="group" aria-label="Revisions in the pipeline" data-fast={fast ? "true" : undefined}>
      {all.map((token) => (
        <TokenButton
          key={token.key}
          token={token}
          leaving={leavingKeys.has(token.key)}
          selected={selectedRevision === token.revision}
          onSelect={onSelect}
          elementRef={ref(token.key)}
        />
      ))}
    </div>
  );
}

interface TokenButtonProps {
  token: Token;
  leaving: boolean;
  selected: boolean;
  onSelect?: (token: Token) => void;
  elementRef: (el: HTMLElement | null) => void;
}

/** One token; re-renders only when what it shows changes (its position is set by the glider). */
const TokenButton = memo(
  function TokenButton({ token, leaving, selected, onSelect, elementRef }: TokenButtonProps) {
    const text = tokenCount(token.count);
    return (
      <button
        ref={elementRef}
        type="button"
        className="pl-token pl-token-enter"
        data-tone={token.tone}
        data-stack={stackOf(token.count)}
        data-leaving={leaving ? "true" : undefined}
        data-selected={selected ? "true" : undefined}
        data-stage={token.stage}
        data-key={token.key}
        aria-label={token.label}
        aria-hidden={leaving ? true : undefined}
        title={`${token.label}. Click for its journey.`}
        tabIndex={leaving ? -1 : 0}
        onClick={onSelect ? () => onSelect(token) : undefined}
        style={{
          width: TOKEN_SIZE,
          height: TOKEN_SIZE,
          fontSize: text.length > 3 ? 13 : text.length > 2 ? 15 : 17,
          zIndex: token.slot === "queue" ? 2 : 1,
        }}
      >
        {token.tone === "failed" && token.count === 1 ? (
          <X aria-hidden="true" className="size-5" strokeWidth={3.5} />
        ) : token.tone === "rolled-back" ? (
          <Undo2 aria-hidden="true" className="size-5" strokeWidth={3} />
        ) : (
          text
        )}
      </button>
    );
  },
  (a, b) =>
    a.leaving === b.leaving &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.token.count === b.token.count &&
    a.token.tone === b.token.tone &&
    a.token.label === b.token.label &&
    a.token.slot === b.token.slot &&
    a.token.stage === b.token.stage,
);

export const TokenLayer = memo(TokenLayerView);
