export { BallotEditor } from './components/ballot-editor'
export { BallotManage } from './components/ballot-manage'
export { StaffBallots } from './components/staff-ballots'
