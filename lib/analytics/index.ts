// The analytics queries, one small named function each; the public API and the dashboard pages both call these.
export { revenueByChannel } from './channels';
export { revenueBreakdown } from './breakdown';
export { revenueTimeseries, UNATTRIBUTED } from './timeseries';
export { headlineFigures } from './headline';
export { convertedVisitors } from './conversions';
export { listPayments } from './payments';
export { countVisitors, visitorsBy } from './visitors';
export { earliestActivity } from './earliest';
export type { RevenueQuery, Mode } from './attributed-revenue';
export * from './period';
export { dashboardView } from './dashboard';
