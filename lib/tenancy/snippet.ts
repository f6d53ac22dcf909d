import { publicUrl } from '@/lib/config/env';

/** The tracking snippet of a project, the same on every page that shows it. `defer` runs the script
 * after the page is parsed, in order, without blocking rendering. */
export function trackingSnippet(publishableKey: string): string {
  return `<script defer src="${publicUrl()}/zori.js" data-key="${publishableKey}"></script>`;
}
