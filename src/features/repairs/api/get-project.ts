import type { ProjectDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function getProject(projectId: string): Promise<ProjectDetail> {
  return apiRequest<ProjectDetail>(
    'GET',
    `/repair-projects/${encodeURIComponent(projectId)}`,
  )
}
