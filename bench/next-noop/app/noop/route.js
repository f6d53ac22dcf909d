// The cheapest possible Next.js route handler: the framework's own ceiling on this machine.
export const dynamic = 'force-dynamic';
export function POST() {
  return new Response(null, { status: 204 });
}
export function GET() {
  return new Response(null, { status: 204 });
}
