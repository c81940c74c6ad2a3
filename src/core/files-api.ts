/**
 * Shapes of the file upload API (POST /api/files, GET /api/files/:id),
 * shared by repair cases, site checks and notices' attachments.
 */
import type { FileType } from './files'

/** The multipart field the file travels in. */
export const FILE_FIELD = 'file'

/** What the backend answers for a stored file. */
export interface StoredFile {
  id: string
  type: FileType
  size: number
  /** Hex SHA-256 of the content, to spot the same photo sent twice. */
  sha256: string
  uploadedAt: string
  /** Path under the API prefix to fetch it with the Bearer token. */
  url: string
}
