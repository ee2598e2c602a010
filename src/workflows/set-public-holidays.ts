import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PublicHolidayInput, setPublicHolidaysStep } from "./steps/set-public-holidays"

export const setPublicHolidaysWorkflowId = "set-public-holidays-workflow"

/** Sets Jordan's public holidays, which delivery estimates skip besides Friday and Saturday. */
export const setPublicHolidaysWorkflow = createWorkflow(
  setPublicHolidaysWorkflowId,
  (input: { holidays: PublicHolidayInput[] }) => new WorkflowResponse(setPublicHolidaysStep(input.holidays))
)
