"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * The projector's sounds, made by the Web Audio API at play time: no audio files, so nothing to
 * download and no licence to track. Off on a first visit (a classroom is not surprised by noise);
 * the one switch is remembered in this browser.
 */
const STORAGE_KEY = "ga-sound";

type Note = { freq: number; at: number; length: number; type?: OscillatorType; gain?: number };

const TICK: Note[] = [{ freq: 880, at: 0, length: 0.08, type: "square", gain: 0.05 }];
const LAST_TICK: Note[] = [{ freq: 1320, at: 0, length: 0.18, type: "square", gain: 0.06 }];
/** A rising major arpeggio: the round is over, here is what the class did. */
const REVEAL: Note[] = [523.25, 659.25, 783.99, 1046.5].map((freq, i) => ({ freq, at: i * 0.09, length: 0.35, type: "triangle" }));
/** A short fanfare for the podium. */
const PODIUM: Note[] = [
  { freq: 392, at: 0, length: 0.18 },
  { freq: 392, at: 0.2, length: 0.18 },
  { freq: 392, at: 0.4, length: 0.18 },
  { freq: 523.25, at: 0.6, length: 0.7 },
  { freq: 659.25, at: 0.6, length: 0.7 },
  { freq: 783.99, at: 0.6, length: 0.7 },
].map((n) => ({ ...n, type: "sawtooth" as const, gain: 0.06 }));

export const SOUNDS = { tick: TICK, lastTick: LAST_TICK, reveal: REVEAL, podium: PODIUM } as const;
export type SoundName = keyof typeof SOUNDS;

function play(context: AudioContext, notes: Note[]): void {
  const start = context.currentTime + 0.01;
  for (const note of notes) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = note.type ?? "sine";
    osc.frequency.value = note.freq;
    const peak = note.gain ?? 0.12;
    const t0 = start + note.at;
    // A short attack and an exponential release: no clicks.
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(peak, t0 + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.length);
    osc.connect(gain).connect(context.destination);
    osc.start(t0);
    osc.stop(t0 + note.length + 0.05);
  }
}

/** Whether sound is on (remembered; off by default), a switch, and `play(name)` that is silent when off. */
export function useSound() {
  const [on, setOn] = useState(false);
  const context = useRef<AudioContext | null>(null);
  useEffect(() => setOn(window.localStorage.getItem(STORAGE_KEY) === "on"), []);

  const toggle = useCallback(() => {
    setOn((was) => {
      const next = !was;
      window.localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
      // Browsers let audio start only from a user's gesture: this click is one.
      if (next) context.current ??= new AudioContext();
      void context.current?.resume();
      return next;
    });
  }, []);

  const playSound = useCallback(
    (name: SoundName) => {
      if (!on) return;
      context.current ??= new AudioContext();
      if (context.current.state === "suspended") void context.current.resume();
      play(context.current, SOUNDS[name]);
    },
    [on],
  );

  return { on, toggle, play: playSound };
}

/** The room's sounds: the last five seconds of a round tick, the reveal has its sting, the podium its fanfare. */
export function usePhaseSounds(phase: string | null, seconds: number | null, play: (name: SoundName) => void): void {
  const lastPhase = useRef(phase);
  const lastSecond = useRef(seconds);
  useEffect(() => {
    if (phase !== lastPhase.current) {
      if (phase === "reveal") play("reveal");
      if (phase === "podium") play("podium");
      lastPhase.current = phase;
    }
  }, [phase, play]);
  useEffect(() => {
    if (phase === "playing" && seconds !== null && seconds !== lastSecond.current && seconds <= 5 && seconds > 0) play(seconds === 1 ? "lastTick" : "tick");
    lastSecond.current = seconds;
  }, [phase, seconds, play]);
}

export function SoundSwitch({ on, toggle }: { on: boolean; toggle: () => void }) {
  return (
    // The label says the state in words (not a pressed look alone, and no aria-pressed beside a
    // changing label, which screen readers would announce twice).
    <button type="button" className={`button secondary sound-switch${on ? " on" : ""}`} onClick={toggle} data-testid="sound-switch">
      Sound: {on ? "on" : "off"}
    </button>
  );
}
