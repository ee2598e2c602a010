import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, uploadFilesStep } from "@medusajs/medusa/core-flows"

export const setProductImagesWorkflowId = "set-product-images"

export type ProductImageUpload = {
  product_id: string
  /** A stable name per product; the file provider may add its own prefix (file-local adds a timestamp). */
  filename: string
  mimeType: string
  /** The file's bytes, base64. */
  content: string
}

/**
 * Uploads one picture per product through Medusa's file module and makes it
 * the product's thumbnail and only image, so the URLs are the configured file
 * provider's own (local static/ or S3). One workflow, so a failed product
 * update deletes the files it uploaded (uploadFilesStep's compensation)
 * instead of leaving orphans behind.
 */
export const setProductImagesWorkflow = createWorkflow(
  setProductImagesWorkflowId,
  (input: { images: ProductImageUpload[] }) => {
    const files = uploadFilesStep(
      transform({ input }, ({ input }) => ({
        files: input.images.map(({ filename, mimeType, content }) => ({
          filename,
          mimeType,
          content,
          access: "public" as const,
        })),
      }))
    )
    // createFiles answers in input order, so file i belongs to image i.
    const products = transform({ input, files }, ({ input, files }) =>
      input.images.map((image, i) => ({
        id: image.product_id,
        thumbnail: files[i].url,
        images: [{ url: files[i].url }],
      }))
    )
    updateProductsWorkflow.runAsStep({ input: { products } })
    return new WorkflowResponse(products)
  }
)
