// npm run docs:postman: writes docs/skinior.postman_collection.json from the OpenAPI document.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { buildOpenApiDocument } from "."
import { toPostmanCollection } from "./postman"

const out = join(__dirname, "..", "..", "..", "docs", "skinior.postman_collection.json")
const collection = toPostmanCollection(buildOpenApiDocument())
mkdirSync(join(out, ".."), { recursive: true })
writeFileSync(out, JSON.stringify(collection, null, 2) + "\n")
const requests = collection.item.reduce((n, folder) => n + folder.item.length, 0)
console.log(`Wrote ${out}: ${collection.item.length} folders, ${requests} requests`)
