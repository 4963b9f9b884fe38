/** The demo accounts' password in the browser tests: playwright.config.ts starts the server with it. */
export const DEMO_PASSWORD = 'demo-wachtwoord-e2e';

/** The demo accounts the server creates at its first start (src/server/demo.ts). */
export const DEMO = {
  huizenBeheerder: 'beheerder@huizen.demo',
  huizenAdviseur: 'adviseur@huizen.demo',
  huizenBestuurder: 'bestuurder@huizen.demo',
  huizenRaadslid: 'raadslid@huizen.demo',
  larenAdviseur: 'adviseur@laren.demo',
  heuvelrugAdviseur: 'adviseur@heuvelrug.demo',
  politiePartner: 'partner@politie.demo',
} as const;

/** The port of the SMTP server the browser tests start to read mail (playwright.config.ts points the server at it). */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3199) + 1000;
