// A throwaway Next.js app with one no-op route, built and served by bench/ingest.ts for comparison.
export default { typescript: { ignoreBuildErrors: true } };
