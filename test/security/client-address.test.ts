/**
 * server/client-address.ts on its own (no server): what counts as this site's origin, and which
 * address a request comes from, with and without a trusted proxy in front.
 */
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressOf, foreignOriginProblem, isTrustedProxy, ownOrigin } from "@/server/client-address";

const headers = (values: Record<string, string>) => (name: string) => values[name];
const saved = { TRUST_PROXY: process.env.TRUST_PROXY, COOKIE_SECURE: process.env.COOKIE_SECURE };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the site's own origin", () => {
  it("is the Host header's, over http, with the default port dropped", () => {
    delete process.env.TRUST_PROXY;
    delete process.env.COOKIE_SECURE;
    expect(ownOrigin("10.0.0.5", headers({ host: "192.168.1.20:3000" }))).toBe("http://192.168.1.20:3000");
    expect(ownOrigin("10.0.0.5", headers({ host: "Game.School.Example:80" }))).toBe("http://game.school.example");
    expect(ownOrigin("10.0.0.5", headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
    expect(ownOrigin("10.0.0.5", headers({}))).toBeNull();
  });

  it("is https when COOKIE_SECURE=true says the site is served over HTTPS", () => {
    process.env.COOKIE_SECURE = "true";
    expect(ownOrigin("10.0.0.5", headers({ host: "game.school.example" }))).toBe("https://game.school.example");
  });

  it("takes X-Forwarded-Host and -Proto only from a trusted proxy", () => {
    const forwarded = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "game.school.example", "x-forwarded-proto": "https" });
    delete process.env.TRUST_PROXY;
    expect(ownOrigin("127.0.0.1", forwarded)).toBe("http://127.0.0.1:3000");
    process.env.TRUST_PROXY = "loopback";
    expect(ownOrigin("127.0.0.1", forwarded)).toBe("https://game.school.example");
    expect(ownOrigin("::ffff:127.0.0.1", forwarded)).toBe("https://game.school.example");
    expect(ownOrigin("10.0.0.5", forwarded)).toBe("http://127.0.0.1:3000"); // not the proxy: its headers are its own
  });
});

describe("a foreign origin", () => {
  const own = { host: "127.0.0.1:3000" };
  it.each([
    ["another site", "http://evil.example"],
    ["another port of this host", "http://127.0.0.1:3001"],
    ["another name for this host", "http://localhost:3000"],
    ["another scheme", "https://127.0.0.1:3000"],
    ["an opaque origin", "null"],
    ["garbage", "not a url"],
  ])("refuses %s", (_, origin) => {
    delete process.env.TRUST_PROXY;
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, origin }))).toMatch(/another site/);
  });

  it("accepts this origin, and no Origin unless Sec-Fetch-Site says another site or origin sent it", () => {
    delete process.env.TRUST_PROXY;
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(foreignOriginProblem("10.0.0.5", headers(own))).toBeNull();
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, "sec-fetch-site": "none" }))).toBeNull();
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, "sec-fetch-site": "cross-site" }))).not.toBeNull();
    expect(foreignOriginProblem("10.0.0.5", headers({ ...own, "sec-fetch-site": "same-site" }))).not.toBeNull();
  });
});

describe("the client's address", () => {
  it("is the socket's without a trusted proxy, whatever X-Forwarded-For says", () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddressOf("::ffff:10.0.0.5", headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("10.0.0.5");
  });

  it("behind trusted proxies, is the nearest hop they did not add", () => {
    process.env.TRUST_PROXY = "10.0.0.1, 10.0.0.2";
    expect(isTrustedProxy("10.0.0.2")).toBe(true);
    expect(isTrustedProxy("10.0.0.3")).toBe(false);
    expect(clientAddressOf("10.0.0.1", headers({ "x-forwarded-for": "198.51.100.4, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.1", headers({}))).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.9", headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("10.0.0.9");
  });
});
