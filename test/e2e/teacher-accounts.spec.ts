import { expect, expectNoHorizontalScroll, PHONE, screenshot, test, uniqueEmail, waitForHydration } from "./helpers";

// A teacher creates an account through the form, signs out, and signs back in; a wrong password
// gets the one generic message, and the teacher area is closed to a signed-out browser.
test("a teacher signs up, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("teacher");
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/signin$/); // signed out: the teacher area asks to sign in
  await page.getByRole("link", { name: "Create a teacher account" }).click();
  await waitForHydration(page.getByRole("button", { name: "Create my account" })); // typing before hydration would be lost

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your name (students see it)").fill("Ms Hopper");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Password must be at least 10 characters.");
  await screenshot(page, "teacher-signup-error");

  await page.getByLabel("Password").fill("compilers and cobol");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByTestId("teacher-name")).toHaveText("Ms Hopper");
  await expect(page.getByRole("heading", { level: 1, name: "Your classes" })).toBeVisible();
  await screenshot(page, "teacher-home-empty");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/teacher\/signin$/);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/signin$/);
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or the password is not right.");
  await page.getByLabel("Password").fill("compilers and cobol");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByTestId("teacher-name")).toHaveText("Ms Hopper");
});

test.describe("on a phone", () => {
  test.use(PHONE);
  test("the sign-in page fits", async ({ page }) => {
    await page.goto("/teacher/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "teacher-signin-phone");
  });
});
