import { expect, joinClass, expectNoHorizontalScroll, PHONE, screenshot, signUpTeacher, test, unlockUpTo, waitForHydration } from "./helpers";

/**
 * A teacher creates a class and sees its code and QR code; a student in another browser joins
 * through the class link, keeps their solo star and gets a resume code; a chapter lock shows on
 * the student's campaign map.
 */
test("a teacher creates a class, a student joins with the link, and a chapter lock reaches the student", async ({ page, device }) => {
  test.slow(); // a teacher, a student's phone and another device, beside the server on two cores
  await signUpTeacher(page, { prefix: "teacher", name: "Ms Noether", password: "invariant theory 1918" });

  await page.goto("/teacher");
  const nameInput = page.getByLabel("New class");
  await waitForHydration(nameInput);
  await nameInput.fill("Physics 9C");
  await page.getByRole("button", { name: "Create the class" }).click();
  await page.waitForURL(/\/teacher\/classes\/[^/]+$/);
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
  await expect(page.getByTestId("join-qr").locator("svg")).toBeVisible();
  await expect(page.getByTestId("join-link")).toHaveText(new RegExp(`/class\\?code=${code}$`));
  await expect(page.getByRole("link", { name: "Progress dashboard" })).toBeVisible();
  await screenshot(page, "teacher-class-new");

  // The student already has a star from playing alone.
  const phone = await device();
  await unlockUpTo(phone, "what-learning-needs");
  await phone.setViewportSize(PHONE.viewport);
  await joinClass(phone, code, "Emmy");
  await expect(phone.getByTestId("joined")).toContainText("Welcome to Physics 9C, Emmy!");
  await expect(phone.getByTestId("resume-code")).toHaveText(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  const resumeCode = (await phone.getByTestId("resume-code").textContent())!.trim();
  await expectNoHorizontalScroll(phone);
  await screenshot(phone, "student-joined-phone");

  // The roster shows the student; lock chapter 1 with its checkbox.
  await page.reload();
  await expect(page.getByTestId("roster")).toContainText("Emmy");
  const lock = page.getByTestId("lock-rules-from-data");
  await waitForHydration(lock);
  await lock.check();
  await expect(page.getByTestId("save-status")).toHaveText("Chapter 1 locked.");
  await screenshot(page, "teacher-class-roster");

  await phone.goto("/play");
  await expect(phone.getByTestId("level-rules-or-examples")).toHaveAttribute("data-teacher-locked", "true");
  await expect(phone.getByTestId("teacher-locked-rules-from-data")).toBeVisible();
  await screenshot(phone, "student-campaign-locked-phone");
  await phone.goto("/play/rules-or-examples");
  await expect(phone.getByTestId("teacher-locked")).toContainText("Your teacher has locked chapter 1");
  await screenshot(phone, "student-level-locked-phone");

  // Unlocking opens it again; the solo star is still there.
  await lock.uncheck();
  await expect(page.getByTestId("save-status")).toHaveText("Chapter 1 unlocked.");
  await phone.goto("/play");
  await expect(phone.getByTestId("level-rules-or-examples")).toHaveAttribute("data-teacher-locked", "false");
  await expect(phone.getByTestId("level-rules-or-examples")).toHaveAttribute("data-stars", "3");

  // On another device the resume code brings the same player back, stars and class included.
  const other = await device();
  await other.goto("/resume");
  const input = other.getByLabel("Resume code");
  await waitForHydration(input);
  await input.fill(resumeCode.toLowerCase());
  await other.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(other);
  await screenshot(other, "student-resume-phone");
  await other.getByRole("button", { name: "Continue" }).click();
  await other.waitForURL(/\/play$/);
  await expect(other.getByTestId("level-rules-or-examples")).toHaveAttribute("data-stars", "3");
  await other.goto("/class");
  await expect(other.getByTestId("my-classes")).toContainText("Physics 9C");

  // The teacher's class page fits a phone too.
  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "teacher-class-phone");
});
