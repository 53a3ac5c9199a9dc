import { createRng, type Rng } from "../../random";

/**
 * Small handwritten-looking digits, drawn procedurally from a seed: nothing is downloaded, and the
 * browser, the server and the tests all draw the same images. Each digit is a few strokes
 * (polylines) in a unit box; every image moves, slants, turns, stretches and thickens them a
 * little, then adds pixel noise, so no two images of a class are the same.
 */

/** Images are SIDE × SIDE grey pixels, row by row, 0 (paper) to 1 (ink). */
export const SIDE = 10;
export const PIXELS = SIDE * SIDE;
export const CLASSES = 10;

type Point = [number, number];
type Stroke = Point[];

/** Points on an ellipse arc; angles in degrees, y pointing down (so −90° is the top). */
function arc(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number): Stroke {
  const steps = Math.max(4, Math.ceil(Math.abs(toDeg - fromDeg) / 20));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}

/** Stroke templates in a unit box (x right, y down). Some digits have two common ways of writing them. */
const TEMPLATES: Stroke[][][] = [
  // 0
  [[arc(0.5, 0.5, 0.3, 0.44, 0, 360)]],
  // 1: a bare bar, or with a flag
  [
    [
      [
        [0.52, 0.05],
        [0.5, 0.95],
      ],
    ],
    [
      [
        [0.28, 0.28],
        [0.55, 0.05],
        [0.53, 0.95],
      ],
    ],
  ],
  // 2
  [[[...arc(0.5, 0.3, 0.3, 0.25, -170, 20), [0.18, 0.95], [0.85, 0.95]]]],
  // 3
  [[[...arc(0.47, 0.28, 0.28, 0.23, -160, 90), ...arc(0.47, 0.72, 0.32, 0.23, -90, 155)]]],
  // 4: closed or open top
  [
    [
      [
        [0.66, 0.95],
        [0.66, 0.05],
        [0.12, 0.66],
        [0.88, 0.66],
      ],
    ],
    [
      [
        [0.22, 0.05],
        [0.2, 0.6],
        [0.85, 0.6],
      ],
      [
        [0.68, 0.28],
        [0.66, 0.95],
      ],
    ],
  ],
  // 5
  [[[[0.8, 0.05], [0.28, 0.05], [0.24, 0.45], ...arc(0.48, 0.68, 0.32, 0.27, -125, 150)]]],
  // 6
  [[[[0.72, 0.05], [0.42, 0.3], ...arc(0.48, 0.7, 0.28, 0.25, 180, 540)]]],
  // 7: plain or crossed
  [
    [
      [
        [0.14, 0.05],
        [0.86, 0.05],
        [0.42, 0.95],
      ],
    ],
    [
      [
        [0.14, 0.05],
        [0.86, 0.05],
        [0.42, 0.95],
      ],
      [
        [0.36, 0.5],
        [0.78, 0.5],
      ],
    ],
  ],
  // 8
  [[arc(0.5, 0.27, 0.24, 0.22, 0, 360), arc(0.5, 0.72, 0.3, 0.24, 0, 360)]],
  // 9
  [
    [
      arc(0.48, 0.3, 0.28, 0.25, 0, 360),
      [
        [0.76, 0.3],
        [0.7, 0.95],
      ],
    ],
  ],
];

export interface DigitSet {
  /** `count × PIXELS` intensities in [0, 1]. */
  images: Float32Array;
  /** The digit each image shows, 0–9. */
  labels: Uint8Array;
  count: number;
}

/** How much the images vary; the defaults give a task a small network learns well from a few hundred examples. */
export interface DigitStyle {
  /** Standard deviation of the Gaussian pixel noise. */
  noise: number;
  /** Largest shift of the whole digit, in pixels. */
  shift: number;
  /** Largest horizontal slant (shear), in box widths per box height. */
  slant: number;
}

export const DEFAULT_STYLE: DigitStyle = { noise: 0.1, shift: 0.75, slant: 0.3 };

/**
 * `count` images whose labels cycle 0, 1, …, 9, so every prefix of a multiple of ten is exactly
 * balanced (a level's "50 examples" are the first 50 of its pool, 5 per digit).
 */
export function drawDigits(seed: string, count: number, style: DigitStyle = DEFAULT_STYLE): DigitSet {
  const rng = createRng(`digits:${seed}`);
  const images = new Float32Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % CLASSES;
    drawOne(rng, labels[i], style, images.subarray(i * PIXELS, (i + 1) * PIXELS));
  }
  return { images, labels, count };
}

function drawOne(rng: Rng, digit: number, style: DigitStyle, out: Float32Array): void {
  const variants = TEMPLATES[digit];
  const strokes = variants[rng.int(variants.length)];
  // One random pose per image: size, width, slant, a small turn and a shift.
  const height = SIDE * rng.uniform(0.68, 0.86);
  const width = height * rng.uniform(0.55, 0.8);
  const slant = rng.uniform(-style.slant, style.slant);
  const turn = rng.uniform(-0.12, 0.12);
  const cx = SIDE / 2 + rng.uniform(-style.shift, style.shift);
  const cy = SIDE / 2 + rng.uniform(-style.shift, style.shift);
  const thickness = rng.uniform(0.45, 0.9); // half the pen width, in pixels
  const ink = rng.uniform(0.75, 1);
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  // Each stroke wobbles on its own a little, as a hand would.
  const segments: number[] = [];
  for (const stroke of strokes) {
    const dx = rng.normal() * 0.025;
    const dy = rng.normal() * 0.025;
    let prev: Point | null = null;
    for (const [bx, by] of stroke) {
      const u = bx + dx - 0.5 + slant * (0.5 - by - dy);
      const v = by + dy - 0.5;
      const p: Point = [cx + (u * width * cos - v * height * sin), cy + (u * width * sin + v * height * cos)];
      if (prev) segments.push(prev[0], prev[1], p[0], p[1]);
      prev = p;
    }
  }
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; col++) {
      const d = distanceToSegments(col + 0.5, row + 0.5, segments);
      // Anti-aliased pen: full ink inside the stroke, fading over one pixel at its edge.
      const coverage = Math.min(1, Math.max(0, thickness + 0.5 - d));
      const value = coverage * ink + rng.normal() * style.noise;
      out[row * SIDE + col] = Math.min(1, Math.max(0, value));
    }
  }
}

function distanceToSegments(px: number, py: number, segments: number[]): number {
  let best = Infinity;
  for (let s = 0; s < segments.length; s += 4) {
    const ax = segments[s];
    const ay = segments[s + 1];
    const ex = segments[s + 2] - ax;
    const ey = segments[s + 3] - ay;
    const lengthSq = ex * ex + ey * ey;
    const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * ex + (py - ay) * ey) / lengthSq));
    const d = Math.hypot(px - ax - t * ex, py - ay - t * ey);
    if (d < best) best = d;
  }
  return best;
}
