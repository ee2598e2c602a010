/**
 * A Postman collection (v2.1) made from the OpenAPI document: one folder per
 * tag, one request per operation with its first body example, path
 * variables, optional query parameters (disabled until ticked) and the
 * Bearer token from the {{accessToken}} collection variable.
 */
type Json = Record<string, any>

const POSTMAN_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
const METHODS = ["get", "post", "put", "delete"]

function queryOf(parameters: Json[]) {
  return parameters
    .filter((p) => p.in === "query")
    .flatMap((p) => {
      if (p.style === "deepObject") {
        return Object.keys(p.schema?.properties ?? {}).map((key) => ({
          key: `${p.name}[${key}]`,
          value: "",
          description: p.description,
          disabled: true,
        }))
      }
      return [{ key: p.name, value: p.schema?.default !== undefined ? String(p.schema.default) : "", description: p.description, disabled: !p.required }]
    })
}

function headersOf(parameters: Json[], op: Json) {
  const headers = parameters
    .filter((p) => p.in === "header")
    .map((p) => ({ key: p.name, value: p.example ?? (p.name === "x-publishable-api-key" ? "{{publishableKey}}" : ""), description: p.description, disabled: !p.required }))
  if (op.requestBody) headers.unshift({ key: "Content-Type", value: "application/json", description: "", disabled: false })
  return headers
}

function bodyOf(op: Json) {
  const content = op.requestBody?.content?.["application/json"]
  if (!content) return undefined
  const example = Object.values<Json>(content.examples ?? {})[0]?.value ?? {}
  return { mode: "raw", raw: JSON.stringify(example, null, 2), options: { raw: { language: "json" } } }
}

function requestOf(document: Json, path: string, method: string, op: Json) {
  const parameters: Json[] = (op.parameters ?? []).map((p: Json) =>
    p.$ref ? document.components.parameters[p.$ref.split("/").pop()] : p
  )
  const segments = path.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, ":$1"))
  const query = queryOf(parameters)
  const security: Json[] = op.security ?? []
  const needsToken = security.some((s) => "bearerAuth" in s)
  const raw = `{{baseUrl}}/${segments.join("/")}`
  return {
    method: method.toUpperCase(),
    header: headersOf(parameters, op),
    ...(needsToken
      ? { auth: { type: "bearer", bearer: [{ key: "token", value: "{{accessToken}}", type: "string" }] } }
      : { auth: { type: "noauth" } }),
    url: {
      raw,
      host: ["{{baseUrl}}"],
      path: segments,
      ...(query.length ? { query } : {}),
      variable: parameters
        .filter((p) => p.in === "path")
        .map((p) => ({ key: p.name, value: "", description: p.description })),
    },
    ...(bodyOf(op) ? { body: bodyOf(op) } : {}),
    description: [op.description, security.length > 1 ? "The Bearer token is optional here." : ""].filter(Boolean).join("\n\n"),
  }
}

export function toPostmanCollection(document: Json) {
  const folders = new Map<string, Json[]>((document.tags ?? []).map((t: Json) => [t.name, []]))
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method]
      const tag = op.tags?.[0] ?? "Other"
      if (!folders.has(tag)) folders.set(tag, [])
      folders.get(tag)!.push({ name: op.summary ?? `${method.toUpperCase()} ${path}`, request: requestOf(document, path, method, op) })
    }
  }
  return {
    info: {
      name: document.info.title,
      description: `${document.info.description}\n\nGenerated from /api/v1/openapi.json by npm run docs:postman.`,
      schema: POSTMAN_SCHEMA,
    },
    variable: [
      { key: "baseUrl", value: "http://localhost:9000" },
      { key: "accessToken", value: "", description: "From Auth > Sign in (data.accessToken)" },
      { key: "publishableKey", value: "", description: "Optional storefront key (pk_...)" },
    ],
    item: [...folders].filter(([, items]) => items.length).map(([name, items]) => ({
      name,
      description: (document.tags ?? []).find((t: Json) => t.name === name)?.description ?? "",
      item: items,
    })),
  }
}
