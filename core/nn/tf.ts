/**
 * Loads TensorFlow.js on first use, on the CPU backend, in the browser and in Node alike.
 *
 * Why CPU: the networks in this game are tiny, and per-op overhead dominates. Headless Chromium
 * here has WebGL only through a software rasteriser, about 15x slower than the CPU backend for
 * these models (STACK.md), and the same backend on both sides keeps the browser's numbers equal
 * to the server's.
 *
 * Why two entry points: the browser loads only tfjs-core, the CPU kernels and the gradients (no
 * layers, converter or WebGL), in a chunk of its own that only training pages fetch. Node cannot
 * import tfjs-core's ESM build (extensionless imports), so the server uses the union package's
 * CommonJS bundle, which carries the same core, kernels and gradients.
 */
export type Tf = typeof import("@tensorflow/tfjs-core");

let loading: Promise<Tf> | null = null;

export function loadTf(): Promise<Tf> {
  return (loading ??= (typeof window === "undefined" ? loadForNode() : loadForBrowser())
    .then(async (tf) => {
      tf.env().set("PROD", true); // no debug checks, no "install tfjs-node" banner
      await tf.setBackend("cpu");
      await tf.ready();
      return tf;
    })
    .catch((error: unknown) => {
      loading = null; // a failed load (e.g. a dropped chunk request) may be retried
      throw error;
    }));
}

async function loadForBrowser(): Promise<Tf> {
  // tfjs-core's entry registers the environment flags (DEBUG, PROD…). The other two chunks
  // evaluate modules that read those flags as they load, so they must wait for it: loaded in
  // parallel, whichever chunk arrived first ran first, and a slow core chunk made loading fail
  // with "Cannot evaluate flag 'DEBUG'" (reproduced by delaying chunk responses at random).
  const tf = await import("@tensorflow/tfjs-core");
  await Promise.all([import("@tensorflow/tfjs-backend-cpu"), import("@tensorflow/tfjs-core/dist/register_all_gradients")]);
  return tf;
}

async function loadForNode(): Promise<Tf> {
  const specifier = "@tensorflow/tfjs";
  // Kept out of the browser bundle: only Node takes this branch.
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as Tf;
}

/**
 * Yields between training steps, as a new task: the browser can paint progress (rendering runs
 * between tasks) and a server that trains still answers its sockets in between. A message on a
 * channel, unlike setTimeout, is not clamped to 4 ms when repeated.
 */
export function nextFrame(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
