import { SignedIn } from '@/features/identity'
import { ReportForm } from '@/features/repairs'
import { replacePage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function RepairReportPage() {
  return (
    <Screen title="我要报修">
      <SignedIn>
        {(profile) => {
          const estate = profile.estates[0]
          if (!estate) {
            return (
              <EmptyState
                title="没有找到您所在的小区"
                hint="报修须是本人房屋或居住地所在的小区"
              />
            )
          }
          return (
            <ReportForm
              profile={profile}
              estateId={estate.id}
              // The new case replaces the form: going back must not lead
              // into a report already sent.
              onReported={(kase) =>
                replacePage(withQuery(ROUTES.repairCase, { id: kase.id }))
              }
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
