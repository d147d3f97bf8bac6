import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { AppUpdates } from "@/components/site/AppUpdates";
import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import { themeInitScript } from "@/lib/theme";
import { isEmbedPath } from "@/lib/security/policy";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Pipeline Lab",
    template: "%s · Pipeline Lab",
  },
  description: "Watch and steer commits flowing through a CI/CD pipeline: a DevOps teaching simulator with CodeCommit, CodeBuild, CodeDeploy and CodePipeline.",
  applicationName: "Pipeline Lab",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#151d29" },
  ],
};

/**
 * Root layout: header, <main id="main"> and footer for every route. Pages render their
 * content directly (no <main> of their own).
 *
 * data-theme on <html> is set before the first paint by themeInitScript; React
 * does not own that attribute, hence suppressHydrationWarning. The script carries the response's CSP
 * nonce (proxy.ts), so every page renders per request. Embeds (/embed/*) sit inside other pages: no
 * header, footer or skip link.
 */
export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const embed = isEmbedPath(requestHeaders.get("x-pathname") ?? "");
  return (
    <html lang="en" data-theme="light" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="flex min-h-dvh flex-col bg-surface text-text antialiased">
        {!embed && (
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-accent focus:px-4 focus:py-2 focus:font-semibold focus:text-on-accent"
          >
            Skip to content
          </a>
        )}
        {!embed && <SiteHeader />}
        <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
          {children}
        </main>
        {!embed && <SiteFooter />}
        <AppUpdates />
      </body>
    </html>
  );
}
