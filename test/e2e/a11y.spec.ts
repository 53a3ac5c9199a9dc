import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  answerConcept,
  createLiveGame,
  expect,
  joinClass,
  joinLiveGame,
  openAnyLevel,
  PHONE,
  PROJECTOR,
  signUpTeacher,
  submitAndExpectStars,
  test,
  unlockAndOpen,
  waitForLiveRound,
} from "./helpers";

// Accessibility (issue 12): axe-core on every page and phase a class goes through — the landing
// page, the map, a level, /join, and a live game's lobby, round, reveal, leaderboard and podium on
// the projector and on a phone, and a teacher's pages. No moderate, serious or critical violation is
// allowed; the summary names the rule and the elements so a failure says what to fix. Motion is reduced, so an animation caught
// halfway (the podium rising) is not measured as low contrast.

const QUIET = { reducedMotion: "reduce" } as const;

async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const failing = violations
    .filter((v) => v.impact === "moderate" || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(failing, `axe on ${where}`).toEqual([]);
  // Minor findings are listed in the report (annotations), not failed.
  const minor = violations.filter((v) => v.impact === "minor" || !v.impact);
  if (minor.length > 0)
    test.info().annotations.push({ type: "axe (minor)", description: `${where}: ${minor.map((v) => `${v.id} ×${v.nodes.length}`).join(", ")}` });
}

test("solo pages: the landing page, the map, a level and /join", async ({ device }) => {
  test.slow();
  const page = await device({ ...PHONE, ...QUIET });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Play solo" })).toBeVisible();
  await expectAccessible(page, "the landing page");

  await page.goto("/play");
  await expect(page.getByTestId("display-name")).toBeVisible();
  await expectAccessible(page, "the map");

  const desk = await device({ ...PROJECTOR, ...QUIET });
  const { levels } = await import("../../core/levels/catalog");
  await openAnyLevel(desk, levels[0].id);
  await expectAccessible(desk, `the level ${levels[0].id}`);
  await unlockAndOpen(desk, "turn-the-axes");
  await expectAccessible(desk, "the level turn-the-axes");

  await page.goto("/join");
  await expect(page.getByLabel("Game code")).toBeVisible();
  await expectAccessible(page, "/join");
});

test("a live game, on the projector and a phone: lobby, round, reveal, leaderboard, podium", async ({ device }) => {
  test.slow();
  const host = await device({ ...PROJECTOR, ...QUIET });
  // A signed-in teacher hosts, so the game's report can be checked too once it ends.
  await signUpTeacher(host, { prefix: "a11y-host", name: "Grace Hopper", password: "compiler nanosecond 1952" });
  const code = await createLiveGame(host, { drop: ["Turn and shift", "Admissions"], roundTime: "120 seconds" });
  const phone = await device({ ...PHONE, ...QUIET });
  await joinLiveGame(phone, code, "Ada Lovelace");
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  const next = host.getByTestId("host-next");

  await expectAccessible(host, "the host's lobby");
  await expectAccessible(phone, "the phone's lobby");

  await next.click();
  await expect(next).toHaveText("Start now");
  await next.click();
  await expect(next).toHaveText("End the round now");
  await waitForLiveRound(phone);
  await expectAccessible(host, "the host's round");
  await expectAccessible(phone, "the phone's round");

  await test.step("paused, and the skip confirmation", async () => {
    await host.getByTestId("host-pause").click();
    await expect(phone.getByTestId("paused-notice")).toBeVisible();
    await expectAccessible(host, "the host's paused round");
    await expectAccessible(phone, "the phone's paused round");
    await host.getByTestId("host-skip").click();
    await expect(host.getByTestId("skip-dialog")).toBeVisible();
    await expectAccessible(host, "the skip confirmation");
    await host.keyboard.press("Escape");
    await host.getByTestId("host-pause").click();
    await expect(phone.getByTestId("paused-notice")).toHaveCount(0);
  });

  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("live-message")).toBeVisible();
  await next.click();
  await expect(next).toHaveText("Show the leaderboard");
  await expect(host.getByTestId("reveal-stars")).toBeVisible();
  await expect(phone.getByTestId("my-round-result")).toBeVisible();
  await expectAccessible(host, "the host's reveal");
  await expectAccessible(phone, "the phone's reveal");

  await next.click();
  await expect(host.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expectAccessible(host, "the host's leaderboard");
  await expectAccessible(phone, "the phone's leaderboard");

  await next.click();
  await expect(host.getByRole("heading", { name: "The podium" })).toBeVisible();
  await expect(phone.getByTestId("final-rank")).toBeVisible();
  await expectAccessible(host, "the host's podium");
  await expectAccessible(phone, "the phone's podium");

  await host.goto("/teacher/games");
  await expect(host.getByTestId("game-list")).toContainText(`code ${code}`);
  await expectAccessible(host, "the teacher's game reports");
  await host
    .getByTestId("game-list")
    .getByRole("link", { name: new RegExp(`code ${code}`) })
    .click();
  await expect(host.getByRole("heading", { level: 1 })).toContainText(`Game ${code}`);
  await expect(host.getByTestId("report-table")).toBeVisible();
  await expectAccessible(host, "a game's report");
});

