/**
 * The loyalty program's pages, loaded as their own chunk the first time a loyalty route opens
 * (see components/LoyaltySection.tsx).
 */
export { Loyalty } from './Loyalty';
export { LoyaltyMember } from './LoyaltyMember';
export { LoyaltyMembers } from './LoyaltyMembers';
export { LoyaltyRedemptions } from './LoyaltyRedemptions';
export { LoyaltyReward } from './LoyaltyReward';
