import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import type { CoordinateChangeAnswer } from "@/core/kinds/coordinate-change/public";
import { round, wrapDeg, type Box } from "./geometry";
import { fromPx, fromPy, toPx, toPy, type Viewport } from "./plot";

/** What a drag (or the arrow keys) does on the "before" plot: turn the axes, or move the origin. */
export type Mode = "rotate" | "move";

export type Change = (answer: CoordinateChangeAnswer) => CoordinateChangeAnswer;

export interface GesturesInput {
  answer: CoordinateChangeAnswer;
  mode: Mode;
  setMode(mode: Mode): void;
  canRotate: boolean;
  canMove: boolean;
  featureBox: Box;
  /** Keeps the origin inside the plot. */
  clampShift(x: number, y: number): [number, number];
  /** Applies a change; `measured` for drag steps, which the benchmark times. */
  update(change: Change, measured?: boolean): void;
  /** The "before" plot's last viewport and device pixel ratio. */
  viewport: RefObject<Viewport | null>;
  dpr: number;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** Where a pointer event falls on the plot, in canvas pixels and in data coordinates. */
function pointerAt(event: PointerEvent<HTMLCanvasElement>, vp: Viewport) {
  const rect = event.currentTarget.getBoundingClientRect();
  const px = ((event.clientX - rect.left) / rect.width) * vp.width;
  const py = ((event.clientY - rect.top) / rect.height) * vp.height;
  return { x: fromPx(vp, px), y: fromPy(vp, py), px, py };
}

/**
 * The "before" plot's mouse, touch and keyboard handlers. Dragging turns the axes by the angle the
 * pointer sweeps around the origin, or moves the origin (near its handle, in "move" mode, or when
 * only moving is allowed). Keys: ←/→ (and ↑/↓) turn by 1° (10° with Shift) or move the origin by
 * 1% of the plot (10%); M and R switch between moving and turning.
 */
export function useGestures({ answer, mode, setMode, canRotate, canMove, featureBox, clampShift, update, viewport, dpr }: GesturesInput) {
  const drag = useRef<{ kind: Mode; x: number; y: number } | null>(null);

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    const vp = viewport.current;
    if (!vp) return;
    const { x, y, px, py } = pointerAt(event, vp);
    const nearOrigin = Math.hypot(px - toPx(vp, answer.shift[0]), py - toPy(vp, answer.shift[1])) < 22 * dpr;
    const kind: Mode = canMove && (nearOrigin || mode === "move" || !canRotate) ? "move" : "rotate";
    if (kind === "rotate" && !canRotate) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { kind, x, y };
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const last = drag.current;
    if (!last) return;
    const vp = viewport.current!;
    const { x, y } = pointerAt(event, vp);
    drag.current = { ...last, x, y };
    if (last.kind === "move") {
      update((a) => ({ ...a, shift: clampShift(a.shift[0] + x - last.x, a.shift[1] + y - last.y) }), true);
    } else {
      // Turn by the angle the pointer swept around the origin, measured on screen.
      const [ox, oy] = answer.shift;
      const sx = vp.width / (vp.xMax - vp.xMin);
      const sy = vp.height / (vp.yMax - vp.yMin);
      const before = Math.atan2((last.y - oy) * sy, (last.x - ox) * sx);
      const after = Math.atan2((y - oy) * sy, (x - ox) * sx);
      const deltaDeg = ((after - before) * 180) / Math.PI;
      update((a) => ({ ...a, angleDeg: round(wrapDeg(a.angleDeg + deltaDeg), 2) }), true);
    }
  }

  const endDrag = () => {
    drag.current = null;
  };

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    if (event.key === "r" && canRotate) return setMode("rotate");
    if (event.key === "m" && canMove) return setMode("move");
    const dir = ARROWS[event.key];
    if (!dir) return;
    event.preventDefault();
    const big = event.shiftKey ? 10 : 1;
    if (mode === "rotate" && canRotate) {
      // Left/up turn the axes counter-clockwise, right/down clockwise.
      const turn = dir[0] !== 0 ? -dir[0] : dir[1];
      update((a) => ({ ...a, angleDeg: round(wrapDeg(a.angleDeg + turn * big), 2) }));
    } else if (canMove) {
      const stepX = ((featureBox.xMax - featureBox.xMin) / 100) * big;
      const stepY = ((featureBox.yMax - featureBox.yMin) / 100) * big;
      update((a) => ({ ...a, shift: clampShift(round(a.shift[0] + dir[0] * stepX, 4), round(a.shift[1] + dir[1] * stepY, 4)) }));
    }
  }

  return { onPointerDown, onPointerMove, onPointerUp: endDrag, onPointerCancel: endDrag, onKeyDown };
}
