import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { SessionBody } from '../src/api/types';
import { projectView } from './fixtures';
import { errorBody, HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

const MEMBER_SESSION: SessionBody = {
  ...OWNER_SESSION,
  user: { id: 'u2', email: 'max@example.test', name: 'Max Member' },
  projects: [{ id: 'p1', name: 'Shop', role: 'member' }],
};

describe('project settings and keys', () => {
  const server = useMsw();

  it('a member sees the keys but cannot rotate, edit or delete', async () => {
    server.use(
      http.get('*/v1/console/projects/p1', () =>
        HttpResponse.json(projectView({ role: 'member', identitySecret: undefined })),
      ),
    );
    renderApp('#/projects/p1/settings', MEMBER_SESSION);
    await screen.findByText('pk_live_abc');
    for (const name of ['Rotate publishable key', 'Rotate secret key', 'Rotate identity secret']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(screen.getByText('Only owners can rotate keys.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Delete this project' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Team' })).toBeNull();
  });

  it('an owner rotates the secret key after confirming and sees it once with a warning', async () => {
    let rotations = 0;
    server.use(
      http.post('*/v1/console/projects/p1/keys/rotate', async ({ request }) => {
        rotations += 1;
        expect(await request.json()).toEqual({ key: 'secret' });
        return HttpResponse.json({
          secretKey: 'sk_live_new',
          previousSecretKeyValidUntil: '2026-12-03T10:00:00.000Z',
        });
      }),
    );
    renderApp('#/projects/p1/settings', OWNER_SESSION);
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate secret key' }));
    expect(rotations).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, rotate the secret key' }));
    await screen.findByText('sk_live_new');
    expect(rotations).toBe(1);
    expect(screen.getByText(/shown only once/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the new secret key' })).toBeTruthy();
  });

  it('shows the server’s 403 when the role changed behind the page', async () => {
    server.use(
      http.post('*/v1/console/projects/p1/keys/rotate', () =>
        errorBody(403, 'forbidden', 'Rotating keys needs the owner role.'),
      ),
    );
    renderApp('#/projects/p1/settings', OWNER_SESSION);
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate publishable key' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, rotate the publishable key' }));
    await screen.findByText('Rotating keys needs the owner role.');
  });

  it('refuses an origin with a path before sending, naming it', async () => {
    let patches = 0;
    server.use(
      http.patch('*/v1/console/projects/p1', () => {
        patches += 1;
        return HttpResponse.json(projectView());
      }),
    );
    renderApp('#/projects/p1/settings', OWNER_SESSION);
    const origins = await screen.findByLabelText('Allowed origins');
    fireEvent.input(origins, {
      target: { value: 'https://shop.example\nhttps://blog.example/posts' },
    });
    expect(screen.getByText(/"https:\/\/blog.example\/posts" has a path/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(origins.getAttribute('aria-invalid')).toBe('true'));
    expect(patches).toBe(0);
    fireEvent.input(origins, { target: { value: 'https://shop.example\nhttp://localhost:3000/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(patches).toBe(1);
  });

  it('deletes the project only once its name is typed', async () => {
    let confirm: unknown;
    server.use(
      http.delete('*/v1/console/projects/p1', async ({ request }) => {
        confirm = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
      http.get('*/v1/console/session', () => HttpResponse.json({ ...OWNER_SESSION, projects: [] })),
    );
    renderApp('#/projects/p1/settings', OWNER_SESSION);
    const button = (await screen.findByRole('button', {
      name: 'Delete project',
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/to confirm/), { target: { value: 'shop' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/to confirm/), { target: { value: 'Shop' } });
    fireEvent.click(button);
    await waitFor(() => expect(confirm).toEqual({ confirm: 'Shop' }));
    await waitFor(() => expect(location.hash).toBe('#/projects'));
  });
});
