// Runs the longest HTTP spec files first. On a fresh clone jest has no timing
// cache and orders files by size, so the 200-checkout storm (a small file)
// started last and ran alone while the other worker sat idle; starting the
// long files first packs the two workers evenly. Otherwise jest's own order.
const Sequencer = require("@jest/test-sequencer").default

// Longest first, as measured in CI runs.
const FIRST = ["orders-storm", "jod-rounding", "inventory-holds", "stripe-payment", "order-journey", "stripe-timeout", "checkout", "shop-rules"]

const rank = (test) => {
  const index = FIRST.findIndex((name) => test.path.endsWith(`/${name}.spec.ts`))
  return index < 0 ? FIRST.length : index
}

class HeaviestFirst extends Sequencer {
  sort(tests) {
    // Array.prototype.sort is stable: files outside FIRST keep jest's order.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b))
  }
}

module.exports = HeaviestFirst
