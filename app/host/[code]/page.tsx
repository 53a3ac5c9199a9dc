import { HostScreen } from "@/components/live/HostScreen";

export const metadata = { title: "Hosting" };

export default async function HostGamePage({ params }: { params: Promise<{ code: string }> }) {
  return <HostScreen code={(await params).code} />;
}
