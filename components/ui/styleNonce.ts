import { setNonce } from "get-nonce";

/**
 * Radix's scroll lock (react-remove-scroll) adds a small <style> element while a dialog or a menu is
 * open. The Content-Security-Policy (proxy.ts) allows <style> elements only with the page's nonce,
 * so it is handed the nonce Next put on the page's scripts (the `nonce` property, which the browser
 * keeps readable to scripts while hiding the attribute). Imported by the Radix wrappers; runs once,
 * in the browser, before any of them opens.
 */
if (typeof document !== "undefined") {
  const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
  if (nonce) setNonce(nonce);
}
