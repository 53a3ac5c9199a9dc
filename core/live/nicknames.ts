/**
 * Nickname hygiene for classrooms: a short blocklist matched after undoing common disguises
 * (case, accents, spaces, digits for letters), and a friendly random name to offer instead.
 * The list is deliberately small and obvious; the host can still kick anyone.
 */
// Words offensive wherever they appear, even inside another word or across spaces.
const ANYWHERE = ["fuck", "cunt", "nigger", "nigga", "whore", "asshole", "bitch", "porn", "wank"];
// Words that also occur inside ordinary names (Dickens, Hitchcock, Scunthorpe, Grape, Nazia,
// Shittu): blocked only as whole words.
const WHOLE_WORDS = ["shit", "dick", "cock", "pussy", "bastard", "slut", "fag", "retard", "rape", "nazi", "hitler", "penis", "vagina", "twat", "sex"];

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };

/** Words in lowercase, accents removed, digits and symbols read as letters ("sh1t" → "shit"). */
function plainWords(nickname: string): string[] {
  return nickname
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2") // camelCase hides word boundaries: "MrShitHead"
    .toLowerCase()
    .replace(/[013457@$!]/g, (c) => LEET[c])
    .split(/[^a-z]+/)
    .filter(Boolean);
}

export function isOffensive(nickname: string): boolean {
  const words = plainWords(nickname);
  const joined = words.join("");
  // A word spelt out letter by letter ("f u c k") is read as one word too.
  const spelt = words.every((w) => w.length === 1) ? [joined] : [];
  return ANYWHERE.some((bad) => joined.includes(bad)) || [...words, ...spelt].some((w) => WHOLE_WORDS.includes(w));
}

const adjectives = [
  "Agile",
  "Bright",
  "Brave",
  "Calm",
  "Clever",
  "Curious",
  "Eager",
  "Gentle",
  "Happy",
  "Keen",
  "Lucky",
  "Mighty",
  "Nimble",
  "Quick",
  "Sunny",
  "Witty",
];
const nouns = [
  "Neuron",
  "Gradient",
  "Tensor",
  "Vector",
  "Kernel",
  "Epoch",
  "Sigmoid",
  "Pixel",
  "Otter",
  "Falcon",
  "Panda",
  "Koala",
  "Heron",
  "Lynx",
  "Puffin",
  "Gecko",
];

/** A random, friendly nickname such as "Curious Neuron"; `random` returns numbers in [0, 1). */
export function friendlyNickname(random: () => number = Math.random): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  return `${pick(adjectives)} ${pick(nouns)}`;
}
