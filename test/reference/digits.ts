import type { ReferenceAnswers } from "./types";

/** Known three-star answers for the "digits" levels (chapter 5). */
export const digitsReference: ReferenceAnswers<"digits"> = {
  "what-the-layers-see": { depth: 1, width: 16, examples: 200 },
  "more-data-or-bigger": { depth: 1, width: 16, examples: 1000 },
};
