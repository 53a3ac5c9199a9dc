import { campaign } from "@/core/levels/catalog";
import { HostSetup } from "@/components/live/HostSetup";

export const metadata = { title: "Host a classroom game" };

export default function HostPage() {
  const chapters = campaign().map((c) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    levels: c.levels.map((l) => ({ id: l.id, title: l.title, seconds: l.timeLimitSeconds })),
  }));
  return (
    <main>
      <h1>Host a classroom game</h1>
      <p className="muted">Put this screen on the projector. Students join on their phones or laptops with the game code or the QR code.</p>
      <HostSetup chapters={chapters} />
    </main>
  );
}
