import { readConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { startRegie } from './start.ts';

/** Entry point: `npm start`. */
try {
  const config = readConfig();
  const started = Date.now();
  const regie = await startRegie(config, { logger: process.env.REGIE_LOG === '1', onDemoLoading: () => console.log('Demogegevens laden…') });
  const where = config.databaseUrl ? 'PostgreSQL-server (DATABASE_URL)' : `ingebouwde database in ${config.dataDir}`;
  console.log(`Regie draait op ${regie.url}  (${where}, gestart in ${Date.now() - started} ms)`);
  console.log(`Openbare site (gepubliceerde plannen, zonder inloggen): ${regie.url}/openbaar`);
  if (regie.demo) {
    console.log(`\nDemo-accounts, allemaal met het wachtwoord ${regie.demo.password}`);
    console.log('(alleen nu getoond; vast wachtwoord: zet REGIE_DEMO_PASSWORD vóór de eerste start)');
    for (const a of regie.demo.accounts) console.log(`  ${a.email.padEnd(26)} ${a.role.padEnd(18)} ${a.organisation}`);
    console.log(`\nMeldformulier van het demo-meldpunt (zonder inloggen): ${regie.url}/openbaar/huizen/melden`);
    const code = regie.demo.meldcode;
    if (code) console.log(`Meldcode om de status van melding ${code.number} (${code.municipality}) te bekijken: ${code.code}, geheime zin: ${code.phrase}`);
  }
  if (regie.setupUrl) {
    console.log(`\nNog geen gebruikers. Richt Regie in via deze eenmalige link (7 dagen geldig):\n  ${regie.setupUrl}`);
  }
  const shutdown = async () => {
    await regie.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (err) {
  if (err instanceof DataDirLockedError || (err instanceof Error && /PORT|DATABASE_URL|REGIE_/.test(err.message))) {
    console.error(`Regie kan niet starten: ${err.message}`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('Regie kan niet starten: de poort is al in gebruik. Kies een andere met PORT=…');
  } else {
    console.error('Regie kan niet starten:', err);
  }
  process.exit(1);
}
