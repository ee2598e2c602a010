/** Order addresses in the /api/v1 contract's shape, for specs that place orders. */

export const austinAddress = (extra: Record<string, unknown> = {}) => ({
  firstName: "Sam",
  lastName: "Lee",
  email: "sam@example.com",
  phone: "+15125550100",
  country: "US",
  city: "Austin",
  governorate: "TX",
  postalCode: "73301",
  street: "1 Main St",
  ...extra,
})

export const ammanAddress = (extra: Record<string, unknown> = {}) => ({
  firstName: "Ahmed",
  lastName: "Khalil",
  email: "ahmed@example.com",
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  ...extra,
})
