import { href } from '../router';

const TABS = [
  { path: [], label: 'Rewards and tiers' },
  { path: ['members'], label: 'Members' },
  { path: ['redemptions'], label: 'Redemptions' },
] as const;

/** The loyalty program's three lists, as links; the current one is marked for screen readers. */
export function LoyaltyTabs({ projectId, current }: { projectId: string; current: number }) {
  return (
    <nav aria-label="Loyalty program">
      <ul class="plain chips">
        {TABS.map((tab, index) => (
          <li key={tab.label}>
            <a
              class="chip"
              href={href(['projects', projectId, 'loyalty', ...tab.path])}
              aria-current={index === current ? 'page' : undefined}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
