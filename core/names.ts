import { z } from "zod";

/**
 * The one set of rules for every name a person types and others read: player display names,
 * class members, teachers, classes and live nicknames. A name is normalised (NFKC, so a
 * full-width "Ａｄｍｉｎ" is "Admin"; whitespace folded to single spaces), then refused when it
 * hides something or cannot be shown in its place:
 *  - invisible or control characters: NUL (which cut names short), zero-width characters (a second
 *    "Admin" that looks like the first), bidirectional overrides ("Annexe\u202Egpj.exe" shown as
 *    "Annexeexe.jpg"), other format characters, private-use and unassigned code points;
 *  - emoji, in every kind of name (see EMOJI below);
 *  - too many combining marks on one character (zalgo text that climbs out of its chip);
 *  - `<` and `>`;
 * and its length is counted in graphemes (what a reader counts as characters: "é" is one, whether
 * typed as one code point or two).
 */

export interface NameRules {
  /** Fewest and most characters (graphemes). */
  min: number;
  max: number;
  /**
   * "text": any letters, digits, punctuation and symbols the common rules allow (display, class,
   * member and teacher names: "Year 9 (Tuesday)", "Dr. O'Brien"). "nickname": letters, digits,
   * spaces and . _ ' - only, as live nicknames always were.
   */
  charset: "text" | "nickname";
}

/** Player display names (the campaign's profile). */
export const DISPLAY_NAME: NameRules = { min: 1, max: 24, charset: "text" };
/** The name a student gives when joining a class (the teacher's roster). */
export const STUDENT_NAME: NameRules = { min: 1, max: 40, charset: "text" };
/** A teacher's name, shown to their students. */
export const TEACHER_NAME: NameRules = { min: 1, max: 60, charset: "text" };
export const CLASS_NAME: NameRules = { min: 1, max: 80, charset: "text" };
/** Live game nicknames, on the projector's lobby chips. */
export const NICKNAME: NameRules = { min: 2, max: 20, charset: "nickname" };

/** Code units read at most: beyond this a string is refused unread (no name comes close). */
export const MAX_RAW_LENGTH = 1000;
/**
 * Combining marks on one character. Four lets every script's real names through (Devanagari
 * "स्त्री" has three on one cluster, Thai "ดิ์" two, pointed Hebrew three); zalgo uses dozens.
 */
export const MAX_MARKS_PER_GRAPHEME = 4;
/**
 * Of those, diacritics from the generic combining blocks (U+0300–036F and kin), which stack on
 * any letter without end: real names use at most two on one letter (Vietnamese, Yoruba).
 */
export const MAX_STACKED_DIACRITICS = 2;
/** Code points in one character: the longest real cluster (an Indic conjunct) has about seven. */
export const MAX_CODE_POINTS_PER_GRAPHEME = 10;

// Whitespace of every kind becomes one ordinary space (NFKC already maps most of them to U+0020).
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
// Controls (NUL…), format characters (zero-width space and joiners, bidi marks, overrides and
// isolates, soft hyphen, BOM), surrogates, private use, unassigned; anything Unicode says renders
// as nothing (variation selectors, Hangul fillers, the combining grapheme joiner); and the blank
// Braille pattern, a well-known "invisible" name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/u;
/**
 * Emoji are refused in every name. A name is read by a teacher on a roster, in a CSV file and on
 * a projector: emoji show differently (or as empty boxes) across devices, cannot be screened for
 * offence by the nickname word list, cannot be sorted or searched, and many are built with the
 * zero-width joiner and variation selectors that the invisible-character rule refuses anyway.
 * Pictographs (©, ™, ★ and the rest of Extended_Pictographic), skin tones, flags and keycaps.
 */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]|\u20e3/u;
const MARK = /\p{M}/gu;
const STACKING_DIACRITIC = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
const ANGLE_BRACKET = /[<>]/;
const NICKNAME_CHARACTERS = /^[\p{L}\p{M}\p{N} ._'-]*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The name as it is stored and shown: NFKC, whitespace folded to single spaces, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize("NFKC").replace(WHITESPACE, " ").trim();
}

/** The name's characters as a reader counts them (extended grapheme clusters). */
export function graphemes(name: string): string[] {
  return Array.from(segmenter.segment(name), (s) => s.segment);
}

