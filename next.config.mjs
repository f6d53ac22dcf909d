/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds (tests, benches) may share one checkout; each can pick its own output folder.
  distDir: process.env.ZORI_DIST_DIR || '.next',
  poweredByHeader: false,
  // Packages with wasm or native parts stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/schema-engine-wasm', 'pg'],
};
export default nextConfig;
