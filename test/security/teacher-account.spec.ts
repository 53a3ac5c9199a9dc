/**
 * Issue 11, finding 6, in Chromium: the teacher's account page. A teacher signed in on two devices
 * changes the password (a common one is refused with the reason): the other device is signed
 * out. Then "sign out everywhere" signs this one out too.
 */
import { expect, expectNoHorizontalScroll, PHONE, screenshot, test, uniqueEmail, waitForHydration } from "../e2e/helpers";

const PASSWORD = "seven lanterns over the harbour";
const NEW_PASSWORD = "quiet rivers run north";

test("a teacher changes the password (other devices signed out) and signs out everywhere", async ({ page, device, baseURL }) => {
  const email = uniqueEmail("account");
  expect((await page.request.post("/api/teacher/signup", { data: { email, name: "Ms Lovelace", password: PASSWORD } })).status()).toBe(201);
  const otherDevice = await device();
  expect((await otherDevice.request.post(`${baseURL}/api/teacher/signin`, { data: { email, password: PASSWORD } })).status()).toBe(200);

  await page.goto("/teacher");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/teacher\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  const change = page.getByRole("button", { name: "Change my password" });
  await waitForHydration(change);

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("password12");
  await change.click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "The new password is too common: it is on the list of passwords attackers try first. A few unrelated words make a strong one.",
  );
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await change.click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The current password is not your current password.");

  await page.getByLabel("Current password").fill(PASSWORD);
  await change.click();
  await expect(page.locator("form").getByRole("status")).toHaveText("Your password is changed, and every other device is signed out.");
  await screenshot(page, "teacher-account");

  // The other device is signed out; this one stays in.
  await otherDevice.goto("/teacher");
  await expect(otherDevice).toHaveURL(/\/teacher\/signin$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // Sign out everywhere, this device included.
  await otherDevice.request.post(`${baseURL}/api/teacher/signin`, { data: { email, password: NEW_PASSWORD } });
  const everywhere = page.getByRole("button", { name: "Sign out on every device" });
  await waitForHydration(everywhere);
  await everywhere.click();
  await expect(page).toHaveURL(/\/teacher\/signin$/);
  await otherDevice.goto("/teacher");
  await expect(otherDevice).toHaveURL(/\/teacher\/signin$/);
  await page.goto("/teacher/account");
  await expect(page).toHaveURL(/\/teacher\/signin$/);
});

test.describe("on a phone", () => {
  test.use(PHONE);
  test("the account page fits", async ({ page }) => {
    const email = uniqueEmail("account-phone");
    expect((await page.request.post("/api/teacher/signup", { data: { email, name: "Ms Phone", password: PASSWORD } })).status()).toBe(201);
    await page.goto("/teacher/account");
    await expect(page.getByRole("button", { name: "Sign out on every device" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "teacher-account-phone");
  });
});