/** Too many marks, stacking diacritics or code points on one character. */
function overloaded(grapheme: string): boolean {
  return (
    (grapheme.match(MARK)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME ||
    (grapheme.match(STACKING_DIACRITIC)?.length ?? 0) > MAX_STACKED_DIACRITICS ||
    [...grapheme].length > MAX_CODE_POINTS_PER_GRAPHEME
  );
}

/**
 * Why an already normalised name breaks the rules (the first reason, worded for the person who
 * typed it), or null when it is fine.
 */
export function nameProblem(name: string, rules: NameRules): string | null {
  const characters = graphemes(name);
  if (characters.length < rules.min) return rules.min === 1 ? "must not be empty" : `must be at least ${rules.min} characters`;
  if (characters.length > rules.max) return `must be at most ${rules.max} characters`;
  if (INVISIBLE.test(name)) return "must not contain invisible or control characters";
  if (EMOJI.test(name)) return "must not contain emoji";
  if (characters.some(overloaded)) return "has too many accents or marks on one character";
  if (rules.charset === "nickname" && !NICKNAME_CHARACTERS.test(name)) return "may use letters, digits, spaces and . _ ' -";
  if (ANGLE_BRACKET.test(name)) return "must not contain angle brackets (< or >)";
  if (!LETTER_OR_DIGIT.test(name)) return "needs at least one letter or digit";
  return null;
}

/** A zod schema for a name field: the input is normalised, checked, and the normalised name is the output. */
export function nameSchema(rules: NameRules) {
  return z
    .string()
    .max(MAX_RAW_LENGTH, `must be at most ${rules.max} characters`)
    .transform(normalizeName)
    .superRefine((name, ctx) => {
      const problem = nameProblem(name, rules);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * What two names are compared by when they must differ (two students of one class): case,
 * accents, spaces and the punctuation . _ ' - do not make a name different ("Zoë Li" = "zoe li").
 * Look-alike letters from other scripts (Cyrillic "А" for Latin "A") are the live nicknames'
 * confusable skeleton's job (confusableSkeleton below).
 */
export function nameKey(name: string): string {
  return normalizeName(name)
    .normalize("NFKD")
    .replace(MARK, "")
    .toLowerCase()
    .replace(/[\s._'-]/g, "");
}

/**
 * Letters of other scripts (and a few of Latin's own) that look like a Latin letter or digit, in
 * some case or some font, mapped to it: a hand-picked subset of Unicode's confusables.txt (UTS #39)
 * for the scripts a classroom's keyboards type — Cyrillic, Greek, Armenian, Cherokee, Latin small
 * capitals and IPA. Case matters on the left ("Ν" Greek capital nu looks like N, "ν" like v); the
 * right side is lowercase Latin, because names are compared without case. Everything NFKC already
 * folds (full-width, mathematical alphanumerics, ligatures) never gets here.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals (and the lowercase letters that are their small forms)
  А: "a",
  В: "b",
  Е: "e",
  Ѕ: "s",
  І: "i",
  Ї: "i",
  Ј: "j",
  К: "k",
  М: "m",
  Н: "h",
  О: "o",
  Р: "p",
  С: "c",
  Т: "t",
  У: "y",
  Х: "x",
  Ү: "y",
  Һ: "h",
  Ԁ: "d",
  Ԛ: "q",
  Ԝ: "w",
  Ӏ: "l",
  З: "3",
  Ь: "b",
  Ԍ: "g",
  Ꙅ: "s",
  а: "a",
  в: "b",
  е: "e",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ү: "y",
  һ: "h",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ӏ: "l",
  ɡ: "g",
  ҽ: "e",
  п: "n",
  г: "r",
  з: "3",
  ꙅ: "s",
  // Greek
  Α: "a",
  Β: "b",
  Ε: "e",
  Ζ: "z",
  Η: "h",
  Ι: "i",
  Κ: "k",
  Μ: "m",
  Ν: "n",
  Ο: "o",
  Ρ: "p",
  Τ: "t",
  Υ: "y",
  Χ: "x",
  Ϲ: "c",
  Ϳ: "j",
  α: "a",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  σ: "o",
  τ: "t",
  υ: "u",
  χ: "x",
  γ: "y",
  ϲ: "c",
  ϳ: "j",
  ε: "e",
  ω: "w",
  // Armenian
  Օ: "o",
  Ս: "u",
  օ: "o",
  ս: "u",
  հ: "h",
  ո: "n",
  զ: "q",
  ց: "g",
  ա: "w",
  // Cherokee (their capitals copy Latin ones)
  Ꭺ: "a",
  Ᏼ: "b",
  Ꮯ: "c",
  Ꭼ: "e",
  Ꮋ: "h",
  Ꭻ: "j",
  Ꮶ: "k",
  Ꮮ: "l",
  Ꮇ: "m",
  Ꮲ: "p",
  Ꮪ: "s",
  Ꭲ: "t",
  Ꮃ: "w",
  Ꮓ: "z",
  Ꮩ: "v",
  // Latin small capitals, IPA and dotless letters
  ı: "i",
  ȷ: "j",
  ɑ: "a",
  ɩ: "i",
  ɪ: "i",
  ʟ: "l",
  ɢ: "g",
  ʜ: "h",
  ɴ: "n",
  ʀ: "r",
  ꜱ: "s",
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ᴊ: "j",
  ᴋ: "k",
  ᴍ: "m",
  ᴏ: "o",
  ᴘ: "p",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ᴢ: "z",
  ʏ: "y",
  ɔ: "c",
  ǀ: "l",
  ƚ: "l",
  ɵ: "o",
};

/**
 * Characters that stand for each other in most fonts once case is gone: capital I, small l, the
 * digit 1 and small i (so "AIice" is "Alice"), the digit 0 and o.
 */
const ONE_SHAPE: Record<string, string> = { i: "l", "1": "l", "0": "o" };

/**
 * The confusable skeleton of a name: what it looks like, with case, accents, spaces and . _ ' -
 * removed, and look-alike letters of other scripts read as the Latin letters they copy. Two live
 * nicknames with the same skeleton are one nickname: Cyrillic "Аlice" beside "Alice", "AIice"
 * (capital i) beside "Alice", "Ｂｏｂ" beside "bob". The cost is a few honest pairs refused
 * ("Ali" and "All"), which a nickname can live with.
 */
export function confusableSkeleton(name: string): string {
  let skeleton = "";
  for (const character of normalizeName(name).normalize("NFKD").replace(MARK, "")) {
    const latin = LOOK_ALIKES[character] ?? character.toLowerCase();
    skeleton += ONE_SHAPE[latin] ?? latin;
  }
  return skeleton.replace(/[\s._'-]/g, "");
}
