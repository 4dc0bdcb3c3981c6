import { attentionList, attentionQuery, myDay, myDayQuery } from '../../../contracts/attention.js';
import { errorResponses } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { needsAttention } from './attention.service.js';
import { myDay as myDayOf } from './my-day.service.js';

const tags = ['attention'];

export function attentionRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/attention', {
    schema: {
      tags,
      summary:
        'Open deals needing attention (rotting, overdue or pushed close date, no next step), ' +
        'most promising first; a rep’s own by default, a manager’s team',
      querystring: attentionQuery,
      response: { 200: attentionList, ...errorResponses },
    },
    handler: async (request) => needsAttention(db, currentUser(request), request.query),
  });
  app.get('/api/v1/my-day', {
    schema: {
      tags,
      summary:
        'Today’s and overdue activities and the deals needing attention, in the caller’s zone',
      querystring: myDayQuery,
      response: { 200: myDay, ...errorResponses },
    },
    handler: async (request) => myDayOf(db, currentUser(request), request.query),
  });
}
