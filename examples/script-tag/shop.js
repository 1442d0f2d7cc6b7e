// The storefront's own script (not part of Rapport). It shows the two calls a site makes:
// `rapport('track', …)` for a meaningful action and, on the account page, `rapport('identify', …)`
// with a userHash computed by the site's server — the identity secret never reaches the page.
// Calls made before rapport.js has loaded are queued by the loader stub and replayed in order.

// The loader stub defines window.rapport before this deferred script runs. Call it through
// `window`: a global `const rapport` here would shadow it, and the stub, which finds its queue
// by that name, would queue calls on the wrong object.

for (const button of document.querySelectorAll('[data-track]')) {
  button.addEventListener('click', () => {
    const status = document.querySelector('[data-track-status]');
    window.rapport('track', button.dataset.track, { product: button.dataset.product });
    if (status) status.textContent = 'Added to your bag.';
    addToBag();
  });
}

/** The demo has no cart: the counter only reflects this visit. */
function addToBag() {
  const bag = document.querySelector('.bag-link');
  if (!bag) return;
  const count = (Number(bag.dataset.count) || 0) + 1;
  bag.dataset.count = String(count);
  bag.textContent = `Bag (${count})`;
}

const identityState = document.querySelector('[data-identity]');
if (identityState) signInDemoCustomer(identityState);

/**
 * The demo server signs the demo customer's id at /demo/identity. A real site computes
 * HMAC-SHA256(identity secret, userId) in its own back end while rendering the page.
 */
async function signInDemoCustomer(state) {
  const userId = state.dataset.identity;
  try {
    const response = await fetch(`/demo/identity?userId=${encodeURIComponent(userId)}`);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const { userHash } = await response.json();
    window.rapport(
      'identify',
      userId,
      { name: 'Dana Whitfield', email: 'dana@example.com', plan: 'Subscriber' },
      { userHash },
    );
    state.dataset.state = 'ok';
    state.textContent = 'Signed in to Rapport: open the widget to see your points.';
  } catch (error) {
    state.dataset.state = 'error';
    state.textContent = `Could not sign you in to Rapport (${error.message}). Is the demo server running with its demo seed?`;
  }
}
