import { createLiveGame, expect, PHONE, PROJECTOR, screenshot, test } from "./helpers";

// Issue 12, slow school Wi-Fi: a student joins a live game before (or without) the page's
// JavaScript. The code form, the nickname form and "You're in!" all work from server-rendered HTML.

test('a phone without JavaScript joins up to "You\'re in!", and the host sees it', async ({ device }) => {
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host);
  const phone = await device({ ...PHONE, javaScriptEnabled: false });

  // The code typed as it is shown on the projector ("758 061"), sent by the plain form.
  await phone.goto("/join");
  await phone.locator("#game-code").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await phone.getByRole("button", { name: "Next" }).click();
  await expect(phone).toHaveURL(/\/join\?code=/);
  const nickname = phone.getByLabel("Your nickname");
  await expect(nickname).not.toHaveValue(""); // a suggestion, made on the server
  await expect(phone.getByText(`Game ${code}`)).toBeVisible();
  // "Suggest another" asks the server for the step again.
  await phone.getByRole("link", { name: "Suggest another" }).click();
  await expect(phone).toHaveURL(new RegExp(`/join\\?code=${code}$`));
  await expect(phone.getByLabel("Your nickname")).not.toHaveValue("");

  // A refused nickname comes back to the nickname step, said in words.
  await nickname.fill("Emoji 😀");
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await expect(phone.getByRole("alert")).toContainText("Nickname");
  await expect(phone.getByLabel("Your nickname")).toHaveValue("Emoji 😀");
  await screenshot(phone, "live-join-nojs-refused");

  await phone.getByLabel("Your nickname").fill("Plain Html");
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await expect(phone).toHaveURL(new RegExp(`/live/${code}$`));
  await expect(phone.getByRole("heading", { name: "You're in!" })).toBeVisible();
  await expect(phone.getByTestId("me")).toContainText("Plain Html");
  await screenshot(phone, "live-join-nojs-lobby");
  await expect(host.getByTestId("lobby-players")).toContainText("Plain Html");

  // The join link again: straight back to the game, no second player.
  await phone.goto(`/join?code=${code}`);
  await expect(phone).toHaveURL(new RegExp(`/live/${code}$`));
  await expect(host.getByTestId("lobby-players").locator("li")).toHaveCount(1);
});

test("a phone whose JavaScript arrives after the join is taken over by its socket, as the same player", async ({ device }) => {
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host);
  const phone = await device(PHONE);
  // The page's scripts do not arrive (a slow link): the forms work without them.
  const scripts = "**/_next/static/**/*.js";
  await phone.context().route(scripts, (route) => route.abort());
  await phone.goto(`/join?code=${code}`);
  await phone.getByLabel("Your nickname").fill("Slow Link");
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await expect(phone.getByRole("heading", { name: "You're in!" })).toBeVisible();
  await expect(host.getByTestId("lobby-players").locator("li.offline")).toContainText("Slow Link"); // no socket yet

  // The scripts arrive: the page's socket resumes the player the form joined (points and all).
  await phone.context().unroute(scripts);
  await phone.reload();
  await expect(phone.getByTestId("my-points")).toHaveText("0 points");
  await expect(phone.getByRole("heading", { name: "You're in!" })).toBeVisible();
  await expect(host.getByTestId("lobby-players").locator("li:not(.offline)")).toContainText("Slow Link");
  await expect(host.getByTestId("lobby-players").locator("li")).toHaveCount(1);
});
