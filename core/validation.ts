import type { z } from "zod";

/** One readable line from a zod error: each issue as "path: message", joined by "; ". */
export function describeZodError(error: z.ZodError, prefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
