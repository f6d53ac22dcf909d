// Any /api/ path no route serves: a JSON 404 an API client can read, not the HTML 404 page.

function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json({ error: { message: `No API endpoint at ${request.method} ${pathname}. The API is described at /api/v1/openapi.json.` } }, { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
