"use client";

import { useEffect, useRef, useState } from "react";
import type { CoordinateChangeAnswer } from "@/core/kinds/coordinate-change/public";
import { searchAngle } from "@/core/kinds/coordinate-change/public-math";

const W = 640;
const H = 240;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };
const ANGLES_PER_FRAME = 6; // slow enough to watch the curve grow (about a second), fast enough not to bore

const xOf = (deg: number) => PAD.left + ((deg + 180) / 360) * (W - PAD.left - PAD.right);
const yOf = (acc: number) => PAD.top + (1 - acc) * (H - PAD.top - PAD.bottom);

/**
 * "Let the machine search", once the player's own answer is in: the server's search over the
 * scored instance (every rotation, scored by accuracy: its review) is played back rotation by
 * rotation, plotting accuracy against angle as it goes, so learning is seen as a search guided by
 * a feedback signal, and the player compares it with their own rotation.
 */
export function SearchPanel(props: { accuracies: readonly number[]; answer: CoordinateChangeAnswer; onUseBest(angleDeg: number): void }) {
  const { accuracies, answer } = props;
  const steps = accuracies.length;
  const [tried, setTried] = useState<number[]>([]);
  const [running, setRunning] = useState(false);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function run() {
    cancelAnimationFrame(frame.current);
    setRunning(true);
    const results: number[] = [];
    const tick = () => {
      for (let i = 0; i < ANGLES_PER_FRAME && results.length < steps; i++) results.push(accuracies[results.length]);
      setTried([...results]);
      if (results.length < steps) frame.current = requestAnimationFrame(tick);
      else setRunning(false);
    };
    frame.current = requestAnimationFrame(tick);
  }

  const bestIndex = tried.reduce((best, acc, i) => (acc > tried[best] ? i : best), 0);
  const done = tried.length === steps && !running;
  const bestAngle = searchAngle(bestIndex, steps);
  const path = tried.map((acc, k) => `${k ? "L" : "M"}${xOf(searchAngle(k, steps)).toFixed(1)},${yOf(acc).toFixed(1)}`).join("");

  return (
    <section className="panel search-chart" style={{ marginTop: 16 }} aria-labelledby="search-title">
      <h3 id="search-title" style={{ marginTop: 0 }}>
        Let the machine search
      </h3>
      <p className="muted">
        Your answer is in. The machine's hypothesis space is every rotation of the axes: it tried {steps} of them on these same points and kept the one with the
        best accuracy — its feedback signal. Press the button to watch it, and compare with your rotation.
      </p>
      <div className="row" style={{ marginBottom: 8 }}>
        <button type="button" className="button" onClick={run} disabled={running}>
          {tried.length ? "Search again" : "Let the machine search"}
        </button>
        <span aria-live="polite" data-testid="search-progress">
          {running
            ? `Tried ${tried.length} of ${steps} rotations…`
            : done
              ? `Best rotation found: ${bestAngle.toFixed(0)}° with ${(tried[bestIndex] * 100).toFixed(1)}% accuracy.`
              : ""}
        </span>
        {done && (
          <button type="button" className="button secondary" onClick={() => props.onUseBest(bestAngle)}>
            Use the machine's best angle
          </button>
        )}
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={
          done
            ? `Accuracy against rotation angle; the peak is at ${bestAngle.toFixed(0)} degrees.`
            : "Accuracy against rotation angle, filled in as the machine searches."
        }
      >
        {[0, 0.25, 0.5, 0.75, 1].map((acc) => (
          <g key={acc}>
            <line x1={PAD.left} x2={W - PAD.right} y1={yOf(acc)} y2={yOf(acc)} stroke="#e4e5e8" />
            <text x={PAD.left - 6} y={yOf(acc) + 4} fontSize="12" textAnchor="end" fill="#55585f">
              {acc * 100}%
            </text>
          </g>
        ))}
        {[-180, -90, 0, 90, 180].map((deg) => (
          <text key={deg} x={xOf(deg)} y={H - PAD.bottom + 16} fontSize="12" textAnchor="middle" fill="#55585f">
            {deg}°
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 4} fontSize="12" textAnchor="middle" fill="#55585f">
          rotation angle
        </text>
        <path d={path} fill="none" stroke="#0072b2" strokeWidth="2.5" />
        <line x1={xOf(answer.angleDeg)} x2={xOf(answer.angleDeg)} y1={PAD.top} y2={H - PAD.bottom} stroke="#1b1b1f" strokeDasharray="5 4" strokeWidth="2" />
        {/* Near the peak the "best" label takes the top, so "you" moves to the foot of the line. */}
        <text
          x={xOf(answer.angleDeg) + 4}
          y={done && Math.abs(xOf(answer.angleDeg) - xOf(bestAngle)) < 90 ? H - PAD.bottom - 6 : PAD.top + 12}
          fontSize="12"
          fill="#1b1b1f"
        >
          you
        </text>
        {done && (
          <g>
            <path d={`M${xOf(bestAngle)},${yOf(tried[bestIndex]) - 9} l7,9 l-7,9 l-7,-9 z`} fill="#e69f00" stroke="#1b1b1f" />
            <text x={xOf(bestAngle) + 10} y={yOf(tried[bestIndex]) - 6} fontSize="13" fontWeight="700" fill="#1b1b1f">
              best {bestAngle.toFixed(0)}°
            </text>
          </g>
        )}
      </svg>
    </section>
  );
}
