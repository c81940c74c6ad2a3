/** Canned answers shaped like src/core/api-types.ts. */
import type {
  BallotDetail,
  BallotSummary,
  Profile,
  Receipt,
} from '../../src/core/api-types'

export const ESTATE = {
  id: 'est-xq-1',
  name: '新桥一村',
  district: '松江区',
  hasOwnersCommittee: false,
}

export const OWNER: Profile = {
  person: {
    name: '王建国',
    idNumberMasked: '310117********1236',
    phoneMasked: '139****5678',
  },
  role: 'owner',
  units: [
    {
      id: 'u-1',
      estateId: ESTATE.id,
      estateName: ESTATE.name,
      building: '3号楼',
      room: '1202',
      label: '3号楼1202室',
      area: '89.53',
      ownerCount: 2,
    },
  ],
  estates: [ESTATE],
  staffRoles: [],
}

export const RESIDENT: Profile = {
  ...OWNER,
  person: { ...OWNER.person, name: '李小红' },
  role: 'resident',
  units: [],
}

/** 2026-12-03 09:30 in Shanghai is 01:30 UTC, 17:30 the day before in LA. */
export const NOW = Date.parse('2026-12-03T01:30:00Z')

export const SUMMARY: BallotSummary = {
  id: 'b-1',
  estateId: ESTATE.id,
  title: '选聘新的物业服务企业',
  phase: 'open',
  announcedAt: '2026-11-20T02:00:00Z',
  opensAt: '2026-12-01T00:00:00Z',
  // 3 days 5 hours after NOW
  closesAt: '2026-12-06T06:30:00Z',
  electorate: { kind: 'estate' },
  itemCount: 2,
  turnout: {
    totals: { area: '21500.00', headcount: 240 },
    participating: { area: '15000.00', headcount: 150 },
    quorum: false,
  },
  myStatus: 'to-vote',
}

export const DETAIL: BallotDetail = {
  ...SUMMARY,
  description: '原物业服务合同到期，拟公开选聘。',
  organizer: {
    org: 'residents-committee',
    name: '新桥一村居委会',
    mandate: '2026年第一次业主大会决定',
  },
  items: [
    {
      id: 'i-1',
      seq: 1,
      title: '解聘现物业服务企业',
      description: '',
      matter: 'ordinary',
    },
    {
      id: 'i-2',
      seq: 2,
      title: '使用维修资金修缮外墙',
      description: '',
      matter: 'ordinary',
    },
  ],
  roll: { units: 240, area: '21500.00', headcount: 240 },
  allowChanges: false,
  myVoters: [
    { voterId: 'v-1', units: ['3号楼1202室'], area: '89.53', vote: null },
  ],
  notEligibleReason: null,
}

export const RECEIPT: Receipt = {
  receiptCode: 'K3M9P-2XQ7T',
  ballotId: DETAIL.id,
  ballotTitle: DETAIL.title,
  units: ['3号楼1202室'],
  castAt: '2026-12-03T01:31:00Z',
  seq: 42,
  entryHash: 'ab'.repeat(32),
  choices: [
    { itemId: 'i-1', itemTitle: '解聘现物业服务企业', choice: 'agree' },
    { itemId: 'i-2', itemTitle: '使用维修资金修缮外墙', choice: 'abstain' },
  ],
}

export const SESSION_EXPIRES = '2026-12-03T03:30:00Z'
