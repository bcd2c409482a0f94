// Where the test server (scripts/serve-dist.mjs) appends the CSP violation reports it receives: one
// file per port, so two runs on one machine keep their own.
export const CSP_REPORT_FILE = `reports/csp-violations-${process.env.E2E_PORT ?? 4399}.ndjson`;
