import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { existsSync, readFileSync } from "fs"
import { createServer } from "net"
import path from "path"
import seed from "../../src/scripts/seed"
import { CATEGORIES, PRODUCTS } from "../../src/scripts/seed/catalogue"
import { drawProductImage } from "../../src/scripts/seed/product-art"

jest.setTimeout(180 * 1000)

const runSeed = (container: MedusaContainer) => seed({ container, args: [] } as any)
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

// The file module's URLs are built from PORT when the config loads, before the
// runner picks its own port: so this file picks a free port first and the
// runner serves on it (bootstrapApp honours PORT).
let port = 0
const saved = { PORT: process.env.PORT, MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL, S3_BUCKET: process.env.S3_BUCKET }
beforeAll(async () => {
  port = await new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
  process.env.PORT = String(port)
  delete process.env.MEDUSA_BACKEND_URL
  delete process.env.S3_BUCKET
})
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

async function seededProducts(container: MedusaContainer) {
  return container.resolve(Modules.PRODUCT).listProducts(
    { handle: PRODUCTS.map((p) => p.handle) },
    { relations: ["images"], take: null }
  )
}

/** Counts the files the file module is asked to store while `work` runs. */
async function uploadsDuring(container: MedusaContainer, work: () => Promise<unknown>) {
  const files = container.resolve(Modules.FILE)
  const spy = jest.spyOn(files, "createFiles")
  try {
    await work()
    return spy.mock.calls.flatMap(([input]) => (Array.isArray(input) ? input : [input]))
  } finally {
    spy.mockRestore()
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("the seed's product images", () => {
      it("are generated PNGs served by the shop itself, shown by the catalogue, uploaded once", async () => {
        const container = getContainer()
        const firstRun = await uploadsDuring(container, () => runSeed(container))
        expect(firstRun).toHaveLength(PRODUCTS.length)
        expect(firstRun.every((f) => f.mimeType === "image/png" && f.access === "public")).toBe(true)

        const products = await seededProducts(container)
        expect(products).toHaveLength(PRODUCTS.length)
        const staticBase = `http://localhost:${port}/static/`
        for (const product of products) {
          // file-local's key: "<timestamp>-" + our stable name
          expect(product.thumbnail).toMatch(new RegExp(`^${escape(staticBase)}\\d+-seed-${escape(product.handle)}\\.png$`))
          expect(product.images!.map((i) => i.url)).toEqual([product.thumbnail])
          const onDisk = path.join(process.cwd(), "static", product.thumbnail!.slice(staticBase.length))
          expect(existsSync(onDisk)).toBe(true)
        }

        // Served over HTTP by the backend itself: real PNGs, byte for byte what was drawn.
        const serum = products.find((p) => p.handle === "vitamin-c-serum")!
        const data = PRODUCTS.find((p) => p.handle === "vitamin-c-serum")!
        const expected = drawProductImage({
          handle: data.handle,
          title: data.title,
          category: data.category,
          categoryName: CATEGORIES.find((c) => c.handle === data.category)!.name,
        })
        const served = await fetch(serum.thumbnail!)
        expect(served.status).toBe(200)
        expect(served.headers.get("content-type")).toBe("image/png")
        const body = Buffer.from(await served.arrayBuffer())
        expect(body.equals(expected)).toBe(true)
        for (const product of products) {
          const res = await fetch(product.thumbnail!)
          expect([res.status, res.headers.get("content-type")]).toEqual([200, "image/png"])
          const bytes = Buffer.from(await res.arrayBuffer())
          expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
          expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([400, 400])
        }

        // The catalogue API (read model) answers the same URLs.
        const list = await api.get("/api/v1/products?limit=100")
        expect(list.status).toBe(200)
        expect(list.data.pagination.total).toBe(PRODUCTS.length)
        const thumbnailBySlug = new Map(products.map((p) => [p.handle, p.thumbnail]))
        for (const item of list.data.data) {
          expect(item.images).toEqual([
            { id: expect.any(String), url: thumbnailBySlug.get(item.slug), altText: item.name, sortOrder: 1 },
          ])
        }
        const detail = await api.get("/api/v1/products/vitamin-c-serum")
        expect(detail.data.data.images.map((i: { url: string }) => i.url)).toEqual([serum.thumbnail])

        // Medusa's own /store API (what a js-sdk storefront reads) shows them too.
        const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
        const store = await api.get("/store/products?handle=vitamin-c-serum&fields=thumbnail,*images", {
          headers: { "x-publishable-api-key": key.token },
        })
        expect(store.data.products[0].thumbnail).toBe(serum.thumbnail)
        expect(store.data.products[0].images.map((i: { url: string }) => i.url)).toEqual([serum.thumbnail])

        // Seeding again uploads nothing and changes no picture.
        const secondRun = await uploadsDuring(container, () => runSeed(container))
        expect(secondRun).toEqual([])
        const after = await seededProducts(container)
        expect(new Map(after.map((p) => [p.handle, p.thumbnail]))).toEqual(thumbnailBySlug)
      })

      it("replaces an old CDN placeholder, keeps a picture the merchant chose", async () => {
        const container = getContainer()
        await runSeed(container)
        const products = await seededProducts(container)
        const placeholder = products.find((p) => p.handle === "rose-water-toner")!
        const ownPhoto = products.find((p) => p.handle === "vitamin-c-serum")!
        const merchantUrl = "https://images.example.com/vitamin-c-serum.jpg"
        await updateProductsWorkflow(container).run({
          input: {
            products: [
              {
                id: placeholder.id,
                thumbnail: "https://cdn.skinior.com/products/rose-water-toner-1.webp",
                images: [{ url: "https://cdn.skinior.com/products/rose-water-toner-1.webp" }],
              },
              { id: ownPhoto.id, thumbnail: merchantUrl, images: [{ url: merchantUrl }] },
            ],
          },
        })

        const uploads = await uploadsDuring(container, () => runSeed(container))
        expect(uploads.map((f) => f.filename)).toEqual(["seed-rose-water-toner.png"])

        const after = new Map((await seededProducts(container)).map((p) => [p.handle, p]))
        const replaced = after.get("rose-water-toner")!
        expect(replaced.thumbnail).toMatch(new RegExp(`^http://localhost:${port}/static/\\d+-seed-rose-water-toner\\.png$`))
        expect(replaced.images!.map((i) => i.url)).toEqual([replaced.thumbnail])
        expect((await fetch(replaced.thumbnail!)).status).toBe(200)
        expect(after.get("vitamin-c-serum")!.thumbnail).toBe(merchantUrl)
        expect(after.get("vitamin-c-serum")!.images!.map((i) => i.url)).toEqual([merchantUrl])
        for (const product of products.filter((p) => p.id !== placeholder.id && p.id !== ownPhoto.id)) {
          expect(after.get(product.handle)!.thumbnail).toBe(product.thumbnail)
        }
        const file = replaced.thumbnail!.replace(`http://localhost:${port}/static/`, "")
        expect(readFileSync(path.join(process.cwd(), "static", file)).subarray(0, 8)).toEqual(Buffer.from(PNG_SIGNATURE))
      })
    })
  },
})
