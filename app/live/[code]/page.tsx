import { PlayerScreen } from "@/components/live/PlayerScreen";

export const metadata = { title: "Live game" };

export default async function LivePlayerPage({ params }: { params: Promise<{ code: string }> }) {
  return <PlayerScreen code={(await params).code} />;
}
