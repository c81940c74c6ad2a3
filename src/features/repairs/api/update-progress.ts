import type { ProgressRequest, ProjectDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function updateProgress(
  projectId: string,
  body: ProgressRequest,
): Promise<ProjectDetail> {
  return apiRequest<ProjectDetail>(
    'POST',
    `/repair-projects/${encodeURIComponent(projectId)}/progress`,
    { body },
  )
}
