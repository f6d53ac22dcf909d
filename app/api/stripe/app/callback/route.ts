import { currentUser, userActor } from '@/lib/auth/session';
import { publicUrl } from '@/lib/config/env';
import { describeError } from '@/lib/http/errors';
import { finishAppInstall } from '@/lib/stripe/connect/flow';
import { connectCallbackQuery } from '@/lib/zod/stripe-connect';

// GET /api/stripe/app/callback: where Stripe sends the admin back after installing the Zori app (an allowed_redirect_uri of stripe-app/stripe-app.json). Everything is decided in
// lib/stripe/connect/flow; refusals without a project to go back to get a short page here.

function refusal(status: number, message: string) {
  const esc = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe connection refused · Zori</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>Stripe was not connected</h1>
<p role="alert">${esc}</p><p><a href="/app">Back to Zori</a></p></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return refusal(401, 'Sign in to Zori, then click Install the Zori app again from Settings > Integrations.');
  try {
    const query = connectCallbackQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.redirect(`${publicUrl()}${await finishAppInstall(userActor(user), query)}`, 303);
  } catch (err) {
    const { status, message } = describeError(err);
    return refusal(status, message);
  }
}
