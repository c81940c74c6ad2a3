import type { CreateProjectRequest, ProjectDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

/**
 * Makes a works project of a case. The backend takes no idempotency key
 * here: a case has at most one project, so a repeated send is refused
 * with PROJECT_EXISTS rather than making a second one.
 */
export function createProject(
  caseId: string,
  body: CreateProjectRequest,
): Promise<ProjectDetail> {
  return apiRequest<ProjectDetail>(
    'POST',
    `/repair-cases/${encodeURIComponent(caseId)}/project`,
    { body },
  )
}
