import type { StoredFile } from '@/core/files-api'
import { uploadFile } from '@/lib/api-client'

/** One photo of a report, for the estate the report is about. */
export function uploadPhoto(
  estateId: string,
  filePath: string,
  onProgress: (percent: number) => void,
): Promise<StoredFile> {
  return uploadFile<StoredFile>(
    `/files?estateId=${encodeURIComponent(estateId)}`,
    filePath,
    { onProgress },
  )
}
