"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

/** Links a game report to one of the teacher's classes (or to none), saved as soon as it changes. */
export function GameClassLink({ gameId, classes, current }: { gameId: string; classes: { id: string; name: string }[]; current: string | null }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(current ?? "");
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "error">("idle");

  async function change(next: string) {
    const previous = value;
    setValue(next);
    setStatus("saving");
    const response = await fetch(`/api/teacher/games/${gameId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ classId: next === "" ? null : next }),
    }).catch(() => null);
    if (!response?.ok) {
      setValue(previous);
      setStatus("error");
      return;
    }
    setStatus("saved");
    router.refresh();
  }

  if (classes.length === 0) return <span className="muted">Create a class to link this game to it.</span>;
  return (
    <span className="row">
      <label htmlFor={id}>Class</label>
      <select
        id={id}
        style={{ font: "inherit", padding: "6px 8px", minHeight: 40 }}
        value={value}
        disabled={status === "saving"}
        onChange={(e) => void change(e.target.value)}
        data-testid="game-class"
      >
        <option value="">No class</option>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <span role="status" className="muted">
        {status === "saving" ? "Saving…" : status === "saved" ? "Saved" : status === "error" ? "Could not save: try again" : ""}
      </span>
    </span>
  );
}
