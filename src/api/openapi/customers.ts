import { z } from "@medusajs/framework/zod"
import {
  CreateAddressBody,
  RecommendationsQuery,
  RegisterCustomerBody,
  UpdateAddressBody,
  UpdateCustomerBody,
} from "../api/v1/customers/validators"
import type { Operation } from "./registry"
import { Address, answer, Customer, CustomerAddress, DateTime, listAnswer, Order, Product, Review, Tokens } from "./schemas"
import { component } from "./registry"

const Registered = answer("RegisteredAnswer", Customer.extend({ tokens: Tokens }), true)
const CustomerAnswer = answer("CustomerAnswer", Customer)
const CustomerUpdated = answer("CustomerUpdatedAnswer", Customer, true)
const AddressList = listAnswer("AddressList", CustomerAddress)
const AddressAnswer = answer("AddressAnswer", CustomerAddress)
const AddressSaved = answer("AddressSavedAnswer", CustomerAddress, true)
const AddressDeleted = answer("AddressDeletedAnswer", z.object({ id: z.string(), deleted: z.literal(true) }), true)
const Recommendations = answer(
  "RecommendationsAnswer",
  z.array(Product.extend({ reason: z.string().meta({ description: "Why it fits, e.g. the concerns of the profile it treats" }) }))
)

const nullableText = z.string().nullable()
const CustomerExport = component(
  "CustomerExport",
  z.object({
    exportedAt: DateTime,
    account: z.object({
      id: z.string(),
      email: z.string(),
      firstName: nullableText,
      lastName: nullableText,
      phone: nullableText,
      hasAccount: z.boolean(),
      emailVerified: z.boolean(),
      createdAt: DateTime,
      updatedAt: DateTime,
    }),
    addresses: z.array(CustomerAddress),
    skinProfile: z.object({
      skinType: nullableText,
      skinConcerns: z.array(z.string()),
      dateOfBirth: nullableText.meta({ description: "YYYY-MM-DD" }),
    }),
    orders: z.array(Order).meta({ description: "Every order, oldest first, in the order shape" }),
    reviews: z.array(Review),
    consents: z
      .object({ recorded: z.array(z.never()), note: z.string() })
      .meta({ description: "The shop records no consents; the note says so" }),
    sessions: z
      .array(
        z.object({
          id: z.string(),
          family: z.string().meta({ description: "One login and its refreshes" }),
          createdAt: DateTime,
          expiresAt: DateTime,
          usedAt: DateTime.nullable(),
          revokedAt: DateTime.nullable(),
        })
      )
      .meta({ description: "Refresh tokens, described (never the token or its hash)" }),
    carts: z.array(
      z.object({
        id: z.string(),
        currency: z.string(),
        email: nullableText,
        items: z.array(
          z.object({
            productId: nullableText,
            variantId: nullableText,
            productTitle: nullableText,
            variantTitle: nullableText,
            quantity: z.number().int(),
          })
        ),
        shippingAddress: Address.nullable(),
        billingAddress: Address.nullable(),
        completedAt: DateTime.nullable(),
        createdAt: DateTime,
        updatedAt: DateTime,
      })
    ),
    emails: z.array(
      z.object({ id: z.string(), channel: z.string(), template: nullableText, to: z.string(), status: nullableText, createdAt: DateTime })
    ),
  }),
  "Everything held about a customer (DESIGN.md Privacy)"
)
const ExportAnswer = answer("CustomerExportAnswer", CustomerExport)
const Erased = answer("CustomerErasedAnswer", z.object({ id: z.string(), deleted: z.literal(true) }), true)

const customerId = { customerId: "The caller's own id (cus_...) or `me`" }
const addressId = { ...customerId, addressId: "The address's id (cuaddr_...)" }
const own = { 401: "No valid customer token", 403: "Another customer's record" }

const register = {
  email: "customer@example.com",
  password: "correct horse battery",
  firstName: "John",
  lastName: "Doe",
  phone: "+12025550143",
  dateOfBirth: "1990-01-15",
  skinType: "combination",
  skinConcerns: ["acne", "dark-spots"],
}
const savedAddress = {
  firstName: "Lina",
  lastName: "Haddad",
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "JO-AM",
  street: "Queen Rania Street",
  building: "Building 15",
  isDefaultShipping: true,
}

