const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each test file boots its own Medusa app: stale entity metadata from a
// previous file would otherwise leak into the next one.
MetadataStorage.clear()
