import type { Locator } from "@playwright/test";
import {
  createLiveGame,
  expect,
  joinLiveGame,
  expectNoHorizontalScroll,
  PHONE,
  PROJECTOR,
  screenshot,
  signUpTeacher,
  test,
  typeAnswer,
  typedAnswerFor,
  waitForHydration,
  waitForLiveRound,
  watchLiveRounds,
} from "./helpers";

// A signed-in teacher hosts a one-round game from /host; afterwards the game is in their reports.
// The teacher's browser is in New York (5 hours behind UTC in winter, 4 in summer): the report's
// dates must be shown in that zone, not in the server's UTC (issue 12, "dates in UTC").
const TEACHER_ZONE = { timezoneId: "America/New_York", locale: "en-GB" } as const;

/** "14:05": the hour and minute of `iso` in `timeZone`, as an en-GB reader sees them. */
const clockIn = (iso: string, timeZone: string) => new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false });

/** The date shown in `scope` is the one its datetime attribute holds, in the browser's zone (a UTC clock would differ by hours). */
async function expectShownInTeacherZone(scope: Locator): Promise<void> {
  const time = scope.locator("time").first();
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  const local = clockIn(iso!, TEACHER_ZONE.timezoneId);
  expect(local).not.toBe(clockIn(iso!, "UTC"));
  await expect(time).toContainText(local); // once hydrated: the server renders UTC first
  await expect(time).not.toContainText("UTC");
}

test("a teacher's game appears in their reports with the points the phone was told", async ({ device }) => {
  test.slow(); // a live game (projector and phone) and then the reports, beside the server on two cores
  const host = await device({ ...PROJECTOR, ...TEACHER_ZONE });
  await signUpTeacher(host, { prefix: "reports", name: "Rosalind Franklin", password: "photo fifty-one 1952" });

  const code = await createLiveGame(host, { set: "Chapter 2: a quick 3", drop: ["Turn and shift", "Admissions"], roundTime: "60 seconds", speedBonus: true });
  const phone = await device(PHONE);
  const rounds = watchLiveRounds(phone);
  await joinLiveGame(phone, code, "Ana Lu");
  await expect(host.getByTestId("player-count")).toHaveText("1 player");

  const next = host.getByTestId("host-next");
  await next.click(); // start: intro
  await expect(next).toHaveText("Start now");
  await next.click(); // play
  await waitForLiveRound(phone);
  // The round's boundary is drawn for this game: the angle is worked out from the points the phone was served.
  await typeAnswer(phone, await typedAnswerFor(await rounds.level(0)), { shift: false });
  await expect(phone.getByTestId("live-accuracy")).toHaveText("Accuracy 100.0%");
  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("live-message")).toContainText("That is your best so far.");
  // The only player says they are done: the round ends at once, and the phone shows what it earned.
  await phone.getByTestId("live-done").click();
  await expect(phone.getByRole("heading", { name: "Round over" })).toBeVisible();
  await expect(phone.getByRole("img", { name: "3 of 3 stars" }).first()).toBeVisible();
  const points = Number(/^(\d+) points$/.exec((await phone.getByTestId("my-points").textContent())!)![1]);
  expect(points).toBeGreaterThan(500);
  await expect(next).toHaveText("Show the leaderboard");
  await next.click();
  await expect(next).toHaveText("Show the podium");
  await next.click();
  await expect(host.getByRole("heading", { name: "The podium" })).toBeVisible();

  await host.goto("/teacher/games");
  const list = host.getByTestId("game-list");
  await expect(list).toContainText(`code ${code}`);
  await expect(list).toContainText("Turn the axes");
  await expect(list).toContainText("finished");
  await expectShownInTeacherZone(list.locator("tr", { hasText: `code ${code}` }));
  await screenshot(host, "teacher-reports-01-list");
  await list.getByRole("link", { name: new RegExp(`code ${code}`) }).click();

  await expect(host.getByRole("heading", { level: 1 })).toContainText(`Game ${code}`);
  await expectShownInTeacherZone(host.getByRole("heading", { level: 1 }));
  const row = host.getByTestId("report-table").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row.locator("th")).toHaveText("Ana Lu");
  await expect(row.locator("td").nth(1)).toHaveText(String(points));
  await expect(row.locator("td").nth(2)).toContainText(String(points));
  await expect(row.getByLabel("3 of 3 stars")).toBeVisible();
  await expect(host.getByRole("list", { name: "Podium" })).toContainText("Ana Lu");
  await screenshot(host, "teacher-reports-02-report");

  // Link the game to one of the teacher's classes: saved at once, and shown in the list.
  const created = await host.request.post("/api/teacher/classes", { data: { name: "Year 9 Blue" } });
  expect(created.status()).toBe(201);
  await host.reload();
  const classSelect = host.getByLabel("Class", { exact: true });
  await waitForHydration(classSelect);
  await classSelect.selectOption({ label: "Year 9 Blue" });
  await expect(host.getByRole("status")).toHaveText("Saved");
  await screenshot(host, "teacher-reports-02b-linked");

  const download = host.waitForEvent("download");
  await host.getByTestId("download-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^game-${code}-.*\\.csv$`));

  // On a phone the report scrolls inside its table, not the page.
  await host.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(host);
  await screenshot(host, "teacher-reports-03-report-phone");

  await host.goto("/teacher/games");
  await expect(host.getByTestId("game-list")).toContainText("Year 9 Blue");
});
