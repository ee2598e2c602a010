import { inflateSync } from "zlib"
import { crc32, encodePng, PNG_SIGNATURE } from "../png"
import { drawProductImage, IMAGE_SIZE, initialsOf } from "../product-art"

/** The PNG's chunks, each checked against its CRC. */
function chunks(png: Buffer) {
  const out: { type: string; data: Buffer }[] = []
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    const type = png.toString("ascii", at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + length)
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)))
    out.push({ type, data })
    at += 12 + length
  }
  return out
}

/** Undoes filter type 0 (the only one encodePng writes) and answers the RGB bytes. */
function pixels(png: Buffer, width: number, height: number) {
  const raw = inflateSync(Buffer.concat(chunks(png).filter((c) => c.type === "IDAT").map((c) => c.data)))
  expect(raw.length).toBe((width * 3 + 1) * height)
  const rgb = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0)
    raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1))
  }
  return rgb
}

const serum = { handle: "vitamin-c-serum", title: "Vitamin C Brightening Serum", category: "serums", categoryName: "Serums" }

describe("encodePng", () => {
  it("writes a valid 8-bit RGB PNG whose pixels read back exactly", () => {
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    const png = encodePng(3, 2, rgb)
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    const list = chunks(png)
    expect(list.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"])
    const ihdr = list[0].data
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([3, 2, 8, 2, 0, 0, 0])
    expect([...pixels(png, 3, 2)]).toEqual([...rgb])
  })

  it("refuses a buffer of the wrong size", () => {
    expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow("encodePng: expected 2×2×3 bytes, got 11")
  })

  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926)
  })
})

describe("drawProductImage", () => {
  it("draws a small 400×400 PNG, the same bytes every time", () => {
    const png = drawProductImage(serum)
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    expect(chunks(png)[0].data.readUInt32BE(0)).toBe(IMAGE_SIZE)
    expect(png.length).toBeLessThan(20_000)
    expect(drawProductImage(serum).equals(png)).toBe(true)
  })

  it("paints the category's colours: the serum ink in the initials, white-ish disc, amber corners", () => {
    const rgb = pixels(drawProductImage(serum), IMAGE_SIZE, IMAGE_SIZE)
    const at = (x: number, y: number) => [...rgb.subarray((y * IMAGE_SIZE + x) * 3, (y * IMAGE_SIZE + x) * 3 + 3)]
    // "V" starts at the left edge of the initials: its top-left cell is ink (#7a4e14).
    expect(at(124, 125)).toEqual([0x7a, 0x4e, 0x14])
    // The disc's centre column between the letters is 82% white over the gradient.
    const centre = at(200, 110)
    expect(centre.every((c) => c >= 240)).toBe(true)
    // Corners lie on the gradient between the serum palette's two colours.
    for (const [x, y] of [[0, 0], [399, 399]]) {
      const [r, g, b] = at(x, y)
      expect(r).toBeGreaterThanOrEqual(0xf2)
      expect(g).toBeGreaterThanOrEqual(0xc5)
      expect(g).toBeLessThanOrEqual(0xeb)
      expect(b).toBeGreaterThanOrEqual(0x8a)
      expect(b).toBeLessThanOrEqual(0xd2)
    }
  })

  it("differs between products", () => {
    const other = { ...serum, handle: "niacinamide-10-serum", title: "Niacinamide 10% + Zinc 1% Serum" }
    expect(drawProductImage(other).equals(drawProductImage(serum))).toBe(false)
  })
})

describe("initialsOf", () => {
  it.each([
    ["Vitamin C Brightening Serum", "VC"],
    ["2% Salicylic Acid Cleanser", "SA"],
    ["Oil-Free Gel Moisturizer", "OF"],
    ["AHA 10% Resurfacing Mask", "AR"],
    ["Retinol", "R"],
    ["100%", "S"],
  ])("%s → %s", (title, initials) => {
    expect(initialsOf(title)).toBe(initials)
  })
})
