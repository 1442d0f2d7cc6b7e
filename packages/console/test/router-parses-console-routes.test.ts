import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../src/router';

describe('the hash router', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/sign-in', { page: 'sign-in' }],
    ['#/invite/tok%2Fen', { page: 'invite', token: 'tok/en' }],
    ['#/projects', { page: 'projects' }],
    ['#/projects/p1', { page: 'inbox', projectId: 'p1' }],
    ['#/projects/p1/inbox', { page: 'inbox', projectId: 'p1' }],
    ['#/projects/p1/inbox/f9', { page: 'thread', projectId: 'p1', feedbackId: 'f9' }],
    ['#/projects/p1/customers/a%40b.c', { page: 'customer', projectId: 'p1', userId: 'a@b.c' }],
    ['#/projects/p1/audit', { page: 'audit', projectId: 'p1' }],
    ['#/projects/p1/surveys', { page: 'surveys', projectId: 'p1' }],
    ['#/projects/p1/surveys/new', { page: 'survey-new', projectId: 'p1' }],
    ['#/projects/p1/surveys/new/edit', { page: 'survey-edit', projectId: 'p1', surveyId: 'new' }],
    [
      '#/projects/p1/surveys/srv%3A1/report',
      { page: 'survey-report', projectId: 'p1', surveyId: 'srv:1' },
    ],
    ['#/projects/p1/surveys/srv_1', { page: 'not-found', path: '/projects/p1/surveys/srv_1' }],
    [
      '#/projects/p1/surveys/srv_1/edit/x',
      { page: 'not-found', path: '/projects/p1/surveys/srv_1/edit/x' },
    ],
    ['#/projects/p1/audit/x', { page: 'not-found', path: '/projects/p1/audit/x' }],
    ['#/projects/p1/nope', { page: 'not-found', path: '/projects/p1/nope' }],
    ['#/projects/p1/inbox/f9/extra', { page: 'not-found', path: '/projects/p1/inbox/f9/extra' }],
    ['#/%E0%A4%A', { page: 'not-found', path: '/%E0%A4%A' }],
  ])('%s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it('round-trips ids with reserved characters through href()', () => {
    const link = href(['projects', 'p 1', 'customers', 'user/with?odd#chars']);
    expect(parseRoute(link)).toEqual({
      page: 'customer',
      projectId: 'p 1',
      userId: 'user/with?odd#chars',
    });
  });
});
