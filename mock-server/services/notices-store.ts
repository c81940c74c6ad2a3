/**
 * Writing notices. Kept apart from the notices routes so that other
 * features (a published ballot result writes its decision notice) can
 * post one without depending on them.
 */
import { randomUUID } from 'node:crypto'

import type { Electorate, StaffOrg } from '@/core/api-types'
import type { NoticeCategory } from '@/core/notices'

import type { Store } from '../store/database'
import { sql } from '../store/database'

// The categories are the core's (src/core/notices.ts), as the table's
// CHECK constraint lists them.
export type { NoticeCategory }

export interface NewNotice {
  estateId: string
  category: NoticeCategory
  title: string
  /** Plain text: shown as text, never as markup. */
  body: string
  authorOrg: StaffOrg
  authorPersonId: string | null
  audience: Electorate
  pinned?: boolean
  publishAt: number
  endsAt?: number | null
  sourceBallotId?: string | null
  /** Structured content of some categories (a statement, a list). */
  data?: unknown
  createdAt: number
}

export function insertNotice(db: Store, notice: NewNotice): string {
  const id = randomUUID()
  sql(
    db,
    `INSERT INTO notices (id, estate_id, category, title, body, author_org,
       author_person_id, audience, pinned, publish_at, ends_at,
       source_ballot_id, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    notice.estateId,
    notice.category,
    notice.title,
    notice.body,
    notice.authorOrg,
    notice.authorPersonId,
    JSON.stringify(notice.audience),
    notice.pinned ? 1 : 0,
    notice.publishAt,
    notice.endsAt ?? null,
    notice.sourceBallotId ?? null,
    notice.data === undefined ? null : JSON.stringify(notice.data),
    notice.createdAt,
  )
  return id
}
