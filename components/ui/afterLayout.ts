/**
 * Runs `read` once the browser next lays out `element` (a ResizeObserver's first report comes
 * after layout and before paint), instead of now. For effects that read sizes or scroll offsets
 * right after a commit: read then, they made the browser lay out the whole new page inside React's
 * task, one long task on a phone (issue 13). Returns a function that cancels it.
 */
export function afterLayout(element: Element, read: () => void): () => void {
  if (typeof ResizeObserver === "undefined") {
    read();
    return () => {};
  }
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    read();
  });
  observer.observe(element);
  return () => observer.disconnect();
}
