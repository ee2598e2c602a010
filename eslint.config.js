const medusa = require("@medusajs/eslint-plugin")

module.exports = [
  { ignores: [".pgdata/**", "bench/results/**", "scripts/**"] },
  ...medusa.configs.recommended,
]
