import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOGUE_MODULE } from "../../modules/catalogue"
import type CatalogueModuleService from "../../modules/catalogue/service"
import { buildCatalogueEntries } from "../../modules/catalogue/build-entries"

export const refreshCatalogueEntriesStepId = "refresh-catalogue-entries"

/**
 * Rebuilds the catalogue read model of some products (all of them without
 * ids) from Medusa's data; entries of products that are gone are deleted.
 * The compensation restores the entries as they were.
 */
export const refreshCatalogueEntriesStep = createStep(
  refreshCatalogueEntriesStepId,
  async (input: { product_ids?: string[] }, { container }) => {
    const service: CatalogueModuleService = container.resolve(CATALOGUE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const productIds =
      input.product_ids ??
      (await query.graph({ entity: "product", fields: ["id"] })).data.map((p: { id: string }) => p.id)
    // In slices, so a full rebuild of a large catalogue stays within memory.
    const built: Awaited<ReturnType<typeof buildCatalogueEntries>> = []
    for (let start = 0; start < productIds.length; start += 250) {
      built.push(...(await buildCatalogueEntries(query, productIds.slice(start, start + 250))))
    }

    const previous = await service.listCatalogueEntries(
      input.product_ids ? { product_id: productIds } : {},
      { take: null }
    )
    const byProduct = new Map(previous.map((e) => [e.product_id, e]))
    const rows = built.map(({ words: _words, ...entry }) => entry)
    const toCreate = rows.filter((e) => !byProduct.has(e.product_id))
    const toUpdate = rows
      .filter((e) => byProduct.has(e.product_id))
      .map((e) => ({ ...e, id: byProduct.get(e.product_id)!.id }))
    const gone = previous.filter((e) => !built.some((b) => b.product_id === e.product_id))

    if (toCreate.length) await service.createCatalogueEntries(toCreate)
    if (toUpdate.length) await service.updateCatalogueEntries(toUpdate)
    if (gone.length) await service.deleteCatalogueEntries(gone.map((e) => e.id))

    const words = [...new Set(built.flatMap((e) => e.words))]
    if (words.length) {
      const known = await service.listCatalogueWords({ word: words }, { take: null, select: ["word"] })
      const fresh = words.filter((w) => !known.some((k) => k.word === w))
      if (fresh.length) await service.createCatalogueWords(fresh.map((word) => ({ word })))
    }
    container.resolve(ContainerRegistrationKeys.LOGGER).debug(`catalogue: refreshed ${built.length} product(s)`)
    return new StepResponse(built.length, {
      product_ids: productIds,
      previous: previous.map(({ created_at: _c, updated_at: _u, deleted_at: _d, ...entry }: any) => entry),
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CatalogueModuleService = container.resolve(CATALOGUE_MODULE)
    const current = await service.listCatalogueEntries({ product_id: undo.product_ids }, { take: null })
    if (current.length) await service.deleteCatalogueEntries(current.map((e) => e.id))
    if (undo.previous.length) await service.createCatalogueEntries(undo.previous)
  }
)

