import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  // Pages give only their own title ("Campaign"); the template adds the game's name.
  title: { template: "%s — Gradient Arena", default: "Gradient Arena" },
  description: "Challenge rounds that teach how deep learning works: representations, weights, loss and training.",
  applicationName: "Gradient Arena",
  // Static assets live in public/; app/manifest.ts adds the web app manifest link by itself.
  icons: {
    icon: [{ url: "/icon.svg", type: "image/svg+xml" }],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180", type: "image/png" }],
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
