import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): Pipeline Lab installs as an app that works offline. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Pipeline Lab",
    short_name: "Pipeline Lab",
    description: "Watch and steer commits flowing through a CI/CD pipeline: a DevOps teaching simulator that works offline.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0072B2",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
