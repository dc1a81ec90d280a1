import { expect } from 'vitest';
import type { TestClient } from './http.ts';

const LOGIN_PATH = { seeker: '/login', employer: '/employer/login', staff: '/staff/login' } as const;

/** Signs a client in through the real form and checks it landed on its portal. */
export async function signInAs(
  client: TestClient,
  role: keyof typeof LOGIN_PATH,
  email: string,
  password: string,
) {
  await client.get(LOGIN_PATH[role]);
  const res = await client.post(LOGIN_PATH[role], { email, password });
  expect(res.status, `sign-in as ${role} ${email}`).toBe(303);
  return res;
}
