import type { MedusaRequest } from "@medusajs/framework/http"

/** An express layer as the router keeps it (express 4, path-to-regexp 0.1). */
export type RouteLayer = {
  regexp: RegExp
  keys?: { name: string | number }[]
  route?: { path?: unknown; methods: Record<string, boolean> }
}

type Node = { statics: Map<string, Node>; param?: Node; layers: number[] }

type Index = { stack: RouteLayer[]; length: number; root: Node; irregular: number[] }

// Segments express compiles to a plain literal or to one `([^\/]+?)` param;
// anything else (`*`, `?`, `(`, `+` …) is tested with its own regexp.
const LITERAL = /^[A-Za-z0-9_\-.~]+$/
const PARAM = /^:\w+$/

const node = (): Node => ({ statics: new Map(), layers: [] })

/**
 * Express finds the route of a request by running the regexp of every layer
 * in its stack, in order: several hundred with Medusa's own routes. This
 * index is built once from the same stack (and again if the stack changes):
 * a tree of path segments whose lookup costs the depth of the path, not the
 * number of routes. It only narrows the candidates: each is still confirmed
 * with express's own regexp, in stack order, so the answer is express's.
 */
function build(stack: RouteLayer[]): Index {
  const root = node()
  const irregular: number[] = []
  stack.forEach((layer, i) => {
    const path = layer.route?.path
    if (!layer.route) return
    const segments = typeof path === "string" && path.startsWith("/") ? path.split("/").slice(1) : undefined
    if (!segments || !segments.every((s) => LITERAL.test(s) || PARAM.test(s))) {
      irregular.push(i)
      return
    }
    let at = root
    for (const segment of segments) {
      if (PARAM.test(segment)) {
        at = at.param ??= node()
      } else {
        // Express matches routes case-insensitively by default.
        const key = segment.toLowerCase()
        let next = at.statics.get(key)
        if (!next) at.statics.set(key, (next = node()))
        at = next
      }
    }
    at.layers.push(i)
  })
  return { stack, length: stack.length, root, irregular }
}

let index: Index | undefined

function indexOf(req: MedusaRequest): Index | undefined {
  const stack = (req.app as unknown as { _router?: { stack: RouteLayer[] } })._router?.stack
  if (!stack) return undefined
  if (!index || index.stack !== stack || index.length !== stack.length) index = build(stack)
  return index
}

function collect(at: Node, segments: string[], depth: number, into: number[]) {
  if (depth === segments.length) {
    into.push(...at.layers)
    return
  }
  const segment = segments[depth]
  const literal = at.statics.get(segment.toLowerCase())
  if (literal) collect(literal, segments, depth + 1, into)
  // A param takes any non-empty segment.
  if (at.param && segment) collect(at.param, segments, depth + 1, into)
}

function handles(layer: RouteLayer, method: string) {
  const methods = layer.route!.methods
  return Boolean(methods[method] || methods._all || (method === "head" && methods.get))
}

/**
 * The first route layer of express's stack that takes `method` and `path`
 * (the raw path, as express matches it), with its regexp's match, or
 * undefined when no route will take the request.
 */
export function findRoute(
  req: MedusaRequest,
  path: string
): { layer: RouteLayer; match: RegExpExecArray } | undefined {
  const found = indexOf(req)
  if (!found) return undefined
  const method = req.method.toLowerCase()
  let candidates: number[]
  if (path.startsWith("/")) {
    const segments = path.split("/").slice(1)
    // Express accepts one trailing slash.
    if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop()
    candidates = []
    collect(found.root, segments, 0, candidates)
    candidates.push(...found.irregular)
    candidates.sort((a, b) => a - b)
  } else {
    // Not a path express's routes could match as written: ask every layer, as express would.
    candidates = found.stack.map((_, i) => i)
  }
  for (const i of candidates) {
    const layer = found.stack[i]
    if (!layer.route || !handles(layer, method)) continue
    const match = layer.regexp.exec(path)
    if (match) return { layer, match }
  }
  return undefined
}
