import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { parseCsv } from "../csv-reader";
import {
  answerConcept,
  aSlip,
  conceptQuestions,
  createLiveGame,
  expect,
  expectNoHorizontalScroll,
  joinClass,
  joinLiveGame,
  PHONE,
  screenshot,
  signUpTeacher,
  test,
  waitForHydration,
} from "./helpers";
import { type Bot, joinBot, strategies } from "./live-bots";

// Reports a teacher uses (issue 12): a quiz game with three players, one of whom never answers;
// its report names the hardest question, draws each question's answers, says "no answer" (not 0),
// and its CSV says the same. Then: claiming a game hosted before signing in, and the live roster.

const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
const ROUND = "Rules or examples?";

async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

test("a quiz game's report: the hardest question, each question's answers, 'no answer' on the page and in the CSV", async ({ device, baseURL }) => {
  test.slow(); // a live game (projector, a phone, two bots), then the report, beside the server on two cores
  const host = await device(DESKTOP);
  await signUpTeacher(host, { prefix: "reports", name: "Mary Somerville", password: "connexion of the sciences" });
  const code = await createLiveGame(host, {
    set: "Chapter 1: Rules from data — all 3 levels",
    drop: ["What learning needs", "AI, machine learning, deep learning"],
    roundTime: "60 seconds",
  });

  // Ana plays on her phone; Bo (a bot) answers every question right; Cy (a bot) never answers.
  const phone = await device(PHONE);
  await joinLiveGame(phone, code, "Ana");
  const bots: Bot[] = [await joinBot(baseURL!, code, "Bo", strategies.solve), await joinBot(baseURL!, code, "Cy", strategies.none)];
  await expect(host.getByTestId("player-count")).toHaveText("3 players");

  const next = host.getByTestId("host-next");
  await next.click(); // the intro
  await next.click(); // play
  await expect(phone.getByTestId("kind-view")).toBeVisible();
  // Ana gets one question wrong on purpose: it is the hardest (1 of 2 right; the others 2 of 2).
  const slip = await aSlip(phone, "rules-or-examples");
  const slipNumber = (await conceptQuestions(phone)).indexOf(slip.questionId) + 1;
  await answerConcept(phone, "rules-or-examples", { instead: { [slip.questionId]: { single: slip.wrong } } });
  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("locked-in")).toHaveText("✓ Locked in");
  await expect(host.getByTestId("submitted-count")).toHaveText("2 of 3 submitted");
  await next.click(); // end the round now: the reveal
  await expect(host.getByTestId("class-answers")).toBeVisible({ timeout: 30_000 });
  await next.click(); // the leaderboard
  await expect(next).toHaveText("Show the podium");
  await next.click();
  await expect(host.getByRole("heading", { name: "The podium" })).toBeVisible();
  for (const bot of bots) bot.close();

  await host.goto("/teacher/games");
  await host.getByRole("link", { name: new RegExp(`code ${code}`) }).click();
  await expect(host.getByRole("heading", { level: 1 })).toContainText(`Game ${code}`);

  await test.step("the hardest question is named", async () => {
    const hardest = host.getByTestId("hardest-question");
    await expect(hardest).toContainText(`Round 1 (${ROUND}), Q${slipNumber}:`);
    await expect(hardest).toContainText("1 of 2 who answered got it right (50%)");
  });

  await test.step("the slipped question's answers: one right, one wrong, one 'no answer'", async () => {
    const round = host.getByTestId("round-report");
    await expect(round.getByTestId("round-stats")).toContainText("Answered: 2 of 3");
    await expect(round.getByTestId("round-stats")).toContainText("No answer: 1");
    const question = round.getByTestId("question-report").nth(slipNumber - 1);
    await expect(question.getByTestId("question-accuracy")).toHaveText("1 of 2 who answered got it all right (50%) · 1 no answer.");
    const bars = question.getByRole("listitem");
    await expect(bars.filter({ hasText: `✓ right answer: ${slip.right}` })).toContainText(/1\s*of 3$/);
    await expect(bars.filter({ hasText: slip.wrong }).filter({ hasNotText: "right answer" })).toContainText(/1\s*of 3$/);
    await expect(bars.filter({ hasText: "No answer" })).toContainText(/1\s*of 3$/);
    // Every other question: both who answered got it right.
    const others = round.getByTestId("question-accuracy").filter({ hasText: "2 of 2 who answered got it all right (100%)" });
    await expect(others).toHaveCount((await round.getByTestId("question-report").count()) - 1);
  });

  const answers = host.getByTestId("round-answers");
  await test.step("each player's answer, and Cy's 'no answer' (not 0)", async () => {
    await expect(answers.locator("tbody tr")).toHaveCount(3);
    await expect(answers.locator("tr", { hasText: "Cy" }).getByTestId("no-answer")).toHaveText("no answer");
    await expect(answers.locator("tr", { hasText: "Bo" })).toContainText("100%");
    await expect(answers.locator("tr", { hasText: "Bo" }).getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
    await expect(answers.locator("tr", { hasText: "Ana" })).toContainText(/\d+(\.\d)? s$/);
    await expect(host.getByTestId("report-table").locator("tr", { hasText: "Cy" })).toContainText("no answer");
  });

  // The podium rises (a CSS animation): its colours are measured once it stands.
  await host.waitForFunction(() => document.getAnimations().every((a) => a.playState === "finished"));
  await expectAccessible(host, "the game report");
  await screenshot(host, "reports-01-game-report");

  await test.step("the CSV says the same: one row per player, 'no answer' with empty cells", async () => {
    const download = host.waitForEvent("download");
    await host.getByTestId("download-csv").click();
    const file = await download;
    const text = await readFile(await file.path(), "utf8");
    const rows = parseCsv(text.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Rank", "Nickname", "Total points", "Round", "Level", "Status", "Score (%)", "Stars", "Points", "Time (s)"]);
    expect(rows).toHaveLength(4);
    const byName = (name: string) => rows.find((r) => r[1] === name)!;
    expect(byName("Cy").slice(3)).toEqual(["1", ROUND, "no answer", "", "", "", ""]);
    expect(byName("Bo").slice(5, 8)).toEqual(["answered", "100", "3"]);
    // Ana's points as the page shows them.
    const anaPoints = (await answers.locator("tr", { hasText: "Ana" }).locator("td").nth(2).textContent())!.trim();
    expect(byName("Ana")[8]).toBe(anaPoints);
    expect(byName("Ana")[5]).toBe("answered");
  });

  await host.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(host);
  await screenshot(host, "reports-02-game-report-phone");
});

test("a game hosted before signing in is claimed from the same browser, and joins the teacher's reports", async ({ device }) => {
  const browser = await device(DESKTOP);
  // Hosted anonymously: the host page keeps the game's host secret in this browser.
  const code = await createLiveGame(browser, { set: "Chapter 2: a quick 3", drop: ["Turn and shift", "Admissions"] });
  await signUpTeacher(browser, { prefix: "claim", name: "Emmy Noether", password: "invariant theory 1918" });

  // Another teacher's browser holds no secret: nothing to claim there.
  const other = await device(DESKTOP);
  await signUpTeacher(other, { prefix: "claim-other", name: "Sofia Kovalevskaya", password: "spinning top 1888" });
  await other.goto("/teacher/games");
  await expect(other.getByRole("heading", { level: 1, name: "Game reports" })).toBeVisible();

  await browser.goto("/teacher/games");
  const claim = browser.getByTestId("claim-games");
  await expect(claim).toContainText("Games you hosted in this browser before signing in");
  await expect(claim).toContainText(`Code ${code}`);
  await screenshot(browser, "reports-03-claim");
  await expectAccessible(browser, "the game list with a game to claim");
  const button = claim.getByRole("button", { name: `Claim game ${code}` });
  await waitForHydration(button);
  await button.click();
  await expect(claim.getByRole("status")).toHaveText(`Game ${code} is now in your reports.`);
  await expect(browser.getByTestId("game-list")).toContainText(`code ${code}`);
  await screenshot(browser, "reports-03b-claimed");
  await browser.reload();
  await expect(browser.getByTestId("claim-games")).toHaveCount(0);
  await expect(other.getByTestId("claim-games")).toHaveCount(0);
});

test("the class roster shows a student who joins, without a reload", async ({ device }) => {
  const teacher = await device(DESKTOP);
  await signUpTeacher(teacher, { prefix: "roster", name: "Ms Hypatia", password: "conic sections 400" });
  const created = await teacher.request.post("/api/teacher/classes", { data: { name: "Maths 8A" } });
  expect(created.status()).toBe(201);
  const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
  await teacher.goto(`/teacher/classes/${id}`);
  await expect(teacher.getByText("Nobody has joined yet. Students appear here as they join.")).toBeVisible();
  await expect(teacher.getByText(/reload/i)).toHaveCount(0);
  await waitForHydration(teacher.getByTestId("lock-rules-from-data"));

  const phone = await device(PHONE);
  await joinClass(phone, joinCode, "Theano");
  await expect(phone.getByTestId("joined")).toContainText("Theano");
  // The teacher's page asks for the roster every few seconds while it is visible.
  await expect(teacher.getByTestId("roster")).toContainText("Theano", { timeout: 15_000 });
  await expect(teacher.getByRole("heading", { name: "Students (1)" })).toBeVisible();
  await screenshot(teacher, "reports-04-live-roster");
});
