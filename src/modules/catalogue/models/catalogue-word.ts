import { model } from "@medusajs/framework/utils"

/** Every folded word of the catalogue: what a misspelt search word is corrected against. */
const CatalogueWord = model.define("catalogue_word", {
  id: model.id({ prefix: "catw" }).primaryKey(),
  word: model.text().unique(),
})

export default CatalogueWord