export const customerOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/customers",
    tag: "Customers",
    summary: "Register",
    description:
      "Creates the account (password at least 10 characters, not the email) and signs it in: the answer carries " +
      "the tokens of a login. A verification code is mailed; unverified customers can shop (emailVerified says which).",
    auth: "none",
    body: RegisterCustomerBody,
    bodyExamples: { register: { summary: "With a skin profile", value: register } },
    success: { status: 201, description: "The customer and their tokens", schema: Registered },
    errors: { 400: "A field missing, malformed or too long; a weak password", 409: "An account with this email exists" },
  },
  {
    method: "get",
    path: "/api/v1/customers/{customerId}",
    tag: "Customers",
    summary: "Get my account",
    description: "Profile, skin profile, addresses and order history.",
    auth: "customer",
    pathParams: customerId,
    success: { status: 200, description: "The customer", schema: CustomerAnswer },
    errors: { ...own, 404: "No such customer" },
  },
  {
    method: "delete",
    path: "/api/v1/customers/{customerId}",
    tag: "Customers",
    summary: "Erase my account",
    description:
      "Deletes the account and the personal data held with it: saved addresses, skin profile, sessions, the login " +
      "(the email can register again). Orders stay for accounting with names, emails, phones and address lines " +
      "removed; reviews stay as \"Former customer\". Audited. Cannot be undone.",
    auth: "customer",
    pathParams: customerId,
    success: { status: 200, description: "Erased", schema: Erased },
    errors: { ...own, 404: "Already erased" },
  },
  {
    method: "get",
    path: "/api/v1/customers/{customerId}/export",
    tag: "Customers",
    summary: "Download my data",
    description:
      "Everything held about the caller as a JSON download (Content-Disposition: attachment): account, addresses, " +
      "skin profile, orders, reviews, consents, sessions, carts and emails sent. Audited.",
    auth: "customer",
    pathParams: customerId,
    success: { status: 200, description: "The export", schema: ExportAnswer },
    errors: { ...own, 404: "No such customer" },
  },
  {
    method: "put",
    path: "/api/v1/customers/{customerId}",
    tag: "Customers",
    summary: "Update my account",
    description: "Only the fields sent change; null clears phone, dateOfBirth or skinType.",
    auth: "customer",
    pathParams: customerId,
    body: UpdateCustomerBody,
    bodyExamples: { skin: { summary: "New skin profile", value: { skinType: "dry", skinConcerns: ["dryness", "fine-lines"] } } },
    success: { status: 200, description: "The customer", schema: CustomerUpdated },
    errors: { 400: "A field malformed or unknown", ...own },
  },
  {
    method: "get",
    path: "/api/v1/customers/{customerId}/addresses",
    tag: "Customers",
    summary: "List my addresses",
    auth: "customer",
    pathParams: customerId,
    success: { status: 200, description: "Default shipping address first", schema: AddressList },
    errors: own,
  },
  {
    method: "post",
    path: "/api/v1/customers/{customerId}/addresses",
    tag: "Customers",
    summary: "Save an address",
    description: "The first address, or one sent with isDefaultShipping, becomes the default for checkout.",
    auth: "customer",
    pathParams: customerId,
    body: CreateAddressBody,
    bodyExamples: { amman: { summary: "Amman by ISO code", value: savedAddress } },
    success: { status: 201, description: "The address", schema: AddressSaved },
    errors: { 400: "A field missing or malformed; no or unknown governorate in Jordan", ...own, 409: "The address book is full" },
  },
  {
    method: "get",
    path: "/api/v1/customers/{customerId}/addresses/{addressId}",
    tag: "Customers",
    summary: "Get an address",
    auth: "customer",
    pathParams: addressId,
    success: { status: 200, description: "The address", schema: AddressAnswer },
    errors: { ...own, 404: "No such address of this customer" },
  },
  {
    method: "put",
    path: "/api/v1/customers/{customerId}/addresses/{addressId}",
    tag: "Customers",
    summary: "Update an address",
    auth: "customer",
    pathParams: addressId,
    body: UpdateAddressBody,
    success: { status: 200, description: "The address", schema: AddressSaved },
    errors: { 400: "A field malformed", ...own, 404: "No such address of this customer" },
  },
  {
    method: "delete",
    path: "/api/v1/customers/{customerId}/addresses/{addressId}",
    tag: "Customers",
    summary: "Delete an address",
    description: "When it was the default, the oldest remaining address becomes the default.",
    auth: "customer",
    pathParams: addressId,
    success: { status: 200, description: "Deleted", schema: AddressDeleted },
    errors: { ...own, 404: "No such address of this customer" },
  },
  {
    method: "get",
    path: "/api/v1/customers/{customerId}/recommendations",
    salesChannel: true,
    tag: "Customers",
    summary: "Products for my skin",
    description: "Ranked from the skin profile and past purchases; best sellers without a profile.",
    auth: "customer",
    pathParams: customerId,
    query: RecommendationsQuery,
    queryDocs: { limit: "How many products, 1-50 (default 10).", currency: "USD or JOD (default USD) for the prices." },
    success: { status: 200, description: "Products with a reason each", schema: Recommendations },
    errors: { 400: "Bad limit or currency", ...own },
  },
]
