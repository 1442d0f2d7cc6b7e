import type { ThreadCustomer } from '../api/types';
import { formatDateTime, formatLoyalty, formatValue } from '../format';
import { href } from '../router';

/** Who sent the feedback: id, email, traits, loyalty; or why we do not know. */
export function CustomerCard({
  customer,
  projectId,
}: {
  customer: ThreadCustomer | null;
  projectId: string;
}) {
  return (
    <section class="card stack" aria-labelledby="customer-heading">
      <h2 id="customer-heading">Customer</h2>
      {customer ? (
        <>
          <p>
            <a href={href(['projects', projectId, 'customers', customer.userId])}>
              {customer.userId}
            </a>
            {customer.email ? <span class="block hint">{customer.email}</span> : null}
          </p>
          <dl class="facts">
            {Object.entries(customer.traits).map(([key, value]) => (
              <div key={key} class="fact">
                <dt>{key}</dt>
                <dd>{formatValue(value)}</dd>
              </div>
            ))}
            <div class="fact">
              <dt>Loyalty</dt>
              <dd>{formatLoyalty(customer.loyalty)}</dd>
            </div>
            <div class="fact">
              <dt>First seen</dt>
              <dd>{formatDateTime(customer.firstSeenAt)}</dd>
            </div>
            <div class="fact">
              <dt>Last seen</dt>
              <dd>{formatDateTime(customer.lastSeenAt)}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p class="hint">
          An anonymous visitor: the site did not identify them with a valid userHash, so there is no
          profile.
        </p>
      )}
    </section>
  );
}
