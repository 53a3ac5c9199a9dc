"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Rendered when the server saw no player cookie: creates the anonymous profile, then re-renders. */
export function EnsureProfile() {
  const router = useRouter();
  useEffect(() => {
    void fetch("/api/profile", { method: "POST" }).then((res) => {
      if (res.ok) router.refresh();
    });
  }, [router]);
  return null;
}
