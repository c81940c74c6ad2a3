import type { InspectionRequest, ProjectDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

/** A site check by a member of the estate's residents' inspection team. */
export function logInspection(
  projectId: string,
  body: InspectionRequest,
): Promise<ProjectDetail> {
  return apiRequest<ProjectDetail>(
    'POST',
    `/repair-projects/${encodeURIComponent(projectId)}/inspections`,
    { body },
  )
}
