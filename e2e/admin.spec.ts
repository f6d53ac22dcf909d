import { type Browser, expect, type Page, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { chooseOption } from './support/ui';

// The admin pages driven through the real UI: projects, API keys, invitations, and a viewer's
// read-only access (the UI disables changes; a forced submit is refused by the server).

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  return page;
}

async function openOrganization(page: Page) {
  const orgLink = page.getByRole('link', { name: /'s organization$/ });
  await orgLink.click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  return page.url();
}

test('an owner creates a project, reads its snippet, creates an API key shown once, deletes the project and renames the organization', async ({ browser }) => {
  const page = await signedInPage(browser, `owner-${stamp()}@example.test`);
  await openOrganization(page);

  const create = page.getByRole('form', { name: 'Create a project' });
  await create.getByLabel('Project name').fill('Storefront');
  await create.getByLabel('Domains').fill('shop.example.com');
  await create.getByLabel('Reporting currency').fill('dollars');
  await create.getByRole('button', { name: 'Create project' }).click();
  await expect(create.getByLabel('Reporting currency')).toHaveAttribute('aria-invalid', 'true');
  await expect(create.getByRole('alert').first()).toContainText('three-letter currency code');

  await create.getByLabel('Reporting currency').fill('eur');
  await create.getByRole('button', { name: 'Create project' }).click();
  await expect(create.getByRole('status')).toHaveText('Project created');
  await page.getByRole('link', { name: 'Storefront' }).click();
  await expect(page.getByRole('heading', { name: 'Storefront' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('tracking-snippet')).toHaveText(/^<script defer src="http:\/\/localhost:\d+\/zori\.js" data-key="zpk_[0-9A-Za-z]{24}"><\/script>$/);

  const settings = page.getByRole('form', { name: 'Project settings' });
  await settings.getByLabel('Time zone').fill('Mars/Olympus');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');
  await settings.getByLabel('Time zone').fill('Europe/Paris');
  await settings.getByLabel('Honour Do Not Track').uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved');
  await page.reload();
  await expect(settings.getByLabel('Time zone')).toHaveValue('Europe/Paris');
  await expect(settings.getByLabel('Honour Do Not Track')).not.toBeChecked();

  const keys = page.getByRole('form', { name: 'Create an API key' });
  await keys.getByLabel('Key name').fill('Exports');
  await keys.getByRole('button', { name: 'Create API key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!;
  expect(key).toMatch(/^zori_[0-9A-Za-z]{40}$/);
  await expect(page.getByTestId('api-key-row').filter({ hasText: 'Exports' })).toContainText(key.slice(0, 12));
  await page.reload();
  await expect(page.getByTestId('api-key-row').filter({ hasText: 'Exports' })).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);

  // Deleting asks for the project's name.
  await page.getByRole('link', { name: /'s organization$/ }).click();
  const row = page.getByTestId('project-row').filter({ hasText: 'Storefront' });
  await row.getByText('Rename or delete').click();
  const del = row.getByRole('form', { name: 'Delete Storefront' });
  await del.getByLabel('Type "Storefront" to confirm').fill('Storefrnt');
  await del.getByRole('button', { name: 'Delete project' }).click();
  await expect(del.getByRole('alert').first()).toHaveText('Type the project name exactly to confirm deletion');
  await del.getByLabel('Type "Storefront" to confirm').fill('Storefront');
  await del.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByTestId('project-row').filter({ hasText: 'Storefront' })).toHaveCount(0);

  // Organization settings: rename, with validation.
  await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Settings' }).click();
  const rename = page.getByRole('form', { name: 'Rename organization' });
  await rename.getByLabel('Organization name').fill('   ');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename.getByRole('alert').first()).toHaveText('Enter a name');
  await rename.getByLabel('Organization name').fill('Acme Retail');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Retail' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Organization$/ })).toContainText('Acme Retail');

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/app');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fapp/);
});

test('an invited viewer accepts by email, sees read-only pages and a forced change is refused', async ({ browser }) => {
  const owner = await signedInPage(browser, `inviter-${stamp()}@example.test`);
  const orgUrl = await openOrganization(owner);
  await owner.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Members' }).click();

  const inviteeEmail = `invitee-${stamp()}@example.test`;
  const invite = owner.getByRole('form', { name: 'Invite a member' });
  await invite.getByLabel('Email address').fill(inviteeEmail);
  await chooseOption(invite, /Role/, 'Viewer');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText('Invitation sent');
  await expect(owner.getByTestId('invitation-row').filter({ hasText: inviteeEmail })).toContainText('viewer');

  // The invitee signs in by magic link, then follows the invitation mail's link.
  const invitee = await signedInPage(browser, inviteeEmail);
  // Before accepting, the organization does not exist as far as the invitee can tell.
  const outsider = await invitee.goto(orgUrl);
  expect(outsider?.status()).toBe(404);
  await invitee.goto('/dev/outbox');
  const mail = invitee.getByTestId('outbox-message').filter({ hasText: inviteeEmail }).filter({ hasText: 'You are invited' }).first();
  await invitee.goto((await mail.getByRole('link').getAttribute('href'))!);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee).toHaveURL(orgUrl);
  await expect(invitee.getByText('your role: viewer')).toBeVisible();

  // Read-only UI for the viewer.
  await expect(invitee.getByTestId('read-only-note')).toBeVisible();
  const create = invitee.getByRole('form', { name: 'Create a project' });
  await expect(create.getByLabel('Project name')).toBeDisabled();
  await expect(create.getByRole('button', { name: 'Create project' })).toBeDisabled();

  // Forcing the form open and submitting it gets a clear refusal from the server; nothing is created.
  await create.locator('fieldset').evaluate((el) => el.removeAttribute('disabled'));
  await create.getByLabel('Project name').fill('Sneaky project');
  await create.getByRole('button', { name: 'Create project' }).click();
  await expect(create.getByRole('alert')).toHaveText('Only owners and admins can do this');
  await invitee.reload();
  await expect(invitee.getByRole('link', { name: 'Sneaky project' })).toHaveCount(0);

  // The invitee now belongs to two organizations; the switcher moves between them.
  await chooseOption(invitee, /Organization$/, `${inviteeEmail.split('@')[0]}'s organization`);
  await expect(invitee.getByText('your role: owner')).toBeVisible();
  await expect(invitee).not.toHaveURL(orgUrl);

  // The owner sees the new member.
  await owner.reload();
  const inviteeRow = owner.getByTestId('member-row').filter({ hasText: inviteeEmail });
  await expect(inviteeRow.getByTestId('member-role')).toHaveText('viewer');
  // The last owner cannot demote themselves; promoting the viewer works.
  const ownerRow = owner.getByTestId('member-row').filter({ has: owner.getByTestId('member-you') });
  await chooseOption(ownerRow, /Role of/, 'Viewer');
  await ownerRow.getByRole('button', { name: 'Change role' }).click();
  await expect(ownerRow.getByRole('alert').first()).toContainText('at least one owner');
  await chooseOption(inviteeRow, /Role of/, 'Admin');
  await inviteeRow.getByRole('button', { name: 'Change role' }).click();
  await expect(inviteeRow.getByRole('status')).toHaveText('Role changed');
  await expect(inviteeRow.getByTestId('member-role')).toHaveText('admin');
  await expect(ownerRow.getByTestId('member-role')).toHaveText('owner');
});

test('a signed-out visitor is sent to sign-in and back to the page asked for', async ({ page }) => {
  await page.goto('/orgs/some-org/members');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fsome-org%2Fmembers$/);
  const email = `returning-${stamp()}@example.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  const link = await page.getByTestId('outbox-message').filter({ hasText: email }).first().getByRole('link').getAttribute('href');
  const landed = await page.goto(link!);
  await expect(page).toHaveURL(/\/orgs\/some-org\/members$/);
  expect(landed?.status()).toBe(404); // back where they asked, and an unknown organization is a 404
});
