import { helpLinks } from './common.ts';

export const helpText = {
  /** The help pages (/help): the report cycle, in the users' words. One topic per section; `id` is its anchor. */
  help: {
    ...helpLinks,
    title: 'Help bij de beleids- en rapportagecyclus',
    intro:
      'Regie ondersteunt de hele cyclus van het integraal veiligheidsbeleid: van het integraal veiligheidsplan (IVP) via het ' +
      'uitvoeringsprogramma (UVP) en de voortgang per kwartaal naar de rapportage aan de raad en de evaluatie. Hieronder leest u ' +
      'per stap hoe u dat in Regie doet.',
    toc: 'Inhoud',
    backToToc: 'Terug naar de inhoud',
    topics: [
      {
        id: 'beleidscyclus',
        title: 'De beleidscyclus',
        paragraphs: [
          'Het integraal veiligheidsbeleid volgt een vaste cyclus. Regie houdt elke stap bij als gegevens, zodat rapportages en ' +
          'voorstellen uit dezelfde bron komen.',
        ],
        steps: [
          'Integraal veiligheidsplan (IVP): het kader voor vier jaar, met missie, ambitie, prioritaire thema’s en effectindicatoren. De gemeenteraad stelt het vast.',
          'Uitvoeringsprogramma (UVP): twee keer per IVP een programma voor twee jaar, met per thema de doelen, activiteiten, betrokkenen en de begroting. Het college stelt het vast en brengt het ter kennisname van de raad.',
          'Voortgang: elk kwartaal houdt de adviseur een updateronde; de verantwoordelijken en partners melden de stand van hun activiteiten.',
          'Rapportage: de cijfers van een afgesloten ronde vormen de voortgangsrapportage, die het college met een collegevoorstel aan de raad stuurt.',
          'Evaluatie: halverwege en aan het einde van het IVP; de uitkomsten voeden het volgende plan.',
        ],
      },
      {
        id: 'updaterondes',
        title: 'Een updateronde houden',
        paragraphs: ['Een updateronde vraagt de verantwoordelijken van een programma om de stand van hun activiteiten over één kwartaal.'],
        steps: [
          'Open het programma en kies Updaterondes.',
          'Kies het kwartaal en eventueel een uiterste datum, en open de ronde. Regie vraagt een update van elke activiteit waarvan het werk in of voor dat kwartaal begon en die niet gereed of vervallen is.',
          'De verantwoordelijken zien de vraag op hun startpagina en onder Mijn activiteiten, en geven per activiteit de status, een notitie of een percentage door. Partners doen dat voor de activiteiten waarbij hun organisatie betrokken is.',
          'Is de uiterste datum voorbij en de ronde nog open, dan staat er "Verlopen" bij de ronde: in de lijst, op de pagina van de ronde en bij Mijn updates.',
          'Op de pagina van de ronde ziet u wie al heeft bijgewerkt. Stuur zo nodig een herinnering: in Regie, en per e-mail als de beheerder e-mail heeft ingesteld.',
          'Sluit de ronde. Vanaf dat moment liggen de cijfers van de ronde vast en veranderen ze niet meer.',
        ],
      },
      {
        id: 'dashboard',
        title: 'Het dashboard en het menu van een plan',
        paragraphs: [
          'Elke pagina van een plan heeft bovenaan een menu: Overzicht, Dashboard, Activiteiten, Planning, Begroting, Indicatoren, Updaterondes (bij een programma) en Documenten. Het dashboard is zo vanaf elke pagina van het plan één klik verwijderd.',
          'Het dashboard begint met de kerncijfers: hoeveel activiteiten achterlopen, vertraagd of gereed zijn, hoeveel indicatoren op koers zijn, niet op koers zijn of nog geen meting hebben, en hoeveel van de begroting is besteed. Elk cijfer leidt naar de lijst erachter. Daaronder staan per thema de grafiek en de tabel.',
          'Is uw account gekoppeld aan een portefeuillehouder, dan toont het dashboard eerst uw eigen thema’s. Kies Toon het hele plan om alle thema’s te zien.',
          'Staat er bij een thema “niet per thema begroot”, dan horen de begrotingsposten bij het plan als geheel; het totaal staat in de laatste rij.',
        ],
      },
      {
        id: 'meldpunt-in-cijfers',
        title: 'Meldingen tellen voor het veiligheidsplan',
        paragraphs: [
          'Een indicator kan het aantal meldingen van een categorie van het meldpunt tellen, bijvoorbeeld “Meldingen jongerenoverlast” uit de categorie jeugdoverlast. Kies op het formulier van de indicator bij Tellen uit het meldpunt de categorie. Elke maand wordt het aantal meldingen dan een meting met de bron “Meldpunt (Regie)”; de lopende maand is voorlopig. Samengevoegde dubbele meldingen tellen niet mee.',
          'Regie werkt de tellingen elke nacht bij; een adviseur of behandelaar kan ze ook direct bijwerken. Alleen aantallen gaan naar het plan: geen meldingen en geen melders.',
          'Aantallen van 1 tot en met 4 staan in openbare documenten en op de openbare site als “minder dan 5”, zodat een klein aantal niet naar een persoon wijst. In Regie ziet u het echte aantal.',
          'Meldpunt in cijfers (op de pagina van de gemeente) toont per categorie en maand het aantal meldingen als grafiek en tabel, hoeveel meldingen binnen de reactietermijn zijn opgepakt en de uitkomsten van de triage. Wie geen behandelaar van een categorie is, ziet daar kleine aantallen als “minder dan 5”.',
        ],
      },
      {
        id: 'formulieren',
        title: 'Formulieren: niets gaat verloren',
        paragraphs: [
          'Na 30 minuten zonder activiteit logt Regie u uit. Twee minuten daarvoor ziet u "U wordt over 2 minuten uitgelogd" met de knop Ingelogd blijven.',
          'Was de sessie toch verlopen toen u opsloeg, dan vraagt Regie u opnieuw in te loggen, in een venster boven de pagina. Wat u hebt ingevuld blijft staan en wordt daarna alsnog opgeslagen.',
          'Een voortgangsnotitie en een collegevoorstel bewaart Regie tijdens het typen als concept op uw eigen computer. Na herladen ziet u "Concept hersteld van …", met de knop Concept weggooien. Het concept verdwijnt na opslaan en bij uitloggen.',
          'Betrokken organisaties kiest u door te typen en met de pijltjestoetsen en Enter een organisatie te kiezen; elke gekozen organisatie heeft een eigen knop om haar te verwijderen.',
          'Herkent Regie een tijdpad of frequentie niet, dan stelt het formulier iets voor, bijvoorbeeld "Niet herkend – bedoelt u Q1–Q4 2023?". De tekst wordt bewaard zoals u hem typt.',
        ],
      },
      {
        id: 'voortgangsrapportage',
        title: 'Een voortgangsrapportage maken',
        paragraphs: [
          'De voortgangsrapportage is gebaseerd op een afgesloten updateronde: per activiteit de status, de laatste update en ' +
          'of de activiteit achterloopt op haar frequentie, en de totalen per status.',
          'Maak op de pagina van het programma een collegevoorstel met het doel “De voortgangsrapportage van een updateronde aan ' +
          'de raad sturen” en kies de ronde. Regie neemt de cijfers van die ronde over in het voorstel.',
          'Heeft het college besloten, leg dat dan vast op de pagina van de ronde onder Vaststelling en publicatie. Regie bewaart ' +
          'de rapportage zoals zij is vastgesteld; stuur haar daarna ter kennisname naar de raad en publiceer haar.',
        ],
      },
      {
        id: 'collegevoorstel',
        title: 'Een collegevoorstel voorbereiden',
        paragraphs: [
          'Een collegevoorstel vraagt het college om een besluit: het programma vaststellen, of de voortgangsrapportage aan de raad ' +
          'sturen. Regie vult het voorstel met de gegevens van het programma, in de vaste opbouw van een collegevoorstel.',
        ],
        steps: [
          'Kies op de pagina van het programma Collegevoorstel maken, en kies waarvoor het voorstel is.',
          'Regie vult de besluitpunten en de onderdelen: aanleiding, doel/beoogd effect (de doelen per thema), argumenten (de thema’s), kanttekeningen en risico’s (zoals PM-posten en overschrijdingen), financiële informatie (de begroting per jaar), participatie (de betrokken partners), communicatie en vervolg/evaluatie.',
          'Wat niet uit de gegevens volgt, staat er als “[Vul in: …]”. Bovenaan het bewerkscherm staat welke onderdelen nog zo’n tekst bevatten; vervang die door uw eigen tekst.',
          'Voeg besluitpunten, onderdelen en vervolgacties toe, verwijder ze of zet ze in een andere volgorde, en sla op. Werkt een collega tegelijk aan hetzelfde voorstel, dan waarschuwt Regie in plaats van diens wijzigingen te overschrijven.',
          'Download het voorstel als Word-bestand voor de bestuurlijke route. Zolang er nog iets in te vullen is, staat dat bovenaan het document.',
        ],
      },
      {
        id: 'vaststelling',
        title: 'Vaststellen, ter kennisname en publiceren',
        paragraphs: [
          'Een plan of programma doorloopt vier stappen. Bij elke stap verandert wie het kan lezen.',
          'De voortgangsrapportage van een gesloten updateronde en het evaluatierapport doorlopen dezelfde stappen: stel ze vast ' +
          'op de pagina van de ronde of, voor het evaluatierapport, op de pagina van het programma. De raad leest een rapportage ' +
          'zodra zij is vastgesteld, het publiek zodra zij is gepubliceerd. Een vastgestelde versie blijft precies zoals zij was, ' +
          'ook als er later nieuwe updates komen; het plan zelf houdt zijn eigen stadium.',
          'Wijzigt een adviseur een vastgesteld programma, dan wordt het een nieuw concept. Raadsleden en het publiek lezen ' +
          'intussen op dezelfde pagina’s de laatste versie die zij mogen lezen, met de voortgang van vandaag en een melding ' +
          'welke versie zij lezen. Het bewerkformulier waarschuwt hiervoor.',
        ],
        terms: [
          { term: 'Concept', meaning: 'In voorbereiding. Alleen de eigen organisatie leest mee: beheerder, adviseur en bestuurder (portefeuillehouder).' },
          { term: 'Vastgesteld', meaning: 'Het college (een UVP) of de raad (een IVP) heeft het vastgesteld. Raadsleden van de gemeente kunnen het nu lezen.' },
          { term: 'Aan de raad gezonden', meaning: 'Ter kennisname aan de raad of de raadscommissie gestuurd. Raadsleden lezen het, het publiek nog niet.' },
          { term: 'Gepubliceerd', meaning: 'Openbaar: iedereen leest het, ook zonder account, op de publieke website van Regie. De boekingen van uitgaven blijven intern; alleen de totalen zijn openbaar.' },
        ],
      },
      {
        id: 'activiteitentabel',
        title: 'De activiteitentabel',
        paragraphs: [
          'De activiteitentabel van een programma toont alle activiteiten, met direct na de naam de status en of de activiteit ' +
          'achterloopt. De eerste kolom blijft staan als u de tabel opzij schuift.',
          'Kies bij Weergave Compact (één regel per activiteit, zoals in Excel) of Ruim (met de toelichting, ingekort tot twee ' +
          'regels; met meer leest u alles). Regie onthoudt uw keuze in deze browser. Op een telefoon staat elke activiteit op een ' +
          'eigen kaart.',
          'Met de filters kiest u thema, reikwijdte, partner, verantwoordelijke, kwartaal, status en voortgang, of zoekt u op tekst. ' +
          'Op een smal scherm zijn de filters ingeklapt; Filters (2) zegt hoeveel er aanstaan. Met Direct naar de resultaten ' +
          'slaat u de filters over.',
        ],
      },
      {
        id: 'excel',
        title: 'Werken met Excel',
        paragraphs: [
          'Wie liever in Excel werkt, downloadt de activiteitentabel en de begroting van een programma als Excel-bestand, werkt ' +
          'het daarin bij en leest het weer in. Regie laat eerst zien wat er zou veranderen en bewaart pas als u bevestigt: alles ' +
          'of niets. Een ongewijzigd bestand verandert niets. Elke import staat in het auditlogboek.',
          'Metingen van effectindicatoren leest u in met Metingen importeren op de pagina van het plan: een export van CBS of de ' +
          'politie (StatLine) of een eigen tabel.',
        ],
        steps: [
          'Kies in de activiteitentabel van het programma Exporteren naar Excel. Het blad Toelichting zegt welke kolommen u kunt bewerken.',
          'Pas teksten, tijdpad, frequentie, betrokkenen, toelichting en bedragen aan, of voeg onderaan een activiteit toe zonder sleutel. Laat de kolom Sleutel ongemoeid: daarmee vindt Regie de activiteit terug.',
          'Kies Importeren uit Excel en het bestand. Regie toont per rij wat verandert (was → wordt), de nieuwe activiteiten en elke fout met blad, rij en kolom.',
          'Klopt het, kies dan Wijzigingen opslaan. Heeft een collega het programma intussen gewijzigd, dan maakt Regie het voorbeeld opnieuw; controleer het en sla opnieuw op.',
          'Rijen die u uit het bestand weghaalt, worden niet verwijderd; de status en de verantwoordelijken wijzigt u in Regie zelf.',
        ],
      },
      {
        id: 'publieke-site',
        title: 'De openbare site',
        paragraphs: [
          'Wat u publiceert, staat op de openbare site van Regie (/openbaar), voor iedereen te lezen zonder in te loggen en zonder ' +
          'JavaScript: elk gepubliceerd plan, programma en elke rapportage als eigen pagina, met de vastgestelde bestanden (PDF, ' +
          'Word, webpagina) en bij een programma de gegevens als open data (JSON en CSV). Oudere gepubliceerde versies blijven ' +
          'leesbaar onder Eerdere versies.',
          'Alleen gepubliceerde versies zijn bereikbaar, ook niet via een geraden adres. Concepten, werkaantekeningen bij de ' +
          'voortgang, boekingen van uitgaven en e-mailadressen zijn nooit openbaar.',
          'Elk programma heeft een vaste link die altijd naar de nieuwste gepubliceerde versie leidt. De site toont hem als volledig adres (met https:// ervoor), klaar om te kopiëren; zet die op de website van de ' +
          'gemeente. In de lijst met versies op de pagina van het plan staat bij een gepubliceerde versie de link Op de openbare site.',
          'De beheerder stelt onder Organisatie → Openbare site de huisstijl in (kleuren met voldoende contrast, de naam in de kop) ' +
          'en het contactadres voor de toegankelijkheidsverklaring.',
        ],
      },
      {
        id: 'meldingen',
        title: 'Meldingen behandelen (meldpunt)',
        paragraphs: [
          'Als behandelaar van meldingen ziet u in het menu Meldingen: de wachtrij van de meldingen van uw gemeente, voor alle ' +
          'categorieën of alleen de uwe. Anderen – ook de beheerder en de adviseur – zien de meldingen niet. Elke keer dat u een ' +
          'melding opent, legt Regie dat vast in het logboek van de verwerkingen.',
          'De leeftijd van een melding telt in werkdagen (maandag tot en met vrijdag; feestdagen tellen mee). Is de reactietermijn ' +
          'van de categorie voorbij, dan staat er bijvoorbeeld "3 dagen te laat".',
          'Contactgegevens van een melder ziet alleen u als behandelaar van die melding; voor anderen staan er sterretjes (*****).',
          'Slaat iemand anders de melding op terwijl u haar open had, dan zegt Regie dat en laadt u haar opnieuw: niets gaat ongemerkt verloren.',
        ],
        steps: [
          'Open een melding vanuit de wachtrij. Filter zo nodig op status, categorie, behandelaar of volgorde.',
          'Wijs de melding toe aan uzelf of een andere behandelaar, en koppel haar zo nodig aan een thema of activiteit van het programma.',
          'Leg bij ondermijning de wegingen 1 tot en met 4 van het CCV-modelprotocol in volgorde vast. Bij elke weging bewaart Regie wie besliste en wanneer. De uitkomst "geen actie" bij weging 3 sluit de melding af en bewaart haar een jaar; daarna wordt ze vernietigd.',
          'Stel de melder een vraag als die een meldcode heeft: de melding wacht dan op de melder. Notities zijn alleen voor behandelaars.',
          'Wijzig de status volgens de toegestane stappen. Afsluiten en heropenen vragen een toelichting; de reden van afsluiten blijft bij de melding.',
          'Is een melding dubbel, voeg haar dan samen met de hoofdmelding van dezelfde gemeente.',
          'Elke medewerker van de gemeente meldt een intern signaal via Signaal melden op de startpagina. Een tip van Meld Misdaad Anoniem registreert u als behandelaar onder Meldingen; dat formulier heeft geen velden voor de melder.',
        ],
      },
      {
        id: 'meldingen-doorsturen',
        title: 'Meldingen doorsturen, notificaties en het meldpunt instellen',
        paragraphs: [
          'Een behandelaar stuurt een melding door naar een partner (politie, RIEC, Zorg- en Veiligheidshuis) met Doorsturen bij ' +
          'de melding. Eerst komt de redactiestap: Regie stelt een samenvatting voor uit de antwoorden van de melder, zonder ' +
          'contactgegevens; u haalt weg wat de partner niet nodig heeft en vult de grondslag in. Alleen die samenvatting gaat mee, ' +
          'niet de melding zelf. Contactgegevens gaan alleen mee als de melder daarvoor toestemming gaf én u het vinkje zet.',
          'Regie legt vast wat er is gedeeld, met wie, wanneer, door wie en op welke grondslag. De partner leest het in Regie onder ' +
          'Doorgestuurde meldingen en ziet niets anders van de melding.',
          'Contactgegevens van een melder ziet alleen wie de melding behandelt; anderen zien *****.',
          'Notificaties (in de kop, met het aantal ongelezen) melden een nieuwe melding, een reactie van een melder of een ' +
          'doorgestuurde melding. Een notificatie en de e-mail erover noemen alleen wat er gebeurde, met een link; de inhoud ziet u ' +
          'pas na inloggen.',
          'De beheerder van de gemeente stelt onder Organisatie → Meldpunt instellen de categorieën in (vragen, tekst over de ' +
          'afhandeling, reactietermijn, doorverwijzing, bewaartermijn, actief en volgorde) en wie behandelaar is, voor alle of ' +
          'enkele categorieën.',
          'Een melding waarvan de bewaartermijn verstreken is, vernietigt Regie elke nacht met alles wat erbij hoort (bijlagen, ' +
          'berichten, meldcode, doorzendingen). Er blijft alleen een verslag over van wat er is vernietigd, zonder inhoud.',
        ],
      },
      {
        id: 'begrippen',
        title: 'Begrippen',
        paragraphs: [],
        terms: [
          { term: 'IVP', meaning: 'Integraal veiligheidsplan: het beleidskader voor vier jaar, vastgesteld door de gemeenteraad.' },
          { term: 'UVP', meaning: 'Uitvoeringsprogramma: de uitwerking van het IVP voor twee jaar, vastgesteld door het college.' },
          { term: 'OOV', meaning: 'Openbare orde en veiligheid: het team van de gemeente dat het veiligheidsbeleid maakt en uitvoert.' },
          { term: 'Portefeuillehouder', meaning: 'Het lid van het college dat politiek verantwoordelijk is voor een thema.' },
          { term: 'College van B&W', meaning: 'Burgemeester en wethouders: het dagelijks bestuur van de gemeente.' },
          { term: 'Ter kennisname', meaning: 'De raad ontvangt een stuk om van kennis te nemen; de raad hoeft er niet over te besluiten.' },
          { term: 'Updateronde', meaning: 'De vraag aan de verantwoordelijken om de stand van hun activiteiten over één kwartaal.' },
          { term: 'Collegevoorstel', meaning: 'Het voorstel aan het college om een besluit te nemen, met besluitpunten en een vaste opbouw.' },
          { term: 'PM', meaning: 'Pro memorie: een begrotingspost waarvan het bedrag nog niet bekend is.' },
          { term: 'Structureel / incidenteel', meaning: 'Elk jaar terugkerend / eenmalig.' },
        ],
      },
      {
        id: 'meldformulier',
        title: 'Het openbare meldformulier',
        paragraphs: [
          'Inwoners, ondernemers en anderen melden signalen via het meldformulier van de gemeente, op het vaste adres ' +
          '/openbaar/<gemeente>/melden (bijvoorbeeld /openbaar/huizen/melden). Het formulier werkt zonder JavaScript, zonder ' +
          'inloggen en zonder iets van buiten. Het meldpunt is open zodra de gemeente actieve onderwerpen heeft.',
          'Op de website van de gemeente: zet een gewone link of knop naar dat adres, bijvoorbeeld ' +
          '<a href="https://regie.example.nl/openbaar/huizen/melden">Melding doen</a>. Een iframe is niet nodig en wordt ' +
          'niet toegestaan.',
          'Wie meldt, blijft anoniem tenzij hij zelf contactgegevens geeft. Regie bewaart geen IP-adres, browsergegevens of ' +
          'verwijzende pagina, en haalt verborgen gegevens (zoals de GPS-plaats) uit foto’s. Met een meldcode en een geheime ' +
          'zin ziet de melder later de stand (ontvangen, in behandeling, afgerond), beantwoordt hij vragen van de behandelaar ' +
          'en voegt hij informatie toe. Regie kan een vergeten meldcode niet opnieuw geven.',
        ],
      },
    ] as { id: string; title: string; paragraphs: string[]; steps?: string[]; terms?: { term: string; meaning: string }[] }[],
  },
} as const;
