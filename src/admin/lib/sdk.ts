import Medusa from "@medusajs/js-sdk"

// Admin pages are served by this same backend, so its session cookie applies.
export const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })
