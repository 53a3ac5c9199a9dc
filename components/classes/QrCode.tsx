import { encode } from "uqr";

/**
 * A QR code drawn as React SVG from uqr's module matrix (no HTML string injected into the page).
 * One path for all dark modules, on a white square with a quiet zone of `border` modules.
 */
export function QrCode({ text, border = 2 }: { text: string; border?: number }) {
  const { size, data } = encode(text, { border });
  let d = "";
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x},${y}h1v1h-1z`;
    });
  });
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" aria-hidden="true">
      <rect fill="white" width={size} height={size} />
      <path fill="black" d={d} />
    </svg>
  );
}
