import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest and linked from every page), so a phone
 * can add the game to its home screen and open it full screen. Colours are --blue and --bg of
 * app/globals.css. The PNGs are public/icon.svg rendered in Chromium (the maskable and Apple ones
 * full-bleed, the glyph inside the safe zone); redo them if the SVG changes.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Gradient Arena — learn deep learning by playing it",
    short_name: "Gradient Arena",
    description: "Challenge rounds that teach how deep learning works: representations, weights, loss and training.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#0072b2",
    background_color: "#f7f7f4",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
