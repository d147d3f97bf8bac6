/**
 * The template editor: CodeMirror 6 with YAML highlighting and lint diagnostics. Loaded only by the
 * infrastructure view, through a dynamic import (TemplateEditor.tsx), so no other page carries it.
 * Colours come from the product's CSS variables, so the light and the dark projector theme both hold.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

export interface EditorProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface TemplateEditorHandle {
  /** Replaces the whole text (reset, import, a new run) without calling `onChange`. */
  setText(text: string): void;
  /** Shows these problems at their line and column. */
  setProblems(problems: readonly EditorProblem[]): void;
  /** Puts the cursor at a 1-based line and column, scrolls it into view and focuses the editor. */
  goTo(line: number, column?: number): void;
  destroy(): void;
}

const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: "var(--status-working-ink)", fontWeight: "600" },
  { tag: tags.string, color: "var(--status-succeeded-ink)" },
  { tag: tags.typeName, color: "var(--status-failed-ink)", fontWeight: "600" },
  { tag: tags.lineComment, color: "var(--text-muted)", fontStyle: "italic" },
  { tag: [tags.keyword, tags.meta], color: "var(--status-waiting-ink)" },
  { tag: tags.labelName, color: "var(--status-waiting-ink)" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "16px", backgroundColor: "var(--surface-raised)", color: "var(--text)" },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: "var(--font-system-mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)", borderLeftWidth: "2px" },
  ".cm-gutters": { backgroundColor: "var(--surface-sunken)", color: "var(--text-muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 8%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 16%, transparent)", color: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--accent) 30%, transparent) !important",
  },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--status-failed)",
    textDecorationThickness: "2px",
    textUnderlineOffset: "3px",
  },
  ".cm-diagnostic": { fontSize: "16px", fontFamily: "var(--font-system)" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--status-failed)" },
  ".cm-tooltip": { backgroundColor: "var(--surface-raised)", color: "var(--text)", border: "1px solid var(--border-strong)" },
  ".cm-panels": { backgroundColor: "var(--surface-sunken)", color: "var(--text)" },
});

/** The character offset of a 1-based line and column, kept inside the document. */
function offsetOf(state: EditorState, line?: number, column?: number): { from: number; to: number } {
  const lines = state.doc.lines;
  const at = state.doc.line(Math.min(Math.max(line ?? 1, 1), lines));
  const from = Math.min(at.from + Math.max((column ?? 1) - 1, 0), at.to);
  // Underline the rest of the word (or the line, when the column is the line's start).
  const rest = state.doc.sliceString(from, at.to);
  const word = /^\S+/.exec(rest)?.[0].length ?? 0;
  return { from, to: Math.min(from + Math.max(word, 1), at.to) };
}

function diagnosticsOf(state: EditorState, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.map((p) => ({ ...offsetOf(state, p.line, p.column), severity: "error", message: p.message }));
}

/** The nonce of this page's scripts (readable as a property, hidden as an attribute); "" where none. */
function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}

export function createTemplateEditor(
  parent: HTMLElement,
  options: { text: string; problems?: readonly EditorProblem[]; label: string; describedBy?: string; onChange(text: string): void },
): TemplateEditorHandle {
  let silent = false;
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    indentOnInput(),
    bracketMatching(),
    yaml(),
    syntaxHighlighting(highlight),
    lintGutter(),
    // No Tab binding: Tab moves focus on, as everywhere else on the page (Esc then Tab is not needed).
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    EditorState.tabSize.of(2),
    // The page's Content-Security-Policy (proxy.ts) takes <style> elements only with its nonce;
    // CodeMirror writes its styles into one, so it is handed the nonce Next put on the page's scripts.
    EditorView.cspNonce.of(pageNonce()),
    theme,
    EditorView.contentAttributes.of({
      "aria-label": options.label,
      ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
      spellcheck: "false",
      // A focusable text box to axe and to the keyboard alike (contenteditable alone is not counted).
      tabindex: "0",
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !silent) options.onChange(update.state.doc.toString());
    }),
  ];
  // Problems the text has already come with the first state, not as a second update after it.
  let state = EditorState.create({ doc: options.text, extensions });
  let shownProblems = options.problems?.length ?? 0;
  if (shownProblems > 0) state = state.update(setDiagnostics(state, diagnosticsOf(state, options.problems ?? []))).state;
  const view = new EditorView({ parent, state });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      silent = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      silent = false;
    },
    setProblems(problems) {
      // None before and none now: nothing to redraw (an update is a measure of the editor).
      if (problems.length === 0 && shownProblems === 0) return;
      shownProblems = problems.length;
      view.dispatch(setDiagnostics(view.state, diagnosticsOf(view.state, problems)));
    },
    goTo(line, column) {
      const { from } = offsetOf(view.state, line, column);
      view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
