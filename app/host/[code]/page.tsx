import { HostScreen } from "@/components/live/HostScreen";
import { lanOrigins } from "./lan";

export const metadata = { title: "Hosting" };

export default async function HostGamePage({ params }: { params: Promise<{ code: string }> }) {
  // Read per request: the computer may have joined the classroom's network since the server started.
  return <HostScreen code={(await params).code} lan={lanOrigins()} />;
}
