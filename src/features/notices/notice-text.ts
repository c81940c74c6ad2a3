/** How notices read on screen: audience, author, sizes. */
import { STAFF_ORG_TEXT, type StaffOrg } from '@/core/api-types'
import type { NoticeAudience } from '@/core/notices'

/** 全小区 / 3号楼、4号楼 */
export function audienceText(audience: NoticeAudience): string {
  if (audience.kind === 'estate') return '全小区'
  return audience.buildings.map((b) => `${b}号楼`).join('、')
}

export function authorText(org: StaffOrg): string {
  return STAFF_ORG_TEXT[org]
}

/** 1.2 MB / 380 KB, for attachments. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
