/** The chapters live in core/chapters.ts (no level content, so the browser may import them). */
export { type Chapter, chapters } from "../chapters";
