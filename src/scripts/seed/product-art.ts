import { encodePng } from "./png"

// The seed's product pictures: a soft gradient in the category's colours, a
// light disc with the product's initials and the category's name below.
// Deterministic (same product → same bytes), drawn in plain code so the seed
// needs no network, image library or asset files.

export const IMAGE_SIZE = 400

// Module-level copies: under jest's vm sandbox every read of the global `Math`
// in the pixel loop is an intercepted global lookup, about 20 times slower.
const { floor, min, max, sqrt, round } = Math
const clamp01 = (v: number) => min(1, max(0, v))

type Rgb = [number, number, number]
type Palette = { light: Rgb; deep: Rgb; ink: Rgb }

const hex = (value: string): Rgb => [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb

/** One palette per seeded category; anything else is drawn in neutral sand. */
const PALETTES: Record<string, Palette> = {
  cleansers: { light: hex("dcebf5"), deep: hex("a9cbe6"), ink: hex("2d5877") },
  toners: { light: hex("f8e1e7"), deep: hex("e8b4c3"), ink: hex("7a3850") },
  serums: { light: hex("fcebd2"), deep: hex("f2c58a"), ink: hex("7a4e14") },
  moisturisers: { light: hex("dff2e8"), deep: hex("a8d9bf"), ink: hex("2e6a4c") },
  sunscreens: { light: hex("fff4cc"), deep: hex("ffd66b"), ink: hex("7a5a00") },
  masks: { light: hex("ece3f5"), deep: hex("c7b2e3"), ink: hex("4e3873") },
  "eye-care": { light: hex("f5e6da"), deep: hex("ddbfa6"), ink: hex("6b4a33") },
}
const NEUTRAL: Palette = { light: hex("f1efe9"), deep: hex("d3cec2"), ink: hex("4a463d") }

// 5×7 capitals, one string of 35 cells per letter (row by row, "#" = ink).
const GLYPHS: Record<string, string> = {
  A: ".###.#...##...#######...##...##...#", B: "####.#...##...#####.#...##...#####.",
  C: ".###.#...##....#....#....#...#.###.", D: "####.#...##...##...##...##...#####.",
  E: "######....#....####.#....#....#####", F: "######....#....####.#....#....#....",
  G: ".###.#...##....#.####...##...#.####", H: "#...##...##...#######...##...##...#",
  I: ".###...#....#....#....#....#...###.", J: "..###...#....#....#....#.#..#..##..",
  K: "#...##..#.#.#..##...#.#..#..#.#...#", L: "#....#....#....#....#....#....#####",
  M: "#...###.###.#.##.#.##...##...##...#", N: "#...##...###..##.#.##..###...##...#",
  O: ".###.#...##...##...##...##...#.###.", P: "####.#...##...#####.#....#....#....",
  Q: ".###.#...##...##...##.#.##..#..##.#", R: "####.#...##...#####.#.#..#..#.#...#",
  S: ".#####....#.....###.....#....#####.", T: "#####..#....#....#....#....#....#..",
  U: "#...##...##...##...##...##...#.###.", V: "#...##...##...##...##...#.#.#...#..",
  W: "#...##...##...##.#.##.#.##.#.#.#.#.", X: "#...##...#.#.#...#...#.#.#...##...#",
  Y: "#...##...#.#.#...#....#....#....#..", Z: "#####....#...#...#...#...#....#####",
  " ": ".".repeat(35),
}
// Letters are 5 cells wide with 1 cell between them.
const ADVANCE = 6

/** The first letters of the title's first two words that start with a letter: "2% Salicylic Acid Cleanser" → "SA". */
export function initialsOf(title: string): string {
  const words = title.toUpperCase().split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w))
  return words.slice(0, 2).map((w) => w[0]).join("") || "S"
}

/** FNV-1a: a small stable hash, so each product gets its own gradient angle. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** A text's ink test: which pixels a line of `text` at `scale`, centred on (cx, top), covers. */
function textMask(text: string, scale: number, cx: number, top: number) {
  const chars = [...text.toUpperCase()].map((c) => GLYPHS[c] ?? GLYPHS[" "])
  const width = (chars.length * ADVANCE - 1) * scale
  const left = round(cx - width / 2)
  return (x: number, y: number) => {
    const col = floor((x - left) / scale)
    const row = floor((y - top) / scale)
    if (col < 0 || row < 0 || row > 6 || col >= chars.length * ADVANCE) return false
    const cell = col % ADVANCE
    return cell < 5 && chars[floor(col / ADVANCE)][row * 5 + cell] === "#"
  }
}

const mix = (a: number, b: number, t: number) => a + (b - a) * t

/** The product's picture as PNG bytes (IMAGE_SIZE × IMAGE_SIZE, RGB). */
export function drawProductImage(product: { handle: string; title: string; category: string; categoryName: string }): Buffer {
  const size = IMAGE_SIZE
  const palette = PALETTES[product.category] ?? NEUTRAL
  const angle = ((hash(product.handle) % 8) * Math.PI) / 4
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)]
  const half = size / 2
  const disc = { x: half, y: 170, r: 118 }
  const initials = textMask(initialsOf(product.title), 14, disc.x, disc.y - (7 * 14) / 2)
  const label = textMask(product.categoryName.slice(0, 14), 4, half, 330)

  const rgb = new Uint8Array(size * size * 3)
  const reach = half * Math.SQRT2
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Gradient along the product's angle: 0 on one side, 1 on the other.
      const t = clamp01((((x - half) * dx + (y - half) * dy) / reach + 1) / 2)
      // The disc, with a one-pixel soft edge instead of jagged steps.
      const edge = clamp01(disc.r + 0.5 - sqrt((x - disc.x) ** 2 + (y - disc.y) ** 2))
      const ink = initials(x, y) ? 1 : label(x, y) ? 0.85 : 0
      const at = (y * size + x) * 3
      for (let i = 0; i < 3; i++) {
        const background = mix(palette.light[i], palette.deep[i], t)
        const lit = mix(background, 255, 0.82 * edge)
        rgb[at + i] = round(mix(lit, palette.ink[i], ink))
      }
    }
  }
  return encodePng(size, size, rgb)
}
