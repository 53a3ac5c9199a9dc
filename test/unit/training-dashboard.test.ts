import { describe, expect, it } from "vitest";
import { wrongChoices } from "@/core/dashboard/wrong-answers";
import { configOf, kindOf } from "@/core/kinds/registry";
import { findLevel } from "@/core/levels/catalog";

/**
 * A teacher's dashboard tallies wrong answers in words. A training answer is a choice and a
 * prediction; the prediction is stored as what it predicted (not the instance's opaque id), and
 * read back here as the label the player saw.
 */
describe.each(["vanishing-gradients", "very-deep", "pick-a-learning-rate", "what-the-layers-see", "more-data-or-bigger"])("%s", (id) => {
  const level = findLevel(id)!;
  const kind = kindOf(level.kind);
  const config = configOf(level);
  const instance = kind.instance(level, config, "dashboard");
  const view = kind.publicView(level, config, instance) as { prediction: { options: { id: string; label: string }[] } };

  it("names the choice the player could change and the prediction by its label", () => {
    const answers = kind.choices!(level, config, instance) as Record<string, unknown>[];
    for (const answer of answers) {
      const stored = kind.storedAnswer!(level, config, instance, answer as never);
      const [words] = wrongChoices(level, stored)!;
      const label = view.prediction.options.find((o) => o.id === answer.prediction)!.label;
      expect(words, JSON.stringify(answer)).toContain(`: ${label}`);
      for (const control of level.lockedControls) expect(words).not.toContain(`${control}:`);
      expect(words).not.toContain(String(answer.prediction)); // never the opaque id
    }
  });
});
