import Link from "next/link";
import { BrandBar } from "@/components/TopBar";
import { Sandbox } from "@/components/sandbox/Sandbox";
import styles from "@/components/sandbox/sandbox.module.css";
import { parseSandboxQuery } from "@/core/sandbox/url";

export const metadata = { title: "Sandbox", description: "Train a small neural network in your browser and share the setup as a link." };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The sandbox: its whole setup comes from the query string (a shared link), read field by field. */
export default async function SandboxPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const settings = parseSandboxQuery(query);
  return (
    <>
      <BrandBar />
      <main className={styles.page}>
        <h1>Sandbox</h1>
        <p className={styles.intro}>
          Train a small neural network and watch it learn: pick the data, the inputs and the layers, then press Play. The address bar keeps your setup, so its
          link shares it. <Link href="/play">Back to the campaign</Link>
        </p>
        <Sandbox key={JSON.stringify(settings)} initial={settings} />
      </main>
    </>
  );
}
