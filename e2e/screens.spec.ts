import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { query } from './support/stripe-emulator';

// Every page, in light and dark, on a phone (390 px) and a desktop (1440 px): a full-page screenshot
// kept as a test artifact (test-results/), and the layout checks a reviewer would otherwise do by
// eye: nothing wider than the window, no table cell cut off, and on a desktop no table that needs
// scrolling to show its last column.

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;
const THEMES = ['light', 'dark'] as const;

type Screen = { name: string; path: string; as: 'owner' | 'newcomer' | 'anonymous'; ready?: (page: Page) => Promise<void>; status?: number };

type LayoutProblems = { documentWidth: number; viewport: number; clippedCells: string[]; scrollingTables: string[] };

/** Measures what a person would see as broken: runs in the page. */
async function layoutProblems(page: Page, desktop: boolean): Promise<LayoutProblems> {
  return page.evaluate((desktop) => {
    const scrolls = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const clippedCells = [...document.querySelectorAll('th, td')]
      .filter((c) => (c as HTMLElement).offsetParent !== null && c.scrollWidth > c.clientWidth + 1 && !insideScroller(c))
      .map(describe);
    // On a desktop every table fits its card: a scroll container wider than its box hides columns.
    const scrollingTables = desktop
      ? [...document.querySelectorAll('table')]
          .map((t) => t.closest('[data-scroll-container]'))
          .filter((s): s is Element => !!s && (s as HTMLElement).offsetParent !== null && s.scrollWidth > s.clientWidth + 1)
          .map((s) => describe(s.querySelector('caption') ?? s))
      : [];
    return { documentWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, clippedCells, scrollingTables };
  }, desktop);
}

const charts = async (page: Page) => {
  await expect(page.getByTestId('timeseries-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('channel-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
};

let ownerState: Awaited<ReturnType<BrowserContext['storageState']>>;
let newcomerState: Awaited<ReturnType<BrowserContext['storageState']>>;
let orgId = '';
let invitationPath = '';

async function signedInState(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\//);
  const state = await context.storageState();
  await context.close();
  return state;
}

test.beforeAll(async ({ browser }) => {
  ownerState = await signedInState(browser, 'demo@zori.local');
  newcomerState = await signedInState(browser, `newcomer-${Date.now()}@example.test`);
  orgId = (await query<{ id: string }>(`SELECT "organizationId" AS id FROM "Project" WHERE id = 'demo-shop'`))[0].id;
  // An invitation for someone else: the owner sees the "signed in with another address" state.
  const token = `screens${Date.now()}abcdefghijklmnopqrst`;
  await query(
    `INSERT INTO "Invitation" (id, "organizationId", email, role, "tokenHash", "expiresAt", "createdAt")
     VALUES ($1, $2, 'invitee@example.test', 'member', encode(sha256(convert_to($1, 'UTF8')), 'hex'), now() + interval '7 days', now())
     ON CONFLICT ("organizationId", email) DO UPDATE SET "tokenHash" = excluded."tokenHash", "expiresAt" = excluded."expiresAt"`,
    [token, orgId],
  );
  invitationPath = `/invitations/${token}`;
});

const SCREENS = (): Screen[] => [
  { name: 'sign-in', path: '/signin', as: 'anonymous' },
  { name: 'check-email', path: '/signin/check-email', as: 'anonymous' },
  { name: 'not-found', path: '/no-such-page', as: 'anonymous', status: 404 },
  { name: 'org-projects', path: `/orgs/${orgId}`, as: 'owner' },
  { name: 'org-members', path: `/orgs/${orgId}/members`, as: 'owner' },
  { name: 'org-settings', path: `/orgs/${orgId}/settings`, as: 'owner' },
  { name: 'dashboard', path: '/projects/demo-shop?period=90d', as: 'owner', ready: charts },
  { name: 'dashboard-filtered', path: '/projects/demo-shop?period=30d&channel=Paid+Search', as: 'owner' },
  { name: 'payments', path: '/projects/demo-shop/payments?period=90d', as: 'owner' },
  { name: 'diagnostics', path: '/projects/demo-shop/diagnostics', as: 'owner' },
  { name: 'project-settings', path: '/projects/demo-shop/settings', as: 'owner' },
  { name: 'integrations', path: '/projects/demo-shop/settings/integrations', as: 'owner' },
  { name: 'invitation', path: invitationPath, as: 'owner' },
  { name: 'other-tenant-404', path: '/projects/not-a-project', as: 'owner', status: 404 },
  { name: 'onboarding', path: '/app', as: 'newcomer' },
];

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of THEMES) {
    test(`every page at ${viewport.width} px in ${theme}: fits, nothing clipped`, async ({ browser }, testInfo) => {
      const contexts = {
        owner: await browser.newContext({ viewport, colorScheme: theme, storageState: ownerState }),
        newcomer: await browser.newContext({ viewport, colorScheme: theme, storageState: newcomerState }),
        anonymous: await browser.newContext({ viewport, colorScheme: theme }),
      };
      const pages = { owner: await contexts.owner.newPage(), newcomer: await contexts.newcomer.newPage(), anonymous: await contexts.anonymous.newPage() };
      const problems: string[] = [];
      for (const screen of SCREENS()) {
        const page = pages[screen.as];
        const res = await page.goto(screen.path);
        expect(res?.status(), screen.name).toBe(screen.status ?? 200);
        await screen.ready?.(page);
        // The system theme reached the page: dark pages have a dark background.
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r] = bg.match(/\d+/g)!.map(Number);
        expect(theme === 'dark' ? r < 60 : r > 200, `${screen.name} background ${bg} in ${theme}`).toBe(true);
        const found = await layoutProblems(page, size === 'desktop');
        if (found.documentWidth > found.viewport) problems.push(`${screen.name}: page is ${found.documentWidth} px wide in a ${found.viewport} px window`);
        for (const c of found.clippedCells) problems.push(`${screen.name}: clipped cell ${c}`);
        for (const t of found.scrollingTables) problems.push(`${screen.name}: table needs sideways scrolling on a desktop: ${t}`);
        const file = testInfo.outputPath(`${screen.name}-${viewport.width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      }
      await Promise.all(Object.values(contexts).map((c) => c.close()));
      expect(problems).toEqual([]);
    });
  }
}

test('the theme toggle persists the choice and the next page is served in it (no flash)', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light', storageState: ownerState });
  const page = await context.newPage();
  await page.goto(`/orgs/${orgId}`);
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByRole('radiogroup', { name: 'Colour theme' }).getByRole('radio', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  // The server renders the class itself: the first byte of the next page is already dark.
  const html = await (await page.request.get(`/orgs/${orgId}/members`)).text();
  expect(html).toMatch(/<html[^>]*class="dark"/);
  await page.goto(`/orgs/${orgId}/members`);
  await expect(page.locator('html')).toHaveClass(/dark/);
  // Back to the system's choice: no class, the light system theme shows.
  await page.getByRole('radiogroup', { name: 'Colour theme' }).getByRole('radio', { name: 'System theme' }).click();
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark|light/);
  await context.close();
});

test('an unknown API path answers a JSON 404, an unknown page the styled 404 page', async ({ request }) => {
  const api = await request.get('/api/v1/nope');
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toMatch(/^application\/json/);
  expect((await api.json()).error.message).toContain('No API endpoint at GET /api/v1/nope');
  const page = await request.get('/no-such-page');
  expect(page.status()).toBe(404);
  expect(await page.text()).toContain('Page not found');
  const icon = await request.get('/icon.svg');
  expect(icon.status()).toBe(200);
});
