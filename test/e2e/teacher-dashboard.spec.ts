import {
  aSlip,
  answerConcept,
  expect,
  joinClass,
  expectNoHorizontalScroll,
  type OpenDevice,
  openAnyLevel,
  PHONE,
  PROJECTOR,
  screenshot,
  signUpTeacher,
  submitAndExpectStars,
  test,
} from "./helpers";
import { parseCsv } from "../csv-reader";

/**
 * A teacher's class progress dashboard end to end: two students join the class and play the
 * first level through the UI in their own browsers, one right and one with a wrong choice; the
 * teacher sees their stars, the level's statistics and a timeline, and downloads the CSV.
 */

/**
 * A student's own browser: joins the class through the class link's page, then plays level 1.1
 * through the UI, right or with one slip on purpose (returned: the option picked by mistake).
 */
async function studentPlays(device: OpenDevice, code: string, name: string, slips: boolean): Promise<string | null> {
  const page = await device();
  await joinClass(page, code, name);
  await expect(page.getByTestId("joined")).toContainText(name);
  await openAnyLevel(page, "rules-or-examples");
  const slip = slips ? await aSlip(page, "rules-or-examples") : null;
  await answerConcept(page, "rules-or-examples", slip ? { instead: { [slip.questionId]: { single: slip.wrong } } } : {});
  await submitAndExpectStars(page, slip ? 1 : 3);
  return slip?.wrong ?? null;
}

test("a teacher sees two students' stars on the dashboard and downloads the class CSV", async ({ device }) => {
  test.slow(); // a teacher and two students' browsers at once, beside the server on two cores
  const teacher = await device({ ...PROJECTOR, acceptDownloads: true });
  await signUpTeacher(teacher, { prefix: "dashboard", name: "Mr Turing", password: "computable numbers 1936" });
  const created = await teacher.request.post("/api/teacher/classes", { data: { name: "Year 11 AI" } });
  expect(created.status()).toBe(201);
  const { id: classId, joinCode } = await created.json();

  const [, bensSlip] = await Promise.all([studentPlays(device, joinCode, "Ana", false), studentPlays(device, joinCode, "Ben", true)]);

  await teacher.goto(`/teacher/classes/${classId}/progress`);
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Progress of Year 11 AI");
  const rows = teacher.getByTestId("student-row");
  await expect(rows).toHaveCount(2);
  const cell = (name: string) => teacher.locator(`[data-testid="student-row"][data-name="${name}"] td[data-stars]`).first();
  await expect(cell("Ana")).toHaveAttribute("data-stars", "3");
  await expect(cell("Ben")).toHaveAttribute("data-stars", "1");
  await expect(cell("Ana")).toHaveAttribute("title", /Ana · 1\.1 .*: best 3 stars, first try 3 stars, best score 100%, 1 try, .* spent, last active/);
  await expect(cell("Ben")).toContainText("★☆☆");
  // First-try stars beside the best: what each student understood on arrival.
  await expect(cell("Ana").getByTestId("first-try")).toHaveText("· 1st 3★");
  await expect(cell("Ben").getByTestId("first-try")).toHaveText("· 1st 1★");

  // The page measured the time each student spent on the level and sent it with the answer.
  const data = await (await teacher.request.get(`/api/teacher/classes/${classId}/progress`)).json();
  for (const s of data.students) expect(s.cells["rules-or-examples"].timeSpentMs, s.name).toBeGreaterThan(0);

  // Sorting by stars puts Ana first; by name too; the stuck filter leaves nobody.
  const sortBy = teacher.getByTestId("sort");
  await sortBy.selectOption("stars");
  await expect(rows.first()).toHaveAttribute("data-name", "Ana");
  await teacher.getByTestId("stuck-filter").check();
  await expect(rows).toHaveCount(0);
  await teacher.getByTestId("stuck-filter").uncheck();
  await teacher.getByTestId("chapter-filter").selectOption("rules-from-data");
  await expect(teacher.getByTestId("progress-grid").locator("thead th")).toHaveCount(2 + 3);

  // The level's statistics name Ben's wrong choice in words.
  const stats = teacher.getByTestId("level-stats");
  await stats.getByText(/^1\.1 /).click();
  await expect(stats).toContainText("2 of 2 with a star (100%)");
  await expect(stats).toContainText(`picked “${bensSlip!.slice(0, 30)}`);
  await screenshot(teacher, "teacher-dashboard-01-grid");

  // A student's timeline.
  await teacher.getByRole("button", { name: "Ben: open timeline" }).click();
  const timeline = teacher.getByTestId("timeline");
  await expect(timeline.locator("li")).toHaveCount(1);
  await expect(timeline).toContainText("1.1");
  await expect(timeline).toContainText("1 star");
  await screenshot(teacher, "teacher-dashboard-02-timeline");

  // The CSV, as the browser downloads it.
  const download = teacher.waitForEvent("download");
  await teacher.getByTestId("download-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Year-11-AI-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const { readFile } = await import("node:fs/promises");
  const text = await readFile((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...lines] = parseCsv(text.slice(1));
  expect(header.slice(0, 3)).toEqual(["student", "joined", "chapter"]);
  expect(lines.length).toBe(2 * data.levels.length);
  const col = (name: string) => header.indexOf(name);
  const first = (name: string) => lines.find((r) => r[0] === name && r[col("level id")] === "rules-or-examples")!;
  expect(first("Ana")[col("stars")]).toBe("3");
  expect(first("Ben")[col("stars")]).toBe("1");
  expect(first("Ben")[col("attempts")]).toBe("1");
  expect(first("Ana")[col("first-try stars")]).toBe("3");
  expect(first("Ben")[col("first-try stars")]).toBe("1");
  expect(lines.filter((r) => r[0] === "Ana" && r[col("stars")] !== "0")).toHaveLength(1);

  // On a phone the grid scrolls inside its box, the page does not.
  await teacher.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(teacher);
  await screenshot(teacher, "teacher-dashboard-03-phone");
});
