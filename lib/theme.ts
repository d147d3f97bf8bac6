/**
 * Theme handling shared by the root layout (server) and the theme toggle (client).
 *
 * The user's preference ("light" | "dark" | "system") is stored in localStorage.
 * The resolved theme ("light" | "dark") is written to <html data-theme="...">,
 * which globals.css keys every colour on. An inline script in <head> applies it
 * before the first paint, so there is no flash of the wrong theme.
 */

export const THEME_STORAGE_KEY = "pipeline-lab:theme";

/** Fired on window when the preference changes in this tab. */
export const THEME_CHANGE_EVENT = "pipeline-lab:theme-change";

export const THEME_PREFERENCES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type ResolvedTheme = "light" | "dark";

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === "string" && (THEME_PREFERENCES as readonly string[]).includes(value);
}

/**
 * Runs in <head> before anything renders. Kept tiny and dependency-free; it is
 * inlined as a string. It also follows system changes while the preference is
 * "system", so every page gets that behaviour even without the toggle.
 */
export const themeInitScript = `(function(){try{
var k=${JSON.stringify(THEME_STORAGE_KEY)},d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");
function p(){var v=null;try{v=localStorage.getItem(k)}catch(e){}return v==="light"||v==="dark"?v:"system"}
function a(){var v=p(),t=v==="system"?(m.matches?"dark":"light"):v;d.dataset.theme=t;d.dataset.themePreference=v}
a();m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k)a()});
window.addEventListener(${JSON.stringify(THEME_CHANGE_EVENT)},a);
}catch(e){document.documentElement.dataset.theme="light"}})();`;
