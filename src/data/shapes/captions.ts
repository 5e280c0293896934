// Captions for the shapes: each picture of the CLIP chapter is drawn from a few named attributes —
// its class (a shape or a texture), a named colour, and for a shape its size and side — and
// described by a caption that names some of them, in one of several phrasings. Pure TypeScript:
// the pictures are rendered by render.ts, the words go to the core's tokenizer as plain strings.
import { SHAPE_CLASSES } from './classes';
import type { Rgb } from './colors';
import type { UniformSource } from '../prng';

/** A colour the captions can name, with the RGB it is drawn around. */
export interface NamedColour {
  readonly name: string;
  readonly rgb: Rgb;
}

/** The named palette: six hues far enough apart to be told apart at 16 × 16 pixels. */
export const CAPTION_COLOURS: readonly NamedColour[] = [
  { name: 'red', rgb: [0.86, 0.1, 0.1] },
  { name: 'orange', rgb: [1, 0.55, 0.05] },
  { name: 'yellow', rgb: [0.95, 0.9, 0.1] },
  { name: 'green', rgb: [0.1, 0.68, 0.2] },
  { name: 'blue', rgb: [0.15, 0.3, 0.95] },
  { name: 'purple', rgb: [0.6, 0.18, 0.8] },
];

/** How a class is named: its noun, and whether it takes "a" / "an" (textures are plural). */
interface ClassNoun {
  readonly noun: string;
  readonly countable: boolean;
}

/** The noun of each class, in label order (the checker texture reads "checkerboard"). */
export const CLASS_NOUNS: readonly ClassNoun[] = SHAPE_CLASSES.map(({ name, kind }) => ({
  noun: name === 'checker' ? 'checkerboard' : name,
  countable: kind === 'shape' || name === 'checker',
}));

/** Size buckets of a shape: its radius as a fraction of the image side. */
export const SIZE_BUCKETS = [
  { words: ['small', 'little', 'tiny'], scale: [0.22, 0.29] },
  { words: ['large', 'big', 'huge'], scale: [0.35, 0.42] },
] as const;

/** Side buckets of a shape: which half of the image its centre lies in. */
export const SIDE_BUCKETS = [
  { phrases: ['on the left', 'at the left', 'to the left'] },
  { phrases: ['on the right', 'at the right', 'to the right'] },
] as const;

/** The attributes one picture is drawn from; size and side are −1 for a texture. */
export interface PictureAttributes {
  /** Class index into SHAPE_CLASSES. */
  readonly shape: number;
  /** Index into {@link CAPTION_COLOURS}. */
  readonly colour: number;
  /** Index into {@link SIZE_BUCKETS}, or −1 (a texture). */
  readonly size: number;
  /** Index into {@link SIDE_BUCKETS}, or −1 (a texture). */
  readonly side: number;
}

/** A caption and the attributes it names: −1 where it says nothing of one (the class is always named). */
export interface Caption extends PictureAttributes {
  readonly text: string;
}

/**
 * The combinations never drawn for training: class c never appears in colour c mod 6 (a red
 * circle, an orange square, …, green dots). Every class keeps five colours and every colour
 * at least eight classes, so each word is still learned, but these pairings only from their parts.
 */
export function isHeldOutCombination(shape: number, colour: number): boolean {
  return colour === shape % CAPTION_COLOURS.length;
}

const pick = <T>(items: readonly T[], rng: UniformSource): T =>
  items[Math.floor(rng() * items.length)] as T;

/** "a" or "an" before `word`. */
function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** The class noun, with its article when it takes one: "a circle", "an orange square", "stripes". */
function nounPhrase(shape: number, adjectives: readonly string[]): string {
  const { noun, countable } = CLASS_NOUNS[shape] as ClassNoun;
  const words = [...adjectives, noun].join(' ');
  return countable ? `${article(words)} ${words}` : words;
}

/** The prompt of zero-shot classification: "a picture of a circle", "a picture of stripes". */
export function classPrompt(shape: number): string {
  return `a picture of ${nounPhrase(shape, [])}`;
}

/** The prompt of a colour and class: "a picture of a red circle". */
export function combinationPrompt(shape: number, colour: number): string {
  return `a picture of ${nounPhrase(shape, [(CAPTION_COLOURS[colour] as NamedColour).name])}`;
}

const OPENINGS = ['', 'a picture of', 'a photo of', 'an image of', 'there is'];

/**
 * A caption of `attributes`: the class always, the colour with probability 0.85, a shape's size
 * and side each with probability 0.5; the colour as an adjective ("a red star") or after the noun
 * ("a star in red"), after one of five openings. Draws only from `rng`.
 */
export function describe(attributes: PictureAttributes, rng: UniformSource): Caption {
  const colour = rng() < 0.85 ? attributes.colour : -1;
  const size = attributes.size >= 0 && rng() < 0.5 ? attributes.size : -1;
  const side = attributes.side >= 0 && rng() < 0.5 ? attributes.side : -1;
  const colourName = colour >= 0 ? (CAPTION_COLOURS[colour] as NamedColour).name : null;
  const postfix = colourName !== null && rng() < 0.3;
  const adjectives: string[] = [];
  if (size >= 0) adjectives.push(pick(SIZE_BUCKETS[size]!.words, rng));
  if (colourName !== null && !postfix) adjectives.push(colourName);
  const parts = [pick(OPENINGS, rng), nounPhrase(attributes.shape, adjectives)];
  if (postfix) parts.push(`in ${colourName}`);
  if (side >= 0) parts.push(pick(SIDE_BUCKETS[side]!.phrases, rng));
  const text = parts.filter((p) => p !== '').join(' ');
  return { text, shape: attributes.shape, colour, size, side };
}

/** Whether `caption` is true of a picture with `attributes`: every attribute it names matches. */
export function describes(caption: PictureAttributes, attributes: PictureAttributes): boolean {
  return (
    caption.shape === attributes.shape &&
    (caption.colour < 0 || caption.colour === attributes.colour) &&
    (caption.size < 0 || caption.size === attributes.size) &&
    (caption.side < 0 || caption.side === attributes.side)
  );
}

/** Every word a caption or prompt can contain, sorted: the text encoder's vocabulary. */
export function captionWords(): string[] {
  const words = new Set<string>([
    'a',
    'an',
    'in',
    'picture',
    'photo',
    'image',
    'of',
    'there',
    'is',
  ]);
  for (const { noun } of CLASS_NOUNS) words.add(noun);
  for (const { name } of CAPTION_COLOURS) words.add(name);
  for (const bucket of SIZE_BUCKETS) bucket.words.forEach((w) => words.add(w));
  for (const bucket of SIDE_BUCKETS) {
    bucket.phrases.forEach((p) => p.split(' ').forEach((w) => words.add(w)));
  }
  return [...words].sort();
}
