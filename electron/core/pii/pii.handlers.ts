import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { anonymiseMember, memberFileXlsx, piiMember, piiSummary } from './pii.service';

type PiiChannels = 'pii.summary' | 'pii.member' | 'pii.memberFile' | 'pii.anonymise';

export const piiHandlers: Pick<Handlers<AppContext>, PiiChannels> = {
  'pii.summary': (_i, ctx) => piiSummary(ctx),
  'pii.member': ({ memberId }, ctx) => piiMember(ctx, memberId),
  'pii.memberFile': ({ memberId, reason }, ctx) => memberFileXlsx(ctx, memberId, reason),
  'pii.anonymise': ({ memberId, confirmName }, ctx) => anonymiseMember(ctx, memberId, confirmName),
};
