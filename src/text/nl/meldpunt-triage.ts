import type { TMeldingSource, TMeldingStatus } from '../../domain/meldpunt.ts';

/** The meldpunt's back office (issue 13, part 3–4): the queue, a melding, triage, internal signals and M. tips. */
export const meldpuntTriageText = {
  meldpuntTriage: {
    errors: {
      notFound: 'Melding niet gevonden',
      fileNotFound: 'Bijlage niet gevonden',
      signIn: 'Log in om meldingen te zien',
      stale: 'De melding is intussen gewijzigd. Laad opnieuw en probeer het nog eens.',
      staleField: 'Verouderde versie',
      notAllowed: (from: string, to: string) => `Van "${from}" kan de melding niet naar "${to}"`,
      textRequired: 'Geef een toelichting: afsluiten en heropenen vragen een reden',
      useMerge: 'Samenvoegen gaat met "Samenvoegen met een andere melding"',
      notHandler: 'Deze persoon behandelt geen meldingen van deze gemeente en categorie',
      notTheme: 'Dit thema hoort niet bij een programma van deze gemeente',
      notActivity: 'Deze activiteit hoort niet bij een thema van deze gemeente',
      cannotAsk: 'De melder heeft geen meldcode: een vraag kan hem niet bereiken',
      askNotNow: 'In deze status kan geen vraag aan de melder worden gesteld',
      closed: 'De melding is afgesloten of samengevoegd: heropen haar eerst',
      wegingOrder: (n: number) => `Leg eerst weging ${n} vast`,
      afterNoAction: 'Na de uitkomst "geen actie" volgt geen weging 4',
      mergeSelf: 'Een melding kan niet met zichzelf worden samengevoegd',
      mergeMain: 'Kies een hoofdmelding van dezelfde gemeente die u behandelt en die niet zelf is samengevoegd',
      signalRole: 'Alleen medewerkers van de gemeente melden een intern signaal',
      tipRole: 'Alleen een behandelaar van meldingen registreert een tip van Meld Misdaad Anoniem',
      category: 'Kies een categorie van deze gemeente',
      referral: 'Deze categorie verwijst door naar een ander meldpunt; daar wordt niets opgeslagen',
      required: 'Vul dit in',
      unknownQuestion: 'Onbekende vraag',
      choice: 'Kies een van de mogelijkheden',
    },
    noActionReason: (toelichting: string) => `Geen actie (CCV-weging 3)${toelichting ? `: ${toelichting}` : ''}`,
    mergedReason: (number: string) => `Samengevoegd met ${number}`,
  },
};

/** Labels of the melding's codes, for the web app too. */
export const meldingStatusLabels: Record<TMeldingStatus, string> = {
  nieuw: 'Nieuw', in_behandeling: 'In behandeling', wacht_op_melder: 'Wacht op melder', doorgestuurd: 'Doorgestuurd',
  afgesloten: 'Afgesloten', samengevoegd: 'Samengevoegd',
};
export const meldingSourceLabels: Record<TMeldingSource, string> = {
  public: 'Melder (formulier)', internal: 'Intern signaal', mma: 'Meld Misdaad Anoniem',
};
