/**
 * Issue 11, finding 3, in Chromium: "a kicked player comes back by joining under a new nickname
 * without the old secret". The page keeps the player's secret in localStorage; a student who
 * clears it (or whose page never had it) is still the same browser: the server's httpOnly device
 * cookie, set on the first Socket.IO handshake, keeps them out under any nickname. A classmate's
 * browser is not affected.
 */
import { createLiveGame, expect, joinLiveGame, PHONE, PROJECTOR, test } from "../e2e/helpers";

test("a removed player who clears the page's storage and picks a new name is still refused; the device cookie is httpOnly", async ({ device }) => {
  test.slow();
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host);
  const phone = await device(PHONE);
  await joinLiveGame(phone, code, "Troll Face");

  const cookies = await phone.context().cookies();
  const deviceCookie = cookies.find((c) => c.name === "ga_device");
  expect(deviceCookie, JSON.stringify(cookies.map((c) => c.name))).toBeDefined();
  expect(deviceCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await phone.evaluate(() => document.cookie)).not.toContain("ga_device"); // scripts cannot read it

  await host.getByRole("button", { name: "Remove Troll Face" }).click();
  await expect(phone.getByRole("heading", { name: "You were removed from this game" })).toBeVisible();

  // The student wipes what the page kept and tries again under another name.
  await phone.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await phone.goto(`/join?code=${code}`);
  const nickname = phone.getByLabel("Your nickname");
  await expect(nickname).not.toHaveValue("");
  await nickname.fill("Nice Person");
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await expect(phone.locator("p.error[role=alert]")).toHaveText("You were removed from this game.");
  await expect(host.getByTestId("player-count")).toHaveText("0 players");

  // A classmate's phone (another browser) joins as usual.
  const classmate = await device(PHONE);
  await joinLiveGame(classmate, code, "Grace Hopper");
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
});
