"use client";

import { useEffect, useRef, useState } from "react";

/** The player's display name, editable in place. */
export function ProfileName({ initialName }: { initialName: string | null }) {
  const [name, setName] = useState(initialName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Opening the editor (a click on Rename) puts the cursor in the field.
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  if (name === null) return <span className="muted">Creating your profile…</span>;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    // The server validates the name with the API's zod schema; its message names the rule broken.
    const res = await fetch("/api/profile", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ displayName: draft }) });
    const body = await res.json();
    if (!res.ok) return setError(body.error?.message?.replace(/^displayName: /, "Name ") ?? "Could not save the name");
    setName(body.displayName);
    setEditing(false);
    setError(null);
  }

  if (!editing)
    return (
      <span className="row">
        <span>
          <span className="playing-as">Playing as </span>
          <strong data-testid="display-name">{name}</strong>
        </span>
        <button
          className="button secondary"
          type="button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </span>
    );
  return (
    <form className="row name-edit" onSubmit={save}>
      <label htmlFor="display-name-input">Display name</label>
      <input id="display-name-input" ref={input} value={draft} maxLength={24} onChange={(e) => setDraft(e.target.value)} />
      <button className="button" type="submit">
        Save
      </button>
      <button className="button secondary" type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
