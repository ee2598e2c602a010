import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { etagOf } from "../../lib/etag"

/**
 * The interactive documentation: Swagger UI from the swagger-ui-dist package
 * (pinned), every file served by the shop itself so the page works offline
 * and behind a firewall. Only the files below are served, read once.
 */
export const DOCS_PATH = "/api/v1/docs"

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io.
const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null,
    displayRequestDuration: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  })
})
`

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skinior Commerce API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/docs.js"></script>
</body>
</html>
`

/**
 * The shop's own CSP is default-src 'self'; Swagger UI also sets inline
 * styles and draws a few icons from data: URIs. Still no other origin.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"

type Asset = { body: Buffer; type: string; etag: string }

const FROM_PACKAGE: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
}

let assets: Map<string, Asset> | undefined

function load(): Map<string, Asset> {
  const dir = dirname(require.resolve("swagger-ui-dist/package.json"))
  const files = new Map<string, Asset>()
  for (const [name, type] of Object.entries(FROM_PACKAGE)) {
    const body = readFileSync(join(dir, name))
    files.set(name, { body, type, etag: etagOf(body) })
  }
  const init = Buffer.from(INIT_SCRIPT)
  files.set("docs.js", { body: init, type: "application/javascript; charset=utf-8", etag: etagOf(init) })
  return files
}

/** One of the page's files by name, or undefined for any other name. */
export function docsAsset(name: string): Asset | undefined {
  assets ??= load()
  return assets.get(name)
}

export const DOCS_ASSET_NAMES = [...Object.keys(FROM_PACKAGE), "docs.js"]
