// ESLint 9 flat config. `npm run lint` (part of `npm test`) runs it with --max-warnings=0,
// so a warning fails the tests as an error does.
//
//   typescript-eslint          recommended rules for every .ts/.tsx file
//   eslint-plugin-react-hooks  the Rules of Hooks plus the React Compiler rules (purity, refs,
//                              set-state-in-render, immutability, ...) for app/ and components/
//   @next/eslint-plugin-next   Next.js rules (core web vitals) for the app
//
// Formatting is Prettier's job (`npm run format:check`); no rule here is about layout.

import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Build output and generated files; .gitignore'd folders are not read anyway, but
    // ESLint does not read .gitignore, so name them here.
    ignores: [
      "node_modules/",
      ".next/",
      "out/",
      "build/",
      "coverage/",
      "test-results/",
      "playwright-report/",
      "blob-report/",
      "public/sw.js",
      "public/sw.js.map",
      "playwright/.cache/",
      "tmp/",
      "next-env.d.ts",
    ],
  },
  {
    linterOptions: {
      // A disable comment that no longer disables anything is itself an error.
      reportUnusedDisableDirectives: "error",
    },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except those that say they are unused on purpose (`_event`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // Node scripts written in plain JavaScript (scripts/*.mjs, config files).
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    // Only where React lives: elsewhere a function called `use` is not a hook (Playwright
    // fixtures receive one), and rules-of-hooks would flag it.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    extends: [nextPlugin.configs["core-web-vitals"]],
  },
);
