import type { RecordExport } from '@/core/record-api'
import { readRecordExport } from '@/core/record-export'
import { AppError } from '@/core/errors'
import { apiRequest } from '@/lib/api-client'

/**
 * A closed ballot's whole record. Its shape is checked before the audit
 * reads it: a download that is not a record is a fault of the network or
 * the backend, not a finding about the ballot.
 */
export async function getRecord(ballotId: string): Promise<RecordExport> {
  const data = await apiRequest<unknown>(
    'GET',
    `/ballots/${encodeURIComponent(ballotId)}/record`,
  )
  try {
    return readRecordExport(data)
  } catch {
    throw new AppError('INTERNAL')
  }
}
