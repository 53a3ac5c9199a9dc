/**
 * The app's shell against the real server: the not-found page with its ways back (for an
 * unknown address and for a level that does not exist), page titles from the layout's
 * template, and what a phone needs to add the game to its home screen (the manifest, its
 * icons, the links in every page's head).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server-harness";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

async function page(path: string) {
  const res = await fetch(new URL(path, server.baseUrl));
  return { status: res.status, html: await res.text() };
}

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1] ?? null;

describe("not found", () => {
  it.each([
    ["a level that does not exist", "/play/nope"],
    ["an address no route knows", "/no/such/page"],
  ])("%s answers 404 with the friendly page and links to the campaign and home", async (_label, path) => {
    const { status, html } = await page(path);
    expect(status).toBe(404);
    // A page that calls notFound() streams the same page as React's payload rather than as HTML: accept either form.
    expect(html).toContain("This page is off the map");
    expect(html).toContain("Back to the campaign");
    expect(html).toMatch(/href(="|\\?":\\?")\/play\\?"/);
    expect(html).toMatch(/href(="|\\?":\\?")\/\\?"/);
    expect(titleOf(html)).toMatch(/ not found — Gradient Arena$/);
  });
});

describe("titles", () => {
  it.each([
    ["/play", "Campaign — Gradient Arena"],
    ["/play/rules-or-examples", "Rules or examples? — Gradient Arena"],
    ["/teacher/signin", "Teacher sign-in — Gradient Arena"],
    ["/class", "Join a class — Gradient Arena"],
    ["/", "Gradient Arena — learn deep learning by playing it"],
  ])("%s is titled %j", async (path, title) => {
    const { status, html } = await page(path);
    expect(status).toBe(200);
    expect(titleOf(html)).toBe(title);
  });
});

describe("add to home screen", () => {
  it("every page links the manifest, the SVG icon and the Apple touch icon", async () => {
    for (const path of ["/", "/play", "/join"]) {
      const { html } = await page(path);
      expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
      expect(html, path).toMatch(/<link rel="icon" href="\/icon\.svg" type="image\/svg\+xml"\/>/);
      expect(html, path).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png"/);
    }
  });

  it("the manifest opens the game standalone at / in the game's colours, with icons that exist", async () => {
    const res = await fetch(new URL("/manifest.webmanifest", server.baseUrl));
    expect(res.status).toBe(200);
    const manifest = await res.json();
    expect(manifest).toMatchObject({
      short_name: "Gradient Arena",
      start_url: "/",
      display: "standalone",
      theme_color: "#0072b2",
      background_color: "#f7f7f4",
    });
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["any", "192x192", "512x512"]));
    expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === "maskable")).toBe(true);
    for (const icon of [...manifest.icons, { src: "/apple-touch-icon.png", type: "image/png" }]) {
      const file = await fetch(new URL(icon.src, server.baseUrl));
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toContain(icon.type);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (icon.type === "image/png") {
        // A PNG's IHDR holds its width and height: the file must be the size the manifest claims.
        const view = new DataView(bytes.buffer);
        const [width, height] = [view.getUint32(16), view.getUint32(20)];
        const claimed = icon.sizes ?? "180x180";
        expect(`${width}x${height}`, icon.src).toBe(claimed);
      }
    }
  });
});
