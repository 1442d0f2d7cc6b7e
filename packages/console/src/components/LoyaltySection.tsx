import type { Route } from '../router';
import { ChunkPages } from './ChunkPages';

/** The routes of the loyalty chunk. */
export type LoyaltyRoute =
  | { page: 'loyalty'; projectId: string }
  | Extract<
      Route,
      { page: 'loyalty-reward' | 'loyalty-members' | 'loyalty-member' | 'loyalty-redemptions' }
    >;

const loadLoyaltyPages = () => import('../pages/loyalty-pages');

/** The loyalty program's pages, from the loyalty chunk (fetched on first use). */
export function LoyaltySection({ route }: { route: LoyaltyRoute }) {
  const { projectId } = route;
  return (
    <ChunkPages load={loadLoyaltyPages} what="the loyalty program">
      {(pages) => {
        switch (route.page) {
          case 'loyalty':
            return <pages.Loyalty projectId={projectId} />;
          case 'loyalty-reward':
            return <pages.LoyaltyReward projectId={projectId} rewardId={route.rewardId} />;
          case 'loyalty-members':
            return <pages.LoyaltyMembers projectId={projectId} />;
          case 'loyalty-member':
            return <pages.LoyaltyMember projectId={projectId} userId={route.userId} />;
          case 'loyalty-redemptions':
            return <pages.LoyaltyRedemptions projectId={projectId} />;
        }
      }}
    </ChunkPages>
  );
}
