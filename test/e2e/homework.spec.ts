import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { levels } from "../../core/levels/catalog";
import { parseCsv } from "../csv-reader";
import {
  answerConcept,
  expect,
  expectNoHorizontalScroll,
  joinClass,
  openAnyLevel,
  PHONE,
  screenshot,
  signUpTeacher,
  submitAndExpectStars,
  test,
  waitForHydration,
} from "./helpers";

/**
 * Homework end to end: a teacher assigns chapter 1 to their class, due tomorrow, on the class
 * page; a student joins, sees it on /play and the home page, follows its link to the first level
 * and earns a star; the campaign then offers "continue" at the next level, and the teacher's
 * dashboard and CSV show the student at "1 of 3", not yet done. axe-core checks the new views.
 */

const DESK = { viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" } as const;
const CHAPTER_1 = levels.filter((l) => l.chapter === "rules-from-data");

async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

test("a teacher assigns a chapter due tomorrow; a student sees it, plays a level to a star, and the dashboard shows 1 of 3", async ({ device }) => {
  test.slow(); // a teacher's and a student's browsers beside the server on two cores
  const teacher = await device(DESK);
  await signUpTeacher(teacher, { prefix: "homework", name: "Ms Hopper", password: "compilers since 1952" });
  const created = await teacher.request.post("/api/teacher/classes", { data: { name: "Year 9 AI" } });
  expect(created.status()).toBe(201);
  const { id: classId, joinCode } = await created.json();

  await test.step("the teacher assigns chapter 1 due tomorrow at 17:00, and some levels she then deletes", async () => {
    await teacher.goto(`/teacher/classes/${classId}`);
    const homework = teacher.getByTestId("homework");
    await waitForHydration(homework.getByTestId("assign"));
    await expect(homework.getByTestId("homework-date")).not.toHaveValue("");
    await homework.getByTestId("homework-chapter").selectOption("rules-from-data");
    await homework.getByTestId("homework-title").fill("Week 1");
    await homework.getByTestId("assign").click();
    await expect(homework.getByTestId("homework-status")).toContainText("Assigned “Week 1”");
    await expect(homework.getByTestId("homework-row")).toHaveCount(1);
    await expect(homework.getByTestId("homework-row")).toContainText(CHAPTER_1.map((_, i) => `1.${i + 1}`).join(", "));

    // Some levels, then delete them again.
    await homework.getByTestId("target-levels").check();
    await homework
      .getByTestId("homework-levels")
      .getByRole("checkbox", { name: /^2\.1 / })
      .check();
    await expectAccessible(teacher, "the class page's homework form");
    await homework.getByTestId("assign").click();
    await expect(homework.getByTestId("homework-row")).toHaveCount(2);
    await screenshot(teacher, "homework-01-teacher-class");
    await homework.getByRole("button", { name: /^Delete homework Level 2\.1/ }).click();
    await expect(homework.getByTestId("homework-row")).toHaveCount(1);
    // Saved: a reload shows the same list.
    await teacher.reload();
    await expect(teacher.getByTestId("homework-row")).toHaveCount(1);
    await expect(teacher.getByTestId("homework-row")).toContainText("Week 1");
    await teacher.setViewportSize(PHONE.viewport);
    await expectNoHorizontalScroll(teacher);
    await screenshot(teacher, "homework-02-teacher-class-phone");
    await teacher.setViewportSize(DESK.viewport);
  });

  const student = await device({ ...PHONE, reducedMotion: "reduce" });
  await test.step("a student joins and sees the homework on /play, then plays its first level to a star", async () => {
    await joinClass(student, joinCode, "Grace");
    await expect(student.getByTestId("joined")).toContainText("Grace");
    await student.goto("/play");
    const mine = student.getByTestId("my-assignment");
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText("Week 1");
    await expect(mine).toContainText("Year 9 AI");
    await expect(mine.getByTestId("assignment-done")).toHaveText(`0 of ${CHAPTER_1.length} levels done`);
    await expect(mine).toHaveAttribute("data-overdue", "false");
    await expect(student.getByTestId("continue")).toContainText("level 1.1");
    await expectAccessible(student, "/play with homework");
    await expectNoHorizontalScroll(student);
    await screenshot(student, "homework-03-student-play-phone", { fullPage: false });

    await mine.getByTestId("assignment-next").click();
    await expect(student).toHaveURL(new RegExp(`/play/${CHAPTER_1[0].id}$`));
    await openAnyLevel(student, CHAPTER_1[0].id);
    await answerConcept(student, CHAPTER_1[0].id);
    await submitAndExpectStars(student, 3);
  });

  await test.step("back on /play and the home page: 1 of 3 done, next level 1.2, and 'continue' at 1.2", async () => {
    await student.goto("/play");
    const mine = student.getByTestId("my-assignment");
    await expect(mine.getByTestId("assignment-done")).toHaveText(`1 of ${CHAPTER_1.length} levels done`);
    await expect(mine.getByTestId("assignment-next")).toContainText(`level 1.2 ${CHAPTER_1[1].title}`);
    await expect(student.getByTestId("continue")).toHaveText(`Continue where you left off: level 1.2 ${CHAPTER_1[1].title}`);
    await student.goto("/");
    await expect(student.getByTestId("continue")).toHaveAttribute("href", `/play/${CHAPTER_1[1].id}`);
    await expect(student.getByTestId("my-assignment").getByTestId("assignment-done")).toHaveText(`1 of ${CHAPTER_1.length} levels done`);
    await expectAccessible(student, "the home page with homework");
    await expectNoHorizontalScroll(student);
    await screenshot(student, "homework-04-student-home-phone");
    await student.setViewportSize(DESK.viewport);
    await student.goto("/play");
    await screenshot(student, "homework-05-student-play-desk", { fullPage: false });
  });

  await test.step("the teacher's dashboard and CSV show Grace at 1 of 3, not yet", async () => {
    await teacher.goto(`/teacher/classes/${classId}/progress`);
    const table = teacher.getByTestId("homework-progress");
    await expect(table.getByTestId("homework-column")).toContainText("Week 1");
    await expect(table.getByTestId("homework-counts")).toHaveText("0 on time · 0 late · 1 not yet");
    const grace = table.locator('[data-testid="homework-student"][data-name="Grace"] td');
    await expect(grace).toHaveText(`1 of ${CHAPTER_1.length}`);
    await expect(grace).toHaveAttribute("data-status", "not-yet");
    await expectAccessible(teacher, "the dashboard with homework");
    await screenshot(teacher, "homework-06-dashboard", { fullPage: false });
    await teacher.setViewportSize(PHONE.viewport);
    await expectNoHorizontalScroll(teacher);
    await screenshot(teacher, "homework-07-dashboard-phone", { fullPage: false });

    const csv = await teacher.request.get(`/api/teacher/classes/${classId}/progress.csv`);
    expect(csv.status()).toBe(200);
    const [header, ...rows] = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
    const column = header.findIndex((h) => h.startsWith("homework: Week 1 (due "));
    expect(column).toBeGreaterThan(0);
    expect(new Set(rows.filter((r) => r[0] === "Grace").map((r) => r[column]))).toEqual(new Set([`not yet (1 of ${CHAPTER_1.length})`]));
  });
});
