import { MedusaService } from "@medusajs/framework/utils"
import IdempotencyRecord from "./models/idempotency-record"

class IdempotencyModuleService extends MedusaService({ IdempotencyRecord }) {}

export default IdempotencyModuleService
