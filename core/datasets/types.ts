/** A labelled point of a 2-D classification dataset. label 1 is "black", 0 is "white". */
export interface LabelledPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

export interface Dataset2D {
  points: LabelledPoint[];
  /** Axis names shown on plots, e.g. "grade" and "test score". */
  axes: { x: string; y: string };
  /** The region the raw plot shows. */
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
}
