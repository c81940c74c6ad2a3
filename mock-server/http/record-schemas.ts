/** Request schemas of the record routes: proofs and whole records. */
import { z } from 'zod'

import { ballotParams } from './schemas'

export const entryParams = ballotParams.extend({
  seq: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .describe('记录序号'),
})
