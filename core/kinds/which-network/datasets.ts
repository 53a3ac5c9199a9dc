/**
 * The match part's bank: concrete datasets, each with the structure of its data, and why that
 * structure calls for its family of layers (shown only in the review). The three families as the
 * course names them: dense (fully connected, "standard") networks for structured data, tables;
 * convolutional networks for images; recurrent networks for sequences such as sound and text.
 */
export type Structure = "table" | "grid" | "sequence";
export type Family = "dense" | "convolutional" | "recurrent";

export const FAMILY_OF: Record<Structure, Family> = { table: "dense", grid: "convolutional", sequence: "recurrent" };

export const STRUCTURE_LABELS: Record<Structure, string> = {
  table: "A table: each column is its own measurement, and the order of the columns means nothing",
  grid: "A grid: neighbouring values belong together, and a pattern means the same wherever it appears",
  sequence: "A sequence: the order of the values carries the meaning, and what came before shapes what comes next",
};

export const FAMILY_LABELS: Record<Family, string> = {
  dense: "Dense (fully connected) layers: every input is connected to every unit",
  convolutional: "Convolutional layers: a small filter slides across the input, with the same weights everywhere",
  recurrent: "Recurrent layers: read one step at a time, carrying a memory of the steps before",
};

export interface NetworkDataset {
  id: string;
  prompt: string;
  structure: Structure;
  reason: string;
}

export const DATASETS: NetworkDataset[] = [
  {
    id: "bank-customers",
    prompt: "A bank's customer table: age, income, balance and years with the bank; predict who will leave.",
    structure: "table",
    reason:
      "Each customer is one row of separate measurements; swapping two columns changes nothing, so there is no neighbourhood or order to exploit. Dense layers weigh every column against every other.",
  },
  {
    id: "house-prices",
    prompt: "House sales: floor area, number of rooms, distance to the centre and year built; predict the price.",
    structure: "table",
    reason: "Structured data: a few named numbers per house, in no meaningful order. A dense network combines them freely.",
  },
  {
    id: "blood-tests",
    prompt: "Each patient's twelve blood test results; predict whether a disease is present.",
    structure: "table",
    reason: "Twelve separate measurements per patient, listed in an arbitrary order: a table. Dense layers connect every result to every unit.",
  },
  {
    id: "shop-orders",
    prompt: "A shop's orders: basket value, number of items, delivery country, first order or not; predict a refund.",
    structure: "table",
    reason: "A row of unrelated fields per order, structured data. Nothing is near anything else, so dense layers fit.",
  },
  {
    id: "skin-photos",
    prompt: "Photos of skin lesions; flag the ones a doctor should look at.",
    structure: "grid",
    reason:
      "A photo is a grid of pixels: neighbouring pixels form edges and textures, and a lesion's pattern means the same anywhere in the frame. A convolutional filter looks for it everywhere with the same few weights.",
  },
  {
    id: "satellite-fields",
    prompt: "Satellite images of farmland; find the fields under flood water.",
    structure: "grid",
    reason: "Images: what matters is local patterns of neighbouring pixels, wherever they are. Convolutional layers share one filter across every position.",
  },
  {
    id: "scanned-digits",
    prompt: "Scanned handwritten digits, 28 × 28 pixels; say which digit each one is.",
    structure: "grid",
    reason: "A grid of pixels where strokes are made of neighbouring pixels and may sit anywhere: a job for sliding filters, convolution.",
  },
  {
    id: "factory-parts",
    prompt: "Camera pictures of parts on a production line; spot the scratched ones.",
    structure: "grid",
    reason: "A scratch is a small pattern of neighbouring pixels that can be anywhere on the part: convolutional filters find it wherever it is.",
  },
  {
    id: "hourly-temperature",
    prompt: "Hourly temperature readings from a weather station; predict the next hour's.",
    structure: "sequence",
    reason:
      "A time series: the readings only mean something in order, and the next one depends on the ones just before. A recurrent layer reads them in turn and keeps a memory.",
  },
  {
    id: "film-reviews",
    prompt: "Film reviews, one sentence each; say whether each is positive or negative.",
    structure: "sequence",
    reason:
      "Text is a sequence of words whose order changes the meaning (“not good” against “good, not…”). A recurrent network reads word after word, carrying what it has read so far.",
  },
  {
    id: "spoken-commands",
    prompt: "Short recordings of spoken commands (“stop”, “go”, “left”); recognise the word.",
    structure: "sequence",
    reason: "Audio is a sequence of sound samples over time; the course points to recurrent networks for speech, which read it step by step with a memory.",
  },
  {
    id: "electricity-use",
    prompt: "A city's electricity use, day by day over ten years; forecast tomorrow's.",
    structure: "sequence",
    reason: "A time series whose order is the whole point: yesterday and last week shape tomorrow. Recurrent layers carry that past forward.",
  },
  {
    id: "translation",
    prompt: "English sentences; translate each one into French.",
    structure: "sequence",
    reason: "A sentence is an ordered sequence of words, and so is its translation: recurrence reads and writes one word at a time.",
  },
];