test("a teacher's pages: sign-up, sign-in, classes, a class with homework, its progress and a timeline, the account", async ({ device }) => {
  test.slow();
  const teacher = await device({ ...PROJECTOR, ...QUIET });
  await teacher.goto("/teacher/signup");
  await expect(teacher.getByRole("heading", { name: "Create a teacher account" })).toBeVisible();
  await expectAccessible(teacher, "the teacher sign-up");
  await teacher.goto("/teacher/signin");
  await expect(teacher.getByRole("heading", { name: "Teacher sign-in" })).toBeVisible();
  await expectAccessible(teacher, "the teacher sign-in");

  await signUpTeacher(teacher, { prefix: "a11y-teacher", name: "Ada Byron", password: "analytical engine 1843" });
  const created = await teacher.request.post("/api/teacher/classes", { data: { name: "Year 10 Axe" } });
  expect(created.status()).toBe(201);
  const { id: classId, joinCode } = await created.json();
  const { levels } = await import("../../core/levels/catalog");
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  const assigned = await teacher.request.post(`/api/teacher/classes/${classId}/assignments`, { data: { chapterId: levels[0].chapter, dueAt } });
  expect(assigned.status()).toBe(201);

  // A student joins and earns a star, so the roster, the grid, the homework and the timeline have a row.
  const student = await device({ ...PHONE, ...QUIET });
  await joinClass(student, joinCode, "Emmy");
  await expect(student.getByTestId("joined")).toContainText("Emmy");
  await openAnyLevel(student, "rules-or-examples");
  await answerConcept(student, "rules-or-examples");
  await submitAndExpectStars(student, 3);
  await expectAccessible(student, "a level's result");

  await teacher.goto("/teacher");
  await expect(teacher.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await expectAccessible(teacher, "the teacher's classes");
  await teacher.goto(`/teacher/classes/${classId}`);
  await expect(teacher.getByTestId("roster")).toContainText("Emmy");
  await expect(teacher.getByTestId("homework-list")).toBeVisible();
  await expectAccessible(teacher, "a class, its roster and homework");
  await teacher.goto(`/teacher/classes/${classId}/progress`);
  await expect(teacher.getByTestId("student-row")).toHaveCount(1);
  await expect(teacher.getByTestId("homework-table")).toBeVisible();
  await expectAccessible(teacher, "a class's progress");
  await teacher.getByRole("button", { name: "Emmy: open timeline" }).click();
  await expect(teacher.getByTestId("timeline").locator("li")).toHaveCount(1);
  await expectAccessible(teacher, "a student's timeline");
  await teacher.goto("/teacher/account");
  await expect(teacher.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectAccessible(teacher, "the teacher's account");
});
