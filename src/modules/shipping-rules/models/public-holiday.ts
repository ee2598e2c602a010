import { model } from "@medusajs/framework/utils"

/** A public holiday in Jordan on which nothing is delivered (business days skip it). */
const PublicHoliday = model
  .define("public_holiday", {
    id: model.id({ prefix: "hol" }).primaryKey(),
    /** Calendar date in Asia/Amman, YYYY-MM-DD. */
    date: model.text(),
    name: model.text(),
  })
  .indexes([{ on: ["date"], unique: true }])

export default PublicHoliday
